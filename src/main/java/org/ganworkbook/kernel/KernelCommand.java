package org.ganworkbook.kernel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line that starts the workbook's kernel, in one place: the kernelspec Jupyter runs
 * ({@link KernelspecInstaller}) and the grader's own copy ({@code grading.KernelSpec.builtIn()}) both
 * come from {@link #argv}, so they cannot drift apart (the grader's copy once lacked
 * {@code --enable-native-access}, and a graded cell on JDK 22+ then scored 0 for the JVM's warning
 * on stderr).
 */
public final class KernelCommand {

    /** Where Jupyter (and the grader) put the connection file's path. */
    public static final String CONNECTION_FILE = "{connection_file}";

    private KernelCommand() {
    }

    /**
     * {@code classPath} with every entry made absolute (against the current directory), so that a kernel
     * started in another folder (the grader runs each submission in an empty temporary one) still finds
     * its classes: {@code java -jar target/gan-workbook.jar grade run ...} has the class path
     * {@code target/gan-workbook.jar}.
     */
    public static String absoluteClassPath(String classPath) {
        List<String> entries = new ArrayList<>();
        for (String entry : classPath.split(java.util.regex.Pattern.quote(java.io.File.pathSeparator))) {
            if (!entry.isEmpty()) {
                entries.add(Path.of(entry).toAbsolutePath().normalize().toString());
            }
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    /**
     * {@code java [-XX:SharedArchiveFile=archive -Xlog:cds*=off] -Xmx<heap> <jvm options> -cp <classpath>
     * org.ganworkbook.kernel.WorkbookKernel {connection_file}}; each option appears once.
     *
     * @param java      the java executable (JDK 17 or newer)
     * @param heap      the heap cap, as for {@code -Xmx} (e.g. {@code 3g})
     * @param classpath the class path with the workbook's classes (a jar, or a path list)
     * @param archive   the class-data-sharing archive, or null for none
     */
    public static List<String> argv(Path java, String heap, String classpath, Path archive) {
        if (!heap.matches("\\d+[kKmMgGtT]?")) {
            throw new IllegalArgumentException("heap '" + heap + "' is not a JVM heap size; use e.g. 3g or 1500m");
        }
        List<String> argv = new ArrayList<>();
        argv.add(java.toString());
        if (archive != null) {
            // classes of the kernel, JShell's compiler and the renderers come mapped from this archive,
            // recorded at install time: faster start and first cell (see CdsArchiveRecorder)
            argv.add("-XX:SharedArchiveFile=" + archive);
            // an archive that no longer matches (another JDK build) is skipped silently, not reported in the log
            argv.add("-Xlog:cds*=off");
        }
        // a runaway cell fails with OutOfMemoryError instead of taking a quarter of the machine
        argv.add("-Xmx" + heap);
        // charts and images are drawn off-screen; no display server is needed or wanted
        argv.add("-Djava.awt.headless=true");
        // Java 17 otherwise takes the file encoding from the locale Jupyter happens to run under
        argv.add("-Dfile.encoding=UTF-8");
        // a learner's NullPointerException keeps its stack trace even after the JIT has seen it often
        argv.add("-XX:-OmitStackTraceInFastThrow");
        // the native BLAS is loaded through JNI; JDK 22+ warns on stderr (which fails a graded cell) unless allowed
        argv.add("--enable-native-access=ALL-UNNAMED");
        // lets CellExecutionControl give JShell's snippet threads a group that sees an OutOfMemoryError that
        // kills a snippet's thread before JShell can report it (JShell then returned as if the cell had succeeded)
        argv.add("--add-opens=jdk.jshell/jdk.jshell.execution=ALL-UNNAMED");
        argv.add("-cp");
        argv.add(classpath);
        argv.add(WorkbookKernel.class.getName());
        argv.add(CONNECTION_FILE);
        return argv;
    }
}
