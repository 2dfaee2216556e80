package org.ganworkbook.theory;

import java.util.function.DoubleUnaryOperator;
import org.ganworkbook.sampling.Density1d;

/**
 * A uniform grid x_i = min + i h, i = 0..n-1, h = (max - min)/(n - 1), for evaluating densities and
 * integrating them: the numerical stand-in for the integrals over x in the paper's §4 proofs.
 *
 * <p>{@link #integrate(double[])} is composite Simpson, h/3 [f_0 + 4 f_1 + 2 f_2 + ... + 4 f_{n-2} + f_{n-1}],
 * with error O(h^4) for smooth integrands; it needs an odd n (an even number of intervals), so choose
 * n = 4001 rather than 4000. {@link #trapezoid(double[])} works for any n (error O(h^2)). Both are exact
 * sums of the values given: an integrand that is +-infinity somewhere integrates to +-infinity.
 *
 * @param min first grid point
 * @param max last grid point, &gt; min
 * @param n   number of points, &gt;= 2
 */
public record Grid1d(double min, double max, int n) {

    /** Checks finite min &lt; max and n &gt;= 2. */
    public Grid1d {
        if (!(Double.isFinite(min) && Double.isFinite(max) && min < max) || n < 2) {
            throw new IllegalArgumentException("Grid1d needs finite min < max and n >= 2, got min=" + min + ", max=" + max
                    + ", n=" + n);
        }
    }

    /** The grid of n points from min to max inclusive. Use an odd n for Simpson integration. */
    public static Grid1d of(double min, double max, int n) {
        return new Grid1d(min, max, n);
    }

    /** Spacing h = (max - min)/(n - 1). */
    public double step() {
        return (max - min) / (n - 1);
    }

    /** Point x_i (x_{n-1} is exactly max). */
    public double x(int i) {
        return i == n - 1 ? max : min + i * step();
    }

    /** All grid points, a new array (the x axis of a plot). */
    public double[] points() {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = x(i);
        }
        return x;
    }

    /** f(x_i) for every grid point, a new array. */
    public double[] eval(DoubleUnaryOperator f) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = f.applyAsDouble(x(i));
        }
        return v;
    }

    /** p(x_i) for every grid point, a new array. */
    public double[] pdf(Density1d p) {
        return eval(p::pdf);
    }

    /** log p(x_i) for every grid point, a new array (finite in the tails where pdf underflows). */
    public double[] logPdf(Density1d p) {
        return eval(p::logPdf);
    }

    /**
     * Composite Simpson integral of the values f_i = f(x_i).
     *
     * @param f values on this grid, length n. Not modified.
     * @throws IllegalArgumentException if f has the wrong length or n is even
     */
    public double integrate(double[] f) {
        checkLength(f);
        if (n % 2 == 0) {
            throw new IllegalArgumentException("Simpson's rule needs an odd number of grid points, got n=" + n
                    + "; use Grid1d.of(min, max, " + (n + 1) + ") or trapezoid()");
        }
        double odd = 0;
        double even = 0;
        for (int i = 1; i < n - 1; i += 2) {
            odd += f[i];
        }
        for (int i = 2; i < n - 1; i += 2) {
            even += f[i];
        }
        return step() / 3 * (f[0] + 4 * odd + 2 * even + f[n - 1]);
    }

    /** Composite Simpson integral of f over [min, max]. */
    public double integrate(DoubleUnaryOperator f) {
        return integrate(eval(f));
    }

    /** Composite trapezoid integral h [f_0/2 + f_1 + ... + f_{n-2} + f_{n-1}/2]; any n. Not modified. */
    public double trapezoid(double[] f) {
        checkLength(f);
        double s = 0.5 * (f[0] + f[n - 1]);
        for (int i = 1; i < n - 1; i++) {
            s += f[i];
        }
        return step() * s;
    }

    /** Integral of p over the grid, i.e. how much of p's mass the grid captures (should be ~1). */
    public double mass(Density1d p) {
        return integrate(pdf(p));
    }

    private void checkLength(double[] f) {
        if (f.length != n) {
            throw new IllegalArgumentException("expected " + n + " values (one per grid point), got " + f.length);
        }
    }

    @Override
    public String toString() {
        return "Grid1d[" + min + ", " + max + "], n=" + n + ", h=" + step();
    }
}
