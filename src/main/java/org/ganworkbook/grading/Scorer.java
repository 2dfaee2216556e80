package org.ganworkbook.grading;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gives each graded cell its points and its feedback, with nbgrader's rules:
 * <ul>
 *   <li>an autograder-test cell earns its points if it ran without an error <b>and wrote nothing to
 *       stderr</b>; if it shows a value that reads as a number, that number is the points (partial
 *       credit, kept within 0 and the maximum); otherwise it earns 0;</li>
 *   <li>a written answer left exactly as released earns 0; any other answer, and every task, waits for
 *       an instructor.</li>
 * </ul>
 * The feedback says what went wrong in words a student can act on: the failed check's own message
 * (what was expected, what came back), the placeholder of an unanswered exercise, a time-out, a
 * stopped kernel, stderr output, and which earlier answer cell a failure comes from.
 */
final class Scorer {

    private static final Pattern CELL_REF = Pattern.compile("cell \\[(\\d+)]");
    private static final java.util.Set<String> KEYWORDS = java.util.Set.of("if", "for", "while", "switch", "catch",
            "synchronized", "return", "new", "else", "do", "try");
    /** A method declaration at the start of a line: a return type, a name, parameters, an opening brace. */
    private static final Pattern METHOD = Pattern.compile("(?m)^\\s*(?:static\\s+)?[\\w<>\\[\\], ]+?\\s+(\\w+)\\s*\\([^)]*\\)\\s*\\{");

    private final List<JsonObject> cells;
    private final CellRun[] runs;
    private final Map<String, String> releasedSources = new HashMap<>();
    private final Map<String, String> cellNotes;
    private final Duration cellTimeout;
    private final String heap;
    private final Map<Integer, Integer> cellOfCount = new HashMap<>();

    Scorer(List<JsonObject> cells, CellRun[] runs, Ipynb released, Map<String, String> cellNotes, Duration cellTimeout,
           String heap) {
        this.cells = cells;
        this.runs = runs;
        this.cellNotes = cellNotes;
        this.cellTimeout = cellTimeout;
        this.heap = heap;
        for (JsonObject cell : released.cells()) {
            NbgraderCell.of(cell).filter(m -> m.gradeId() != null)
                    .ifPresent(m -> releasedSources.put(m.gradeId(), Ipynb.source(cell)));
        }
        for (int i = 0; i < runs.length; i++) {
            if (runs[i] != null && runs[i].executionCount() != null) {
                cellOfCount.put(runs[i].executionCount(), i);
            }
        }
    }

