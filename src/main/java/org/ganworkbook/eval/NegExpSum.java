package org.ganworkbook.eval;

/**
 * {@code Σ_j exp(-c·δ_j)} over non-negative δ, the inner sum of the Parzen log-mean-exp, fast and in
 * double precision.
 *
 * <p>{@link Math#exp} costs about 7-10 ns here and HotSpot cannot vectorize it; the Parzen protocol
 * needs up to 2·10⁸ of them (10 sigmas × 1,000 validation rows × 10,000 centres, plus the test set).
 * This kernel uses only multiply, add and min, which C2 compiles to SIMD code (about 1 ns a term here):
 * <pre>  t = min(c·δ, cut),   exp(-t) = q(-t/256)^256,   q = Taylor polynomial of exp to degree 11,</pre>
 * the 256th power by eight squarings. For t ≤ 64 (|t/256| ≤ 0.25) the truncation error of q is below
 * 10⁻¹⁶ relative; each squaring doubles the relative error, so the result is within about 6·10⁻¹⁴ of
 * exp(-t) (checked against {@link Math#exp} in the tests). Clamping at {@code cut} turns every term
 * below e^-cut into exactly e^-cut: with {@code cut ≥ ln n + 40} and a largest term of 1 (δ = 0 is
 * present), the n clamped terms together change the sum by less than e⁻⁴⁰ ≈ 4·10⁻¹⁸ relative. The terms
 * are added in four interleaved partial sums, always in the same order.
 */
final class NegExpSum {

    /** Largest clamp the accuracy statement covers. */
    static final double MAX_CUT = 64.0;

    private NegExpSum() {
    }

    /**
     * {@code Σ_{j<n} exp(-min(c·(p[j] - pMin), cut))} with δ_j = p[j] - pMin ≥ 0; {@code p} is not
     * modified, {@code scratch} (length ≥ n) is overwritten.
     */
    static double sum(double[] p, int n, double pMin, double c, double cut, double[] scratch) {
        for (int j = 0; j < n; j++) {
            scratch[j] = negExp(Math.min(c * (p[j] - pMin), cut));
        }
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int j = 0;
        for (; j + 3 < n; j += 4) {
            s0 += scratch[j];
            s1 += scratch[j + 1];
            s2 += scratch[j + 2];
            s3 += scratch[j + 3];
        }
        for (; j < n; j++) {
            s0 += scratch[j];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * exp(-t) for 0 ≤ t ≤ {@link #MAX_CUT}, relative error below about 6·10⁻¹⁴. The polynomial is
     * evaluated in Estrin's scheme (independent pairs, then powers of x), which keeps the dependency
     * chain short without {@link Math#fma} (slow where the CPU lacks FMA, and machine-dependent).
     */
    static double negExp(double t) {
        double x = t * -0x1p-8;
        double x2 = x * x;
        double x4 = x2 * x2;
        double p01 = 1.0 + x;
        double p23 = 1.0 / 2 + x * (1.0 / 6);
        double p45 = 1.0 / 24 + x * (1.0 / 120);
        double p67 = 1.0 / 720 + x * (1.0 / 5040);
        double p89 = 1.0 / 40320 + x * (1.0 / 362880);
        double p1011 = 1.0 / 3628800 + x * (1.0 / 39916800);
        double q = (p01 + x2 * p23) + x4 * ((p45 + x2 * p67) + x4 * (p89 + x2 * p1011));
        q *= q;
        q *= q;
        q *= q;
        q *= q;
        q *= q;
        q *= q;
        q *= q;
        q *= q;
        return q;
    }
}
