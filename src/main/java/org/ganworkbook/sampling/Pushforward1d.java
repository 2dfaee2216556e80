package org.ganworkbook.sampling;

import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;

/**
 * The density p_g of x = G(z), z ~ p_z, for a 1-D generator G: R -&gt; R, estimated by pushing a fine,
 * quadrature-weighted z grid through G into x bins. This is what the arrows of the paper's Figure 1 depict:
 * the map x = G(z) turns uniformly spread z into the non-uniform p_g, compressing z where p_g is high and
 * stretching it where p_g is low.
 *
 * <p>Method: midpoint rule on [zLo, zHi] with N points z_i (the support of p_z, or mean +- 10 sd where it
 * is unbounded), weights w_i = p_z(z_i) dz normalised to sum 1, x_i = G(z_i). Each weight is split
 * linearly between the two nearest bin centres (linear binning, which removes most of the aliasing of a
 * plain histogram); the density of bin j is its mass divided by the bin width. So
 * p_g(x) ~ sum_i w_i K(x - G(z_i)), the discrete form of p_g(x) = integral p_z(z) delta(x - G(z)) dz.
 * Mass that G sends outside [xMin, xMax] is kept in {@link #massBelow()} / {@link #massAbove()}.
 *
 * <p>As a {@link Density1d}: pdf(x) is the value of the bin holding x (0 outside [xMin, xMax]), the cdf
 * integrates that histogram (plus the mass below xMin), sample() draws z ~ p_z and returns G(z) exactly,
 * mean and variance are quadrature sums over all mass. Jumps of p_g (e.g. at the ends of G's image under a
 * uniform prior) are smeared over about one bin.
 */
public final class Pushforward1d implements Density1d {

    /** Default number of z quadrature points. */
    public static final int DEFAULT_Z_POINTS = 100_000;

    private final DoubleUnaryOperator g;
    private final Density1d pZ;
    private final double xMin;
    private final double binWidth;
    private final double[] density;
    private final double[] cumulative; // cumulative[j] = massBelow + mass of bins 0..j-1; length bins+1
    private final double massBelow;
    private final double massAbove;
    private final double[] zs;
    private final double[] xs;
    private final double[] ws;
    private final double mean;
    private final double variance;

    /** The z-to-x mapping at equal-probability levels, for drawing Figure 1's arrows. */
    public record Arrows(double[] z, double[] x) {
        /** Number of arrows. */
        public int size() {
            return z.length;
        }
    }

    private Pushforward1d(DoubleUnaryOperator g, UnaryOperator<double[]> gBatch, Density1d pZ,
                          double xMin, double xMax, int bins, int zPoints) {
        if (!(xMin < xMax) || !Double.isFinite(xMin) || !Double.isFinite(xMax)) {
            throw new IllegalArgumentException("need finite xMin < xMax, got " + xMin + ", " + xMax);
        }
        if (bins < 1 || zPoints < 2) {
            throw new IllegalArgumentException("need bins >= 1 and zPoints >= 2, got bins=" + bins + ", zPoints=" + zPoints);
        }
        this.g = g;
        this.pZ = pZ;
        this.xMin = xMin;
        this.binWidth = (xMax - xMin) / bins;

        // z quadrature: midpoint rule over the support (or +-10 sd)
        double zLo = Math.max(pZ.supportMin(), pZ.mean() - 10 * pZ.sd());
        double zHi = Math.min(pZ.supportMax(), pZ.mean() + 10 * pZ.sd());
        double dz = (zHi - zLo) / zPoints;
        zs = new double[zPoints];
        ws = new double[zPoints];
        double total = 0;
        for (int i = 0; i < zPoints; i++) {
            zs[i] = zLo + (i + 0.5) * dz;
            ws[i] = pZ.pdf(zs[i]) * dz;
            total += ws[i];
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("p_z has no mass on its quadrature grid [" + zLo + ", " + zHi + "]");
        }
        for (int i = 0; i < zPoints; i++) {
            ws[i] /= total;
        }
        xs = gBatch.apply(zs.clone());
        if (xs == null || xs.length != zPoints) {
            throw new IllegalArgumentException("G must return one x per z: got " + (xs == null ? "null" : xs.length + " values")
                    + " for " + zPoints + " z values");
        }

        // linear binning into bin centres c_j = xMin + (j + 1/2) h
        double[] mass = new double[bins];
        double below = 0;
        double above = 0;
        double m1 = 0;
        double m2 = 0;
        for (int i = 0; i < zPoints; i++) {
            double x = xs[i];
            double w = ws[i];
            if (!Double.isFinite(x)) {
                throw new IllegalArgumentException("G(" + zs[i] + ") = " + x + "; G must return finite values");
            }
            m1 += w * x;
            m2 += w * x * x;
            if (x < xMin) {
                below += w;
            } else if (x > xMax) {
                above += w;
            } else {
                double t = (x - xMin) / binWidth - 0.5;
                int j = (int) Math.floor(t);
                if (j < 0) {
                    mass[0] += w;
                } else if (j >= bins - 1) {
                    mass[bins - 1] += w;
                } else {
                    double frac = t - j;
                    mass[j] += (1 - frac) * w;
                    mass[j + 1] += frac * w;
                }
            }
        }
        density = new double[bins];
        cumulative = new double[bins + 1];
        cumulative[0] = below;
        for (int j = 0; j < bins; j++) {
            density[j] = mass[j] / binWidth;
            cumulative[j + 1] = cumulative[j] + mass[j];
        }
        massBelow = below;
        massAbove = above;
        mean = m1;
        variance = Math.max(0, m2 - m1 * m1);
    }

