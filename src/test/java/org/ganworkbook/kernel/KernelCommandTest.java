package org.ganworkbook.kernel;

import org.ganworkbook.grading.KernelSpec;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One command line for the kernel: the installed kernelspec and the grader's built-in copy agree. */
class KernelCommandTest {

    private static final Path JAVA = Path.of("/opt/jdk/bin/java");

    private static long count(List<String> argv, String prefix) {
        return argv.stream().filter(a -> a.startsWith(prefix)).count();
    }

    @Test
    void everyOptionOnceNativeAccessIncluded() {
        List<String> argv = KernelCommand.argv(JAVA, "2g", "/x/gan-workbook.jar", Path.of("/x/a.jsa"));
        assertEquals(argv.size(), new HashSet<>(argv).size(), "an argument repeated: " + argv);
        assertEquals(JAVA.toString(), argv.get(0));
        assertEquals(1, count(argv, "-Xmx"), argv.toString());
        assertTrue(argv.contains("-Xmx2g") && argv.contains("--enable-native-access=ALL-UNNAMED")
                && argv.contains("-XX:SharedArchiveFile=/x/a.jsa") && argv.contains("-Djava.awt.headless=true"), argv.toString());
        assertEquals(List.of("-cp", "/x/gan-workbook.jar", WorkbookKernel.class.getName(), "{connection_file}"),
                argv.subList(argv.size() - 4, argv.size()));
        assertEquals(0, count(KernelCommand.argv(JAVA, "2g", "/x/gan-workbook.jar", null), "-XX:SharedArchiveFile"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KernelCommand.argv(JAVA, "lots", "/x/gan-workbook.jar", null));
        assertTrue(e.getMessage().contains("'lots'") && e.getMessage().contains("3g"), e.getMessage());
    }

    @Test
    void theBuiltInKernelsClassPathIsAbsolute() {
        // `java -jar target/gan-workbook.jar grade run ...` has a relative class path, and the grader starts
        // the kernel in an empty temporary folder: a relative entry there finds no WorkbookKernel
        String cwd = Path.of("").toAbsolutePath().toString();
        assertEquals(cwd + "/target/gan-workbook.jar" + java.io.File.pathSeparator + "/abs/x.jar",
                KernelCommand.absoluteClassPath("target/gan-workbook.jar" + java.io.File.pathSeparator + "/abs/x.jar"));
        String saved = System.getProperty("java.class.path");
        List<String> argv;
        try {
            System.setProperty("java.class.path", "target/gan-workbook.jar");
            argv = KernelSpec.builtIn().argv();
        } finally {
            System.setProperty("java.class.path", saved);
        }
        assertEquals(cwd + "/target/gan-workbook.jar", argv.get(argv.indexOf("-cp") + 1));
    }

    @Test
    void theInstallerAndTheGradersBuiltInKernelUseTheSameCommand() {
        Path jar = Path.of("/x/gan-workbook.jar");
        assertEquals(KernelCommand.argv(JAVA, "3g", jar.toString(), null), KernelspecInstaller.argv(JAVA, "3g", jar, null));

        KernelSpec builtIn = KernelSpec.builtIn();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        assertEquals(KernelCommand.argv(java, KernelspecInstaller.DEFAULT_HEAP,
                KernelCommand.absoluteClassPath(System.getProperty("java.class.path")), null), builtIn.argv());
        assertEquals(KernelspecInstaller.DEFAULT_ENV, builtIn.env());
        // the grader replaces the heap cap: still exactly one -Xmx, and native access stays allowed
        List<String> cmd = builtIn.command(Path.of("conn.json"), "1g");
        assertEquals(1, count(cmd, "-Xmx"), cmd.toString());
        assertTrue(cmd.contains("-Xmx1g") && cmd.contains("--enable-native-access=ALL-UNNAMED"), cmd.toString());
        assertEquals("conn.json", cmd.get(cmd.size() - 1));
    }
}
