package org.ganworkbook.eval;

import java.time.Duration;
import java.util.Locale;

/**
 * One full Parzen-window evaluation (the protocol of Table 1): the sigma search on the validation set
 * and the test-set score at the chosen sigma.
 *
 * @param selection  mean validation log-likelihood per sigma, and the chosen sigma
 * @param test       test-set mean log-likelihood ± standard error at that sigma
 * @param numCentres number of generator samples used as kernel centres
 * @param dimension  values per image (784 for MNIST)
 * @param wallTime   how long the evaluation took
 */
public record ParzenResult(SigmaSelection selection, ParzenScore test, int numCentres, int dimension,
                           Duration wallTime) {

    /** The chosen sigma. */
    public double sigma() {
        return test.sigma();
    }

    /** Mean test log-likelihood, nats (the Table 1 number). */
    public double mean() {
        return test.mean();
    }

    /** Its standard error, std(ll)/√N with ddof 0 (the Table 1 "±"). */
    public double standardError() {
        return test.standardError();
    }

    /** Number of test points. */
    public int n() {
        return test.n();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT,
                "Parzen log-likelihood %.2f ± %.2f nats on %d test points (sigma %.4f chosen on %d validation rows%s;"
                        + " %d centres, d = %d; %.2f s)",
                mean(), standardError(), n(), sigma(), selection.validationSize(),
                selection.atGridEdge() ? ", at the edge of the grid" : "", numCentres, dimension,
                wallTime.toNanos() / 1e9);
    }
}
