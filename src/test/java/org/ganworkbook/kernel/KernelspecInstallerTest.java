package org.ganworkbook.kernel;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KernelspecInstallerTest {

    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    @Test
    void writesKernelJsonAndCopiesTheJar(@TempDir Path tmp) throws Exception {
        Path jar = Files.write(tmp.resolve("built.jar"), new byte[]{1, 2, 3});
        Path dir = KernelspecInstaller.install(tmp.resolve("kernels"), "gan-workbook", "Java (GAN Workbook)", "2g",
                jar, JAVA, Map.of("GANWB_DATA", "/data"), false);
        assertEquals(tmp.resolve("kernels").resolve("gan-workbook").toAbsolutePath(), dir);
        Path copy = dir.resolve(KernelspecInstaller.JAR_NAME);
        assertArrayEquals(new byte[]{1, 2, 3}, Files.readAllBytes(copy));

        JsonObject spec = JsonParser.parseString(Files.readString(dir.resolve("kernel.json"))).getAsJsonObject();
        assertEquals("java", spec.get("language").getAsString());
        assertEquals("message", spec.get("interrupt_mode").getAsString());
        assertEquals("Java (GAN Workbook)", spec.get("display_name").getAsString());
        assertEquals("/data", spec.getAsJsonObject("env").get("GANWB_DATA").getAsString());
        assertEquals("1", spec.getAsJsonObject("env").get("OPENBLAS_NUM_THREADS").getAsString(),
                "OpenBLAS on one thread, so the library's own GEMM threads do the splitting");
        List<String> argv = spec.getAsJsonArray("argv").asList().stream().map(e -> e.getAsString()).toList();
        assertEquals(JAVA.toString(), argv.get(0));
        assertTrue(argv.contains("-Xmx2g") && argv.contains("-Djava.awt.headless=true"), argv.toString());
        int cp = argv.indexOf("-cp");
        assertEquals(copy.toString(), argv.get(cp + 1), "the kernel runs the copy, not the build output");
        assertEquals(List.of(WorkbookKernel.class.getName(), "{connection_file}"), argv.subList(argv.size() - 2, argv.size()));
    }

    @Test
    void anExplicitEnvWinsOverTheDefault(@TempDir Path tmp) throws Exception {
        Path jar = Files.write(tmp.resolve("built.jar"), new byte[]{1});
        Path dir = KernelspecInstaller.install(tmp.resolve("kernels"), "k", "K", "1g", jar, JAVA,
                Map.of("OPENBLAS_NUM_THREADS", "2"), false);
        JsonObject spec = JsonParser.parseString(Files.readString(dir.resolve("kernel.json"))).getAsJsonObject();
        assertEquals("2", spec.getAsJsonObject("env").get("OPENBLAS_NUM_THREADS").getAsString());
    }

    @Test
    void reinstallingReplacesJarAndSpec(@TempDir Path tmp) throws Exception {
        Path jar = Files.write(tmp.resolve("a.jar"), new byte[]{1});
        Path kernels = tmp.resolve("kernels");
        KernelspecInstaller.install(kernels, "k", "K", "1g", jar, JAVA, Map.of(), false);
        Files.write(jar, new byte[]{9, 9});
        Path dir = KernelspecInstaller.install(kernels, "k", "K two", "1g", jar, JAVA, Map.of(), false);
        assertArrayEquals(new byte[]{9, 9}, Files.readAllBytes(dir.resolve(KernelspecInstaller.JAR_NAME)));
        assertTrue(Files.readString(dir.resolve("kernel.json")).contains("K two"));
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temporary files are left behind");
        }
        // installing from the installed jar itself is allowed (the setup may re-run from there)
        KernelspecInstaller.install(kernels, "k", "K", "1g", dir.resolve(KernelspecInstaller.JAR_NAME), JAVA, Map.of(), false);
    }

    @Test
    void rejectsBadInput(@TempDir Path tmp) throws Exception {
        Path jar = Files.write(tmp.resolve("a.jar"), new byte[]{1});
        Path kernels = tmp.resolve("kernels");
        assertThrows(IllegalArgumentException.class,
                () -> KernelspecInstaller.install(kernels, "k", "K", "lots", jar, JAVA, Map.of(), false));
        assertThrows(IllegalArgumentException.class,
                () -> KernelspecInstaller.install(kernels, "bad name", "K", "1g", jar, JAVA, Map.of(), false));
        IllegalArgumentException noJar = assertThrows(IllegalArgumentException.class,
                () -> KernelspecInstaller.install(kernels, "k", "K", "1g", tmp.resolve("missing.jar"), JAVA, Map.of(), false));
        assertTrue(noJar.getMessage().contains("mvn"), noJar.getMessage());
        IllegalArgumentException noJava = assertThrows(IllegalArgumentException.class,
                () -> KernelspecInstaller.install(kernels, "k", "K", "1g", jar, tmp.resolve("java"), Map.of(), false));
        assertTrue(noJava.getMessage().contains("--java"), noJava.getMessage());
    }

    @Test
    void readsJavaVersions() {
        assertEquals(8, KernelspecInstaller.parseMajorVersion("openjdk version \"1.8.0_392\"\nOpenJDK Runtime"));
        assertEquals(11, KernelspecInstaller.parseMajorVersion("java version \"11.0.2\" 2019-01-15 LTS"));
        assertEquals(17, KernelspecInstaller.parseMajorVersion("openjdk version \"17.0.15\" 2025-04-15"));
        assertEquals(21, KernelspecInstaller.parseMajorVersion("openjdk version \"21\" 2023-09-19"));
        assertThrows(IllegalArgumentException.class, () -> KernelspecInstaller.parseMajorVersion("command not found"));
    }
}
