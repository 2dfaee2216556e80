package org.ganworkbook.grading;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Restarts after a cell kills or hangs the kernel, and the time limits, with the real kernel. */
@Tag("slow")
class NotebookRunnerTest {

    @TempDir
    Path tmp;

    private static List<JsonObject> cells(String... sources) {
        List<JsonObject> cells = new ArrayList<>();
        for (String s : sources) {
            JsonObject c = new JsonObject();
            c.addProperty("cell_type", s.startsWith("#") ? "markdown" : "code");
            c.add("metadata", new JsonObject());
            c.addProperty("source", s);
            c.add("outputs", new JsonArray());
            cells.add(c);
        }
        return cells;
    }

    private NotebookRunner.Result run(List<JsonObject> cells, Duration cellTimeout, Duration total, int maxRestarts)
            throws Exception {
        NotebookRunner.Settings settings = new NotebookRunner.Settings(KernelSpec.builtIn(), "256m", cellTimeout, total,
                Duration.ofSeconds(90), 2, maxRestarts);
        return new NotebookRunner(settings, Files.createDirectories(tmp.resolve("work")), tmp).run(cells);
    }

    @Test
    void aKilledOrHungKernelIsReplacedAndTheEarlierCellsRunAgain() throws Exception {
        NotebookRunner.Result r = run(cells(
                "int x = 1;",
                "# a markdown cell",
                "System.exit(0);",
                "x + 1",
                // a loop that swallows the kernel's stop: only a new kernel ends it
                "while (true) { try { Thread.sleep(5); } catch (Throwable t) { } }",
                "x + 2"), Duration.ofSeconds(4), Duration.ofMinutes(5), 3);
        CellRun[] runs = r.runs();
        assertNull(runs[1]);
        assertEquals(CellRun.End.DIED, runs[2].end());
        assertEquals("2", runs[3].valueText(), "x was defined again after the restart");
        assertEquals(CellRun.End.TIMEOUT, runs[4].end());
        assertEquals("3", runs[5].valueText(), "and again after the second restart; the loop did not come back");
        assertEquals(2, r.restarts());
        assertTrue(r.notes().get(0).startsWith("cell 2 stopped the kernel (exit status 0); the grader started a new kernel and ran "
                + "the 1 earlier cell(s) again"), r.notes().toString());
        assertTrue(r.notes().get(1).startsWith("cell 4 ran past its time limit"), r.notes().toString());
    }

    @Test
    void afterTheLastAllowedRestartLaterCellsAreNotRun() throws Exception {
        NotebookRunner.Result r = run(cells("System.exit(1);", "1 + 1", "System.exit(2);", "3 + 3"),
                Duration.ofSeconds(20), Duration.ofMinutes(5), 1);
        assertEquals(CellRun.End.DIED, r.runs()[0].end());
        assertEquals("2", r.runs()[1].valueText());
        assertEquals(CellRun.End.DIED, r.runs()[2].end());
        assertEquals(CellRun.End.NOT_RUN, r.runs()[3].end());
        assertTrue(r.notes().get(1).contains("at most 1 restarts"), r.notes().toString());
    }

    @Test
    void theTotalTimeLimitStopsTheRest() throws Exception {
        long t0 = System.nanoTime();
        NotebookRunner.Result r = run(cells("int y = 5;", "Thread.sleep(120_000);", "y"),
                Duration.ofSeconds(100), Duration.ofSeconds(20), 3);
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertEquals(CellRun.End.OK, r.runs()[0].end());
        assertEquals(CellRun.End.TIMEOUT, r.runs()[1].end());
        assertEquals(CellRun.End.NOT_RUN, r.runs()[2].end());
        assertTrue(r.runs()[2].notes().get(0).contains("total time limit of 20 s"));
        assertTrue(seconds < 20 + RunningKernel.INTERRUPT_WAIT.toSeconds() + 10, "took " + seconds + " s");
    }
}
