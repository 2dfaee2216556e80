package org.ganworkbook.grading;

/** A file that is not a usable Jupyter notebook (not JSON, or not nbformat 4); the message says why. */
public final class NotebookFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    public NotebookFormatException(String message) {
        super(message);
    }
}
