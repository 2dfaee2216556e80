package org.ganworkbook.grading;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks an assignment notebook against nbgrader's cell-metadata schema (version 3) and the rules
 * nbgrader enforces on top of it, plus the conventions a Java assignment needs to grade correctly.
 *
 * <p>nbgrader's rules: only the keys {@code schema_version, grade, locked, solution, task, grade_id,
 * points, checksum, cell_type}; the first four present, {@code schema_version} = 3, flags boolean;
 * {@code grade_id} matching {@code [a-zA-Z0-9_-]*}, present and non-empty on grade, solution, locked
 * and task cells, and unique; {@code points} &ge; 0, present on grade cells; a markdown grade cell is
 * also a solution cell and the other way round (unless it is a task); tasks are markdown;
 * {@code checksum} has 32 characters; {@code cell_type} is raw, code or markdown. The notebook's
 * {@code kernelspec.language} must be {@code java} (nbgrader chooses the code stub from it).
 *
 * <p>Java conventions, checked in source notebooks ({@code source = true}): solution markers only in
 * solution cells, hidden tests only in autograder-test cells, mark schemes only in tasks, every marker closed; test cells locked and
 * worth more than 0 points, solution cells not locked; no Java {@code assert} in tests (assertions are
 * off in the kernel) and no {@code System.err} (any stderr output scores 0); a test cell's last line
 * ends a statement or block, so the cell does not end with a value nbgrader would read as partial
 * credit. (That a test cell shows no value at all is checked by running it.)
 */
public final class MetadataCheck {

    /** The keys nbgrader's schema allows under {@code metadata.nbgrader}. */
    public static final Set<String> ALLOWED_KEYS = Set.of("schema_version", "grade", "locked", "solution", "task",
            "grade_id", "points", "checksum", "cell_type");

    private static final Pattern GRADE_ID = Pattern.compile("[a-zA-Z0-9_\\-]*");
    private static final Pattern JAVA_ASSERT = Pattern.compile("(^|[;{}\\s])assert\\s*[(!\\w]");

    /**
     * One problem.
     *
     * @param cell    index of the cell in the notebook (-1 for the notebook itself)
     * @param gradeId the cell's grade_id, or null
     * @param message what is wrong and how to fix it
     */
    public record Problem(int cell, String gradeId, String message) {
        @Override
        public String toString() {
            return (cell < 0 ? "notebook" : "cell " + cell + (gradeId != null ? " (" + gradeId + ")" : "")) + ": " + message;
        }
    }

    private MetadataCheck() {
    }

    /**
     * Every problem of {@code nb}; empty if it is a valid nbgrader notebook.
     *
     * @param source also check the conventions of a source notebook (markers, Java test rules)
     */
    public static List<Problem> check(Ipynb nb, boolean source) {
        List<Problem> problems = new ArrayList<>();
        String language = nb.kernelLanguage();
        if (!"java".equals(language)) {
            problems.add(new Problem(-1, null, "metadata.kernelspec.language is " + (language == null ? "missing"
                    : "'" + language + "'") + "; it must be 'java' (nbgrader picks the solution stub from it)"));
        }
        Map<String, Integer> ids = new HashMap<>();
        List<JsonObject> cells = nb.cells();
        for (int i = 0; i < cells.size(); i++) {
            JsonObject cell = cells.get(i);
            JsonElement raw = Ipynb.metadata(cell).get("nbgrader");
            String text = Ipynb.source(cell);
            if (raw == null) {
                if (source) {
                    checkMarkersOutsideGradedCells(i, text, problems);
                }
                continue;
            }
            if (!raw.isJsonObject()) {
                problems.add(new Problem(i, null, "metadata.nbgrader must be an object"));
                continue;
            }
            JsonObject m = raw.getAsJsonObject();
            NbgraderCell meta = NbgraderCell.of(cell).orElseThrow();
            String id = meta.gradeId();
            int before = problems.size();
            checkSchema(i, id, m, problems);
            if (problems.size() > before) {
                continue; // the flags are not trustworthy
            }
            String type = Ipynb.cellType(cell);
            if (meta.needsId()) {
                if (id == null || id.isEmpty()) {
                    problems.add(new Problem(i, null, "a grade, solution, locked or task cell needs a non-empty grade_id"));
                } else if (ids.containsKey(id)) {
                    problems.add(new Problem(i, id, "grade_id '" + id + "' is also used by cell " + ids.get(id)
                            + "; grade ids must be unique"));
                } else {
                    ids.put(id, i);
                }
            }
            if (meta.grade() && !m.has("points")) {
                problems.add(new Problem(i, id, "a grade cell needs points"));
            }
            if (meta.task()) {
                if (!"markdown".equals(type)) {
                    problems.add(new Problem(i, id, "a task cell must be markdown"));
                }
            } else if ("markdown".equals(type) && meta.grade() != meta.solution()) {
                problems.add(new Problem(i, id, meta.grade() ? "a markdown grade cell must also be a solution cell "
                        + "(a manually graded answer)" : "a markdown solution cell must also be a grade cell, with points"));
            }
            if (source) {
                checkSource(i, id, meta, type, text, problems);
            }
        }
        return problems;
    }

