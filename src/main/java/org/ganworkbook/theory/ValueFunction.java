package org.ganworkbook.theory;

import java.util.function.DoubleUnaryOperator;
import java.util.random.RandomGenerator;
import org.ganworkbook.sampling.Density1d;
import org.ganworkbook.sampling.SpecialFunctions;

/**
 * The value function of the minimax game (paper §3, eq. 1) and its maximum over D (§4.1):
 * <pre>
 *   V(D, G) = E_{x~p_data}[log D(x)] + E_{z~p_z}[log(1 - D(G(z)))]
 *           = integral [p_data(x) log D(x) + p_g(x) log(1 - D(x))] dx      (p_g = law of G(z))
 *   C(G)    = max_D V(D, G) = V(D*_G, G) = -log 4 + 2 JSD(p_data || p_g)    (Theorem 1)
 * </pre>
 * D maximises V, G minimises it. C(G) &gt;= -log 4 = -1.386294, with equality iff p_g = p_data.
 * V is estimated by Monte Carlo (sample means with a standard error) or by integration on a
 * {@link Grid1d}. Convention: a term whose density weight is 0 contributes 0, even where log D = -infinity
 * (0 log 0 = 0); where the weight is positive and D = 0 (or D = 1 for the fake term) V = -infinity.
 * A discriminator given as a probability rounds to exactly 1 once its logit passes about 37 (17 in float),
 * so a saturated D, or D* far in the tails, makes the probability versions return -infinity; the
 * {@code ...FromLogits} versions take D's logit a (D = sigmoid(a)) and stay exact.
 */
public final class ValueFunction {

    /** log 2 = 0.693147. */
    public static final double LOG2 = Math.log(2);
    /** log 4 = 1.386294. */
    public static final double LOG4 = Math.log(4);
    /** The global minimum of C(G), -log 4 = -1.386294, reached iff p_g = p_data (Theorem 1). */
    public static final double GLOBAL_MINIMUM = -LOG4;

    private ValueFunction() {
    }

    // ---------------------------------------------------------------- integration

    /**
     * V(D, G) = integral [p_data log D + p_g log(1 - D)] over the grid.
     *
     * @param d the discriminator x -&gt; D(x) in [0, 1]
     */
    public static double integrated(Density1d pData, Density1d pG, DoubleUnaryOperator d, Grid1d grid) {
        return integrated(grid.pdf(pData), grid.pdf(pG), grid.eval(d), grid);
    }

    /**
     * V(D, G) from values on the grid.
     *
     * @param pData p_data(x_i). Not modified.
     * @param pG    p_g(x_i). Not modified.
     * @param d     D(x_i) in [0, 1]. Not modified.
     */
    public static double integrated(double[] pData, double[] pG, double[] d, Grid1d grid) {
        if (pData.length != grid.n() || pG.length != grid.n() || d.length != grid.n()) {
            throw new IllegalArgumentException("pData, pG and d need one value per grid point (" + grid.n() + "), got "
                    + pData.length + ", " + pG.length + ", " + d.length);
        }
        double[] f = new double[grid.n()];
        for (int i = 0; i < f.length; i++) {
            f[i] = integrand(pData[i], pG[i], d[i]);
        }
        return grid.integrate(f);
    }

    /** p log D + q log(1 - D) with 0 log 0 = 0. */
    static double integrand(double p, double q, double d) {
        if (!(d >= 0 && d <= 1)) {
            throw new IllegalArgumentException("D(x) must lie in [0, 1], got " + d);
        }
        double real = p == 0 ? 0 : p * Math.log(d);
        double fake = q == 0 ? 0 : q * Math.log1p(-d);
        return real + fake;
    }

