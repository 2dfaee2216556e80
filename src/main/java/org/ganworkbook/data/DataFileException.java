package org.ganworkbook.data;

/**
 * A data file is missing, damaged or not what it claims to be.
 *
 * <p>The message always names the file, says what was wrong (and, when something was fetched,
 * every source that was tried with the reason it failed) and ends with how to fix it.
 */
public class DataFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what was wrong, what was tried, and the fix */
    public DataFileException(String message) {
        super(message);
    }

    /**
     * @param message what was wrong, what was tried, and the fix
     * @param cause the underlying I/O failure
     */
    public DataFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
