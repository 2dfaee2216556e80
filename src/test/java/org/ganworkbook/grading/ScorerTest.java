package org.ganworkbook.grading;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScorerTest {

    private Assignment a;
    private List<JsonObject> cells;
    private CellRun[] runs;

    @BeforeEach
    void setUp() throws Exception {
        a = Submissions.assignment("a1-value-function");
        cells = Submissions.correct(a).cells();
        runs = new CellRun[cells.size()];
        int count = 1;
        for (int i = 0; i < cells.size(); i++) {
            if ("code".equals(Ipynb.cellType(cells.get(i)))) {
                runs[i] = new CellRun(new JsonArray(), count++, CellRun.End.OK, 0.1, null, List.of());
            }
        }
    }

    private int index(String id) {
        for (int i = 0; i < cells.size(); i++) {
            if (id.equals(NbgraderCell.of(cells.get(i)).map(NbgraderCell::gradeId).orElse(null))) {
                return i;
            }
        }
        throw new IllegalArgumentException(id);
    }

    private void set(String id, CellRun.End end, JsonObject... outputs) {
        int i = index(id);
        JsonArray array = new JsonArray();
        for (JsonObject o : outputs) {
            array.add(o);
        }
        runs[i] = new CellRun(array, runs[i].executionCount(), end, 0.2, end == CellRun.End.DIED ? 0 : null, List.of());
    }

    private static JsonObject stream(String name, String text) {
        JsonObject o = new JsonObject();
        o.addProperty("output_type", "stream");
        o.addProperty("name", name);
        o.addProperty("text", text);
        return o;
    }

    private static JsonObject error(String ename, String evalue, String... traceback) {
        JsonObject e = CellRun.error(ename, evalue);
        JsonArray t = new JsonArray();
        for (String line : traceback) {
            t.add(line);
        }
        e.add("traceback", t);
        return e;
    }

    private Map<String, CellResult> score() {
        Map<String, CellResult> byId = new java.util.LinkedHashMap<>();
        for (CellResult r : new Scorer(cells, runs, a.released(), Map.of(), Duration.ofSeconds(30), "1g").results()) {
            byId.put(r.gradeId(), r);
        }
        return byId;
    }

    @Test
    void cellsThatRanCleanlyEarnTheirPoints() {
        Map<String, CellResult> r = score();
        assertEquals(List.of("a1_value_tests", "a1_dstar_tests", "a1_cofg_tests", "a1_written", "a1_task"), List.copyOf(r.keySet()));
        assertEquals(3.0, r.get("a1_value_tests").points());
        assertEquals(CellResult.PASSED, r.get("a1_cofg_tests").status());
        assertEquals(CellResult.MANUAL, r.get("a1_written").status(), "an answered written answer waits for a human");
        assertNull(r.get("a1_written").points());
        assertNull(r.get("a1_task").points());
        assertEquals(2.0, r.get("a1_task").maxPoints());
    }

    @Test
    void aFailedCheckShowsItsMessage() {
        set("a1_dstar_tests", CellRun.End.ERROR, error("CheckFailure", "dStar(0.3, 0.1): expected 0.75, got 0.25"));
        CellResult r = score().get("a1_dstar_tests");
        assertEquals(0.0, r.points());
        assertEquals(CellResult.FAILED, r.status());
        assertEquals("dStar(0.3, 0.1): expected 0.75, got 0.25", r.feedback());
    }

    @Test
    void thePlaceholderIsRecognisedAndTracedToTheAnswerCell() {
        int answerCount = runs[index("a1_value_answer")].executionCount();
        set("a1_value_tests", CellRun.End.ERROR, error("UnsupportedOperationException", Markers.PLACEHOLDER_MESSAGE,
                "java.lang.UnsupportedOperationException: " + Markers.PLACEHOLDER_MESSAGE,
                "    at valueEstimate (cell [" + answerCount + "], line 4)", "    at cell [99], line 3"));
        CellResult r = score().get("a1_value_tests");
        assertEquals(CellResult.ERROR, r.status());
        assertTrue(r.feedback().startsWith("Not answered yet") && r.feedback().contains("'a1_value_answer'"), r.feedback());
        assertTrue(r.hint().contains("Replace the line 'throw new UnsupportedOperationException"), r.hint());
    }

    @Test
    void stderrScoresZeroEvenWhenTheTestsPass() {
        set("a1_cofg_tests", CellRun.End.OK, stream("stdout", "fine\n"), stream("stderr", "debug: 42\n"));
        CellResult r = score().get("a1_cofg_tests");
        assertEquals(0.0, r.points());
        assertEquals(CellResult.STDERR, r.status());
        assertTrue(r.feedback().contains("\"debug: 42\"") && r.feedback().contains("nbgrader's rule"), r.feedback());
    }

    @Test
    void timeoutsDeathsAndCellsNotRunScoreZeroWithAnExplanation() {
        set("a1_value_tests", CellRun.End.TIMEOUT, error("CellTimeout", "the cell did not finish within 30 s"));
        set("a1_dstar_tests", CellRun.End.DIED, error("DeadKernel", "the kernel stopped"));
        runs[index("a1_cofg_tests")] = CellRun.notRun("not run: the submission used up its total time limit of 600 s");
        Map<String, CellResult> r = score();
        assertEquals(CellResult.TIMEOUT, r.get("a1_value_tests").status());
        assertTrue(r.get("a1_value_tests").hint().contains("(your method valueEstimate in cell 'a1_value_answer')"),
                r.get("a1_value_tests").hint());
        assertEquals(CellResult.KERNEL_DIED, r.get("a1_dstar_tests").status());
        assertTrue(r.get("a1_dstar_tests").hint().contains("System.exit"));
        assertEquals(CellResult.NOT_RUN, r.get("a1_cofg_tests").status());
        assertTrue(r.get("a1_cofg_tests").feedback().contains("total time limit"));
        r.values().stream().filter(c -> "tests".equals(c.kind())).forEach(c -> assertEquals(0.0, c.points()));
    }

    @Test
    void outOfMemoryAndCompileErrorsGetTheirOwnHints() {
        set("a1_value_tests", CellRun.End.ERROR, error("OutOfMemoryError", "Java heap space"));
        set("a1_dstar_tests", CellRun.End.ERROR, error("CompilationException", "cell [5], line 1, column 1: cannot find symbol"));
        Map<String, CellResult> r = score();
        assertTrue(r.get("a1_value_tests").feedback().contains("ran out of memory (the grader's kernel has a heap of 1g)"));
        assertTrue(r.get("a1_dstar_tests").hint().contains("not defined"));
    }

    @Test
    void earlierFailuresAreMentioned() {
        set("a1_dstar_answer", CellRun.End.ERROR, error("CompilationException", "cell [4], line 3: ';' expected"));
        set("a1_dstar_tests", CellRun.End.ERROR, error("CompilationException", "cell [5], line 1, column 1: cannot find symbol"));
        assertTrue(score().get("a1_dstar_tests").hint().contains("'a1_dstar_answer' (CompilationException: cell [4], line 3: ';' expected)"));
    }

    @Test
    void anEarlierCellThatTimedOutOrStoppedTheKernelIsNamedSo() {
        set("a1_dstar_answer", CellRun.End.TIMEOUT, error("Interrupted", "the cell was stopped at the user's request"));
        set("a1_dstar_tests", CellRun.End.ERROR, error("CompilationException", "cell [5], line 1, column 1: cannot find symbol"));
        String hint = score().get("a1_dstar_tests").hint();
        assertTrue(hint.contains("'a1_dstar_answer' (it ran past the time limit of 30 s and was stopped)"), hint);
        set("a1_dstar_answer", CellRun.End.DIED, error("DeadKernel", "the kernel stopped"));
        hint = score().get("a1_dstar_tests").hint();
        assertTrue(hint.contains("'a1_dstar_answer' (it stopped the kernel, exit status 0)"), hint);
    }

    @Test
    void aNumericValueIsPartialCredit() {
        JsonObject value = JsonParser.parseString("{\"output_type\": \"execute_result\", \"data\": {\"text/plain\": \"1.5\"}, "
                + "\"metadata\": {}, \"execution_count\": 3}").getAsJsonObject();
        set("a1_value_tests", CellRun.End.OK, value);
        CellResult r = score().get("a1_value_tests");
        assertEquals(1.5, r.points());
        assertEquals(CellResult.PARTIAL, r.status());
        value.getAsJsonObject("data").addProperty("text/plain", "7");
        assertEquals(3.0, score().get("a1_value_tests").points(), "kept within the cell's points");
        value.getAsJsonObject("data").addProperty("text/plain", "\"a string\"");
        assertEquals(3.0, score().get("a1_value_tests").points(), "a value that is not a number changes nothing");
    }

    @Test
    void anUnchangedWrittenAnswerScoresZero() {
        cells = a.released().cells();
        setUp2();
        CellResult r = score().get("a1_written");
        assertEquals(0.0, r.points());
        assertEquals(CellResult.UNANSWERED, r.status());
    }

    private void setUp2() {
        runs = new CellRun[cells.size()];
    }
}
