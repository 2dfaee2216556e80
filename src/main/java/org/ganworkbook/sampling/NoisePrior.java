package org.ganworkbook.sampling;

import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * The noise prior p_z of the generator: every coordinate of z is drawn i.i.d. from this 1-D density
 * (paper §3: G learns p_g over data x by mapping noise z drawn from a fixed prior p_z).
 *
 * <p>The released configs use two priors, each with variance 1 per coordinate
 * (see {@code reference/paper-setup.md}):
 * <ul>
 *   <li>MNIST: U(-sqrt3, sqrt3), {@link #uniformPaper()} (the yaml's {@code noise: 'uniform'});</li>
 *   <li>TFD and CIFAR-10: N(0, 1), {@link #gaussian()} (the code's default {@code noise="gaussian"}).</li>
 * </ul>
 * A batch of m noise vectors of dimension latentDim is just m*latentDim i.i.d. values written row-major,
 * so the trainer fills its z buffer with one call:
 * <pre>{@code
 * NoisePrior pZ = NoisePrior.uniformPaper();
 * pZ.sample(z, 0, m * latentDim, rng);     // float[] z, row-major [m x latentDim]
 * }</pre>
 * A prior is also a {@link Density1d}, so it has an exact pdf and cdf (Figure 1's lower line).
 */
public sealed interface NoisePrior extends Density1d permits Uniform1d, Gaussian1d {

    /** sqrt(3): U(-sqrt3, sqrt3) has variance (2 sqrt3)^2/12 = 1. */
    double SQRT3 = Math.sqrt(3);

    /** U(-sqrt3, sqrt3) per coordinate, the MNIST config's prior (mean 0, variance 1). */
    static Uniform1d uniformPaper() {
        return new Uniform1d(-SQRT3, SQRT3);
    }

    /** U(low, high) per coordinate. */
    static Uniform1d uniform(double low, double high) {
        return new Uniform1d(low, high);
    }

    /** N(0, 1) per coordinate, the TFD and CIFAR-10 configs' prior. */
    static Gaussian1d gaussian() {
        return new Gaussian1d(0, 1);
    }

    /** N(mean, sigma^2) per coordinate. */
    static Gaussian1d gaussian(double mean, double sigma) {
        return new Gaussian1d(mean, sigma);
    }

    /**
     * The paper's prior for a config key, as the released code names it: {@code "uniform"} gives
     * U(-sqrt3, sqrt3), {@code "gaussian"} (or {@code "normal"}) gives N(0, 1). Case-insensitive.
     *
     * @throws IllegalArgumentException for any other name
     */
    static NoisePrior byName(String name) {
        switch (name == null ? "" : name.trim().toLowerCase(Locale.ROOT)) {
            case "uniform":
                return uniformPaper();
            case "gaussian":
            case "normal":
                return gaussian();
            default:
                throw new IllegalArgumentException("unknown noise prior '" + name
                        + "'; use \"uniform\" (U(-sqrt3, sqrt3), paper MNIST) or \"gaussian\" (N(0,1), paper TFD/CIFAR-10)");
        }
    }

    /** Short key, {@code "uniform"} or {@code "gaussian"}, as in the released configs. */
    String name();

    /** One line for a config printout, e.g. {@code "U(-sqrt3, sqrt3) per coordinate (paper MNIST; variance 1)"}. */
    String description();

    /**
     * A new row-major {@code [m x latentDim]} batch of noise vectors z.
     *
     * @return a float array of length m*latentDim
     */
    default float[] sampleBatch(int m, int latentDim, RandomGenerator rng) {
        if (m < 0 || latentDim < 1) {
            throw new IllegalArgumentException("need m >= 0 and latentDim >= 1, got m=" + m + ", latentDim=" + latentDim);
        }
        float[] z = new float[Math.multiplyExact(m, latentDim)];
        sample(z, 0, z.length, rng);
        return z;
    }
}
