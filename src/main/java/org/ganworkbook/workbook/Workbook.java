package org.ganworkbook.workbook;

import java.nio.file.Path;
import org.ganworkbook.Version;
import org.ganworkbook.data.DataDirs;
import org.ganworkbook.data.DataFileException;
import org.ganworkbook.data.Mnist;
import org.ganworkbook.linalg.Gemm;

/**
 * Facts about the running workbook, for the first cell of a notebook and for bug reports.
 *
 * <pre>{@code
 * Workbook.info()      // version, Java, matrix backend, data folder, budget
 * }</pre>
 */
public final class Workbook {

    private Workbook() {
    }

    /**
     * What {@link #info()} reports.
     *
     * @param version the library's version, or a note when not running from the built jar
     * @param java Java version and vendor
     * @param maxHeapMb the JVM's heap limit in MiB
     * @param cpus processors available to the JVM
     * @param gemm the matrix-product backend of {@code org.ganworkbook.linalg.Gemm}
     * @param dataDir the data directory and why it was chosen
     * @param mnist whether the MNIST files are in place and verified
     * @param budget the notebook budget ({@code GANWB_BUDGET}), or why its value is invalid
     */
    public record Info(String version, String java, long maxHeapMb, int cpus, String gemm,
                       DataDirs.Choice dataDir, String mnist, String budget) {
        @Override
        public String toString() {
            return String.join("\n",
                    "GAN Workbook " + version,
                    "  Java     " + java + ", heap limit " + maxHeapMb + " MiB, " + cpus + " CPUs",
                    "  GEMM     " + wrap(gemm),
                    "  data     " + dataDir,
                    "  MNIST    " + mnist,
                    "  budget   " + budget);
        }
    }

    /** Lines of {@link Info#toString()} are kept within this many characters where a value allows it. */
    static final int WIDTH = 100;

    /**
     * Breaks a long value at its natural seams ("; " between facts, " -> " before a link target) onto
     * continuation lines indented under the value, so that a notebook shows no line cut in the middle of a
     * path. A value that fits in {@link #WIDTH} characters after the 11-character label stays on one line.
     */
    static String wrap(String value) {
        String indent = " ".repeat(11);
        if (indent.length() + value.length() <= WIDTH) {
            return value;
        }
        return value.replace("; ", ";\n" + indent).replace(" -> ", "\n" + indent + "  -> ");
    }

    /** @return the facts above; never throws, a missing piece is reported in its field */
    public static Info info() {
        DataDirs.Choice data = DataDirs.choose(null);
        return new Info(version(),
                System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
                Runtime.getRuntime().maxMemory() / (1024 * 1024),
                Runtime.getRuntime().availableProcessors(),
                gemmBackend(),
                data,
                mnistStatus(data.path()),
                budgetOrNote());
    }

    /** @return the version from the jar's Maven metadata, or a note when running from classes ({@link Version#get()}) */
    public static String version() {
        return Version.get();
    }

    /** The active GEMM backend, as {@link Gemm#describe()} names it. */
    static String gemmBackend() {
        try {
            return Gemm.describe();
        } catch (RuntimeException | LinkageError e) {
            return "error while asking Gemm.describe(): " + e;
        }
    }

    private static String mnistStatus(Path dataDir) {
        try {
            Mnist.DATASET.verify(dataDir);
            return "verified in " + Mnist.DATASET.dir(dataDir);
        } catch (DataFileException e) {
            return "NOT READY: " + e.getMessage();
        } catch (RuntimeException e) {
            return "NOT READY: " + e;
        }
    }

    private static String budgetOrNote() {
        try {
            return Budget.current() + " (" + Budget.ENV + ")";
        } catch (IllegalArgumentException e) {
            return "INVALID: " + e.getMessage();
        }
    }
}
