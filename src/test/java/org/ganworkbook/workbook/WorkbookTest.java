package org.ganworkbook.workbook;

import org.ganworkbook.data.DataDirs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WorkbookTest {

    @Test
    void infoReportsEveryPart() {
        Workbook.Info info = Workbook.info();
        assertEquals(DataDirs.resolve(), info.dataDir().path());
        assertTrue(info.java().startsWith(System.getProperty("java.version")));
        assertTrue(info.cpus() >= 1);
        assertFalse(info.gemm().isBlank());
        String text = info.toString();
        for (String part : new String[] {"GAN Workbook", "Java", "GEMM", "data", "MNIST", "budget"}) {
            assertTrue(text.contains(part), part + " missing from\n" + text);
        }
    }

    @Test
    void gemmBackendIsTheActiveBackendsDescription() {
        String gemm = Workbook.gemmBackend();
        assertEquals(org.ganworkbook.linalg.Gemm.describe(), gemm);
        assertTrue(Workbook.info().gemm().equals(gemm), Workbook.info().gemm());
    }

    @Test
    void longGemmDescriptionsBreakAtTheirSeamsNotInsideAPath() {
        String lib = "/usr/lib/x86_64-linux-gnu/libblas.so.3";
        String target = "/usr/lib/x86_64-linux-gnu/openblas-pthread/libblas.so.3";
        String wrapped = Workbook.wrap("native (BLAS sgemm via JNI: " + lib + " -> " + target + "); native BLAS found");
        String[] lines = wrapped.split("\n");
        assertEquals(3, lines.length, wrapped);
        assertTrue(lines[0].endsWith(lib), wrapped);
        assertEquals(" ".repeat(11) + "  -> " + target + ");", lines[1]);
        assertEquals(" ".repeat(11) + "native BLAS found", lines[2]);
        for (String line : lines) {
            assertTrue(11 + line.length() <= Workbook.WIDTH, "too long: " + line);
        }
        assertEquals("java (pure Java); short", Workbook.wrap("java (pure Java); short"));
    }
}