    /**
     * C(G) = V(D*_G, G) = integral [p_data log(p_data/(p_data+p_g)) + p_g log(p_g/(p_data+p_g))], from
     * log-densities (exact in tails where the pdfs underflow).
     *
     * <p>On a grid, Theorem 1 holds up to the mass the grid misses: pointwise the integrand equals
     * 2 * (JSD integrand) - (p_data + p_g) log 2, so cOfG - (-log 4 + 2 JSD) = log 2 (2 - M_data - M_g) with
     * M = {@link Grid1d#mass}. A grid of +-4 sd around a Gaussian already costs 6e-5 of mass; take the
     * grid wide enough (mean +- 10 sd) and check {@code grid.mass(p)} when in doubt.
     */
    public static double cOfG(Density1d pData, Density1d pG, Grid1d grid) {
        double[] f = new double[grid.n()];
        for (int i = 0; i < f.length; i++) {
            double x = grid.x(i);
            double lp = pData.logPdf(x);
            double lq = pG.logPdf(x);
            double ls = SpecialFunctions.logSumExp(lp, lq);
            f[i] = (lp == Double.NEGATIVE_INFINITY ? 0 : Math.exp(lp) * (lp - ls))
                    + (lq == Double.NEGATIVE_INFINITY ? 0 : Math.exp(lq) * (lq - ls));
        }
        return grid.integrate(f);
    }

    /**
     * C(G) from density values on the grid: integral of p log(p/(p+q)) + q log(q/(p+q)) (arrays not modified).
     * Written directly rather than through D* = p/(p+q), which rounds to exactly 1 where q/p &lt; 1e-16.
     */
    public static double cOfG(double[] pData, double[] pG, Grid1d grid) {
        if (pData.length != grid.n() || pG.length != grid.n()) {
            throw new IllegalArgumentException("pData and pG need one value per grid point (" + grid.n() + "), got "
                    + pData.length + " and " + pG.length);
        }
        double[] f = new double[grid.n()];
        for (int i = 0; i < f.length; i++) {
            double p = pData[i];
            double q = pG[i];
            if (!(p >= 0) || !(q >= 0)) {
                throw new IllegalArgumentException("densities must be >= 0; at index " + i + " pData=" + p + ", pG=" + q);
            }
            double s = p + q;
            f[i] = (p == 0 ? 0 : p * Math.log(p / s)) + (q == 0 ? 0 : q * Math.log(q / s));
        }
        return grid.integrate(f);
    }

    /**
     * V(D, G) for a discriminator given by its logit a(x), D = sigmoid(a):
     * integral [p_data log sigmoid(a) + p_g log sigmoid(-a)] = -integral [p_data softplus(-a) + p_g softplus(a)].
     * Exact for any logit, where a probability D would round to exactly 0 or 1 (a saturated sigmoid, or
     * D* far in the tails) and make {@link #integrated} return -infinity.
     *
     * @param logit x -&gt; a(x), e.g. {@link OptimalDiscriminator#logitOf} or a network's pre-sigmoid output
     */
    public static double integratedFromLogits(Density1d pData, Density1d pG, DoubleUnaryOperator logit, Grid1d grid) {
        double[] f = new double[grid.n()];
        for (int i = 0; i < f.length; i++) {
            double x = grid.x(i);
            f[i] = logitIntegrand(pData.pdf(x), pG.pdf(x), logit.applyAsDouble(x));
        }
        return grid.integrate(f);
    }

    /** p log sigmoid(a) + q log sigmoid(-a), with 0 weight giving 0 even for infinite a. */
    static double logitIntegrand(double p, double q, double a) {
        if (Double.isNaN(a)) {
            throw new IllegalArgumentException("the logit is NaN");
        }
        double real = p == 0 ? 0 : -p * Saturation.softplus(-a);
        double fake = q == 0 ? 0 : -q * Saturation.softplus(a);
        return real + fake;
    }

    /** Theorem 1's right-hand side: -log 4 + 2 JSD. */
    public static double cOfGFromJsd(double jsd) {
        return -LOG4 + 2 * jsd;
    }

    // ---------------------------------------------------------------- Monte Carlo

