package org.ganworkbook.theory;

import java.util.function.DoubleUnaryOperator;
import org.ganworkbook.sampling.Density1d;

/**
 * The optimal discriminator of Proposition 1 (paper §4.1): for a fixed G,
 * D*_G(x) = p_data(x) / (p_data(x) + p_g(x)).
 *
 * <p>Why: V(D, G) = integral [p_data(x) log D(x) + p_g(x) log(1 - D(x))] dx, and for a, b &gt;= 0 (not both
 * 0) the function y -&gt; a log y + b log(1 - y) attains its maximum on [0, 1] at y = a/(a+b). The
 * {@link #objective}, {@link #argmaxGoldenSection} and {@link #argmaxOnGrid} helpers let a notebook find
 * that maximum numerically and compare it with the closed form {@link #argmax}.
 *
 * <p>Where p_data = p_g = 0 the ratio is 0/0. The paper notes D only needs defining on
 * supp(p_data) U supp(p_g); this class returns <b>1/2</b> there: it is the limit of the ratio along
 * p_data = p_g, it is the equilibrium value, and it never enters V (both weights are 0), whereas NaN would
 * poison every sum it touched. The density-based versions compute D* = sigmoid(log p_data - log p_g),
 * which stays exact in tails where both pdfs underflow.
 */
public final class OptimalDiscriminator {

    private static final double INV_PHI = (Math.sqrt(5) - 1) / 2;

    private OptimalDiscriminator() {
    }

    /**
     * D* = pData/(pData + pG) for density values pData, pG &gt;= 0; 1/2 when both are 0.
     *
     * @throws IllegalArgumentException for negative or NaN values
     */
    public static double dStar(double pData, double pG) {
        if (!(pData >= 0) || !(pG >= 0)) {
            throw new IllegalArgumentException("densities must be >= 0, got pData=" + pData + ", pG=" + pG);
        }
        if (pData == 0 && pG == 0) {
            return 0.5;
        }
        if (Double.isInfinite(pData) || Double.isInfinite(pG)) {
            return Double.isInfinite(pData) && Double.isInfinite(pG) ? 0.5 : Double.isInfinite(pData) ? 1 : 0;
        }
        return pData / (pData + pG);
    }

    /** D* from log-densities: sigmoid(logPData - logPG); 1/2 when both are -infinity. */
    public static double dStarFromLogs(double logPData, double logPG) {
        if (Double.isNaN(logPData) || Double.isNaN(logPG)) {
            throw new IllegalArgumentException("log-densities must not be NaN");
        }
        if (logPData == Double.NEGATIVE_INFINITY && logPG == Double.NEGATIVE_INFINITY) {
            return 0.5;
        }
        return Saturation.sigmoid(logPData - logPG);
    }

    /** The function x -&gt; D*_G(x) for two densities (computed from their log-pdfs). */
    public static DoubleUnaryOperator of(Density1d pData, Density1d pG) {
        return x -> dStarFromLogs(pData.logPdf(x), pG.logPdf(x));
    }

    /**
     * The optimal discriminator's logit, x -&gt; log p_data(x) - log p_g(x), so that D* = sigmoid(logit):
     * the log density ratio, which is what a discriminator's pre-sigmoid output learns. 0 where both
     * densities vanish (D* = 1/2), +-infinity where only one does. Use it with
     * {@link ValueFunction#integratedFromLogits} to avoid D* rounding to exactly 0 or 1 in the tails.
     */
    public static DoubleUnaryOperator logitOf(Density1d pData, Density1d pG) {
        return x -> {
            double lp = pData.logPdf(x);
            double lq = pG.logPdf(x);
            return lp == Double.NEGATIVE_INFINITY && lq == Double.NEGATIVE_INFINITY ? 0 : lp - lq;
        };
    }

    /** D*(x_i) on every grid point, a new array. */
    public static double[] onGrid(Density1d pData, Density1d pG, Grid1d grid) {
        return grid.eval(of(pData, pG));
    }

