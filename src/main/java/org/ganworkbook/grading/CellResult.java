package org.ganworkbook.grading;

/**
 * The grade of one graded cell of a submission.
 *
 * @param cell      index of the cell in the graded notebook
 * @param gradeId   its nbgrader {@code grade_id}
 * @param kind      {@code tests} (autograded), {@code written answer} or {@code task} (graded by hand)
 * @param maxPoints points possible
 * @param points    points earned; null while a human still has to grade it
 * @param status    one of the {@code STATUS_...} constants
 * @param feedback  what happened, in a sentence or two (for a failed test: its message, which says what
 *                  was expected and what came back)
 * @param hint      what to look at next, or null
 * @param error     the error as the kernel reported it ({@code Name: message}), or null
 * @param seconds   how long the cell ran
 * @param note      what the grader did to the cell before running it (restored, put back), or null
 */
public record CellResult(int cell, String gradeId, String kind, double maxPoints, Double points, String status,
                         String feedback, String hint, String error, double seconds, String note) {

    /** Every check passed. */
    public static final String PASSED = "passed";
    /** The cell's value gave partial credit (nbgrader reads a numeric value as the points). */
    public static final String PARTIAL = "partial";
    /** A check failed (a CheckFailure or an AssertionError). */
    public static final String FAILED = "failed";
    /** The cell threw something other than a failed check, or did not compile. */
    public static final String ERROR = "error";
    /** The cell ran past its time limit. */
    public static final String TIMEOUT = "timeout";
    /** The kernel stopped while the cell ran. */
    public static final String KERNEL_DIED = "kernel-died";
    /** The cell wrote to stderr: 0 points, as in nbgrader. */
    public static final String STDERR = "stderr";
    /** The cell was not run (time used up, no kernel). */
    public static final String NOT_RUN = "not-run";
    /** A written answer left as released: 0 points without a human. */
    public static final String UNANSWERED = "unanswered";
    /** A human has to grade it. */
    public static final String MANUAL = "needs-manual-grading";

    /** True if a human still has to give the points. */
    public boolean pending() {
        return points == null;
    }
}
