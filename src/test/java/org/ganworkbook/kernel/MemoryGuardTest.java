package org.ganworkbook.kernel;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The heap guard: its limit, its decision, and a runaway cell stopped by it before the heap fills. */
class MemoryGuardTest {

    private static final long MB = 1L << 20;

    @Test
    void marginIsASixteenthBetween64And256MegabytesAndAtMostAQuarter() {
        assertEquals(64 * MB, MemoryGuard.margin(1024 * MB));
        assertEquals(192 * MB, MemoryGuard.margin(3072 * MB));
        assertEquals(64 * MB, MemoryGuard.margin(512 * MB)); // the protocol test's heap (32 MB before)
        assertEquals(50 * MB, MemoryGuard.margin(200 * MB));
        assertEquals(256 * MB, MemoryGuard.margin(16384 * MB));
        assertEquals(960 * MB, MemoryGuard.threshold(1024 * MB));
    }

    @Test
    void reportsOnlyWhenAFullCollectionLeavesThePoolAboveTheLimit() {
        long max = 1024 * MB;
        AtomicLong used = new AtomicLong(900 * MB);
        AtomicLong afterCollection = new AtomicLong(100 * MB);
        AtomicInteger collections = new AtomicInteger();
        List<Double> reports = new ArrayList<>();
        MemoryGuard guard = new MemoryGuard(used::get, () -> {
            collections.incrementAndGet();
            used.set(afterCollection.get());
        }, max, () -> true, reports::add);

        guard.check(); // below the limit: nothing
        assertEquals(0, collections.get());

        used.set(1000 * MB); // above, but garbage: one collection, no report
        guard.check();
        assertEquals(1, collections.get());
        assertTrue(reports.isEmpty(), reports.toString());

        used.set(990 * MB); // above again at once, in the first half of the 64 MB margin: no second collection
        guard.check();
        assertEquals(1, collections.get());

        used.set(1000 * MB); // in the last half of the margin: collected even within the interval
        guard.check();
        assertEquals(2, collections.get());
        assertTrue(reports.isEmpty(), reports.toString());
    }

    @Test
    void liveDataAboveTheLimitIsReportedAsTheUsedFraction() {
        long max = 1024 * MB;
        AtomicLong used = new AtomicLong(1000 * MB);
        List<Double> reports = new ArrayList<>();
        MemoryGuard guard = new MemoryGuard(used::get, () -> used.set(990 * MB), max, () -> true, reports::add);
        guard.check();
        assertEquals(List.of(990.0 / 1024), reports);
    }

    private static final String RUNAWAY =
            "java.util.List<long[]> hog = new java.util.ArrayList<>(); while (true) hog.add(new long[1 << 17]);";

    @Test
    void aRunawayAllocationIsStoppedBeforeTheHeapFillsAndTheNextCellRuns() throws Exception {
        threeRunawaysStoppedByTheGuardThenOnePlusOne(RUNAWAY);
    }

    @Test
    void aRunawayIsStoppedEvenRightAfterACollectionThatOnlyFoundGarbage() throws Exception {
        // about 300 MB of promoted small arrays lie as garbage in the old generation when the runaway starts,
        // so the guard's first forced collection frees them and finds the pool below the limit; the runaway
        // then fills the rest of the heap far sooner than the guard's minimum interval between collections
        threeRunawaysStoppedByTheGuardThenOnePlusOne("{ Object[] garbage = new Object[3_000_000];"
                + " for (int i = 0; i < garbage.length; i++) garbage[i] = new long[14]; }\n" + RUNAWAY);
    }

    private static void threeRunawaysStoppedByTheGuardThenOnePlusOne(String cellCode) throws Exception {
        try (CellOutput output = new CellOutput(new RecordingSink());
             CellEvaluator evaluator = new CellEvaluator(WorkbookRenderers.create(), output, List.of())) {
            assertTrue(evaluator.awaitReady(Duration.ofSeconds(60)));
            for (int i = 1; i <= 3; i++) {
                int cell = i;
                CellException oom = assertThrows(CellException.class, () -> evaluator.evaluate(cellCode, cell));
                assertEquals("OutOfMemoryError", oom.ename(), oom.evalue());
                // the guard's words, not the JVM's: the heap never filled
                assertTrue(oom.evalue().contains("stopped the cell before it filled"), oom.evalue());
                assertTrue(String.join("\n", oom.traceback()).contains("hog"), oom.traceback().toString());
            }
            assertEquals("2", evaluator.evaluate("1 + 1", 4)
                    .getData(org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.TEXT_PLAIN));
        }
    }

    @Test
    void aCellStoppedForMemoryIsAnOutOfMemoryErrorEvenIfItEndsAfterTheInterruptsGiveUpTime() throws Exception {
        // give-up time of interrupts 100 ms; the cell below catches the guard's stop and spins 1.5 s before it
        // ends, as a cell does whose stop waits for a long collection on a loaded machine
        try (CellOutput output = new CellOutput(new RecordingSink());
             CellEvaluator evaluator = new CellEvaluator(WorkbookRenderers.create(), output, List.of(),
                     Duration.ofMillis(50), Duration.ofMillis(100))) {
            assertTrue(evaluator.awaitReady(Duration.ofSeconds(60)));
            CellException oom = assertThrows(CellException.class, () -> evaluator.evaluate(
                    "java.util.List<long[]> hog = new java.util.ArrayList<>();\n"
                            + "try { while (true) hog.add(new long[1 << 17]); } catch (Throwable stopped) {\n"
                            + "    hog = null; long t0 = System.nanoTime(); while (System.nanoTime() - t0 < 1_500_000_000L) { }\n"
                            + "    throw new RuntimeException(stopped);\n"
                            + "}", 1));
            assertEquals("OutOfMemoryError", oom.ename(), oom.evalue());
            assertTrue(oom.evalue().contains("stopped the cell before it filled"), oom.evalue());
            assertEquals("2", evaluator.evaluate("1 + 1", 2)
                    .getData(org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.TEXT_PLAIN));
        }
    }
}