    private static void checkSchema(int i, String id, JsonObject m, List<Problem> problems) {
        for (String key : m.keySet()) {
            if (!ALLOWED_KEYS.contains(key)) {
                problems.add(new Problem(i, id, "unknown key '" + key + "' in metadata.nbgrader (nbgrader's schema allows "
                        + "only " + String.join(", ", new java.util.TreeSet<>(ALLOWED_KEYS)) + ")"));
            }
        }
        for (String key : List.of("schema_version", "grade", "locked", "solution")) {
            if (!m.has(key)) {
                problems.add(new Problem(i, id, "metadata.nbgrader lacks the required key '" + key + "'"));
            }
        }
        for (String key : List.of("grade", "locked", "solution", "task")) {
            if (m.has(key) && !isBoolean(m.get(key))) {
                problems.add(new Problem(i, id, "'" + key + "' must be true or false, got " + m.get(key)));
            }
        }
        if (m.has("schema_version") && !(isNumber(m.get("schema_version")) && m.get("schema_version").getAsDouble() == 3)) {
            problems.add(new Problem(i, id, "schema_version must be 3, got " + m.get("schema_version")));
        }
        if (m.has("grade_id")) {
            JsonElement g = m.get("grade_id");
            if (!g.isJsonPrimitive() || !g.getAsJsonPrimitive().isString() || !GRADE_ID.matcher(g.getAsString()).matches()) {
                problems.add(new Problem(i, id, "grade_id must be a string of letters, digits, '_' and '-', got " + g));
            }
        }
        if (m.has("points") && !(isNumber(m.get("points")) && m.get("points").getAsDouble() >= 0)) {
            problems.add(new Problem(i, id, "points must be a number >= 0, got " + m.get("points")));
        }
        if (m.has("checksum")) {
            JsonElement c = m.get("checksum");
            if (!c.isJsonPrimitive() || !c.getAsJsonPrimitive().isString() || c.getAsString().length() != 32) {
                problems.add(new Problem(i, id, "checksum must be a string of 32 characters, got " + c));
            }
        }
        if (m.has("cell_type")) {
            JsonElement t = m.get("cell_type");
            if (!t.isJsonPrimitive() || !Set.of("raw", "code", "markdown").contains(t.getAsString())) {
                problems.add(new Problem(i, id, "cell_type must be raw, code or markdown, got " + t));
            }
        }
    }

