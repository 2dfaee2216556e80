package org.ganworkbook.grading;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KernelSpecTest {

    @TempDir
    Path tmp;

    @Test
    void readsAKernelJson() throws Exception {
        Path file = Files.createDirectories(tmp.resolve("gan-workbook")).resolve("kernel.json");
        Files.writeString(file, "{\"argv\": [\"/usr/bin/java\", \"-Xmx3g\", \"-cp\", \"k.jar\", \"Main\", \"{connection_file}\"],"
                + " \"display_name\": \"Java\", \"language\": \"java\", \"interrupt_mode\": \"message\","
                + " \"env\": {\"GANWB_DATA\": \"/data\"}}");
        KernelSpec spec = KernelSpec.parse("gan-workbook", file);
        assertEquals(Map.of("GANWB_DATA", "/data"), spec.env());
        assertTrue(spec.interruptByMessage());
        assertEquals(List.of("/usr/bin/java", "-Xmx1g", "-cp", "k.jar", "Main", "/run/c.json"),
                spec.command(Path.of("/run/c.json"), "1g"), "the heap cap is replaced");
        assertEquals(List.of("/usr/bin/java", "-Xmx3g", "-cp", "k.jar", "Main", "/run/c.json"),
                spec.command(Path.of("/run/c.json"), null));
    }

    @Test
    void addsAHeapCapToAJavaCommandWithoutOne() {
        KernelSpec spec = new KernelSpec("k", List.of("java", "-jar", "k.jar", "{connection_file}"), Map.of(), "x", true);
        assertEquals(List.of("java", "-Xmx800m", "-jar", "k.jar", "c"), spec.command(Path.of("c"), "800m"));
        KernelSpec python = new KernelSpec("p", List.of("python3", "-m", "ipykernel", "-f", "{connection_file}"), Map.of(), "x", false);
        assertEquals(List.of("python3", "-m", "ipykernel", "-f", "c"), python.command(Path.of("c"), "1g"), "only java gets -Xmx");
    }

    @Test
    void rejectsABrokenKernelJson() throws IOException {
        Path file = tmp.resolve("kernel.json");
        Files.writeString(file, "{\"display_name\": \"x\"}");
        assertTrue(assertThrows(IOException.class, () -> KernelSpec.parse("x", file)).getMessage().contains("no \"argv\""));
        Files.writeString(file, "{not json");
        assertTrue(assertThrows(IOException.class, () -> KernelSpec.parse("x", file)).getMessage().contains("not a valid kernel.json"));
    }

    @Test
    void theBuiltInKernelIsThisClassPath() {
        KernelSpec spec = KernelSpec.builtIn();
        List<String> cmd = spec.command(Path.of("conn.json"), "1g");
        assertTrue(cmd.contains("-Xmx1g") && cmd.contains(org.ganworkbook.kernel.WorkbookKernel.class.getName()), cmd.toString());
        assertEquals("conn.json", cmd.get(cmd.size() - 1));
        assertTrue(KernelSpec.searchPath().contains(org.ganworkbook.kernel.KernelspecInstaller.userKernelsDir()));
    }
}
