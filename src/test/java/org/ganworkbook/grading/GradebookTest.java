package org.ganworkbook.grading;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tech.tablesaw.api.Table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GradebookTest {

    @TempDir
    Path tmp;

    private static CellResult cell(String id, double max, Double points, String status) {
        return new CellResult(0, id, "tests", max, points, status, "f", null, null, 0.1, null);
    }

    private static SubmissionReport report(String student, String assignment, List<CellResult> cells) {
        double score = cells.stream().mapToDouble(c -> c.points() == null ? 0 : c.points()).sum();
        double max = cells.stream().mapToDouble(CellResult::maxPoints).sum();
        return new SubmissionReport(student + ".ipynb", student, assignment, "src", SubmissionReport.GRADED, null, score, max,
                score, max, 0, cells, List.of(), 1.5, 0, "k", "sha", true, List.of(), "t", "g");
    }

    private static SubmissionReport error(String student, String assignment) {
        return new SubmissionReport(student + ".ipynb", student, assignment, "src", SubmissionReport.FAILED, "not JSON", 0,
                6, 0, 6, 0, List.of(), List.of(), 0.1, 0, "k", "sha", true, List.of(), "t", "g");
    }

    private final List<SubmissionReport> reports = List.of(
            report("ann", "a1", List.of(cell("t1", 3, 3.0, CellResult.PASSED), cell("t2", 3, 3.0, CellResult.PASSED))),
            report("bob", "a1", List.of(cell("t1", 3, 0.0, CellResult.FAILED), cell("t2", 3, 3.0, CellResult.PASSED))),
            error("cat", "a1"),
            report("ann", "a2", List.of(cell("u1", 4, 1.0, CellResult.PARTIAL), cell("w", 2, null, CellResult.MANUAL))));

    @Test
    void summarisesPerAssignmentLeavingErrorsOutOfTheAverages() {
        Table t = new Gradebook(reports).byAssignment();
        assertEquals(2, t.rowCount());
        assertEquals("a1", t.stringColumn("assignment").get(0));
        assertEquals(2, t.intColumn("graded").get(0));
        assertEquals(1, t.intColumn("errors").get(0));
        assertEquals(4.5, t.doubleColumn("mean_score").get(0), 1e-12);
        assertEquals(3.0, t.doubleColumn("min_score").get(0), 1e-12);
        assertEquals(6.0, t.doubleColumn("points_possible").get(0), 1e-12);
        assertEquals(1.0, t.doubleColumn("mean_score").get(1), 1e-12);
        assertEquals(6.0, t.doubleColumn("points_possible").get(1), 1e-12);
    }

    @Test
    void summarisesPerCell() {
        Table t = new Gradebook(reports).byCell();
        assertEquals(List.of("assignment", "grade_id", "scored", "to_grade_by_hand", "mean_points",
                "points_possible", "share_full_points"), t.columnNames());
        assertEquals(List.of("t1", "t2", "u1", "w"), t.stringColumn("grade_id").asList(), "in notebook order");
        Table t1 = t.where(t.stringColumn("grade_id").isEqualTo("t1"));
        assertEquals(2, t1.intColumn("scored").get(0));
        assertEquals(1.5, t1.doubleColumn("mean_points").get(0), 1e-12);
        assertEquals(3.0, t1.doubleColumn("points_possible").get(0), 1e-12);
        assertEquals(0.5, t1.doubleColumn("share_full_points").get(0), 1e-12);
        Table w = t.where(t.stringColumn("grade_id").isEqualTo("w"));
        assertEquals(0, w.intColumn("scored").get(0));
        assertEquals(1, w.intColumn("to_grade_by_hand").get(0));
        assertTrue(w.doubleColumn("mean_points").isMissing(0), "no mean of points nobody has given yet");
        assertTrue(new Gradebook(reports).summaryText().contains("50%"), "shares print as percentages");
    }

    @Test
    void writesTheGradebookAndSummaries() throws Exception {
        new Gradebook(reports).write(tmp);
        List<String> rows = Files.readAllLines(tmp.resolve("gradebook.csv"));
        assertEquals(5, rows.size());
        assertTrue(rows.get(0).startsWith("student,assignment,status,score,max_score"), rows.get(0));
        assertTrue(rows.get(3).startsWith("cat,a1,error,0") && rows.get(3).contains("not JSON"), rows.get(3));
        assertEquals(7, Files.readAllLines(tmp.resolve("cells.csv")).size());
        assertTrue(Files.readString(tmp.resolve("summary.txt")).contains("per assignment"));
        String html = Files.readString(tmp.resolve("summary.html"));
        assertTrue(html.contains("<table") && html.contains("share_full_points"), html);
    }
}
