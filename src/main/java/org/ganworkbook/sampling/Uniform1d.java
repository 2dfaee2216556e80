package org.ganworkbook.sampling;

import java.util.random.RandomGenerator;

/**
 * The uniform density U(low, high): p(x) = 1/(high-low) on [low, high], 0 elsewhere.
 * Mean (low+high)/2, variance (high-low)^2/12.
 *
 * <p>{@link NoisePrior#uniformPaper()} = U(-sqrt3, sqrt3) is the MNIST config's noise prior (paper §5;
 * variance 1). Uniforms with disjoint supports are also the textbook case JSD = log 2 (Theorem 1).
 *
 * @param low  left end of the support
 * @param high right end of the support, &gt; low
 */
public record Uniform1d(double low, double high) implements NoisePrior {

    /** Checks low &lt; high, both finite. */
    public Uniform1d {
        if (!(Double.isFinite(low) && Double.isFinite(high) && low < high)) {
            throw new IllegalArgumentException("Uniform1d needs finite low < high, got low=" + low + ", high=" + high);
        }
    }

    /** U(low, high). */
    public static Uniform1d of(double low, double high) {
        return new Uniform1d(low, high);
    }

    @Override
    public double pdf(double x) {
        return x >= low && x <= high ? 1 / (high - low) : 0;
    }

    @Override
    public double logPdf(double x) {
        return x >= low && x <= high ? -Math.log(high - low) : Double.NEGATIVE_INFINITY;
    }

    @Override
    public double cdf(double x) {
        if (x <= low) {
            return 0;
        }
        return x >= high ? 1 : (x - low) / (high - low);
    }

    @Override
    public double sample(RandomGenerator rng) {
        return low + (high - low) * rng.nextDouble();
    }

    @Override
    public void sample(double[] out, int offset, int count, RandomGenerator rng) {
        DataSampler.checkRange(out.length, offset, count);
        double w = high - low;
        for (int i = offset, end = offset + count; i < end; i++) {
            out[i] = low + w * rng.nextDouble();
        }
    }

    @Override
    public void sample(float[] out, int offset, int count, RandomGenerator rng) {
        DataSampler.checkRange(out.length, offset, count);
        double w = high - low;
        for (int i = offset, end = offset + count; i < end; i++) {
            out[i] = (float) (low + w * rng.nextDouble());
        }
    }

    @Override
    public double mean() {
        return 0.5 * (low + high);
    }

    @Override
    public double variance() {
        double w = high - low;
        return w * w / 12;
    }

    @Override
    public double supportMin() {
        return low;
    }

    @Override
    public double supportMax() {
        return high;
    }

    @Override
    public String name() {
        return "uniform";
    }

    private boolean isPaperPrior() {
        return low == -SQRT3 && high == SQRT3;
    }

    @Override
    public String description() {
        return isPaperPrior()
                ? "U(-sqrt3, sqrt3) per coordinate (paper MNIST config; mean 0, variance 1)"
                : this + " per coordinate (mean " + Fmt.num(mean()) + ", variance " + Fmt.num(variance()) + ")";
    }

    /** {@code U(-sqrt3, sqrt3)} for the paper's prior, otherwise {@code U(low, high)}. */
    @Override
    public String toString() {
        return isPaperPrior() ? "U(-sqrt3, sqrt3)" : "U(" + Fmt.num(low) + ", " + Fmt.num(high) + ")";
    }
}
