package org.ganworkbook.sampling;

import java.util.random.RandomGenerator;

/**
 * A mixture of isotropic 2-D Gaussians, p(x) = sum_k w_k N(x; c_k, sigma_k^2 I), and in particular the
 * "Gaussians on a ring" target used to show mode collapse.
 *
 * <p>The paper (§6, disadvantages) warns against training G for long without updating D: G may then send
 * many values of z to the same x, which the paper calls the "Helvetica scenario". The
 * ring of {@link #ring(int, double, double) K modes} makes that visible and countable: a collapsed G puts
 * its samples on few modes ({@code theory.ModeCoverage} counts them). The ring with 8 modes, radius 2 and
 * sigma 0.02 ({@link #ring8()}) is the setting later papers standardised on (Metz et al. 2016, unrolled GANs);
 * it is not from Goodfellow et al. 2014.
 */
public final class GaussianMixture2d implements DataSampler {

    private static final double LOG_2PI = Math.log(2 * Math.PI);

    private final double[] weights;
    private final double[] cx;
    private final double[] cy;
    private final double[] sigmas;
    private final MixtureWeights mixing;
    private final String label;

    private GaussianMixture2d(double[] weights, double[] cx, double[] cy, double[] sigmas, String label) {
        int k = weights.length;
        if (k == 0 || cx.length != k || cy.length != k || sigmas.length != k) {
            throw new IllegalArgumentException("weights, centresX, centresY and sigmas need the same non-zero length");
        }
        MixtureWeights mixing = new MixtureWeights(weights);
        for (int i = 0; i < k; i++) {
            if (!Double.isFinite(cx[i]) || !Double.isFinite(cy[i]) || !(sigmas[i] > 0) || !Double.isFinite(sigmas[i])) {
                throw new IllegalArgumentException("mode " + i + " needs a finite centre and a finite sigma > 0, got ("
                        + cx[i] + ", " + cy[i] + "), sigma " + sigmas[i]);
            }
        }
        this.weights = mixing.weights;
        this.mixing = mixing;
        this.cx = cx.clone();
        this.cy = cy.clone();
        this.sigmas = sigmas.clone();
        this.label = label != null ? label : "GaussianMixture2d(" + k + " modes)";
    }

    /**
     * General mixture; weights are divided by their sum. Arrays are copied (not modified).
     *
     * @param centresX x coordinate of each mode centre
     * @param centresY y coordinate of each mode centre
     * @param sigmas   per-mode standard deviation (the same in x and y)
     */
    public static GaussianMixture2d of(double[] weights, double[] centresX, double[] centresY, double[] sigmas) {
        return new GaussianMixture2d(weights, centresX, centresY, sigmas, null);
    }

    /**
     * {@code modes} equally weighted Gaussians with centres radius*(cos(2 pi k/K), sin(2 pi k/K)),
     * k = 0..K-1, each with standard deviation sigma.
     */
    public static GaussianMixture2d ring(int modes, double radius, double sigma) {
        if (modes < 1 || !(radius >= 0) || !Double.isFinite(radius)) {
            throw new IllegalArgumentException("ring needs modes >= 1 and a finite radius >= 0, got modes=" + modes
                    + ", radius=" + radius);
        }
        double[] w = new double[modes];
        double[] x = new double[modes];
        double[] y = new double[modes];
        double[] s = new double[modes];
        for (int k = 0; k < modes; k++) {
            double angle = 2 * Math.PI * k / modes;
            w[k] = 1;
            x[k] = radius * Math.cos(angle);
            y[k] = radius * Math.sin(angle);
            s[k] = sigma;
        }
        return new GaussianMixture2d(w, x, y, s,
                "ring(modes=" + modes + ", radius=" + Fmt.num(radius) + ", sigma=" + Fmt.num(sigma) + ")");
    }

    /** The standard 8 Gaussians on a ring of radius 2, sigma 0.02. */
    public static GaussianMixture2d ring8() {
        return ring(8, 2.0, 0.02);
    }

    /** Number of modes K. */
    public int modes() {
        return weights.length;
    }

    /** Normalised weight of mode k. */
    public double weight(int k) {
        return weights[k];
    }

    /** x coordinate of mode k's centre. */
    public double centreX(int k) {
        return cx[k];
    }

    /** y coordinate of mode k's centre. */
    public double centreY(int k) {
        return cy[k];
    }

    /** Standard deviation of mode k. */
    public double sigma(int k) {
        return sigmas[k];
    }

    /** Index of the mode whose centre is nearest to (x, y) in Euclidean distance. */
    public int nearestMode(double x, double y) {
        int best = 0;
        double bestD = Double.POSITIVE_INFINITY;
        for (int k = 0; k < weights.length; k++) {
            double dx = x - cx[k];
            double dy = y - cy[k];
            double d = dx * dx + dy * dy;
            if (d < bestD) {
                bestD = d;
                best = k;
            }
        }
        return best;
    }

    /** The density p(x, y). */
    public double pdf(double x, double y) {
        double p = 0;
        for (int k = 0; k < weights.length; k++) {
            double s2 = sigmas[k] * sigmas[k];
            double dx = x - cx[k];
            double dy = y - cy[k];
            p += weights[k] / (2 * Math.PI * s2) * Math.exp(-0.5 * (dx * dx + dy * dy) / s2);
        }
        return p;
    }

    /** log p(x, y), by log-sum-exp over modes (finite far from every mode). */
    public double logPdf(double x, double y) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < weights.length; k++) {
            max = Math.max(max, logComponent(k, x, y));
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        double s = 0;
        for (int k = 0; k < weights.length; k++) {
            s += Math.exp(logComponent(k, x, y) - max);
        }
        return max + Math.log(s);
    }

    private double logComponent(int k, double x, double y) {
        double s2 = sigmas[k] * sigmas[k];
        double dx = x - cx[k];
        double dy = y - cy[k];
        return Math.log(weights[k] / s2) - LOG_2PI - 0.5 * (dx * dx + dy * dy) / s2;
    }

    /** One point (x, y) as a new array of length 2. */
    public double[] sample(RandomGenerator rng) {
        int k = pickMode(rng);
        return new double[] {cx[k] + sigmas[k] * rng.nextGaussian(), cy[k] + sigmas[k] * rng.nextGaussian()};
    }

    /** {@code n} points as a new {@code [n][2]} array. */
    public double[][] sample(int n, RandomGenerator rng) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, got " + n);
        }
        double[][] out = new double[n][];
        for (int i = 0; i < n; i++) {
            out[i] = sample(rng);
        }
        return out;
    }

    @Override
    public int dim() {
        return 2;
    }

    /** Writes {@code rows} points as x0, y0, x1, y1, ... (2*rows floats). */
    @Override
    public void sampleRows(float[] out, int offset, int rows, RandomGenerator rng) {
        DataSampler.checkRange(out.length, offset, Math.multiplyExact(2, rows));
        for (int r = 0; r < rows; r++) {
            int k = pickMode(rng);
            out[offset + 2 * r] = (float) (cx[k] + sigmas[k] * rng.nextGaussian());
            out[offset + 2 * r + 1] = (float) (cy[k] + sigmas[k] * rng.nextGaussian());
        }
    }

    private int pickMode(RandomGenerator rng) {
        if (weights.length == 1) {
            return 0;
        }
        double u = rng.nextDouble();
        int k = mixing.pick(u);
        return k;
    }

    /** e.g. {@code ring(modes=8, radius=2, sigma=0.02)}. */
    @Override
    public String toString() {
        return label;
    }
}
