package org.ganworkbook.theory;

import java.util.function.DoubleBinaryOperator;

/**
 * A product grid (x_i, y_j) of two {@link Grid1d}s, for 2-D densities such as the ring of Gaussians of the
 * mode-collapse experiments (paper §6): evaluating them for a heat map and integrating them with the
 * product Simpson rule.
 * Values are stored as {@code v[j][i] = f(x_i, y_j)}: one row per y, so row j is a horizontal line.
 *
 * @param xs grid along x
 * @param ys grid along y
 */
public record Grid2d(Grid1d xs, Grid1d ys) {

    /** Checks that both grids are given. */
    public Grid2d {
        if (xs == null || ys == null) {
            throw new IllegalArgumentException("Grid2d needs two grids, got " + xs + ", " + ys);
        }
    }

    /** The square grid [min, max]^2 with n points per axis. */
    public static Grid2d square(double min, double max, int n) {
        Grid1d g = Grid1d.of(min, max, n);
        return new Grid2d(g, g);
    }

    /** {@code v[j][i] = f(x_i, y_j)}, a new [ys.n][xs.n] array. */
    public double[][] eval(DoubleBinaryOperator f) {
        double[][] v = new double[ys.n()][xs.n()];
        for (int j = 0; j < ys.n(); j++) {
            double y = ys.x(j);
            for (int i = 0; i < xs.n(); i++) {
                v[j][i] = f.applyAsDouble(xs.x(i), y);
            }
        }
        return v;
    }

    /**
     * Iterated Simpson integral: each row is integrated along x, then the row integrals along y.
     *
     * @param v values {@code v[j][i]}, [ys.n][xs.n]. Not modified.
     */
    public double integrate(double[][] v) {
        if (v.length != ys.n()) {
            throw new IllegalArgumentException("expected " + ys.n() + " rows (one per y), got " + v.length);
        }
        double[] rows = new double[ys.n()];
        for (int j = 0; j < rows.length; j++) {
            rows[j] = xs.integrate(v[j]);
        }
        return ys.integrate(rows);
    }

    /** Simpson integral of f over the rectangle. */
    public double integrate(DoubleBinaryOperator f) {
        return integrate(eval(f));
    }
}
