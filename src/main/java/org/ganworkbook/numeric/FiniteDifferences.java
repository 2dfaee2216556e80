package org.ganworkbook.numeric;

import java.util.function.DoubleSupplier;
import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;

/**
 * Central finite differences, the numeric side of every gradient check:
 * <pre>  ∂f/∂x_i ≈ (f(x + h·e_i) − f(x − h·e_i)) / 2h</pre>
 * with error O(h²) from the Taylor series plus about ε·|f|/h from rounding f (ε the precision f is
 * computed in), so h ≈ 1e−6 suits functions computed in double and h ≈ 1e−2..1e−3 suits float networks.
 *
 * <p>Coordinates are perturbed in place and always restored exactly (also when f throws). For a float
 * coordinate, x ± h is rounded to float, so the quotient divides by the step actually taken,
 * {@code (float)(x + h) − (float)(x − h)}, not by 2h.
 */
public final class FiniteDifferences {

    private FiniteDifferences() {
    }

    /** f'(x) ≈ (f(x + h) − f(x − h)) / 2h. */
    public static double derivative(DoubleUnaryOperator f, double x, double h) {
        checkStep(h);
        return (f.applyAsDouble(x + h) - f.applyAsDouble(x - h)) / (2 * h);
    }

    /**
     * ∂loss/∂x_i, with {@code loss} reading x itself: x[i] is set to x[i] ± h for the two calls and then
     * restored.
     */
    public static double partial(double[] x, int i, DoubleSupplier loss, double h) {
        checkStep(h);
        double saved = x[i];
        try {
            x[i] = saved + h;
            double up = loss.getAsDouble();
            x[i] = saved - h;
            double down = loss.getAsDouble();
            return (up - down) / (2 * h);
        } finally {
            x[i] = saved;
        }
    }

    /**
     * ∂loss/∂x_i for a float coordinate (a network parameter or input): x[i] is set to the floats nearest
     * x[i] ± h, the difference of the losses is divided by the distance between those two floats, and x[i]
     * is restored.
     */
    public static double partial(float[] x, int i, DoubleSupplier loss, double h) {
        checkStep(h);
        float saved = x[i];
        float upAt = (float) (saved + h);
        float downAt = (float) (saved - h);
        if (upAt == downAt) {
            throw new IllegalArgumentException("the step h = " + h + " vanishes in float at x = " + saved
                    + "; use a larger h");
        }
        try {
            x[i] = upAt;
            double up = loss.getAsDouble();
            x[i] = downAt;
            double down = loss.getAsDouble();
            return (up - down) / ((double) upAt - (double) downAt);
        } finally {
            x[i] = saved;
        }
    }

    /** The whole gradient of f at x, a new array: {@link #partial(double[], int, DoubleSupplier, double)} for every i. */
    public static double[] gradient(ToDoubleFunction<double[]> f, double[] x, double h) {
        checkStep(h);
        double[] g = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            g[i] = partial(x, i, () -> f.applyAsDouble(x), h);
        }
        return g;
    }

    private static void checkStep(double h) {
        if (!(h > 0) || Double.isInfinite(h)) {
            throw new IllegalArgumentException("the finite-difference step h must be a positive number, got " + h);
        }
    }
}
