package org.ganworkbook.theory;

import java.util.Locale;

/**
 * A Monte Carlo estimate with its standard error: value +- standardError, from n samples per expectation.
 * The paper's V(D, G) (§3, eq. 1) is an expectation; Algorithm 1 estimates it from minibatches, and this
 * record says how far such an estimate may be from the integral.
 *
 * @param value         the estimate
 * @param standardError estimated standard deviation of the estimate (sqrt of the sum of var_k / n_k over its
 *                      independent sample means)
 * @param n             samples per expectation
 */
public record MonteCarloEstimate(double value, double standardError, int n) {

    /** How many standard errors the estimate lies from {@code target}: (value - target)/standardError. */
    public double zScore(double target) {
        return (value - target) / standardError;
    }

    /** True if |value - target| &lt;= k standard errors. */
    public boolean agreesWith(double target, double k) {
        return Math.abs(value - target) <= k * standardError;
    }

    /** e.g. {@code -1.3851 ± 0.0042 (n=10000)}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.6f \u00b1 %.6f (n=%d)", value, standardError, n);
    }
}