    /**
     * p_g for G and p_z on {@code bins} equal bins over [xMin, xMax], with {@link #DEFAULT_Z_POINTS} z points.
     *
     * @param g  the generator x = G(z); called once per z point
     * @param pZ the prior p_z (e.g. {@code NoisePrior.uniformPaper()})
     */
    public static Pushforward1d of(DoubleUnaryOperator g, Density1d pZ, double xMin, double xMax, int bins) {
        return of(g, pZ, xMin, xMax, bins, DEFAULT_Z_POINTS);
    }

    /** As {@link #of(DoubleUnaryOperator, Density1d, double, double, int)} with {@code zPoints} z points. */
    public static Pushforward1d of(DoubleUnaryOperator g, Density1d pZ, double xMin, double xMax, int bins, int zPoints) {
        UnaryOperator<double[]> batch = z -> {
            double[] x = new double[z.length];
            for (int i = 0; i < z.length; i++) {
                x[i] = g.applyAsDouble(z[i]);
            }
            return x;
        };
        return new Pushforward1d(g, batch, pZ, xMin, xMax, bins, zPoints);
    }

    /**
     * As {@link #of(DoubleUnaryOperator, Density1d, double, double, int, int)}, but G maps a whole array of z
     * at once (one forward pass of a network over all z points).
     *
     * @param gBatch receives a fresh array of the z points (it may modify it) and returns a new array of the
     *               same length holding G(z_i)
     */
    public static Pushforward1d ofBatch(UnaryOperator<double[]> gBatch, Density1d pZ, double xMin, double xMax,
                                        int bins, int zPoints) {
        DoubleUnaryOperator single = z -> gBatch.apply(new double[] {z})[0];
        return new Pushforward1d(single, gBatch, pZ, xMin, xMax, bins, zPoints);
    }

    /** Number of x bins. */
    public int bins() {
        return density.length;
    }

    /** Width of one x bin. */
    public double binWidth() {
        return binWidth;
    }

    /** The bin centres xMin + (j + 1/2) binWidth (a new array), for plotting p_g. */
    public double[] binCentres() {
        double[] c = new double[density.length];
        for (int j = 0; j < c.length; j++) {
            c[j] = xMin + (j + 0.5) * binWidth;
        }
        return c;
    }

    /** The estimated p_g on each bin (a copy). */
    public double[] densities() {
        return density.clone();
    }

    /** Probability mass G sends below xMin. */
    public double massBelow() {
        return massBelow;
    }

    /** Probability mass G sends above xMax. */
    public double massAbove() {
        return massAbove;
    }

    /** The z quadrature points (a copy). */
    public double[] zPoints() {
        return zs.clone();
    }

    /** G(z_i) for every z quadrature point (a copy): the full z-to-x mapping. */
    public double[] xPoints() {
        return xs.clone();
    }

    /** The normalised quadrature weights w_i = p_z(z_i) dz / sum (a copy). */
    public double[] weights() {
        return ws.clone();
    }

    /**
     * {@code count} points of the mapping at the p_z quantiles (k + 1/2)/count, k = 0..count-1: each arrow
     * carries the same probability, so where the arrow heads bunch up p_g is high. For the uniform prior the
     * z's are equally spaced, as in Figure 1.
     */
    public Arrows arrows(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1, got " + count);
        }
        double[] z = new double[count];
        double[] x = new double[count];
        double acc = 0;
        int i = 0;
        for (int k = 0; k < count; k++) {
            double level = (k + 0.5) / count;
            while (i < ws.length - 1 && acc + ws[i] < level) {
                acc += ws[i];
                i++;
            }
            z[k] = zs[i];
            x[k] = xs[i];
        }
        return new Arrows(z, x);
    }

    /** The density of the bin holding x; 0 outside [xMin, xMax]. */
    @Override
    public double pdf(double x) {
        int j = bin(x);
        return j < 0 ? 0 : density[j];
    }

    private int bin(double x) {
        double xMax = xMin + density.length * binWidth;
        if (!(x >= xMin && x <= xMax)) {
            return -1;
        }
        return Math.min(density.length - 1, (int) ((x - xMin) / binWidth));
    }

    /**
     * Integral of the histogram up to x, plus the mass below xMin. Outside [xMin, xMax] the answer is 0
     * (below) or 1 (above) when no mass went there, and NaN otherwise: how that mass is spread is unknown.
     */
    @Override
    public double cdf(double x) {
        if (x < xMin) {
            return massBelow == 0 ? 0 : Double.NaN;
        }
        int j = bin(x);
        if (j < 0) {
            return massAbove == 0 ? 1 : Double.NaN;
        }
        return cumulative[j] + density[j] * (x - (xMin + j * binWidth));
    }

    /** Draws z ~ p_z and returns G(z) (exact, not from the bins). */
    @Override
    public double sample(RandomGenerator rng) {
        return g.applyAsDouble(pZ.sample(rng));
    }

    /** sum_i w_i G(z_i), all mass included. */
    @Override
    public double mean() {
        return mean;
    }

    /** sum_i w_i G(z_i)^2 - mean^2, all mass included. */
    @Override
    public double variance() {
        return variance;
    }

    @Override
    public String toString() {
        return "Pushforward1d(p_z=" + pZ + ", " + density.length + " bins on [" + Fmt.num(xMin) + ", "
                + Fmt.num(xMin + density.length * binWidth) + "], " + zs.length + " z points)";
    }
}
