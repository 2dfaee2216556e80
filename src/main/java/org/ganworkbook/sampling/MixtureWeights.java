package org.ganworkbook.sampling;

/**
 * The mixing weights of a finite mixture, shared by {@link GaussianMixture1d} and {@link GaussianMixture2d}:
 * given raw weights v_k ≥ 0 (not all 0), w_k = v_k / Σ_j v_j and the running sums c_k = w_0 + ... + w_k
 * (c_{K-1} set to exactly 1), so that a uniform u in [0, 1) picks component k with probability w_k.
 */
final class MixtureWeights {

    /** w_k, summing to 1. */
    final double[] weights;
    /** c_k = w_0 + ... + w_k. */
    final double[] cumulative;

    /**
     * @param raw the unnormalised weights (not modified)
     * @throws IllegalArgumentException if a weight is negative or not finite, or all are 0
     */
    MixtureWeights(double[] raw) {
        int k = raw.length;
        double total = 0;
        for (int i = 0; i < k; i++) {
            if (!(raw[i] >= 0) || !Double.isFinite(raw[i])) {
                throw new IllegalArgumentException("weight " + i + " must be finite and >= 0, got " + raw[i]);
            }
            total += raw[i];
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("weights sum to 0; give at least one positive weight");
        }
        weights = new double[k];
        cumulative = new double[k];
        double acc = 0;
        for (int i = 0; i < k; i++) {
            weights[i] = raw[i] / total;
            acc += weights[i];
            cumulative[i] = acc;
        }
        cumulative[k - 1] = 1;
    }

    /** The component k with c_{k-1} ≤ u < c_k, for u uniform in [0, 1). */
    int pick(double u) {
        int k = 0;
        while (k < cumulative.length - 1 && u >= cumulative[k]) {
            k++;
        }
        return k;
    }
}
