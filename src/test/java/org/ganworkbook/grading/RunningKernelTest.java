package org.ganworkbook.grading;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The grader's kernel client against the real kernel, started from the test class path. */
@Tag("slow")
class RunningKernelTest {

    @TempDir
    Path tmp;

    private RunningKernel start(String heap) throws Exception {
        Path work = Files.createDirectories(tmp.resolve("work"));
        return RunningKernel.start(KernelSpec.builtIn(), work, tmp, heap, Duration.ofSeconds(90));
    }

    private static JsonObject output(CellRun run, int i) {
        return run.outputs().get(i).getAsJsonObject();
    }

    @Test
    void runsCellsAndCollectsTheirOutputs() throws Exception {
        try (RunningKernel k = start("512m")) {
            assertEquals("java", k.language());
            assertEquals(CellRun.End.OK, k.execute("int x = 20;", Duration.ofSeconds(30)).end());
            CellRun value = k.execute("x + 22", Duration.ofSeconds(30));
            assertEquals("42", value.valueText());
            assertFalse(value.wroteToStderr());
            CellRun streams = k.execute("System.out.print(\"a\"); System.out.println(\"b\"); System.err.println(\"warn\");",
                    Duration.ofSeconds(30));
            assertEquals(CellRun.End.OK, streams.end());
            assertEquals("ab\n", output(streams, 0).get("text").getAsString(), "consecutive writes are merged");
            assertTrue(streams.wroteToStderr());
            assertEquals("warn\n", streams.stderrText());
            CellRun error = k.execute("throw new IllegalStateException(\"boom\");", Duration.ofSeconds(30));
            assertEquals(CellRun.End.ERROR, error.end());
            assertEquals("IllegalStateException", error.firstError().get("ename").getAsString());
            assertEquals("boom", error.firstError().get("evalue").getAsString());
            CellRun display = k.execute("String id = display(\"first\"); updateDisplay(id, \"second\");", Duration.ofSeconds(30));
            assertEquals("second", output(display, 0).getAsJsonObject("data").get("text/plain").getAsString());
            CellRun flood = k.execute("for (int i = 0; i < 30000; i++) System.out.println(\"0123456789\");", Duration.ofSeconds(60));
            assertEquals(CellRun.End.OK, flood.end());
            assertTrue(Ipynb.text(output(flood, 0).get("text")).length() < RunningKernel.MAX_TEXT + 200);
            assertTrue(flood.notes().get(0).contains("output truncated"), flood.notes().toString());
            k.execute("java.nio.file.Files.writeString(java.nio.file.Path.of(\"left-behind.txt\"), \"hi\");", Duration.ofSeconds(30));
            assertTrue(Files.isRegularFile(tmp.resolve("work/left-behind.txt")), "relative writes land in the working folder");
        }
    }

    @Test
    void aLoopIsInterruptedAfterTheTimeLimit() throws Exception {
        try (RunningKernel k = start("256m")) {
            long t0 = System.nanoTime();
            CellRun loop = k.execute("long n = 0; while (true) { n++; }", Duration.ofSeconds(2));
            double seconds = (System.nanoTime() - t0) / 1e9;
            assertEquals(CellRun.End.TIMEOUT, loop.end());
            assertTrue(seconds >= 2 && seconds < 2 + RunningKernel.INTERRUPT_WAIT.toSeconds() + 2, "took " + seconds + " s");
            assertEquals("CellTimeout", loop.outputs().get(loop.outputs().size() - 1).getAsJsonObject().get("ename").getAsString());
            assertTrue(k.isAlive());
            assertEquals("3", k.execute("1 + 2", Duration.ofSeconds(30)).valueText(), "the kernel still works");
        }
    }

    @Test
    void outOfMemoryIsAnErrorTheKernelSurvives() throws Exception {
        try (RunningKernel k = start("200m")) {
            CellRun oom = k.execute("void hog() { var chunks = new ArrayList<long[]>(); while (true) chunks.add(new long[1 << 20]); }\nhog();",
                    Duration.ofSeconds(60));
            assertEquals(CellRun.End.ERROR, oom.end());
            assertEquals("OutOfMemoryError", oom.firstError().get("ename").getAsString());
            assertTrue(k.isAlive());
            assertEquals("3", k.execute("1 + 2", Duration.ofSeconds(30)).valueText());
        }
    }

    @Test
    void systemExitEndsTheCellAsDied() throws Exception {
        try (RunningKernel k = start("256m")) {
            CellRun exit = k.execute("System.out.println(\"bye\"); System.exit(3);", Duration.ofSeconds(30));
            assertEquals(CellRun.End.DIED, exit.end());
            assertEquals(3, exit.exitCode());
            assertFalse(k.isAlive());
            assertEquals(CellRun.End.DIED, k.execute("1", Duration.ofSeconds(5)).end(), "a dead kernel runs nothing");
        }
    }
}
