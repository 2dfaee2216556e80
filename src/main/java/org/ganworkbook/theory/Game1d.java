package org.ganworkbook.theory;

import java.util.function.UnaryOperator;
import org.ganworkbook.nn.Mlp;
import org.ganworkbook.sampling.Density1d;
import org.ganworkbook.sampling.NoisePrior;
import org.ganworkbook.sampling.Pushforward1d;

/**
 * A snapshot of a one-dimensional GAN as the paper's Figure 1 draws it (Goodfellow et al. 2014, §4): on a
 * grid of x values, the data density p_data, the generator's density p_g (the pushforward of p_z through G,
 * {@link Pushforward1d}), the discriminator D(x), the optimal discriminator D*(x) = p_data/(p_data + p_g) for
 * this p_g (Proposition 1), and the z-to-x arrows of the mapping x = G(z). From these it reports
 * JSD(p_data || p_g) and C(G) = -log 4 + 2 JSD (Theorem 1) and how far D is from D* or from 1/2.
 *
 * <pre>{@code
 * Game1d game = Game1d.of(trainer.generator(), trainer.discriminator(), config.noise(), pData, grid);
 * game.jsd();                                  // 0 when p_g = p_data
 * game.maxDistanceFromHalf(game.bulk(0.98));
 * Figure1Panel.of(game).render();              // org.ganworkbook.plot
 * }</pre>
 *
 * <p>p_g comes from a fine z grid pushed through G into one bin per grid interval, and is read at the grid
 * points; mass G sends outside the grid is reported by {@link #massOutside()} and left out of p_g (and so
 * out of the divergences). The snapshot is immutable; its arrays are copies.
 */
public final class Game1d {

    /** Default number of z points pushed through G. */
    public static final int DEFAULT_Z_POINTS = 20_000;
    /** Default number of z-to-x arrows. */
    public static final int DEFAULT_ARROWS = 25;

    /** An interval [lo, hi] of x. */
    public record Interval(double lo, double hi) {
        /** Checks lo &lt;= hi. */
        public Interval {
            if (!(lo <= hi)) {
                throw new IllegalArgumentException("need lo <= hi, got [" + lo + ", " + hi + "]");
            }
        }
    }

    private final Grid1d grid;
    private final double[] pData;
    private final double[] pG;
    private final double[] d;
    private final double[] dStar;
    private final double[] arrowZ;
    private final double[] arrowX;
    private final double zMin;
    private final double zMax;
    private final double massOutside;

    private Game1d(Grid1d grid, double[] pData, double[] pG, double[] d, double[] dStar, Pushforward1d.Arrows arrows,
                   double zMin, double zMax, double massOutside) {
        this.grid = grid;
        this.pData = pData;
        this.pG = pG;
        this.d = d;
        this.dStar = dStar;
        this.arrowZ = arrows.z();
        this.arrowX = arrows.x();
        this.zMin = zMin;
        this.zMax = zMax;
        this.massOutside = massOutside;
    }

