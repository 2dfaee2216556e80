package org.ganworkbook.sampling;

import java.util.random.RandomGenerator;

/**
 * The Gaussian density N(mean, sigma^2): p(x) = exp(-(x-mean)^2 / (2 sigma^2)) / (sigma sqrt(2 pi)).
 *
 * <p>The default p_data of the 1-D examples (Figure 1 draws a Gaussian-like data density) and, as
 * {@link NoisePrior#gaussian()} = N(0, 1), the noise prior of the TFD and CIFAR-10 configs.
 * The log-pdf is exact everywhere (no underflow), the cdf uses {@link SpecialFunctions#normalCdf}.
 *
 * @param mean  centre
 * @param sigma standard deviation, &gt; 0
 */
public record Gaussian1d(double mean, double sigma) implements NoisePrior {

    /** Checks finite mean and sigma &gt; 0. */
    public Gaussian1d {
        if (!Double.isFinite(mean) || !(sigma > 0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("Gaussian1d needs a finite mean and a finite sigma > 0, got mean="
                    + mean + ", sigma=" + sigma);
        }
    }

    /** N(mean, sigma^2); note the second argument is the standard deviation, not the variance. */
    public static Gaussian1d of(double mean, double sigma) {
        return new Gaussian1d(mean, sigma);
    }

    /** N(0, 1). */
    public static Gaussian1d standard() {
        return new Gaussian1d(0, 1);
    }

    @Override
    public double pdf(double x) {
        return Math.exp(logPdf(x));
    }

    @Override
    public double logPdf(double x) {
        double u = (x - mean) / sigma;
        return -0.5 * u * u - Math.log(sigma) - SpecialFunctions.LOG_SQRT_2PI;
    }

    @Override
    public double cdf(double x) {
        return SpecialFunctions.normalCdf((x - mean) / sigma);
    }

    @Override
    public double sample(RandomGenerator rng) {
        return mean + sigma * rng.nextGaussian();
    }

    @Override
    public void sample(double[] out, int offset, int count, RandomGenerator rng) {
        DataSampler.checkRange(out.length, offset, count);
        for (int i = offset, end = offset + count; i < end; i++) {
            out[i] = mean + sigma * rng.nextGaussian();
        }
    }

    @Override
    public void sample(float[] out, int offset, int count, RandomGenerator rng) {
        DataSampler.checkRange(out.length, offset, count);
        for (int i = offset, end = offset + count; i < end; i++) {
            out[i] = (float) (mean + sigma * rng.nextGaussian());
        }
    }

    @Override
    public double mean() {
        return mean;
    }

    @Override
    public double variance() {
        return sigma * sigma;
    }

    @Override
    public String name() {
        return "gaussian";
    }

    @Override
    public String description() {
        return mean == 0 && sigma == 1
                ? "N(0, 1) per coordinate (paper TFD and CIFAR-10 configs; variance 1)"
                : this + " per coordinate";
    }

    /** {@code N(mean, sigma^2)} with sigma shown, e.g. {@code N(0, 1)} or {@code N(2, 0.5^2)}. */
    @Override
    public String toString() {
        return "N(" + Fmt.num(mean) + ", " + (sigma == 1 ? "1" : Fmt.num(sigma) + "^2") + ")";
    }
}
