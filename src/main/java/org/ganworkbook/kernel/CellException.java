package org.ganworkbook.kernel;

import java.util.List;
import java.util.Objects;

/**
 * Why a cell failed, in the three parts a Jupyter error has: {@code ename} (a short name such as
 * {@code CompilationException}, {@code IllegalArgumentException} or {@code Interrupted}),
 * {@code evalue} (one line) and {@code traceback} (the lines a reader sees).
 */
public final class CellException extends Exception {

    private static final long serialVersionUID = 1L;

    /** {@code ename} of a cell stopped by an interrupt request. */
    public static final String INTERRUPTED = "Interrupted";
    /** {@code ename} of a cell that does not compile. */
    public static final String COMPILATION = "CompilationException";

    private final String ename;
    private final String evalue;
    private final List<String> traceback;

    /**
     * @param ename     short error name
     * @param evalue    one-line description
     * @param traceback lines shown to the reader (no line contains a newline)
     */
    public CellException(String ename, String evalue, List<String> traceback) {
        super(ename + ": " + evalue);
        this.ename = Objects.requireNonNull(ename);
        this.evalue = Objects.requireNonNull(evalue);
        this.traceback = List.copyOf(traceback);
    }

    static CellException interrupted(String detail) {
        return new CellException(INTERRUPTED, detail, List.of(INTERRUPTED + ": " + detail));
    }

    /** Short name of the error. */
    public String ename() {
        return ename;
    }

    /** One-line description. */
    public String evalue() {
        return evalue;
    }

    /** The lines to show. */
    public List<String> traceback() {
        return traceback;
    }
}
