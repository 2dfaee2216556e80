package org.ganworkbook.theory;

import java.util.Locale;
import org.ganworkbook.sampling.GaussianMixture2d;

/**
 * How many modes of a 2-D Gaussian mixture a set of generator samples covers, and how many samples are
 * "high quality": the standard numbers for mode collapse on the ring of Gaussians.
 *
 * <p>Paper §6 warns of the "Helvetica scenario", where G maps too many z to the same x; on a multimodal
 * target that shows up as modes with no samples. Definitions (after the mode-collapse literature, e.g.
 * Srivastava et al. 2017, VEEGAN):
 * <ul>
 *   <li>a sample is <b>high quality</b> if it lies within {@code sigmas} standard deviations (default 3) of
 *       some mode centre, distance measured in units of that mode's sigma; it is then assigned to the mode
 *       for which that scaled distance is smallest;</li>
 *   <li>a mode is <b>covered</b> if at least {@code minFraction} of all samples (default 1%, and at least
 *       one sample) are high-quality samples assigned to it.</li>
 * </ul>
 * For samples drawn from the target itself, a 2-D isotropic Gaussian puts 1 - exp(-9/2) = 98.89% of its mass
 * within 3 sigma, so that is the best achievable high-quality fraction. {@link #modeKl()} compares the
 * distribution of high-quality samples over the modes with the mixture weights.
 */
public final class ModeCoverage {

    /** Default radius, in mode standard deviations, within which a sample counts as high quality. */
    public static final double DEFAULT_SIGMAS = 3;
    /** Default share of all samples a mode needs to count as covered. */
    public static final double DEFAULT_MIN_FRACTION = 0.01;

    private final int samples;
    private final int[] counts;
    private final int highQuality;
    private final int covered;
    private final double sigmas;
    private final double minFraction;
    private final double modeKl;

    private ModeCoverage(int samples, int[] counts, double sigmas, double minFraction, GaussianMixture2d target) {
        this.samples = samples;
        this.counts = counts;
        this.sigmas = sigmas;
        this.minFraction = minFraction;
        int hq = 0;
        int cov = 0;
        for (int c : counts) {
            hq += c;
            if (c > 0 && c >= minFraction * samples) {
                cov++;
            }
        }
        this.highQuality = hq;
        this.covered = cov;
        if (hq == 0) {
            this.modeKl = Double.NaN;
        } else {
            double[] q = new double[counts.length];
            double[] w = new double[counts.length];
            for (int k = 0; k < q.length; k++) {
                q[k] = (double) counts[k] / hq;
                w[k] = target.weight(k);
            }
            this.modeKl = Divergences.klDiscrete(q, w);
        }
    }

    /** Coverage of samples {@code [n][2]} with the defaults (3 sigma, 1%). Not modified. */
    public static ModeCoverage of(double[][] samples, GaussianMixture2d target) {
        return of(samples, target, DEFAULT_SIGMAS, DEFAULT_MIN_FRACTION);
    }

    /**
     * Coverage of samples {@code [n][2]}.
     *
     * @param samples     points (x, y). Not modified.
     * @param target      the mixture whose modes are counted
     * @param sigmas      high-quality radius in mode standard deviations, &gt; 0
     * @param minFraction share of all samples a mode needs to be covered, in [0, 1]
     */
    public static ModeCoverage of(double[][] samples, GaussianMixture2d target, double sigmas, double minFraction) {
        checkSettings(sigmas, minFraction);
        int[] counts = new int[target.modes()];
        for (double[] p : samples) {
            if (p.length != 2) {
                throw new IllegalArgumentException("each sample must be a point (x, y), got length " + p.length);
            }
            assign(p[0], p[1], target, sigmas, counts);
        }
        return new ModeCoverage(samples.length, counts, sigmas, minFraction, target);
    }

    /** Coverage of row-major float points x0, y0, x1, y1, ... (a generator's [m x 2] output), defaults. */
    public static ModeCoverage of(float[] xy, GaussianMixture2d target) {
        return of(xy, target, DEFAULT_SIGMAS, DEFAULT_MIN_FRACTION);
    }

    /** Coverage of row-major float points x0, y0, x1, y1, ... Not modified. */
    public static ModeCoverage of(float[] xy, GaussianMixture2d target, double sigmas, double minFraction) {
        checkSettings(sigmas, minFraction);
        if (xy.length % 2 != 0) {
            throw new IllegalArgumentException("xy must hold pairs (x, y) row-major; its length " + xy.length + " is odd");
        }
        int[] counts = new int[target.modes()];
        for (int i = 0; i < xy.length; i += 2) {
            assign(xy[i], xy[i + 1], target, sigmas, counts);
        }
        return new ModeCoverage(xy.length / 2, counts, sigmas, minFraction, target);
    }

    private static void assign(double x, double y, GaussianMixture2d target, double sigmas, int[] counts) {
        int best = -1;
        double bestScaled = Double.POSITIVE_INFINITY;
        for (int k = 0; k < counts.length; k++) {
            double dx = x - target.centreX(k);
            double dy = y - target.centreY(k);
            double scaled = Math.sqrt(dx * dx + dy * dy) / target.sigma(k);
            if (scaled < bestScaled) {
                bestScaled = scaled;
                best = k;
            }
        }
        if (bestScaled <= sigmas) {
            counts[best]++;
        }
    }

    private static void checkSettings(double sigmas, double minFraction) {
        if (!(sigmas > 0) || !(minFraction >= 0 && minFraction <= 1)) {
            throw new IllegalArgumentException("need sigmas > 0 and minFraction in [0, 1], got sigmas=" + sigmas
                    + ", minFraction=" + minFraction);
        }
    }

    /** Number of modes of the target. */
    public int modes() {
        return counts.length;
    }

    /** Number of covered modes. */
    public int modesCovered() {
        return covered;
    }

    /** Whether mode k is covered. */
    public boolean isCovered(int k) {
        return counts[k] > 0 && counts[k] >= minFraction * samples;
    }

    /** Share of all samples that are high quality (within the radius of some mode). */
    public double highQualityFraction() {
        return samples == 0 ? Double.NaN : (double) highQuality / samples;
    }

    /** High-quality samples assigned to each mode (a copy). */
    public int[] countsPerMode() {
        return counts.clone();
    }

    /** Number of samples examined. */
    public int samples() {
        return samples;
    }

    /**
     * KL(q || w) between q_k = share of the high-quality samples at mode k and the mixture weights w_k
     * (0 when the high-quality samples are spread like the weights, log K when they all sit on one of K
     * equal modes); NaN if there are no high-quality samples.
     */
    public double modeKl() {
        return modeKl;
    }

    /** e.g. {@code 8/8 modes covered, 98.9% high-quality samples (n=2000, 3 sigma, min 1%)}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d/%d modes covered, %.1f%% high-quality samples (n=%d, %s sigma, min %s%%)",
                covered, counts.length, 100 * highQualityFraction(), samples, trim(sigmas), trim(100 * minFraction));
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
