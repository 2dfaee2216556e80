package org.ganworkbook.sampling;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * A 1-D Gaussian mixture p(x) = sum_k w_k N(x; mu_k, sigma_k^2), with weights w_k &gt;= 0 summing to 1.
 *
 * <p>A multimodal p_data for the 1-D experiments: Theorem 1's identity holds for any pair of densities,
 * and a G that covers only some of the modes shows mode dropping in one dimension (paper §6).
 * The log-pdf is a log-sum-exp over components, exact far in the tails.
 */
public final class GaussianMixture1d implements Density1d {

    private final double[] weights;
    private final double[] means;
    private final double[] sigmas;
    private final MixtureWeights mixing;

    private GaussianMixture1d(double[] weights, double[] means, double[] sigmas) {
        int k = weights.length;
        if (k == 0 || means.length != k || sigmas.length != k) {
            throw new IllegalArgumentException("weights, means and sigmas need the same non-zero length, got "
                    + weights.length + ", " + means.length + ", " + sigmas.length);
        }
        MixtureWeights mixing = new MixtureWeights(weights);
        for (int i = 0; i < k; i++) {
            new Gaussian1d(means[i], sigmas[i]); // validates component i
        }
        this.weights = mixing.weights;
        this.mixing = mixing;
        this.means = means.clone();
        this.sigmas = sigmas.clone();
    }

    /**
     * sum_k w_k N(mu_k, sigma_k^2). Weights are divided by their sum, so {1, 1, 2} means {1/4, 1/4, 1/2}.
     * The arrays are copied (not modified).
     */
    public static GaussianMixture1d of(double[] weights, double[] means, double[] sigmas) {
        return new GaussianMixture1d(weights, means, sigmas);
    }

    /** Equal weights, one common sigma: (1/K) sum_k N(mu_k, sigma^2). */
    public static GaussianMixture1d equalWeights(double[] means, double sigma) {
        double[] w = new double[means.length];
        double[] s = new double[means.length];
        Arrays.fill(w, 1);
        Arrays.fill(s, sigma);
        return new GaussianMixture1d(w, means, s);
    }

    /** Number of components K. */
    public int components() {
        return weights.length;
    }

    /** Component k as a Gaussian1d. */
    public Gaussian1d component(int k) {
        return new Gaussian1d(means[k], sigmas[k]);
    }

    /** The normalised weights (a copy). */
    public double[] weights() {
        return weights.clone();
    }

    /** The component means (a copy). */
    public double[] means() {
        return means.clone();
    }

    /** The component standard deviations (a copy). */
    public double[] sigmas() {
        return sigmas.clone();
    }

    @Override
    public double pdf(double x) {
        double p = 0;
        for (int k = 0; k < weights.length; k++) {
            double u = (x - means[k]) / sigmas[k];
            p += weights[k] / sigmas[k] * Math.exp(-0.5 * u * u);
        }
        return p * Math.exp(-SpecialFunctions.LOG_SQRT_2PI);
    }

    @Override
    public double logPdf(double x) {
        // log-sum-exp over components: two passes, no allocation
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < weights.length; k++) {
            max = Math.max(max, logComponent(k, x));
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        double s = 0;
        for (int k = 0; k < weights.length; k++) {
            s += Math.exp(logComponent(k, x) - max);
        }
        return max + Math.log(s) - SpecialFunctions.LOG_SQRT_2PI;
    }

    /** log(w_k / sigma_k) - u^2/2, without the log sqrt(2 pi). */
    private double logComponent(int k, double x) {
        double u = (x - means[k]) / sigmas[k];
        return Math.log(weights[k] / sigmas[k]) - 0.5 * u * u;
    }

    @Override
    public double cdf(double x) {
        double c = 0;
        for (int k = 0; k < weights.length; k++) {
            c += weights[k] * SpecialFunctions.normalCdf((x - means[k]) / sigmas[k]);
        }
        return Math.min(1, c);
    }

    /** Picks component k with probability w_k, then draws from N(mu_k, sigma_k^2). */
    @Override
    public double sample(RandomGenerator rng) {
        double u = rng.nextDouble();
        int k = mixing.pick(u);
        return means[k] + sigmas[k] * rng.nextGaussian();
    }

    /** sum_k w_k mu_k. */
    @Override
    public double mean() {
        double m = 0;
        for (int k = 0; k < weights.length; k++) {
            m += weights[k] * means[k];
        }
        return m;
    }

    /** sum_k w_k (sigma_k^2 + mu_k^2) - mean^2. */
    @Override
    public double variance() {
        double m = mean();
        double v = 0;
        for (int k = 0; k < weights.length; k++) {
            double d = means[k] - m;
            v += weights[k] * (sigmas[k] * sigmas[k] + d * d);
        }
        return v;
    }

    /** e.g. {@code 0.3*N(-2, 0.5^2) + 0.7*N(1, 1)}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < weights.length; k++) {
            if (k > 0) {
                sb.append(" + ");
            }
            sb.append(Fmt.num(weights[k])).append('*').append(component(k));
        }
        return sb.toString();
    }
}
