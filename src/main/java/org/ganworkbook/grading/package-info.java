/**
 * Graded assignments: nbgrader-compatible Java notebooks, their release, and an autograder that runs
 * submissions with the workbook's own kernel.
 *
 * <p>The assignments ({@code notebooks/assignments/source}) exercise the paper's theory and evaluation:
 * the value function and the optimal discriminator of Proposition 1 (Goodfellow et al. 2014, §3-4), the
 * backward pass of the maxout discriminator and the non-saturating generator loss (§3, §5), and the
 * Parzen-window log-likelihood of Table 1 (§5). They carry nbgrader's cell metadata (schema version 3)
 * and markers, so an instructor can use nbgrader itself or this package:
 * <ul>
 *   <li>{@link org.ganworkbook.grading.MetadataCheck} checks a source notebook, {@link
 *       org.ganworkbook.grading.Release} makes the student version (solutions replaced by a
 *       placeholder that throws, hidden tests removed, nbgrader's checksums added);</li>
 *   <li>{@link org.ganworkbook.grading.Grader} grades submissions: {@link org.ganworkbook.grading.Restorer}
 *       puts locked and test cells back from the source, {@link org.ganworkbook.grading.NotebookRunner}
 *       runs the notebook in a kernel process of its own ({@link org.ganworkbook.grading.RunningKernel},
 *       which speaks Jupyter's protocol), {@link org.ganworkbook.grading.Scorer} applies nbgrader's
 *       scoring rules, {@link org.ganworkbook.grading.ReportWriter} and {@link
 *       org.ganworkbook.grading.Gradebook} write the results;</li>
 *   <li>{@link org.ganworkbook.grading.Check} is what test cells call: quiet when right, a
 *       {@link org.ganworkbook.grading.CheckFailure} saying what was expected and what came back when
 *       wrong, never a line on stderr.</li>
 * </ul>
 * The command line is {@code gan-workbook grade check|release|run} ({@code org.ganworkbook.cli}).
 */
package org.ganworkbook.grading;