    /**
     * D* pointwise from density values, a new array.
     *
     * @param pData p_data(x_i). Not modified.
     * @param pG    p_g(x_i), same length. Not modified.
     */
    public static double[] fromValues(double[] pData, double[] pG) {
        if (pData.length != pG.length) {
            throw new IllegalArgumentException("pData and pG need the same length, got " + pData.length + " and " + pG.length);
        }
        double[] d = new double[pData.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = dStar(pData[i], pG[i]);
        }
        return d;
    }

    // ---------------------------------------------------------------- the pointwise maximisation

    /**
     * The pointwise objective f(y) = a log y + b log(1 - y) for y in [0, 1], with 0 log 0 = 0
     * (so f(0) = 0 when a = 0, and f(0) = -infinity when a &gt; 0).
     */
    public static double objective(double a, double b, double y) {
        checkWeights(a, b);
        if (!(y >= 0 && y <= 1)) {
            throw new IllegalArgumentException("y must lie in [0, 1], got " + y);
        }
        double left = a == 0 ? 0 : a * Math.log(y);
        double right = b == 0 ? 0 : b * Math.log1p(-y);
        return left + right;
    }

    /** The closed-form maximiser a/(a+b) of {@link #objective} (1/2 when a = b = 0, where f is flat). */
    public static double argmax(double a, double b) {
        checkWeights(a, b);
        return dStar(a, b);
    }

    /**
     * Maximises {@link #objective} over [0, 1] numerically by golden-section search (f is concave, hence
     * unimodal), to a bracket of width 1e-12; the result is limited to about 1e-8 by the flatness of f
     * near its maximum. Knows nothing of a/(a+b).
     *
     * @throws IllegalArgumentException if a = b = 0 (every y is a maximiser)
     */
    public static double argmaxGoldenSection(double a, double b) {
        checkWeights(a, b);
        if (a == 0 && b == 0) {
            throw new IllegalArgumentException("with a = b = 0 the objective is 0 for every y; there is no unique argmax");
        }
        double lo = 0;
        double hi = 1;
        double y1 = hi - INV_PHI * (hi - lo);
        double y2 = lo + INV_PHI * (hi - lo);
        double f1 = objective(a, b, y1);
        double f2 = objective(a, b, y2);
        while (hi - lo > 1e-12) {
            if (f1 >= f2) { // maximum lies in [lo, y2]
                hi = y2;
                y2 = y1;
                f2 = f1;
                y1 = hi - INV_PHI * (hi - lo);
                f1 = objective(a, b, y1);
            } else { // maximum lies in [y1, hi]
                lo = y1;
                y1 = y2;
                f1 = f2;
                y2 = lo + INV_PHI * (hi - lo);
                f2 = objective(a, b, y2);
            }
        }
        return 0.5 * (lo + hi);
    }

    /**
     * Brute-force maximiser of {@link #objective} over the grid y_i = i/(points-1), endpoints included
     * (the first of equal maxima). Accurate to 1/(points-1).
     */
    public static double argmaxOnGrid(double a, double b, int points) {
        checkWeights(a, b);
        if (points < 2) {
            throw new IllegalArgumentException("points must be >= 2, got " + points);
        }
        double best = Double.NEGATIVE_INFINITY;
        double bestY = Double.NaN;
        for (int i = 0; i < points; i++) {
            double y = (double) i / (points - 1);
            double f = objective(a, b, y);
            if (f > best || Double.isNaN(bestY)) {
                best = f;
                bestY = y;
            }
        }
        return bestY;
    }

    private static void checkWeights(double a, double b) {
        if (!(a >= 0) || !(b >= 0) || Double.isInfinite(a) || Double.isInfinite(b)) {
            throw new IllegalArgumentException("a and b must be finite and >= 0 (they play p_data(x) and p_g(x)), got a="
                    + a + ", b=" + b);
        }
    }
}
