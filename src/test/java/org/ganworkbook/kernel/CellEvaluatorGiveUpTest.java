package org.ganworkbook.kernel;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A cell that survives both the interrupt and JShell's stop (it catches ThreadDeath) must still give
 * its caller an answer in time, and later cells must say why they cannot run instead of hanging.
 */
class CellEvaluatorGiveUpTest {

    @Test
    void aCellThatCannotBeStoppedIsGivenUpAndLaterCellsReportTheKernelBusy() throws Exception {
        RecordingSink sink = new RecordingSink();
        ExecutorService background = Executors.newSingleThreadExecutor();
        try (CellOutput output = new CellOutput(sink);
             CellEvaluator evaluator = new CellEvaluator(WorkbookRenderers.create(), output, List.of(),
                     Duration.ofMillis(100), Duration.ofMillis(400))) {
            assertTrue(evaluator.awaitReady(Duration.ofSeconds(60)));
            String stubborn = "{ System.setProperty(\"stubborn.started\", \"1\");\n"
                    + "  while (!Boolean.getBoolean(\"stubborn.release\")) {\n"
                    + "    try { while (!Boolean.getBoolean(\"stubborn.release\")) { } } catch (Throwable ignored) { }\n"
                    + "  } }";
            Future<CellException> cell = background.submit(() -> {
                try {
                    evaluator.evaluate(stubborn, 1);
                    return null;
                } catch (CellException e) {
                    return e;
                }
            });
            while (System.getProperty("stubborn.started") == null) {
                Thread.sleep(5);
            }
            long t0 = System.nanoTime();
            evaluator.interrupt();
            CellException interrupted = cell.get(5, TimeUnit.SECONDS);
            double seconds = (System.nanoTime() - t0) / 1e9;
            assertNotNull(interrupted);
            assertEquals(CellException.INTERRUPTED, interrupted.ename());
            assertTrue(interrupted.evalue().contains("still runs"), interrupted.evalue());
            assertTrue(seconds < 1.0, "answered after " + seconds + " s");

            CellException busy = assertThrows(CellException.class, () -> evaluator.evaluate("1 + 1", 2));
            assertEquals("KernelBusy", busy.ename());

            System.setProperty("stubborn.release", "true");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            Object value = null;
            while (value == null && System.nanoTime() < deadline) {
                try {
                    value = evaluator.evaluate("40 + 2", 3);
                } catch (CellException e) {
                    assertEquals("KernelBusy", e.ename());
                }
            }
            assertNotNull(value, "once the cell ends, the kernel works again");
        } finally {
            System.clearProperty("stubborn.started");
            System.clearProperty("stubborn.release");
            background.shutdownNow();
        }
    }

    @Test
    void aGivenUpCellThatEndsSoonAfterDoesNotFailTheNextCell() throws Exception {
        // a cell that takes a second to end after the stop (as one interrupted while JShell still compiles it on
        // a loaded machine): the interrupt is answered at the give-up time, and the next cell waits for it and runs
        RecordingSink sink = new RecordingSink();
        ExecutorService background = Executors.newSingleThreadExecutor();
        try (CellOutput output = new CellOutput(sink);
             CellEvaluator evaluator = new CellEvaluator(WorkbookRenderers.create(), output, List.of(),
                     Duration.ofMillis(100), Duration.ofMillis(400))) {
            assertTrue(evaluator.awaitReady(Duration.ofSeconds(60)));
            // spins until stopped, then (catching every further stop) 1.2 s more
            String slowToStop = "{ System.setProperty(\"slow.started\", \"1\"); long end = 0;\n"
                    + "  while (end == 0 || System.nanoTime() < end) {\n"
                    + "    try { while (end == 0 || System.nanoTime() < end) { } }\n"
                    + "    catch (Throwable stopped) { if (end == 0) end = System.nanoTime() + 1_200_000_000L; } } }";
            Future<CellException> cell = background.submit(() -> {
                try {
                    evaluator.evaluate(slowToStop, 1);
                    return null;
                } catch (CellException e) {
                    return e;
                }
            });
            while (System.getProperty("slow.started") == null) {
                Thread.sleep(5);
            }
            evaluator.interrupt();
            CellException interrupted = cell.get(5, TimeUnit.SECONDS);
            assertNotNull(interrupted);
            assertEquals(CellException.INTERRUPTED, interrupted.ename());
            assertEquals("2", String.valueOf(evaluator.evaluate("1 + 1", 2).getData(org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.TEXT_PLAIN)));
        } finally {
            System.clearProperty("slow.started");
            background.shutdownNow();
        }
    }
}
