package org.ganworkbook.grading;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportWriterTest {

    @TempDir
    Path tmp;

    private final SubmissionReport report = new SubmissionReport("s/<ann>.ipynb", "ann", "a1", "src.ipynb",
            SubmissionReport.GRADED, null, 3, 8, 3, 6, 2,
            List.of(new CellResult(3, "a1_t", "tests", 3, 3.0, CellResult.PASSED, "All checks passed.", null, null, 0.2, null),
                    new CellResult(5, "a1_u", "tests", 3, 0.0, CellResult.FAILED, "x: expected 1 < 2, got 3 & more",
                            "look <here>", "CheckFailure: x", 0.1, "this locked cell had been edited"),
                    new CellResult(7, "a1_w", "written answer", 2, null, CellResult.MANUAL, "Answered.", null, null, 0, null)),
            List.of("'a1_u': restored"), 4.2, 1, "gan-workbook (built-in)", "abc", true, List.of("out.txt (3 bytes)"),
            "2026-01-01T00:00:00Z", "gan-workbook grade test");

    @Test
    void jsonRoundTripsWithNulls() {
        String json = ReportWriter.json(report);
        assertTrue(json.contains("\"points\": null"), json);
        assertEquals(report, ReportWriter.fromJson(json));
    }

    @Test
    void htmlShowsScoreRowsAndNotesEscaped() throws Exception {
        ReportWriter.write(report, tmp, "ann");
        String html = Files.readString(tmp.resolve("ann.report.html"));
        assertTrue(html.contains("Score: 3 / 8 points</b> (autograded tests: 3 / 6); 2 points wait for an instructor"), html);
        assertTrue(html.contains("expected 1 &lt; 2, got 3 &amp; more") && html.contains("look &lt;here&gt;"), html);
        assertFalse(html.contains("<here>"));
        assertTrue(html.contains("? / 2") && html.contains("restarted 1 time(s)") && html.contains("out.txt (3 bytes)"), html);
        assertTrue(Files.isRegularFile(tmp.resolve("ann.report.json")));
    }

    @Test
    void anErrorReportSaysWhy() {
        SubmissionReport failed = new SubmissionReport("x.ipynb", "x", "", "", SubmissionReport.FAILED, "not valid JSON: eof", 0, 0,
                0, 0, 0, List.of(), List.of(), 0.1, 0, "k", null, false, List.of(), "t", "g");
        assertTrue(ReportWriter.html(failed).contains("<b>Not graded.</b> not valid JSON: eof"));
    }
}
