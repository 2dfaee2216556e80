package org.ganworkbook.sampling;

import java.util.random.RandomGenerator;

/**
 * A probability density on the real line that can be evaluated and sampled: p_data, p_g or p_z of the
 * paper's 1-D examples (§4, Figure 1).
 *
 * <p>Implementations give pdf and sampling; most also give an exact cdf and a log-pdf that stays finite
 * far in the tails where the pdf itself underflows to 0 (use it for ratios such as D*(x)).
 * All methods are pure except that sampling advances the generator passed in.
 */
public interface Density1d extends DataSampler {

    /** The density p(x) &gt;= 0. */
    double pdf(double x);

    /** log p(x); -infinity outside the support. The default is {@code Math.log(pdf(x))}. */
    default double logPdf(double x) {
        return Math.log(pdf(x));
    }

    /**
     * The cdf P(X &lt;= x).
     *
     * @throws UnsupportedOperationException if this density has no cheap cdf (integrate its pdf on a
     *                                       {@code theory.Grid1d} instead)
     */
    default double cdf(double x) {
        throw new UnsupportedOperationException(getClass().getSimpleName()
                + " has no closed-form cdf; integrate its pdf on a Grid1d instead");
    }

    /** One draw x ~ p. */
    double sample(RandomGenerator rng);

    /** E[X]. */
    double mean();

    /** Var[X]. */
    double variance();

    /** Standard deviation sqrt(Var[X]). */
    default double sd() {
        return Math.sqrt(variance());
    }

    /** Smallest point of the support (-infinity when unbounded). */
    default double supportMin() {
        return Double.NEGATIVE_INFINITY;
    }

    /** Largest point of the support (+infinity when unbounded). */
    default double supportMax() {
        return Double.POSITIVE_INFINITY;
    }

    /** p(x_i) for every x_i; a new array. */
    default double[] pdf(double[] xs) {
        double[] out = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            out[i] = pdf(xs[i]);
        }
        return out;
    }

    /** {@code n} i.i.d. draws as a new array. */
    default double[] sample(int n, RandomGenerator rng) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, got " + n);
        }
        double[] out = new double[n];
        sample(out, 0, n, rng);
        return out;
    }

    /**
     * Fills {@code out[offset .. offset+count-1]} with i.i.d. draws.
     *
     * @param out destination. Modified (only that range).
     * @param rng source of randomness. Advanced.
     */
    default void sample(double[] out, int offset, int count, RandomGenerator rng) {
        DataSampler.checkRange(out.length, offset, count);
        for (int i = offset, end = offset + count; i < end; i++) {
            out[i] = sample(rng);
        }
    }

    /**
     * Fills {@code out[offset .. offset+count-1]} with i.i.d. draws, rounded to float. Draws the same
     * random numbers as the double version, so both give the same values for the same seed.
     *
     * @param out destination. Modified (only that range).
     * @param rng source of randomness. Advanced.
     */
    default void sample(float[] out, int offset, int count, RandomGenerator rng) {
        DataSampler.checkRange(out.length, offset, count);
        for (int i = offset, end = offset + count; i < end; i++) {
            out[i] = (float) sample(rng);
        }
    }

    /** A density is a 1-D data source. */
    @Override
    default int dim() {
        return 1;
    }

    /** Same as {@link #sample(float[], int, int, RandomGenerator)}: one value per row. */
    @Override
    default void sampleRows(float[] out, int offset, int rows, RandomGenerator rng) {
        sample(out, offset, rows, rng);
    }
}
