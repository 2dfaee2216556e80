package org.ganworkbook.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;

/** Shared checks for any Density1d: normalisation, cdf vs pdf, samples vs cdf, sample moments. */
final class DensityChecks {

    private DensityChecks() {
    }

    /** Composite Simpson with n (odd) points, written here so sampling tests do not lean on theory.Grid1d. */
    static double simpson(DoubleUnaryOperator f, double a, double b, int n) {
        double h = (b - a) / (n - 1);
        double s = f.applyAsDouble(a) + f.applyAsDouble(b);
        for (int i = 1; i < n - 1; i++) {
            s += (i % 2 == 1 ? 4 : 2) * f.applyAsDouble(a + i * h);
        }
        return s * h / 3;
    }

    static void assertIntegratesToOne(Density1d p, double a, double b, int n, double tol) {
        assertEquals(1.0, simpson(p::pdf, a, b, n), tol, p + " should integrate to 1 over [" + a + ", " + b + "]");
    }

    /** cdf(x) - cdf(a) equals the integral of the pdf from a to x at several x. */
    static void assertCdfMatchesPdf(Density1d p, double a, double b, double tol) {
        assertCdfMatchesPdf(p, a, b, 20001, tol);
    }

    /** As above, with n Simpson points per integral. */
    static void assertCdfMatchesPdf(Density1d p, double a, double b, int n, double tol) {
        for (int k = 1; k <= 8; k++) {
            double x = a + (b - a) * k / 8;
            double integral = simpson(p::pdf, a, x, n);
            assertEquals(integral, p.cdf(x) - p.cdf(a), tol, p + ": cdf difference vs integrated pdf at x=" + x);
        }
    }

    /** Kolmogorov-Smirnov statistic sup |F_n - F|. */
    static double ksStatistic(double[] samples, DoubleUnaryOperator cdf) {
        double[] s = samples.clone();
        Arrays.sort(s);
        int n = s.length;
        double d = 0;
        for (int i = 0; i < n; i++) {
            double f = cdf.applyAsDouble(s[i]);
            d = Math.max(d, Math.max((i + 1.0) / n - f, f - (double) i / n));
        }
        return d;
    }

    /** KS test at level 0.001: sqrt(n) D_n below 1.95 (the asymptotic critical value). */
    static void assertSamplesFollowCdf(Density1d p, int n, long seed) {
        double[] x = p.sample(n, new SplittableRandom(seed));
        double d = ksStatistic(x, p::cdf);
        assertTrue(Math.sqrt(n) * d < 1.95, p + ": KS statistic sqrt(n) D = " + Math.sqrt(n) * d + " >= 1.95");
    }

    static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    static double variance(double[] x) {
        double m = mean(x);
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return s / (x.length - 1);
    }

    /**
     * Sample mean within 5 standard errors of mean, sample variance within 5 standard errors of var, the
     * latter's standard error being sqrt((mu4 - var^2)/n) with mu4 the fourth central moment.
     */
    static void assertMoments(double[] x, double mean, double var, double mu4) {
        int n = x.length;
        assertEquals(mean, mean(x), 5 * Math.sqrt(var / n), "sample mean");
        assertEquals(var, variance(x), 5 * Math.sqrt((mu4 - var * var) / n), "sample variance");
    }
}
