package org.ganworkbook.grading;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;
import tech.tablesaw.io.html.HtmlWriteOptions;
import tech.tablesaw.io.html.HtmlWriter;

/**
 * The results of a folder of submissions as tables (Tablesaw): one row per submission
 * ({@code gradebook.csv}, in the spirit of {@code nbgrader export}), one row per graded cell
 * ({@code cells.csv}), and a summary per assignment and per cell ({@code summary.txt},
 * {@code summary.html}): how many were graded, the mean, lowest and highest score, and for each cell
 * the mean points and the share of submissions with full points. Submissions that could not be graded
 * are listed in the gradebook (status {@code error}, score 0) but left out of the averages.
 */
public final class Gradebook {

    private final Table submissions;
    private final Table cells;

    /** The tables of {@code reports}. */
    public Gradebook(List<SubmissionReport> reports) {
        StringColumn student = StringColumn.create("student");
        StringColumn assignment = StringColumn.create("assignment");
        StringColumn status = StringColumn.create("status");
        DoubleColumn score = DoubleColumn.create("score");
        DoubleColumn maxScore = DoubleColumn.create("max_score");
        DoubleColumn auto = DoubleColumn.create("autograded_score");
        DoubleColumn autoMax = DoubleColumn.create("autograded_max");
        DoubleColumn pending = DoubleColumn.create("pending_manual_points");
        IntColumn restarts = IntColumn.create("kernel_restarts");
        DoubleColumn seconds = DoubleColumn.create("seconds");
        StringColumn file = StringColumn.create("submission");
        StringColumn error = StringColumn.create("error");
        StringColumn cStudent = StringColumn.create("student");
        StringColumn cAssignment = StringColumn.create("assignment");
        StringColumn cId = StringColumn.create("grade_id");
        StringColumn cKind = StringColumn.create("kind");
        DoubleColumn cPoints = DoubleColumn.create("points");
        DoubleColumn cMax = DoubleColumn.create("max_points");
        DoubleColumn cFull = DoubleColumn.create("full_points");
        StringColumn cStatus = StringColumn.create("status");
        for (SubmissionReport r : reports) {
            student.append(r.student());
            assignment.append(r.assignment());
            status.append(r.status());
            score.append(r.score());
            maxScore.append(r.maxScore());
            auto.append(r.autogradedScore());
            autoMax.append(r.autogradedMax());
            pending.append(r.pendingManualPoints());
            restarts.append(r.kernelRestarts());
            seconds.append(r.seconds());
            file.append(r.submission());
            error.append(r.error() == null ? "" : r.error().replace("\n", " "));
            for (CellResult c : r.cells()) {
                cStudent.append(r.student());
                cAssignment.append(r.assignment());
                cId.append(c.gradeId());
                cKind.append(c.kind());
                if (c.points() == null) {
                    cPoints.appendMissing();
                    cFull.appendMissing();
                } else {
                    cPoints.append(c.points());
                    cFull.append(c.points() >= c.maxPoints() ? 1 : 0);
                }
                cMax.append(c.maxPoints());
                cStatus.append(c.status());
            }
        }
        submissions = Table.create("submissions", student, assignment, status, score, maxScore, auto, autoMax, pending,
                restarts, seconds, file, error);
        cells = Table.create("cells", cStudent, cAssignment, cId, cKind, cPoints, cMax, cFull, cStatus);
    }

    /** One row per submission. */
    public Table submissions() {
        return submissions;
    }

    /** One row per graded cell of every graded submission. */
    public Table cells() {
        return cells;
    }

