package org.ganworkbook.sampling;

/**
 * The error function and the standard normal cdf, accurate to about 1e-15, plus a stable
 * two-term log-sum-exp. The JDK has none of these; the Gaussian cdfs of this package need them.
 *
 * <p>Method: for |x| &lt; 2, erf(x) = (2/sqrt(pi)) exp(-x^2) * sum_{n>=0} 2^n x^(2n+1) / (1*3*...*(2n+1)),
 * a series of positive terms (no cancellation). For erfc at x &gt;= 1 (and erf at |x| &gt;= 2), erfc(x) comes from its continued fraction
 * erfc(x) = exp(-x^2)/sqrt(pi) * 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + ...)))), evaluated by the modified
 * Lentz method, which keeps full relative accuracy far into the tail (erfc(26) ~ 1e-296).
 */
public final class SpecialFunctions {

    /** 1/sqrt(pi). */
    private static final double INV_SQRT_PI = 0.5641895835477563;
    /** log(sqrt(2*pi)), the Gaussian log-normaliser. */
    public static final double LOG_SQRT_2PI = 0.9189385332046728;
    /** 1/sqrt(2). */
    private static final double INV_SQRT2 = 0.7071067811865476;

    private SpecialFunctions() {
    }

    /** The error function erf(x) = (2/sqrt(pi)) * integral_0^x exp(-t^2) dt. */
    public static double erf(double x) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        double ax = Math.abs(x);
        double r = ax < 2 ? erfSeries(ax) : 1 - erfcContinuedFraction(ax);
        return x < 0 ? -r : r;
    }

    /** The complementary error function erfc(x) = 1 - erf(x), with full relative accuracy for large x. */
    public static double erfc(double x) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        if (x >= 1) {
            return erfcContinuedFraction(x);
        }
        if (x > -1) {
            return 1 - (x < 0 ? -erfSeries(-x) : erfSeries(x));
        }
        return 2 - erfcContinuedFraction(-x);
    }

    /** Standard normal cdf Phi(u) = erfc(-u/sqrt(2))/2; accurate in relative terms in the lower tail. */
    public static double normalCdf(double u) {
        return 0.5 * erfc(-u * INV_SQRT2);
    }

    /** Standard normal density phi(u) = exp(-u^2/2)/sqrt(2*pi). */
    public static double normalPdf(double u) {
        return Math.exp(-0.5 * u * u - LOG_SQRT_2PI);
    }

    /**
     * log(exp(a) + exp(b)) without overflow or underflow; -infinity if both are -infinity.
     */
    public static double logSumExp(double a, double b) {
        double m = Math.max(a, b);
        if (m == Double.NEGATIVE_INFINITY) {
            return m;
        }
        if (m == Double.POSITIVE_INFINITY) {
            return m;
        }
        return m + Math.log1p(Math.exp(Math.min(a, b) - m));
    }

    /** Series for 0 &lt;= x &lt; 2 (all terms positive). */
    private static double erfSeries(double x) {
        double x2 = x * x;
        double term = x;
        double sum = x;
        for (int n = 1; n < 200; n++) {
            term *= 2 * x2 / (2 * n + 1);
            sum += term;
            if (term < 1e-17 * sum) {
                break;
            }
        }
        return 2 * INV_SQRT_PI * Math.exp(-x2) * sum;
    }

    /** Continued fraction for x &gt;= 1 (modified Lentz; under 200 terms there). */
    private static double erfcContinuedFraction(double x) {
        if (x > 27.3) {
            return 0; // exp(-x^2) underflows
        }
        final double tiny = 1e-300;
        // f = x + a1/(x + a2/(x + ...)), a_n = n/2
        double f = x;
        double c = x;
        double d = 0;
        for (int n = 1; n < 500; n++) {
            double an = 0.5 * n;
            d = x + an * d;
            if (Math.abs(d) < tiny) {
                d = tiny;
            }
            c = x + an / c;
            if (Math.abs(c) < tiny) {
                c = tiny;
            }
            d = 1 / d;
            double delta = c * d;
            f *= delta;
            if (Math.abs(delta - 1) < 1e-16) {
                break;
            }
        }
        return INV_SQRT_PI * Math.exp(-x * x) / f;
    }
}
