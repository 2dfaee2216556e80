package org.ganworkbook.theory;

import org.ganworkbook.sampling.Density1d;
import org.ganworkbook.sampling.Gaussian1d;
import org.ganworkbook.sampling.SpecialFunctions;

/**
 * Kullback-Leibler and Jensen-Shannon divergences, for densities on a {@link Grid1d} and for discrete
 * distributions. Natural logarithms (nats).
 *
 * <p>Paper §4.1, Theorem 1: C(G) = -log 4 + KL(p_data || m) + KL(p_g || m) = -log 4 + 2 JSD(p_data || p_g),
 * with m = (p_data + p_g)/2. Definitions used here:
 * <ul>
 *   <li>KL(p || q) = integral p log(p/q) (a sum for discrete distributions), with 0 log(0/q) = 0 for every
 *       q &gt;= 0, and KL = +infinity as soon as q = 0 &lt; p anywhere (p is not absolutely continuous
 *       with respect to q). Not symmetric; &gt;= 0 with equality iff p = q.</li>
 *   <li>JSD(p || q) = KL(p || m)/2 + KL(q || m)/2, m = (p + q)/2. Symmetric, always finite,
 *       0 &lt;= JSD &lt;= log 2, with log 2 exactly for disjoint supports.</li>
 * </ul>
 * The {@link Density1d} overloads work in log space (p log(p/q) = e^{log p} (log p - log q)), so tails
 * where both pdfs underflow to 0 still give the right, finite contribution; the array overloads see only
 * the values and treat an underflowed q as a true 0. On a grid the result is an integral over the grid
 * only, so the grid must cover where the mass is ({@link Grid1d#mass} tells how much it captures).
 */
public final class Divergences {

    /** log 2, the largest possible JSD. */
    public static final double LOG2 = Math.log(2);

    private Divergences() {
    }

    // ---------------------------------------------------------------- densities on a grid

    /** KL(p || q) = integral of p log(p/q) over the grid, from log-densities (+infinity where q = 0 &lt; p). */
    public static double kl(Density1d p, Density1d q, Grid1d grid) {
        double[] f = new double[grid.n()];
        for (int i = 0; i < f.length; i++) {
            double x = grid.x(i);
            f[i] = klTermLog(p.logPdf(x), q.logPdf(x));
        }
        return grid.integrate(f);
    }

    /** JSD(p || q) over the grid, from log-densities. */
    public static double jsd(Density1d p, Density1d q, Grid1d grid) {
        double[] f = new double[grid.n()];
        for (int i = 0; i < f.length; i++) {
            double x = grid.x(i);
            f[i] = jsdTermLog(p.logPdf(x), q.logPdf(x));
        }
        return grid.integrate(f);
    }

    /**
     * KL(p || q) from density values on the grid.
     *
     * @param p p(x_i), length grid.n(), &gt;= 0. Not modified.
     * @param q q(x_i), length grid.n(), &gt;= 0. Not modified.
     */
    public static double kl(double[] p, double[] q, Grid1d grid) {
        return grid.integrate(klIntegrand(p, q));
    }

    /** JSD(p || q) from density values on the grid (arrays not modified). */
    public static double jsd(double[] p, double[] q, Grid1d grid) {
        return grid.integrate(jsdIntegrand(p, q));
    }

    /** Pointwise p_i log(p_i/q_i) (0 where p_i = 0, +infinity where q_i = 0 &lt; p_i), a new array. */
    public static double[] klIntegrand(double[] p, double[] q) {
        checkPair(p, q);
        double[] f = new double[p.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = klTerm(p[i], q[i]);
        }
        return f;
    }

    /** Pointwise JSD integrand [p log(p/m) + q log(q/m)]/2, m = (p+q)/2, a new array; always finite. */
    public static double[] jsdIntegrand(double[] p, double[] q) {
        checkPair(p, q);
        double[] f = new double[p.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = jsdTerm(p[i], q[i]);
        }
        return f;
    }

    // ---------------------------------------------------------------- discrete distributions

    /**
     * KL(p || q) = sum_i p_i log(p_i/q_i) for probability vectors (each &gt;= 0, summing to 1 within 1e-9).
     * +infinity if some q_i = 0 &lt; p_i.
     */
    public static double klDiscrete(double[] p, double[] q) {
        checkProbabilities(p, "p");
        checkProbabilities(q, "q");
        double s = 0;
        for (double t : klIntegrand(p, q)) {
            s += t;
        }
        return s;
    }

    /** JSD(p || q) for probability vectors; in [0, log 2]. */
    public static double jsdDiscrete(double[] p, double[] q) {
        checkProbabilities(p, "p");
        checkProbabilities(q, "q");
        double s = 0;
        for (double t : jsdIntegrand(p, q)) {
            s += t;
        }
        return s;
    }

    // ---------------------------------------------------------------- closed forms

    /**
     * Closed form KL(N(mu1, s1^2) || N(mu2, s2^2)) = log(s2/s1) + (s1^2 + (mu1 - mu2)^2)/(2 s2^2) - 1/2,
     * to check the grid versions against.
     */
    public static double klGaussian(Gaussian1d p, Gaussian1d q) {
        double s1 = p.sigma();
        double s2 = q.sigma();
        double d = p.mean() - q.mean();
        return Math.log(s2 / s1) + (s1 * s1 + d * d) / (2 * s2 * s2) - 0.5;
    }

    // ---------------------------------------------------------------- pointwise terms

    /** p log(p/q) with 0 log(0/q) = 0 and +infinity for q = 0 &lt; p. */
    static double klTerm(double p, double q) {
        if (p == 0) {
            return 0;
        }
        if (q == 0) {
            return Double.POSITIVE_INFINITY;
        }
        return p * (Math.log(p) - Math.log(q));
    }

    /** [p log(p/m) + q log(q/m)]/2 with m = (p+q)/2. */
    static double jsdTerm(double p, double q) {
        double m = 0.5 * (p + q);
        return 0.5 * (klTerm(p, m) + klTerm(q, m));
    }

    /** klTerm from log-densities. */
    static double klTermLog(double logP, double logQ) {
        if (logP == Double.NEGATIVE_INFINITY) {
            return 0;
        }
        if (logQ == Double.NEGATIVE_INFINITY) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.exp(logP) * (logP - logQ);
    }

    /** jsdTerm from log-densities; log m = logsumexp(log p, log q) - log 2. */
    static double jsdTermLog(double logP, double logQ) {
        if (logP == logQ) {
            return 0; // exact, where the formula would leave rounding residue of order 1e-18
        }
        double logM = SpecialFunctions.logSumExp(logP, logQ) - LOG2;
        return 0.5 * (klTermLog(logP, logM) + klTermLog(logQ, logM));
    }

    private static void checkPair(double[] p, double[] q) {
        if (p.length != q.length) {
            throw new IllegalArgumentException("p and q need the same length, got " + p.length + " and " + q.length);
        }
        for (int i = 0; i < p.length; i++) {
            if (!(p[i] >= 0) || !(q[i] >= 0) || Double.isInfinite(p[i]) || Double.isInfinite(q[i])) {
                throw new IllegalArgumentException("densities must be finite and >= 0; at index " + i + " p=" + p[i]
                        + ", q=" + q[i]);
            }
        }
    }

    private static void checkProbabilities(double[] p, String name) {
        double s = 0;
        for (double v : p) {
            s += v;
        }
        if (!(Math.abs(s - 1) <= 1e-9)) {
            throw new IllegalArgumentException(name + " must sum to 1 (it sums to " + s
                    + "); divide counts by their total first");
        }
    }
}
