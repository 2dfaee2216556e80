package org.ganworkbook.kernel;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/**
 * The kernel's own log. It writes to the process's original standard error (Jupyter copies that to
 * its server log, never into a cell) or, when {@code GANWB_KERNEL_LOG} names a file, to that file.
 *
 * <p>Cells never see these lines: {@code System.err} is replaced by the cell's output stream, and this
 * class writes to the process's file descriptor 2 directly.
 */
final class KernelLog {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
    private static final PrintStream TARGET = openTarget();
    private static volatile boolean debug = System.getenv("GANWB_KERNEL_DEBUG") != null;
    /** Info lines are written only in a running kernel (tests of the evaluator get warnings only). */
    private static volatile boolean info = debug;

    private KernelLog() {
    }

    private static PrintStream openTarget() {
        String file = System.getenv("GANWB_KERNEL_LOG");
        if (file != null && !file.isBlank()) {
            try {
                return new PrintStream(new FileOutputStream(file, true), true, StandardCharsets.UTF_8);
            } catch (IOException e) {
                System.err.println("[gan-workbook kernel] cannot open log file " + file + ": " + e);
            }
        }
        // the process's own standard error, whatever System.err has been replaced by
        return new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    }

    /** Turns info lines on; the kernel's main does this. */
    static void enableInfo() {
        info = true;
    }

    static void info(String message) {
        if (info) {
            write("INFO", message);
        }
    }

    static void warn(String message) {
        write("WARN", message);
    }

    static void debug(String message) {
        if (debug) {
            write("DEBUG", message);
        }
    }

    private static void write(String level, String message) {
        TARGET.println("[" + LocalTime.now().format(TIME) + " " + level + " gan-workbook kernel] " + message);
    }
}
