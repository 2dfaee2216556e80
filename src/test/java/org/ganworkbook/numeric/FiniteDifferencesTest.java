package org.ganworkbook.numeric;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FiniteDifferencesTest {

    @Test
    void derivativeIsCentral() {
        // a cubic: the central difference's error is exactly h^2 f'''/6 = h^2 (f''' = 6)
        double h = 1e-3;
        assertEquals(3 * 4.0 + h * h, FiniteDifferences.derivative(t -> t * t * t, 2.0, h), 1e-9);
        // a one-sided difference would be off by about h f''/2 = 6e-3 here
        assertEquals(Math.cos(1.0), FiniteDifferences.derivative(Math::sin, 1.0, 1e-5), 1e-9);
    }

    @Test
    void gradientOfADoubleFunctionRestoresTheInput() {
        double[] x = {1.0, -2.0, 0.5};
        double[] copy = x.clone();
        double[] g = FiniteDifferences.gradient(v -> v[0] * v[0] + 3 * v[1] + Math.sin(v[2]), x, 1e-5);
        assertArrayEquals(copy, x, 0);
        assertArrayEquals(new double[] {2, 3, Math.cos(0.5)}, g, 1e-8);
    }

    @Test
    void aFloatCoordinateIsDividedByTheStepActuallyTaken() {
        // near 1e4 floats are 1/1024 apart: x +- 1e-3 rounds to a step of 1/512, 2.3 % less than 2h
        float[] x = {1e4f};
        double slope = FiniteDifferences.partial(x, 0, () -> 5.0 * x[0], 1e-3);
        assertEquals(5.0, slope, 1e-12);
        assertEquals(1e4f, x[0]);
    }

    @Test
    void theCoordinateIsRestoredWhenTheLossThrows() {
        double[] x = {0.25};
        assertThrows(ArithmeticException.class, () -> FiniteDifferences.partial(x, 0, () -> {
            throw new ArithmeticException("boom");
        }, 1e-3));
        assertEquals(0.25, x[0]);
        float[] y = {0.5f};
        assertThrows(ArithmeticException.class, () -> FiniteDifferences.partial(y, 0, () -> {
            throw new ArithmeticException("boom");
        }, 1e-3));
        assertEquals(0.5f, y[0]);
    }

    @Test
    void badStepsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> FiniteDifferences.derivative(t -> t, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> FiniteDifferences.gradient(v -> 0, new double[1], -1));
        assertThrows(IllegalArgumentException.class, () -> FiniteDifferences.partial(new double[1], 0, () -> 0, Double.NaN));
        // a step below float resolution would divide 0 by 0
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FiniteDifferences.partial(new float[] {1e8f}, 0, () -> 0, 1e-3));
        assertEquals(true, e.getMessage().contains("vanishes in float"));
    }
}