    /**
     * Monte Carlo V = mean_i log D(xReal_i) + mean_j log(1 - D(xFake_j)), with standard error
     * sqrt(s_real^2/n_real + s_fake^2/n_fake) (sample variances, divisor n - 1).
     *
     * @param xReal samples x ~ p_data. Not modified.
     * @param xFake samples G(z), z ~ p_z. Not modified.
     * @param d     the discriminator, values in [0, 1]
     */
    public static MonteCarloEstimate monteCarlo(double[] xReal, double[] xFake, DoubleUnaryOperator d) {
        if (xReal.length < 2 || xFake.length < 2) {
            throw new IllegalArgumentException("need at least 2 real and 2 fake samples, got " + xReal.length + " and "
                    + xFake.length);
        }
        double[] real = new double[xReal.length];
        for (int i = 0; i < real.length; i++) {
            real[i] = Math.log(checkD(d.applyAsDouble(xReal[i])));
        }
        double[] fake = new double[xFake.length];
        for (int j = 0; j < fake.length; j++) {
            fake[j] = Math.log1p(-checkD(d.applyAsDouble(xFake[j])));
        }
        return estimate(real, fake);
    }

    private static MonteCarloEstimate estimate(double[] real, double[] fake) {
        double mr = mean(real);
        double mf = mean(fake);
        double se = Math.sqrt(sampleVariance(real, mr) / real.length + sampleVariance(fake, mf) / fake.length);
        return new MonteCarloEstimate(mr + mf, se, Math.min(real.length, fake.length));
    }

    /**
     * Monte Carlo V for a discriminator given by its logit: mean log sigmoid(a(xReal)) + mean log sigmoid(-a(xFake)),
     * exact where a probability D would saturate to 0 or 1.
     *
     * @param xReal samples x ~ p_data. Not modified.
     * @param xFake samples G(z). Not modified.
     * @param logit x -&gt; a(x), D = sigmoid(a)
     */
    public static MonteCarloEstimate monteCarloFromLogits(double[] xReal, double[] xFake, DoubleUnaryOperator logit) {
        if (xReal.length < 2 || xFake.length < 2) {
            throw new IllegalArgumentException("need at least 2 real and 2 fake samples, got " + xReal.length + " and "
                    + xFake.length);
        }
        double[] real = new double[xReal.length];
        for (int i = 0; i < real.length; i++) {
            real[i] = Saturation.logSigmoid(logit.applyAsDouble(xReal[i]));
        }
        double[] fake = new double[xFake.length];
        for (int j = 0; j < fake.length; j++) {
            fake[j] = Saturation.logSigmoid(-logit.applyAsDouble(xFake[j]));
        }
        return estimate(real, fake);
    }

    /**
     * Monte Carlo V from m draws x ~ p_data and m draws z ~ p_z pushed through G.
     *
     * @param pData data density
     * @param pZ    noise prior (e.g. {@code NoisePrior.uniformPaper()})
     * @param g     the generator z -&gt; G(z)
     * @param d     the discriminator x -&gt; D(x)
     * @param m     samples per expectation
     * @param rng   source of randomness. Advanced.
     */
    public static MonteCarloEstimate monteCarlo(Density1d pData, Density1d pZ, DoubleUnaryOperator g,
                                                DoubleUnaryOperator d, int m, RandomGenerator rng) {
        double[] xReal = pData.sample(m, rng);
        double[] xFake = pZ.sample(m, rng);
        for (int j = 0; j < m; j++) {
            xFake[j] = g.applyAsDouble(xFake[j]);
        }
        return monteCarlo(xReal, xFake, d);
    }

    private static double checkD(double v) {
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException("D(x) must lie in [0, 1], got " + v);
        }
        return v;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double sampleVariance(double[] v, double mean) {
        double s = 0;
        for (double x : v) {
            s += (x - mean) * (x - mean);
        }
        return s / (v.length - 1);
    }
}
