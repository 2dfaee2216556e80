package org.ganworkbook.grading;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.util.Optional;

/**
 * The nbgrader metadata of one cell ({@code cell.metadata.nbgrader}, schema version 3), read without
 * judging it ({@link MetadataCheck} does that). Absent booleans read as false, absent points as 0.
 *
 * <p>The roles, as nbgrader's "Create Assignment" tool sets them:
 * <table>
 *   <caption>cell roles</caption>
 *   <tr><th>role</th><th>grade</th><th>solution</th><th>locked</th><th>other</th></tr>
 *   <tr><td>{@link Role#ANSWER} (autograded answer, code)</td><td>false</td><td>true</td><td>false</td><td></td></tr>
 *   <tr><td>{@link Role#TESTS} (autograder tests, code)</td><td>true</td><td>false</td><td>true</td><td>points</td></tr>
 *   <tr><td>{@link Role#WRITTEN_ANSWER} (manually graded answer)</td><td>true</td><td>true</td><td>false</td><td>points</td></tr>
 *   <tr><td>{@link Role#TASK} (manually graded task, markdown)</td><td>false</td><td>false</td><td>true</td><td>task, points</td></tr>
 *   <tr><td>{@link Role#READ_ONLY}</td><td>false</td><td>false</td><td>true</td><td></td></tr>
 * </table>
 *
 * @param gradeId       the stable id ({@code grade_id}), or null
 * @param grade         carries points (tests and written answers)
 * @param solution      students write here
 * @param locked        read-only for students
 * @param task          a manually graded task
 * @param points        the points (meaningful for grade and task cells)
 * @param schemaVersion {@code schema_version}, 0 if absent
 * @param checksum      nbgrader's checksum, or null (only released notebooks carry one)
 */
public record NbgraderCell(String gradeId, boolean grade, boolean solution, boolean locked, boolean task,
                           double points, int schemaVersion, String checksum) {

    /** What a cell is for. */
    public enum Role {
        /** Students write code here; not graded by itself. */
        ANSWER,
        /** Autograder tests: points if the cell runs without error and writes nothing to stderr. */
        TESTS,
        /** A written (or code) answer an instructor grades by hand. */
        WRITTEN_ANSWER,
        /** A task an instructor grades by hand; students answer in cells of their own below it. */
        TASK,
        /** Read-only instructions or set-up code. */
        READ_ONLY,
        /** nbgrader metadata with every flag false: an ordinary cell. */
        NONE
    }

    /** The nbgrader metadata of {@code cell}, if it has any. */
    public static Optional<NbgraderCell> of(JsonObject cell) {
        JsonElement metadata = cell.get("metadata");
        if (metadata == null || !metadata.isJsonObject()) {
            return Optional.empty();
        }
        JsonElement nbgrader = metadata.getAsJsonObject().get("nbgrader");
        if (nbgrader == null || !nbgrader.isJsonObject()) {
            return Optional.empty();
        }
        JsonObject m = nbgrader.getAsJsonObject();
        return Optional.of(new NbgraderCell(string(m, "grade_id"), flag(m, "grade"), flag(m, "solution"), flag(m, "locked"),
                flag(m, "task"), number(m, "points"), (int) number(m, "schema_version"), string(m, "checksum")));
    }

    /** The role these flags give a cell (see the class comment). */
    public Role role() {
        if (task) {
            return Role.TASK;
        }
        if (solution) {
            return grade ? Role.WRITTEN_ANSWER : Role.ANSWER;
        }
        if (grade) {
            return Role.TESTS;
        }
        return locked ? Role.READ_ONLY : Role.NONE;
    }

    /**
     * nbgrader's notion of a locked cell, whose source the grader restores from the source version:
     * never a solution cell; always a grade cell; otherwise the {@code locked} flag.
     */
    public boolean restoredFromSource() {
        return !solution && (grade || locked);
    }

    /** True if the cell needs a {@code grade_id} (any of grade, solution, locked, task). */
    public boolean needsId() {
        return grade || solution || locked || task;
    }

    /** True if the cell carries points: a grade cell or a task. */
    public boolean hasPoints() {
        return grade || task;
    }

    private static boolean flag(JsonObject m, String key) {
        JsonElement e = m.get(key);
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isBoolean() && e.getAsBoolean();
    }

    private static double number(JsonObject m, String key) {
        JsonElement e = m.get(key);
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber() ? e.getAsDouble() : 0;
    }

    private static String string(JsonObject m, String key) {
        JsonElement e = m.get(key);
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isString() ? e.getAsString() : null;
    }
}