    private static void checkSource(int i, String id, NbgraderCell meta, String type, String text, List<Problem> problems) {
        boolean code = "code".equals(type);
        if (hasMarker(text, Markers.BEGIN_SOLUTION, Markers.END_SOLUTION) && !meta.solution()) {
            problems.add(new Problem(i, id, "solution markers in a cell that is not a solution cell"));
        }
        if (hasMarker(text, Markers.BEGIN_HIDDEN_TESTS, Markers.END_HIDDEN_TESTS) && meta.role() != NbgraderCell.Role.TESTS) {
            problems.add(new Problem(i, id, "hidden tests in a cell that is not an autograder-test cell"));
        }
        if (hasMarker(text, Markers.BEGIN_MARK_SCHEME, Markers.END_MARK_SCHEME) && !meta.task()) {
            problems.add(new Problem(i, id, "a mark scheme in a cell that is not a task cell"));
        }
        try {
            Markers.replaceSolutions(text, Markers.CODE_STUB);
            Markers.removeHiddenTests(text);
            Markers.removeMarkScheme(text);
        } catch (Markers.MarkerException e) {
            problems.add(new Problem(i, id, e.getMessage()));
        }
        if (meta.solution() && meta.locked()) {
            problems.add(new Problem(i, id, "a solution cell must not be locked (students write in it)"));
        }
        if (meta.role() == NbgraderCell.Role.TESTS) {
            if (!meta.locked()) {
                problems.add(new Problem(i, id, "an autograder-test cell should be locked (locked: true)"));
            }
            if (!(meta.points() > 0)) {
                problems.add(new Problem(i, id, "an autograder-test cell should be worth more than 0 points"));
            }
        }
        if (meta.role() == NbgraderCell.Role.WRITTEN_ANSWER && !(meta.points() > 0)) {
            problems.add(new Problem(i, id, "a manually graded answer should be worth more than 0 points"));
        }
        if (code && meta.role() == NbgraderCell.Role.TESTS) {
            String stripped = withoutComments(text);
            if (JAVA_ASSERT.matcher(stripped).find()) {
                problems.add(new Problem(i, id, "Java 'assert' never fires in the kernel (assertions are off); fail "
                        + "with Check.close(...) or 'if (...) throw new AssertionError(...)'"));
            }
            if (stripped.contains("System.err")) {
                problems.add(new Problem(i, id, "a test cell must not write to System.err: nbgrader scores any stderr "
                        + "output 0"));
            }
            String last = stripped.strip();
            if (!last.isEmpty() && !(last.endsWith(";") || last.endsWith("}"))) {
                problems.add(new Problem(i, id, "a test cell should end with a statement (a void call, a declaration or "
                        + "an 'if (...) throw'), not an expression: nbgrader reads a numeric value as partial credit"));
            }
        }
    }

    private static void checkMarkersOutsideGradedCells(int i, String text, List<Problem> problems) {
        if (hasMarker(text, Markers.BEGIN_SOLUTION, Markers.END_SOLUTION)) {
            problems.add(new Problem(i, null, "solution markers in a cell without nbgrader metadata; make it a "
                    + "solution cell"));
        }
        if (hasMarker(text, Markers.BEGIN_HIDDEN_TESTS, Markers.END_HIDDEN_TESTS)) {
            problems.add(new Problem(i, null, "hidden tests in a cell without nbgrader metadata; make it an "
                    + "autograder-test cell"));
        }
        if (hasMarker(text, Markers.BEGIN_MARK_SCHEME, Markers.END_MARK_SCHEME)) {
            problems.add(new Problem(i, null, "a mark scheme in a cell without nbgrader metadata; make it a task cell"));
        }
    }

    private static boolean hasMarker(String text, String begin, String end) {
        return Markers.contains(text, begin) || Markers.contains(text, end);
    }

    /** Java source without // comments and /* *&#47; comments (strings are left alone; good enough for the checks). */
    static String withoutComments(String text) {
        String noBlocks = text.replaceAll("(?s)/\\*.*?\\*/", " ");
        StringBuilder out = new StringBuilder();
        for (String line : noBlocks.split("\n", -1)) {
            int cut = commentStart(line);
            out.append(cut < 0 ? line : line.substring(0, cut)).append('\n');
        }
        return out.toString();
    }

    /** Index of a // that starts a comment (not inside a string literal), or -1. */
    private static int commentStart(String line) {
        boolean inString = false;
        for (int i = 0; i + 1 < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"' && (i == 0 || line.charAt(i - 1) != '\\')) {
                inString = !inString;
            } else if (!inString && c == '/' && line.charAt(i + 1) == '/') {
                return i;
            }
        }
        return -1;
    }

    private static boolean isBoolean(JsonElement e) {
        return e.isJsonPrimitive() && e.getAsJsonPrimitive().isBoolean();
    }

    private static boolean isNumber(JsonElement e) {
        return e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber();
    }
}
