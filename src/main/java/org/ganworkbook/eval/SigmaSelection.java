package org.ganworkbook.eval;

import java.util.Arrays;
import java.util.Locale;

/**
 * The sigma search of the Parzen protocol: for each candidate sigma, the mean log-likelihood (nats) of
 * the validation set; the chosen sigma is the first one with the highest mean, as {@code numpy.argmax}
 * picks it. Plot {@link #sigmas()} (log axis) against {@link #meanLogLikelihoods()} to see the "sigma
 * selection curve": too small a sigma punishes every test point far from all samples, too large a sigma
 * blurs the density.
 *
 * @param sigmas             the grid, in the order it was searched
 * @param meanLogLikelihoods mean validation log-likelihood per sigma, same order
 * @param validationSize     number of validation rows the means are over
 */
public record SigmaSelection(double[] sigmas, double[] meanLogLikelihoods, int validationSize) {

    public SigmaSelection {
        if (sigmas.length == 0 || sigmas.length != meanLogLikelihoods.length) {
            throw new IllegalArgumentException("need one mean per sigma (at least one), got " + sigmas.length
                    + " sigmas and " + meanLogLikelihoods.length + " means");
        }
        sigmas = sigmas.clone();
        meanLogLikelihoods = meanLogLikelihoods.clone();
    }

    /** Index of the chosen sigma: the first maximum of the means (a NaN mean is never chosen). */
    public int bestIndex() {
        int best = -1;
        for (int s = 0; s < sigmas.length; s++) {
            if (!Double.isNaN(meanLogLikelihoods[s]) && (best < 0 || meanLogLikelihoods[s] > meanLogLikelihoods[best])) {
                best = s;
            }
        }
        return Math.max(best, 0);
    }

    /** The chosen sigma. */
    public double sigma() {
        return sigmas[bestIndex()];
    }

    /** The grid (a copy). */
    @Override
    public double[] sigmas() {
        return sigmas.clone();
    }

    /** Mean validation log-likelihood per sigma (a copy). */
    @Override
    public double[] meanLogLikelihoods() {
        return meanLogLikelihoods.clone();
    }

    /** True if the best sigma is the smallest or largest of the grid (the optimum may lie outside it). */
    public boolean atGridEdge() {
        int b = bestIndex();
        return sigmas.length > 1 && (b == 0 || b == sigmas.length - 1);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SigmaSelection other && validationSize == other.validationSize
                && Arrays.equals(sigmas, other.sigmas) && Arrays.equals(meanLogLikelihoods, other.meanLogLikelihoods);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(sigmas) + Arrays.hashCode(meanLogLikelihoods)) + validationSize;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("SigmaSelection[sigma=")
                .append(String.format(Locale.ROOT, "%.4f", sigma()))
                .append(" on ").append(validationSize).append(" validation rows; mean LL per sigma:");
        for (int s = 0; s < sigmas.length; s++) {
            sb.append(String.format(Locale.ROOT, " %.4f:%.2f", sigmas[s], meanLogLikelihoods[s]));
        }
        return sb.append(']').toString();
    }
}