    /** One result per graded cell (tests, written answers, tasks), in notebook order. */
    List<CellResult> results() {
        List<CellResult> results = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            NbgraderCell meta = NbgraderCell.of(cells.get(i)).orElse(null);
            if (meta == null) {
                continue;
            }
            switch (meta.role()) {
                case TESTS -> results.add(tests(i, meta));
                case WRITTEN_ANSWER -> results.add(written(i, meta));
                case TASK -> results.add(new CellResult(i, meta.gradeId(), "task", meta.points(), null, CellResult.MANUAL,
                        "A task: an instructor grades your work on it by hand.", null, null, 0, cellNotes.get(meta.gradeId())));
                default -> { }
            }
        }
        return results;
    }

    private CellResult written(int i, NbgraderCell meta) {
        String answer = Ipynb.source(cells.get(i));
        String released = releasedSources.get(meta.gradeId());
        boolean unanswered = answer.isBlank() || released != null
                && Restorer.normalized(answer).equals(Restorer.normalized(released));
        String note = cellNotes.get(meta.gradeId());
        if (unanswered) {
            return new CellResult(i, meta.gradeId(), "written answer", meta.points(), 0.0, CellResult.UNANSWERED,
                    "No answer: the cell is still as it was handed out.", "Write your answer in this cell, replacing "
                    + "the placeholder line.", null, 0, note);
        }
        return new CellResult(i, meta.gradeId(), "written answer", meta.points(), null, CellResult.MANUAL,
                "Answered; an instructor grades it by hand.", null, null, 0, note);
    }

    private CellResult tests(int i, NbgraderCell meta) {
        CellRun run = runs[i];
        String id = meta.gradeId();
        String note = cellNotes.get(id);
        double max = meta.points();
        if (run == null) {
            return new CellResult(i, id, "tests", max, 0.0, CellResult.NOT_RUN, "The test cell is empty.", null, null, 0, note);
        }
        JsonObject error = run.firstError();
        String errorText = error == null ? null : str(error, "ename") + ": " + str(error, "evalue");
        switch (run.end()) {
            case NOT_RUN -> {
                return new CellResult(i, id, "tests", max, 0.0, CellResult.NOT_RUN, str(error, "evalue"), null, null, 0, note);
            }
            case TIMEOUT -> {
                return new CellResult(i, id, "tests", max, 0.0, CellResult.TIMEOUT, "The tests did not finish within "
                        + cellTimeout.toSeconds() + " s, so they were stopped.", "Look for a loop that never ends in the "
                        + "code these tests call" + origin(error, i) + ": a while loop whose condition never becomes "
                        + "false, or a for loop whose counter is never advanced.", errorText, run.seconds(), note);
            }
            case DIED -> {
                return new CellResult(i, id, "tests", max, 0.0, CellResult.KERNEL_DIED, "The kernel stopped while these "
                        + "tests ran (exit status " + run.exitCode() + ").", "Did the code they call" + origin(error, i)
                        + " run System.exit(...) or Runtime.halt(...)? That ends the whole kernel, not just the method; "
                        + "return a value or throw an exception instead. The grader started a new kernel and re-ran the "
                        + "earlier cells to grade the rest.", errorText, run.seconds(), note);
            }
            case ERROR -> {
                return failed(i, meta, run, error, errorText, note);
            }
            default -> { }
        }
        if (run.wroteToStderr()) {
            String first = run.stderrText().strip().lines().findFirst().orElse("(empty)");
            return new CellResult(i, id, "tests", max, 0.0, CellResult.STDERR, "The tests passed, but the cell wrote to "
                    + "stderr (\"" + abbreviate(first, 120) + "\"), and a graded cell that writes anything to stderr "
                    + "scores 0 (nbgrader's rule).", "Remove System.err.println, printStackTrace() and similar from your "
                    + "code; use System.out for messages, or return values.", null, run.seconds(), note);
        }
        String value = run.valueText();
        Double partial = value == null ? null : parseNumber(value);
        if (partial != null) {
            double points = Math.max(0, Math.min(max, partial));
            return new CellResult(i, id, "tests", max, points, points >= max ? CellResult.PASSED : CellResult.PARTIAL,
                    "The cell's value " + value.strip() + " was read as the points earned (partial credit).", null, null,
                    run.seconds(), note);
        }
        return new CellResult(i, id, "tests", max, max, CellResult.PASSED, "All checks passed.", null, null,
                run.seconds(), note);
    }

    private CellResult failed(int i, NbgraderCell meta, CellRun run, JsonObject error, String errorText, String note) {
        String ename = str(error, "ename");
        String evalue = str(error, "evalue");
        String id = meta.gradeId();
        double max = meta.points();
        String earlier = earlierFailure(i);
        if (ename.endsWith("CheckFailure") || ename.endsWith("AssertionError")) {
            return new CellResult(i, id, "tests", max, 0.0, CellResult.FAILED, evalue, earlier, errorText, run.seconds(), note);
        }
        String feedback;
        String hint;
        if (evalue.contains(Markers.PLACEHOLDER_MESSAGE)) {
            feedback = "Not answered yet: the code these tests call still throws the placeholder exception"
                    + origin(error, i) + ".";
            hint = "Replace the line 'throw new UnsupportedOperationException(\"" + Markers.PLACEHOLDER_MESSAGE
                    + "\");' with your solution.";
        } else if (ename.contains("OutOfMemoryError")) {
            feedback = "The code these tests call" + origin(error, i) + " ran out of memory"
                    + (heap != null ? " (the grader's kernel has a heap of " + heap + ")" : "") + ".";
            hint = "Look for a loop that keeps adding to a list or allocating new arrays without end.";
        } else if ("CompilationException".equals(ename)) {
            feedback = "The tests could not be compiled: " + evalue + ".";
            hint = evalue.contains("cannot find symbol") || evalue.contains("cannot be invoked")
                    ? "The tests use a method or variable that is not defined. Did an earlier cell fail, or was a method "
                    + "renamed or its parameters changed? " + (earlier != null ? earlier : "")
                    : "Check that your methods keep the names and parameter types the exercise asks for.";
        } else {
            feedback = "The code these tests call" + origin(error, i) + " threw " + ename + ": " + evalue + ".";
            hint = earlier != null ? earlier : "The error's trace in the graded notebook shows the line it came from.";
        }
        return new CellResult(i, id, "tests", max, 0.0, CellResult.ERROR, feedback, hint.strip(), errorText,
                run.seconds(), note);
    }

    /**
     * Where the failure comes from: " (in your cell 'x')" if the error's trace points into another cell;
     * else, for an error without a trace (a time-out, a dead kernel), " (your method m in cell 'x')" for
     * the answer cells' methods the test cell calls; else "".
     */
    private String origin(JsonObject error, int testCell) {
        if (error == null || !error.has("traceback") || error.getAsJsonArray("traceback").size() <= 1) {
            return calledAnswers(testCell);
        }
        for (JsonElement line : error.getAsJsonArray("traceback")) {
            Matcher m = CELL_REF.matcher(line.getAsString());
            while (m.find()) {
                Integer cell = cellOfCount.get(Integer.parseInt(m.group(1)));
                if (cell != null && cell != testCell) {
                    String id = NbgraderCell.of(cells.get(cell)).map(NbgraderCell::gradeId).orElse(null);
                    return " (in your cell " + (id != null ? "'" + id + "'" : cell) + ")";
                }
            }
        }
        return "";
    }

    /** " (your methods f in cell 'x', g in cell 'y')" for answer-cell methods the test cell calls by name. */
    private String calledAnswers(int testCell) {
        String tests = Ipynb.source(cells.get(testCell));
        List<String> found = new ArrayList<>();
        for (int j = 0; j < testCell && found.size() < 3; j++) {
            NbgraderCell meta = NbgraderCell.of(cells.get(j)).orElse(null);
            if (meta == null || !meta.solution() || !"code".equals(Ipynb.cellType(cells.get(j)))) {
                continue;
            }
            Matcher m = METHOD.matcher(Ipynb.source(cells.get(j)));
            while (m.find()) {
                if (KEYWORDS.contains(m.group(1))) {
                    continue;
                }
                if (Pattern.compile("\\b" + Pattern.quote(m.group(1)) + "\\s*\\(").matcher(tests).find()) {
                    found.add(m.group(1) + " in cell '" + meta.gradeId() + "'");
                }
            }
        }
        return found.isEmpty() ? "" : " (your method" + (found.size() > 1 ? "s " : " ") + String.join(", ", found) + ")";
    }

    /** A sentence about the first cell before {@code i} that failed and is not a test cell, or null. */
    private String earlierFailure(int i) {
        for (int j = 0; j < i; j++) {
            CellRun run = runs[j];
            NbgraderCell meta = NbgraderCell.of(cells.get(j)).orElse(null);
            if (run != null && run.end() != CellRun.End.OK && (meta == null || meta.role() != NbgraderCell.Role.TESTS)) {
                JsonObject e = run.firstError();
                String what = switch (run.end()) {
                    case TIMEOUT -> "it ran past the time limit of " + cellTimeout.toSeconds() + " s and was stopped";
                    case DIED -> "it stopped the kernel" + (run.exitCode() != null ? ", exit status " + run.exitCode() : "");
                    default -> e == null ? run.end().toString() : str(e, "ename") + ": " + abbreviate(str(e, "evalue"), 160);
                };
                return "An earlier cell failed and may be the cause: " + (meta != null ? "'" + meta.gradeId() + "'"
                        : "cell " + j) + " (" + what + ").";
            }
        }
        return null;
    }

    private static Double parseNumber(String text) {
        try {
            double v = Double.parseDouble(text.strip());
            return Double.isFinite(v) ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String abbreviate(String s, int n) {
        return s == null ? "" : s.length() <= n ? s : s.substring(0, n) + "...";
    }

    private static String str(JsonObject o, String key) {
        if (o == null) {
            return "";
        }
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? "" : e.getAsString();
    }
}
