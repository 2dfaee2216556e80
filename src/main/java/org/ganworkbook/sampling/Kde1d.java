package org.ganworkbook.sampling;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Gaussian kernel density estimate of a 1-D density from samples, e.g. p_g from generator outputs:
 * p_hat(x) = (1/(n h)) sum_i phi((x - x_i)/h), with phi the standard normal density and bandwidth h.
 *
 * <p>The paper estimates p_g this way (a Parzen window, §5) in high dimension for Table 1; here it turns
 * the samples of a 1-D generator into a density that the theory code (divergences, C(G), D*) can use.
 * The default bandwidth is Silverman's rule of thumb, h = 0.9 min(s, IQR/1.34) n^(-1/5) (Silverman 1986,
 * eq. 3.31), with s the sample standard deviation. The estimate is a proper density (integrates to 1);
 * its mean is the sample mean and its variance the sample variance (divisor n) plus h^2.
 * Kernels farther than 8h from x are skipped (each would add less than exp(-32) of its peak).
 */
public final class Kde1d implements Density1d {

    /** Kernels farther than CUTOFF bandwidths are ignored. */
    private static final double CUTOFF = 8;

    private final double[] sorted;
    private final double h;
    private final double norm;

    private Kde1d(double[] samples, double bandwidth) {
        if (!(bandwidth > 0) || !Double.isFinite(bandwidth)) {
            throw new IllegalArgumentException("bandwidth must be finite and > 0, got " + bandwidth);
        }
        this.sorted = samples;
        this.h = bandwidth;
        this.norm = 1 / (samples.length * bandwidth) * Math.exp(-SpecialFunctions.LOG_SQRT_2PI);
    }

    /** KDE with Silverman's bandwidth. The samples are copied (not modified); at least 2 are needed. */
    public static Kde1d fit(double[] samples) {
        double[] s = sortedCopy(samples);
        return new Kde1d(s, silvermanSorted(s));
    }

    /** KDE with an explicit bandwidth h &gt; 0. The samples are copied (not modified). */
    public static Kde1d fit(double[] samples, double bandwidth) {
        return new Kde1d(sortedCopy(samples), bandwidth);
    }

    /** KDE with Silverman's bandwidth from float samples (e.g. a generator's output batch). */
    public static Kde1d fit(float[] samples) {
        return fit(toDouble(samples));
    }

    /** KDE with an explicit bandwidth from float samples. */
    public static Kde1d fit(float[] samples, double bandwidth) {
        return fit(toDouble(samples), bandwidth);
    }

    /**
     * Silverman's rule of thumb h = 0.9 min(s, IQR/1.34) n^(-1/5); when the IQR is 0 it uses s alone.
     *
     * @throws IllegalArgumentException if fewer than 2 samples, or all samples are equal (a fully collapsed
     *                                  generator: pass an explicit bandwidth instead)
     */
    public static double silvermanBandwidth(double[] samples) {
        return silvermanSorted(sortedCopy(samples));
    }

    private static double silvermanSorted(double[] s) {
        int n = s.length;
        if (n < 2) {
            throw new IllegalArgumentException("Silverman's bandwidth needs at least 2 samples, got " + n);
        }
        double mean = 0;
        for (double v : s) {
            mean += v;
        }
        mean /= n;
        double ss = 0;
        for (double v : s) {
            ss += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(ss / (n - 1));
        double iqr = quantile(s, 0.75) - quantile(s, 0.25);
        double spread = iqr > 0 ? Math.min(sd, iqr / 1.34) : sd;
        if (!(spread > 0)) {
            throw new IllegalArgumentException("all " + n + " samples are equal (" + s[0]
                    + "), so Silverman's bandwidth is 0; pass an explicit bandwidth to Kde1d.fit(samples, h)");
        }
        return 0.9 * spread * Math.pow(n, -0.2);
    }

    /** Linear-interpolation quantile of sorted data (R's type 7). */
    private static double quantile(double[] sorted, double p) {
        double pos = (sorted.length - 1) * p;
        int i = (int) Math.floor(pos);
        if (i >= sorted.length - 1) {
            return sorted[sorted.length - 1];
        }
        return sorted[i] + (pos - i) * (sorted[i + 1] - sorted[i]);
    }

    private static double[] sortedCopy(double[] samples) {
        if (samples.length == 0) {
            throw new IllegalArgumentException("a KDE needs at least one sample");
        }
        for (int i = 0; i < samples.length; i++) {
            if (!Double.isFinite(samples[i])) {
                throw new IllegalArgumentException("sample " + i + " is " + samples[i] + "; all samples must be finite");
            }
        }
        double[] s = samples.clone();
        Arrays.sort(s);
        return s;
    }

    private static double[] toDouble(float[] samples) {
        double[] d = new double[samples.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = samples[i];
        }
        return d;
    }

    /** The bandwidth h. */
    public double bandwidth() {
        return h;
    }

    /** Number of samples n. */
    public int size() {
        return sorted.length;
    }

    /** First index with sorted[i] &gt;= v (or length). */
    private int lowerBound(double v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    @Override
    public double pdf(double x) {
        int lo = lowerBound(x - CUTOFF * h);
        int hi = lowerBound(x + CUTOFF * h);
        double s = 0;
        for (int i = lo; i < hi; i++) {
            double u = (x - sorted[i]) / h;
            s += Math.exp(-0.5 * u * u);
        }
        return s * norm;
    }

    /** (1/n) sum_i Phi((x - x_i)/h). */
    @Override
    public double cdf(double x) {
        int lo = lowerBound(x - CUTOFF * h);
        int hi = lowerBound(x + CUTOFF * h);
        // samples at or above x + 8h contribute ~0, those below x - 8h contribute ~1
        double s = lo;
        for (int i = lo; i < hi; i++) {
            s += SpecialFunctions.normalCdf((x - sorted[i]) / h);
        }
        return s / sorted.length;
    }

    /** Picks a sample uniformly and adds N(0, h^2) noise: an exact draw from the KDE. */
    @Override
    public double sample(RandomGenerator rng) {
        return sorted[rng.nextInt(sorted.length)] + h * rng.nextGaussian();
    }

    @Override
    public double mean() {
        double m = 0;
        for (double v : sorted) {
            m += v;
        }
        return m / sorted.length;
    }

    /** Sample variance (divisor n) + h^2. */
    @Override
    public double variance() {
        double m = mean();
        double ss = 0;
        for (double v : sorted) {
            ss += (v - m) * (v - m);
        }
        return ss / sorted.length + h * h;
    }

    @Override
    public String toString() {
        return "Kde1d(n=" + sorted.length + ", bandwidth=" + Fmt.num(h) + ")";
    }
}
