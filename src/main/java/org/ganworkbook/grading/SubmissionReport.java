package org.ganworkbook.grading;

import java.util.List;

/**
 * Everything the grader knows about one submission; written as {@code <name>.report.json} and
 * rendered as {@code <name>.report.html}.
 *
 * @param submission          the file graded
 * @param student             who handed it in (from the folder or file name)
 * @param assignment          the assignment (the source notebook's name without {@code .ipynb})
 * @param source              the source version it was graded against
 * @param status              {@code graded}, or {@code error} when it could not be graded at all
 * @param error               why it could not be graded (for {@code error}), else null
 * @param score               points earned so far: autograded points plus written answers graded 0
 *                            because they were left unanswered
 * @param maxScore            points possible (all graded cells)
 * @param autogradedScore     points earned in autograded test cells
 * @param autogradedMax       points possible in autograded test cells
 * @param pendingManualPoints points that wait for an instructor (answered written answers, tasks)
 * @param cells               one result per graded cell, in notebook order
 * @param notes               what the grader did and saw: restored cells, kernel restarts, ...
 * @param seconds             wall time of grading this submission
 * @param kernelRestarts      kernel restarts after a cell stopped or hung it
 * @param kernel              which kernel ran the notebook
 * @param submissionSha256    SHA-256 of the submission file as read
 * @param submissionUnchanged true if the file still had that checksum after grading
 * @param filesWritten        files the notebook's code left in its working folder
 * @param gradedAt            when (ISO 8601, UTC)
 * @param grader              the grading program and its version
 */
public record SubmissionReport(String submission, String student, String assignment, String source, String status,
                               String error, double score, double maxScore, double autogradedScore, double autogradedMax,
                               double pendingManualPoints, List<CellResult> cells, List<String> notes, double seconds,
                               int kernelRestarts, String kernel, String submissionSha256, boolean submissionUnchanged,
                               List<String> filesWritten, String gradedAt, String grader) {

    /** Status of a graded submission. */
    public static final String GRADED = "graded";
    /** Status of a submission that could not be graded. */
    public static final String FAILED = "error";

    /** True if it was graded (even with a low score). */
    public boolean graded() {
        return GRADED.equals(status);
    }
}
