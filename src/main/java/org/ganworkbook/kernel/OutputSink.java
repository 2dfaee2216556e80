package org.ganworkbook.kernel;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;

/**
 * Where a cell's outputs end up: Jupyter's iopub channel in the kernel, a list in unit tests.
 *
 * <p>Calls arrive in the order the cell produced the outputs, from one thread at a time (see
 * {@link CellOutput}). Implementations must not block for long and must not throw.
 */
public interface OutputSink {

    /** Standard output stream name used by Jupyter. */
    String STDOUT = "stdout";
    /** Standard error stream name used by Jupyter. */
    String STDERR = "stderr";

    /**
     * Text the cell wrote.
     *
     * @param name {@link #STDOUT} or {@link #STDERR}
     * @param text the text, complete characters only (never a split UTF-8 sequence)
     */
    void stream(String name, String text);

    /** A new display (its {@code transient.display_id} is set). */
    void display(DisplayData data);

    /** Replaces the content of the display whose id {@code data} carries. */
    void updateDisplay(DisplayData data);
}
