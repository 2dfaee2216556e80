package org.ganworkbook.grading;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the grader does with submissions it cannot run, without starting a working kernel. */
class GraderTest {

    @TempDir
    Path tmp;

    /** A "kernel" that exits at once: grading must still end with a clear report. */
    private static KernelSpec exitingKernel() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new KernelSpec("broken", List.of(java, "-version"), Map.of(), "test", true);
    }

    private Grader grader() throws Exception {
        Grader.Options options = new Grader.Options(exitingKernel(), "64m", Duration.ofSeconds(5), Duration.ofSeconds(60),
                Duration.ofSeconds(10), 2, 1);
        return new Grader(options, List.of(Submissions.assignment("a1-value-function"), Submissions.assignment("a3-parzen-log-likelihood")));
    }

    private static String sha(Path file) throws Exception {
        return Grader.sha256(Files.readAllBytes(file));
    }

    @Test
    void invalidJsonIsAClearErrorAndTheFileIsLeftAlone() throws Exception {
        Path file = tmp.resolve("a1-value-function.ipynb");
        String released = Files.readString(Submissions.releasePath("a1-value-function"));
        Files.writeString(file, released.substring(0, released.length() / 2), StandardCharsets.UTF_8);
        String before = sha(file);
        SubmissionReport r = grader().grade(file, "eve", tmp.resolve("out"), "eve");
        assertEquals(SubmissionReport.FAILED, r.status());
        assertTrue(r.error().startsWith("the file is not a notebook that can be graded (not valid JSON"), r.error());
        assertEquals("a1-value-function", r.assignment(), "named after the source of the same file name");
        assertEquals(13.0, r.maxScore());
        assertEquals(before, sha(file));
        assertEquals(before, r.submissionSha256());
        assertTrue(r.submissionUnchanged());
        assertTrue(Files.readString(tmp.resolve("out/eve.report.html")).contains("Not graded."));
        assertTrue(Files.readString(tmp.resolve("out/eve.report.json")).contains("\"status\": \"error\""));
    }

    @Test
    void aNotebookOfAnotherAssignmentOrNoneIsAnError() throws Exception {
        Path file = tmp.resolve("mine.ipynb");
        Files.copy(Path.of("notebooks", "00-start-here.ipynb"), file);
        SubmissionReport r = grader().grade(file, "eve", tmp.resolve("out"), "eve");
        assertEquals(SubmissionReport.FAILED, r.status());
        assertTrue(r.error().contains("no grade_id in common"), r.error());
    }

    @Test
    void aMissingFileIsAnErrorNotACrash() throws Exception {
        SubmissionReport r = grader().grade(tmp.resolve("nothing.ipynb"), "eve", tmp.resolve("out"), "eve");
        assertEquals(SubmissionReport.FAILED, r.status());
        assertTrue(r.error().startsWith("the file could not be read"), r.error());
        assertFalse(r.submissionUnchanged());
    }

    @Test
    void aKernelThatCannotStartIsReportedPerSubmission() throws Exception {
        Path file = tmp.resolve("copy.ipynb");
        Files.copy(Submissions.releasePath("a3-parzen-log-likelihood"), file);
        String before = sha(file);
        SubmissionReport r = grader().grade(file, "eve", tmp.resolve("out"), "eve");
        assertEquals(SubmissionReport.FAILED, r.status());
        assertEquals("a3-parzen-log-likelihood", r.assignment(), "matched by its grade ids");
        assertTrue(r.error().startsWith("the kernel could not be started: the kernel exited during start-up"), r.error());
        assertEquals(before, sha(file));
    }
}
