package org.ganworkbook.eval;

import java.util.Arrays;
import java.util.Locale;

/**
 * The Parzen log-likelihood of a test set at one sigma, as the paper reports it (Table 1):
 * the mean of log p(x) over the test points in nats, and its standard error
 * <pre>  se = std(ll) / √N,   std with ddof 0 (numpy's default: divide by N, not N - 1).</pre>
 *
 * @param sigma          the kernel width used
 * @param mean           mean log-likelihood, nats
 * @param standardError  population standard deviation of the per-point values over √N
 * @param logLikelihoods log p(x) of every test point, in test-set order
 */
public record ParzenScore(double sigma, double mean, double standardError, double[] logLikelihoods) {

    public ParzenScore {
        logLikelihoods = logLikelihoods.clone();
    }

    /** Mean and standard error of per-point log-likelihoods (mean first, then the squared deviations). */
    public static ParzenScore of(double sigma, double[] logLikelihoods) {
        int n = logLikelihoods.length;
        if (n == 0) {
            throw new IllegalArgumentException("no log-likelihoods to average; the test set is empty");
        }
        double sum = 0;
        for (double v : logLikelihoods) {
            sum += v;
        }
        double mean = sum / n;
        double sq = 0;
        for (double v : logLikelihoods) {
            double dev = v - mean;
            sq += dev * dev;
        }
        double std = Math.sqrt(sq / n);
        return new ParzenScore(sigma, mean, std / Math.sqrt(n), logLikelihoods);
    }

    /** Number of test points N. */
    public int n() {
        return logLikelihoods.length;
    }

    /** Per-point log-likelihoods (a copy). */
    @Override
    public double[] logLikelihoods() {
        return logLikelihoods.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParzenScore other && Double.compare(sigma, other.sigma) == 0
                && Double.compare(mean, other.mean) == 0 && Double.compare(standardError, other.standardError) == 0
                && Arrays.equals(logLikelihoods, other.logLikelihoods);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new double[]{sigma, mean, standardError}) * 31 + Arrays.hashCode(logLikelihoods);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.2f ± %.2f nats (sigma %.4f, %d test points)", mean, standardError,
                sigma, n());
    }
}