    /** Per assignment: graded submissions, errors, mean/min/max score of the graded ones, points possible. */
    public Table byAssignment() {
        StringColumn name = StringColumn.create("assignment");
        IntColumn graded = IntColumn.create("graded");
        IntColumn errors = IntColumn.create("errors");
        DoubleColumn meanScore = DoubleColumn.create("mean_score");
        DoubleColumn minScore = DoubleColumn.create("min_score");
        DoubleColumn maxScore = DoubleColumn.create("max_score");
        DoubleColumn possible = DoubleColumn.create("points_possible");
        for (String a : submissions.stringColumn("assignment").unique().asList().stream().sorted().toList()) {
            Table rows = submissions.where(submissions.stringColumn("assignment").isEqualTo(a));
            Table ok = rows.where(rows.stringColumn("status").isEqualTo(SubmissionReport.GRADED));
            name.append(a.isEmpty() ? "(unknown)" : a);
            graded.append(ok.rowCount());
            errors.append(rows.rowCount() - ok.rowCount());
            DoubleColumn scores = ok.doubleColumn("score");
            if (ok.rowCount() == 0) {
                meanScore.appendMissing();
                minScore.appendMissing();
                maxScore.appendMissing();
            } else {
                meanScore.append(scores.mean());
                minScore.append(scores.min());
                maxScore.append(scores.max());
            }
            possible.append(rows.doubleColumn("max_score").max());
        }
        meanScore.setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(2));
        return Table.create("per assignment", name, graded, errors, meanScore, minScore, maxScore, possible);
    }

    /**
     * Per assignment and cell, in notebook order: how many submissions have points for it (written answers
     * and tasks only once an instructor has graded them, or when left unanswered), how many wait for an
     * instructor, the mean points of those with points, points possible, and the share with full points.
     */
    public Table byCell() {
        Map<List<String>, List<Integer>> rowsByCell = new LinkedHashMap<>();
        for (int i = 0; i < cells.rowCount(); i++) {
            rowsByCell.computeIfAbsent(List.of(cells.stringColumn("assignment").get(i), cells.stringColumn("grade_id").get(i)),
                    k -> new ArrayList<>()).add(i);
        }
        StringColumn name = StringColumn.create("assignment");
        StringColumn id = StringColumn.create("grade_id");
        IntColumn withPoints = IntColumn.create("scored");
        IntColumn waiting = IntColumn.create("to_grade_by_hand");
        DoubleColumn meanPoints = DoubleColumn.create("mean_points");
        DoubleColumn possible = DoubleColumn.create("points_possible");
        DoubleColumn shareFull = DoubleColumn.create("share_full_points");
        DoubleColumn points = cells.doubleColumn("points");
        for (var e : rowsByCell.entrySet()) {
            name.append(e.getKey().get(0));
            id.append(e.getKey().get(1));
            int n = 0;
            double sum = 0;
            int full = 0;
            for (int row : e.getValue()) {
                if (!points.isMissing(row)) {
                    n++;
                    sum += points.get(row);
                    full += cells.doubleColumn("full_points").get(row) > 0 ? 1 : 0;
                }
            }
            withPoints.append(n);
            waiting.append(e.getValue().size() - n);
            possible.append(cells.doubleColumn("max_points").get(e.getValue().get(0)));
            if (n == 0) {
                meanPoints.appendMissing();
                shareFull.appendMissing();
            } else {
                meanPoints.append(sum / n);
                shareFull.append((double) full / n);
            }
        }
        meanPoints.setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(2));
        shareFull.setPrintFormatter(NumberColumnFormatter.percent(0));
        return Table.create("per cell", name, id, withPoints, waiting, meanPoints, possible, shareFull);
    }

    /**
     * Writes {@code gradebook.csv}, {@code cells.csv}, {@code summary.txt} and {@code summary.html} into
     * {@code dir}.
     */
    public void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        submissions.write().csv(dir.resolve("gradebook.csv").toFile());
        cells.write().csv(dir.resolve("cells.csv").toFile());
        Files.writeString(dir.resolve("summary.txt"), summaryText(), StandardCharsets.UTF_8);
        StringWriter html = new StringWriter();
        html.write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Grading summary</title>"
                + "<style>body{font-family:system-ui,sans-serif;margin:2em}table{border-collapse:collapse;margin-bottom:2em}"
                + "td,th{border:1px solid #ccc;padding:.3em .6em}</style></head><body>\n<h1>Grading summary</h1>\n");
        Table perSubmission = submissions.selectColumns("student", "assignment", "status", "score", "max_score",
                "pending_manual_points", "seconds", "error").copy();
        perSubmission.doubleColumn("seconds").setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(1));
        for (Table t : List.of(byAssignment(), byCell(), perSubmission)) {
            html.write("<h2>" + ReportWriter.esc(t.name()) + "</h2>\n");
            new HtmlWriter().write(t, HtmlWriteOptions.builder(html).build());
        }
        html.write("</body></html>\n");
        Files.writeString(dir.resolve("summary.html"), html.toString(), StandardCharsets.UTF_8);
    }

    /** The two summaries as text tables. */
    public String summaryText() {
        return byAssignment().printAll() + "\n\n" + byCell().printAll() + "\n";
    }
}
