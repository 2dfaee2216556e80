package org.ganworkbook.grading;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes a {@link SubmissionReport} as JSON (for programs: every field, nulls included) and as one
 * self-contained HTML page (for students and instructors: the score, then one row per graded cell
 * with its points, status, feedback and hint, then what the grader did).
 */
public final class ReportWriter {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create();

    private ReportWriter() {
    }

    /** Writes {@code <dir>/<name>.report.json} and {@code <dir>/<name>.report.html}. */
    public static void write(SubmissionReport report, Path dir, String name) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(name + ".report.json"), json(report) + "\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(name + ".report.html"), html(report), StandardCharsets.UTF_8);
    }

    /** The report as pretty-printed JSON. */
    public static String json(SubmissionReport report) {
        return GSON.toJson(report);
    }

    /** Reads a report written by {@link #json}. */
    public static SubmissionReport fromJson(String json) {
        return GSON.fromJson(json, SubmissionReport.class);
    }

    /** The report as an HTML page. */
    public static String html(SubmissionReport r) {
        StringBuilder h = new StringBuilder();
        String title = (r.assignment().isEmpty() ? "submission" : r.assignment()) + " \u2014 " + r.student();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(esc(title))
                .append("</title>\n<style>\n")
                .append("body{font-family:system-ui,sans-serif;max-width:70em;margin:2em auto;padding:0 1em;color:#222}\n")
                .append("table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.4em .6em;")
                .append("vertical-align:top;text-align:left}th{background:#f3f3f3}\n")
                .append(".passed{background:#e8f6e8}.partial{background:#fff7dd}.manual{background:#eef3fb}")
                .append(".bad{background:#fdeaea}.error{border:2px solid #c33;padding:1em;background:#fdeaea}\n")
                .append("code,pre{font-family:ui-monospace,monospace;font-size:90%}small{color:#666}\n")
                .append("</style></head><body>\n");
        h.append("<h1>").append(esc(title)).append("</h1>\n");
        if (!r.graded()) {
            h.append("<p class=\"error\"><b>Not graded.</b> ").append(esc(r.error())).append("</p>\n");
        } else {
            h.append("<p><b>Score: ").append(num(r.score())).append(" / ").append(num(r.maxScore()))
                    .append(" points</b> (autograded tests: ").append(num(r.autogradedScore())).append(" / ")
                    .append(num(r.autogradedMax())).append(")");
            if (r.pendingManualPoints() > 0) {
                h.append("; ").append(num(r.pendingManualPoints())).append(" points wait for an instructor");
            }
            h.append(".</p>\n");
            h.append("<table><tr><th>cell</th><th>points</th><th>result</th><th>feedback</th></tr>\n");
            for (CellResult c : r.cells()) {
                h.append("<tr class=\"").append(rowClass(c)).append("\"><td><code>").append(esc(c.gradeId()))
                        .append("</code><br><small>").append(esc(c.kind())).append("</small></td><td>")
                        .append(c.points() == null ? "?" : num(c.points())).append(" / ").append(num(c.maxPoints()))
                        .append("</td><td>").append(esc(c.status())).append("</td><td>").append(esc(c.feedback()));
                if (c.hint() != null) {
                    h.append("<br><i>Hint:</i> ").append(esc(c.hint()));
                }
                if (c.note() != null) {
                    h.append("<br><i>Note:</i> ").append(esc(c.note()));
                }
                h.append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        if (!r.notes().isEmpty()) {
            h.append("<h2>What the grader did</h2>\n<ul>\n");
            r.notes().forEach(n -> h.append("<li>").append(esc(n)).append("</li>\n"));
            h.append("</ul>\n");
        }
        h.append("<h2>Details</h2>\n<ul>\n");
        item(h, "submission", r.submission() + (r.submissionUnchanged() ? " (unchanged by grading)" : " (CHANGED on disk during grading)"));
        item(h, "SHA-256", r.submissionSha256());
        item(h, "graded against", r.source());
        item(h, "kernel", r.kernel() + (r.kernelRestarts() > 0 ? ", restarted " + r.kernelRestarts() + " time(s)" : ""));
        item(h, "grading time", String.format(Locale.ROOT, "%.1f s", r.seconds()));
        if (!r.filesWritten().isEmpty()) {
            item(h, "files the notebook wrote (deleted after grading)", String.join(", ", r.filesWritten()));
        }
        item(h, "graded at", r.gradedAt() + " by " + r.grader());
        h.append("</ul>\n</body></html>\n");
        return h.toString();
    }

    private static String rowClass(CellResult c) {
        return switch (c.status()) {
            case CellResult.PASSED -> "passed";
            case CellResult.PARTIAL -> "partial";
            case CellResult.MANUAL -> "manual";
            default -> "bad";
        };
    }

    private static void item(StringBuilder h, String key, String value) {
        h.append("<li>").append(esc(key)).append(": ").append(esc(value)).append("</li>\n");
    }

    /** 3 for 3.0, 2.5 for 2.5. */
    static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v).replaceAll("0+$", "");
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