    /**
     * A snapshot from batch functions.
     *
     * @param g       z values to G(z) (gets a fresh array it may modify; returns a new array of the same length)
     * @param dLogit  x values to D's logit log(D/(1-D)) (same contract); D = sigmoid(logit)
     * @param pZ      the noise prior, one coordinate
     * @param pData   the data density
     * @param grid    where everything is evaluated; p_g gets one bin per grid interval
     * @param zPoints z points pushed through G (more: smoother p_g)
     * @param arrows  number of z-to-x arrows, at equal steps of probability
     */
    public static Game1d of(UnaryOperator<double[]> g, UnaryOperator<double[]> dLogit, NoisePrior pZ, Density1d pData,
                            Grid1d grid, int zPoints, int arrows) {
        double h = grid.step();
        Pushforward1d pushforward = Pushforward1d.ofBatch(g, pZ, grid.min() - h / 2, grid.max() + h / 2, grid.n(),
                zPoints);
        double[] x = grid.points();
        double[] pg = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            pg[i] = pushforward.pdf(x[i]);
        }
        double[] logits = dLogit.apply(x.clone());
        if (logits == null || logits.length != x.length) {
            throw new IllegalArgumentException("D must return one logit per x: got "
                    + (logits == null ? "null" : logits.length + " values") + " for " + x.length + " points");
        }
        double[] dOnGrid = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            if (Double.isNaN(logits[i])) {
                throw new IllegalArgumentException("D's logit is NaN at x = " + x[i]);
            }
            dOnGrid[i] = Saturation.sigmoid(logits[i]);
        }
        double[] pd = grid.pdf(pData);
        double zLo = Math.max(pZ.supportMin(), pZ.mean() - 3 * pZ.sd());
        double zHi = Math.min(pZ.supportMax(), pZ.mean() + 3 * pZ.sd());
        return new Game1d(grid, pd, pg, dOnGrid, OptimalDiscriminator.fromValues(pd, pg), pushforward.arrows(arrows),
                zLo, zHi, pushforward.massBelow() + pushforward.massAbove());
    }

    /**
     * A snapshot of networks with one input and one output each: G maps z to x, D ends in a sigmoid unit
     * (its pre-activation is the logit). Both are run in evaluation mode (no dropout); they are not changed.
     * {@link #DEFAULT_Z_POINTS} z points and {@link #DEFAULT_ARROWS} arrows.
     */
    public static Game1d of(Mlp g, Mlp d, NoisePrior pZ, Density1d pData, Grid1d grid) {
        return of(g, d, pZ, pData, grid, DEFAULT_Z_POINTS, DEFAULT_ARROWS);
    }

    /** As {@link #of(Mlp, Mlp, NoisePrior, Density1d, Grid1d)} with the number of z points and arrows. */
    public static Game1d of(Mlp g, Mlp d, NoisePrior pZ, Density1d pData, Grid1d grid, int zPoints, int arrows) {
        if (g.inputSize() != 1 || g.outputSize() != 1 || d.inputSize() != 1 || d.outputSize() != 1) {
            throw new IllegalArgumentException("a 1-D game needs G: 1 -> 1 and D: 1 -> 1, got G: " + g.inputSize()
                    + " -> " + g.outputSize() + " and D: " + d.inputSize() + " -> " + d.outputSize()
                    + " (for G use latentDim 1)");
        }
        return of(g::apply, d::logits, pZ, pData, grid, zPoints, arrows);
    }

    /** The grid everything is evaluated on. */
    public Grid1d grid() {
        return grid;
    }

    /** The grid points (a new array). */
    public double[] x() {
        return grid.points();
    }

    /** p_data at the grid points (a copy). */
    public double[] pData() {
        return pData.clone();
    }

    /** p_g at the grid points (a copy). */
    public double[] pG() {
        return pG.clone();
    }

    /** D at the grid points (a copy). */
    public double[] d() {
        return d.clone();
    }

    /** D* = p_data/(p_data + p_g) at the grid points, for this snapshot's p_g (a copy). */
    public double[] dStar() {
        return dStar.clone();
    }

    /** The arrows' z values, at the p_z quantiles (k + 1/2)/count (a copy). */
    public double[] arrowZ() {
        return arrowZ.clone();
    }

    /** The arrows' x = G(z) values (a copy). */
    public double[] arrowX() {
        return arrowX.clone();
    }

    /** Left end of the z line: the prior's support, or its mean - 3 sd if unbounded. */
    public double zMin() {
        return zMin;
    }

    /** Right end of the z line. */
    public double zMax() {
        return zMax;
    }

    /** Probability mass G puts outside the grid (left out of p_g here). */
    public double massOutside() {
        return massOutside;
    }

    /** JSD(p_data || p_g) on the grid, in nats; 0 when the two agree, log 2 when they do not overlap. */
    public double jsd() {
        return Divergences.jsd(pData, pG, grid);
    }

    /** C(G) = max_D V(D, G) on the grid (Theorem 1: -log 4 + 2 JSD). */
    public double cOfG() {
        return ValueFunction.cOfG(pData, pG, grid);
    }

    /**
     * The central interval holding {@code mass} of the mixture (p_data + p_g)/2, the distribution D is trained
     * on (on the grid, trapezoid rule): where D's answers matter. E.g. 0.98 gives its 1% and 99% quantiles.
     */
    public Interval bulk(double mass) {
        if (!(mass > 0 && mass < 1)) {
            throw new IllegalArgumentException("mass must be in (0, 1), got " + mass);
        }
        double[] mix = new double[pData.length];
        for (int i = 0; i < mix.length; i++) {
            mix[i] = 0.5 * (pData[i] + pG[i]);
        }
        double tail = (1 - mass) / 2;
        double h = grid.step();
        double total = grid.trapezoid(mix);
        double lo = grid.min();
        double hi = grid.max();
        double acc = 0;
        boolean loFound = false;
        for (int i = 1; i < mix.length; i++) {
            acc += 0.5 * h * (mix[i - 1] + mix[i]) / total;
            if (!loFound && acc >= tail) {
                lo = grid.x(i - 1);
                loFound = true;
            }
            if (acc <= 1 - tail) {
                hi = grid.x(i);
            }
        }
        return new Interval(lo, hi);
    }

    /** max |D(x) - 1/2| over the grid points in {@code where}: 0 at the equilibrium of Theorem 1. */
    public double maxDistanceFromHalf(Interval where) {
        double worst = 0;
        for (int i = 0; i < d.length; i++) {
            double x = grid.x(i);
            if (x >= where.lo() && x <= where.hi()) {
                worst = Math.max(worst, Math.abs(d[i] - 0.5));
            }
        }
        return worst;
    }

    /** max |D(x) - D*(x)| over the grid points in {@code where}: how far D is from its best reply. */
    public double maxDistanceFromOptimal(Interval where) {
        double worst = 0;
        for (int i = 0; i < d.length; i++) {
            double x = grid.x(i);
            if (x >= where.lo() && x <= where.hi()) {
                worst = Math.max(worst, Math.abs(d[i] - dStar[i]));
            }
        }
        return worst;
    }

    /**
     * The average of |D(x) - 1/2| under the mixture (p_data + p_g)/2, the distribution D is trained on:
     * 0 at the equilibrium of Theorem 1. Unlike {@link #maxDistanceFromHalf} it is not dominated by a few
     * grid points where the densities are tiny.
     */
    public double meanDistanceFromHalf() {
        return mixtureMean(i -> Math.abs(d[i] - 0.5));
    }

    /**
     * The average of |D(x) - D*(x)| under the mixture (p_data + p_g)/2: how far D is from its best reply
     * where its answers count. D* can jump where p_g starts or stops; a smooth D cannot follow such a jump,
     * so the maximum distance ({@link #maxDistanceFromOptimal}) stays large there while this average shrinks.
     */
    public double meanDistanceFromOptimal() {
        return mixtureMean(i -> Math.abs(d[i] - dStar[i]));
    }

    private double mixtureMean(java.util.function.IntToDoubleFunction f) {
        double[] weighted = new double[d.length];
        double[] mix = new double[d.length];
        for (int i = 0; i < d.length; i++) {
            mix[i] = 0.5 * (pData[i] + pG[i]);
            weighted[i] = mix[i] * f.applyAsDouble(i);
        }
        return grid.trapezoid(weighted) / grid.trapezoid(mix);
    }

    /** Mean of D(x) under p_data on the grid (what "D(x)" in a training log estimates). */
    public double meanDOnData() {
        double[] f = new double[d.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = pData[i] * d[i];
        }
        return grid.trapezoid(f) / grid.trapezoid(pData);
    }

    /** e.g. {@code Game1d(JSD 0.0123, C(G) -1.3617, mass outside 0)}. */
    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "Game1d(JSD %.4f, C(G) %.4f, mass of p_g outside the grid %.2g)",
                jsd(), cOfG(), massOutside);
    }
}
