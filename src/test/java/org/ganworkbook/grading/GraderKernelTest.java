package org.ganworkbook.grading;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.ganworkbook.cli.Main;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Grades a folder of prepared submissions with {@code gan-workbook grade run} and the real kernel:
 * correct, empty and hostile ones (a loop, System.exit, an exception, stderr output, a heap filled
 * up, edited and deleted test cells, broken JSON). Every submission is made from the committed
 * assignments here, as a student would make it, and its file is checked to be unchanged afterwards.
 */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GraderKernelTest {

    private static final String A1 = "a1-value-function";

    @TempDir
    static Path tmp;

    private final Map<String, SubmissionReport> reports = new HashMap<>();
    private final Map<String, String> shaBefore = new LinkedHashMap<>();
    private Path submissions;
    private Path out;
    private int exitCode;
    private String console;

    private static final String LOOP = """
            double valueEstimate(double[] dReal, double[] dFake) {
                double real = 0;
                int i = 0;
                while (i < dReal.length) {
                    real += Math.log(dReal[i]);   // i++ forgotten
                }
                double fake = 0;
                for (double d : dFake) {
                    fake += Math.log1p(-d);
                }
                return real / dReal.length + fake / dFake.length;
            }""";

    private static final String EXIT = """
            double cOfG(double[] pData, double[] pG, double dx) {
                System.exit(0);
                return 0;
            }""";

    private static final String EXCEPTION = """
            double valueEstimate(double[] dReal, double[] dFake) {
                return Math.log(dReal[dReal.length]) + Math.log1p(-dFake[0]);
            }""";

    private static final String OOM = """
            double cOfG(double[] pData, double[] pG, double dx) {
                List<double[]> copies = new ArrayList<>();
                while (true) {
                    copies.add(pData.clone());
                }
            }""";

    private static final String WRONG = """
            double dStar(double pData, double pG) {
                if (pData == 0 && pG == 0) {
                    return 0.5;
                }
                return pG / (pData + pG);
            }""";

    @BeforeAll
    void gradeTheFolder() throws Exception {
        submissions = Files.createDirectories(tmp.resolve("submitted"));
        out = tmp.resolve("graded");
        Assignment a1 = Submissions.assignment(A1);
        Ipynb correct = Submissions.correct(a1);
        String stderrAnswer = Submissions.sourceOf(a1, "a1_value_answer")
                .replace("    return real", "    System.err.println(\"debug: real = \" + real);\n    return real");
        write("correct", A1, correct);
        write("empty", A1, a1.released());
        write("wrong", A1, Submissions.with(correct, "a1_dstar_answer", WRONG));
        write("loop", A1, Submissions.with(correct, "a1_value_answer", LOOP));
        write("exit", A1, Submissions.with(correct, "a1_cofg_answer", EXIT));
        write("exception", A1, Submissions.with(correct, "a1_value_answer", EXCEPTION));
        write("stderr", A1, Submissions.with(correct, "a1_value_answer", Submissions.withoutMarkerLines(stderrAnswer)));
        write("oom", A1, Submissions.with(correct, "a1_cofg_answer", OOM));
        Ipynb edited = Submissions.with(correct, "a1_value_answer",
                "double valueEstimate(double[] dReal, double[] dFake) {\n    return 0;\n}");
        edited = Submissions.with(edited, "a1_value_tests", "// these tests were too strict");
        write("edited", A1, Submissions.without(edited, "a1_dstar_tests"));
        String text = a1.released().toJson();
        Path broken = Files.createDirectories(submissions.resolve("broken")).resolve(A1 + ".ipynb");
        Files.writeString(broken, text.substring(0, text.length() / 3), StandardCharsets.UTF_8);
        shaBefore.put("broken/" + A1, Grader.sha256(Files.readAllBytes(broken)));
        for (String other : List.of("a2-maxout-and-generator-loss", "a3-parzen-log-likelihood")) {
            Assignment a = Submissions.assignment(other);
            write("correct", other, Submissions.correct(a));
            write("empty", other, a.released());
        }

        StringWriter text2 = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(text2, true));
        cl.setErr(new PrintWriter(text2, true));
        exitCode = cl.execute("grade", "run", submissions.toString(), "--source", Submissions.SOURCES.toString(),
                "--out", out.toString(), "--kernel", "no-such-kernel-so-the-built-in-one-is-used", "--cell-timeout", "10");
        console = text2.toString();
        try (var files = Files.walk(out)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".report.json")).toList()) {
                SubmissionReport r = ReportWriter.fromJson(Files.readString(p));
                reports.put(r.student() + "/" + (r.assignment().isEmpty() ? "?" : r.assignment()), r);
            }
        }
    }

    private void write(String student, String assignment, Ipynb nb) throws Exception {
        Path file = Files.createDirectories(submissions.resolve(student)).resolve(assignment + ".ipynb");
        nb.write(file);
        shaBefore.put(student + "/" + assignment, Grader.sha256(Files.readAllBytes(file)));
    }

    private SubmissionReport report(String student) {
        return report(student, A1);
    }

    private SubmissionReport report(String student, String assignment) {
        SubmissionReport r = reports.get(student + "/" + assignment);
        assertTrue(r != null, "no report for " + student + "/" + assignment + "; console:\n" + console);
        return r;
    }

    private static CellResult cell(SubmissionReport r, String id) {
        return r.cells().stream().filter(c -> c.gradeId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void everySubmissionGotAReportAndNoFileWasChanged() throws Exception {
        assertEquals(1, exitCode, "one submission (broken JSON) could not be graded:\n" + console);
        assertEquals(shaBefore.size(), reports.size(), reports.keySet().toString());
        try (var files = Files.walk(submissions)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                String key = submissions.relativize(p).getName(0) + "/" + p.getFileName().toString().replace(".ipynb", "");
                assertEquals(shaBefore.get(key), Grader.sha256(Files.readAllBytes(p)), key + " was modified");
            }
        }
        reports.values().forEach(r -> assertTrue(r.submissionUnchanged(), r.submission()));
        assertTrue(Files.isRegularFile(out.resolve("gradebook.csv")) && Files.isRegularFile(out.resolve("summary.html")));
        assertEquals(reports.size() + 1, Files.readAllLines(out.resolve("gradebook.csv")).size());
        assertTrue(console.contains("per assignment") && console.contains("share_full_points"), console);
    }

    @Test
    void correctSubmissionsGetFullMarksFromQuietFastTestCells() throws Exception {
        for (String assignment : Submissions.NAMES) {
            SubmissionReport r = report("correct", assignment);
            assertEquals(SubmissionReport.GRADED, r.status(), r.error());
            assertEquals(r.autogradedMax(), r.autogradedScore(), 0, assignment + ": " + r.cells());
            assertEquals(r.maxScore() - r.autogradedMax(), r.pendingManualPoints(), 0, "written answers and tasks wait");
            assertEquals(0, r.kernelRestarts());
            assertEquals(List.of(), r.notes());
            for (CellResult c : r.cells()) {
                assertTrue(c.seconds() < 30, c.gradeId() + " took " + c.seconds() + " s");
            }
            // nbgrader would read a test cell's value as partial credit, and stderr as a failure: neither may occur
            Ipynb graded = Ipynb.read(out.resolve("correct").resolve(assignment + ".graded.ipynb"));
            for (JsonObject cell : graded.cells()) {
                NbgraderCell m = NbgraderCell.of(cell).orElse(null);
                for (JsonElement o : cell.has("outputs") ? cell.getAsJsonArray("outputs") : new com.google.gson.JsonArray()) {
                    String type = o.getAsJsonObject().get("output_type").getAsString();
                    assertFalse("error".equals(type), assignment + ": " + o);
                    assertFalse("stream".equals(type) && "stderr".equals(o.getAsJsonObject().get("name").getAsString()), o.toString());
                    if (m != null && m.role() == NbgraderCell.Role.TESTS) {
                        assertFalse("execute_result".equals(type), m.gradeId() + " shows a value: " + o);
                    }
                }
            }
        }
    }

    @Test
    void emptySubmissionsScoreZeroAndShowThePlaceholder() {
        for (String assignment : Submissions.NAMES) {
            SubmissionReport r = report("empty", assignment);
            assertEquals(0, r.score(), 0, r.cells().toString());
            for (CellResult c : r.cells()) {
                if ("tests".equals(c.kind())) {
                    assertEquals(CellResult.ERROR, c.status());
                    assertTrue(c.feedback().startsWith("Not answered yet"), c.feedback());
                    assertTrue(c.error().equals("UnsupportedOperationException: " + Markers.PLACEHOLDER_MESSAGE), c.error());
                } else if ("written answer".equals(c.kind())) {
                    assertEquals(CellResult.UNANSWERED, c.status());
                }
            }
        }
    }

    @Test
    void aWrongAnswerFailsWithExpectedAndActualValues() {
        SubmissionReport r = report("wrong");
        assertEquals(3, r.autogradedScore(), 0);
        CellResult dStar = cell(r, "a1_dstar_tests");
        assertEquals(CellResult.FAILED, dStar.status());
        assertEquals("dStar(0.3, 0.1): expected 0.75 (within 1e-12), got 0.25; off by 0.5", dStar.feedback());
        assertEquals(CellResult.FAILED, cell(r, "a1_cofg_tests").status());
    }

    @Test
    void anEndlessLoopCostsOnlyItsOwnExercise() {
        SubmissionReport r = report("loop");
        assertEquals(6, r.autogradedScore(), 0);
        CellResult value = cell(r, "a1_value_tests");
        assertEquals(CellResult.TIMEOUT, value.status());
        assertTrue(value.feedback().contains("did not finish within 10 s"), value.feedback());
        assertTrue(value.hint().contains("a loop that never ends in the code these tests call (your method valueEstimate in "
                + "cell 'a1_value_answer')"), value.hint());
        assertEquals(1, r.kernelRestarts());
    }

    @Test
    void systemExitCostsOnlyItsOwnExercise() {
        SubmissionReport r = report("exit");
        assertEquals(6, r.autogradedScore(), 0);
        CellResult cofg = cell(r, "a1_cofg_tests");
        assertEquals(CellResult.KERNEL_DIED, cofg.status());
        assertTrue(cofg.hint().contains("System.exit"), cofg.hint());
        assertEquals(1, r.kernelRestarts());
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("stopped the kernel (exit status 0)")), r.notes().toString());
    }

    @Test
    void anExceptionIsShownWithWhereItCameFrom() {
        SubmissionReport r = report("exception");
        assertEquals(6, r.autogradedScore(), 0);
        CellResult value = cell(r, "a1_value_tests");
        assertEquals(CellResult.ERROR, value.status());
        assertTrue(value.feedback().contains("(in your cell 'a1_value_answer') threw ArrayIndexOutOfBoundsException"),
                value.feedback());
    }

    @Test
    void writingToStderrScoresZeroAndSaysWhy() {
        SubmissionReport r = report("stderr");
        assertEquals(6, r.autogradedScore(), 0);
        CellResult value = cell(r, "a1_value_tests");
        assertEquals(CellResult.STDERR, value.status());
        assertEquals(0.0, value.points());
        assertTrue(value.feedback().contains("The tests passed, but the cell wrote to stderr (\"debug: real = ")
                && value.feedback().contains("scores 0 (nbgrader's rule)"), value.feedback());
    }

    @Test
    void runningOutOfMemoryCostsOnlyItsOwnExercise() {
        SubmissionReport r = report("oom");
        assertEquals(6, r.autogradedScore(), 0);
        CellResult cofg = cell(r, "a1_cofg_tests");
        assertEquals(CellResult.ERROR, cofg.status());
        assertTrue(cofg.feedback().contains("ran out of memory (the grader's kernel has a heap of 1g)"), cofg.feedback());
        assertEquals("OutOfMemoryError: Java heap space", cofg.error());
    }

    @Test
    void editedAndDeletedTestCellsAreRestoredAndReported() {
        SubmissionReport r = report("edited");
        assertEquals(6, r.autogradedScore(), 0, r.cells().toString());
        CellResult value = cell(r, "a1_value_tests");
        assertEquals(CellResult.FAILED, value.status(), "the restored tests catch the wrong answer");
        assertTrue(value.note().contains("had been edited; the original was restored"), value.note());
        CellResult dStar = cell(r, "a1_dstar_tests");
        assertEquals(CellResult.PASSED, dStar.status());
        assertTrue(dStar.note().contains("was missing; the original was put back"), dStar.note());
        assertTrue(r.notes().stream().anyMatch(n -> n.startsWith("'a1_value_tests': this locked cell had been edited")));
    }

    @Test
    void brokenJsonIsAClearPerSubmissionError() {
        SubmissionReport r = report("broken");
        assertEquals(SubmissionReport.FAILED, r.status());
        assertTrue(r.error().contains("not valid JSON"), r.error());
        assertTrue(r.cells().isEmpty());
        assertNull(reports.get("broken/?"));
        assertTrue(console.contains("ERROR ") && console.contains("could not be graded"), console);
    }
}
