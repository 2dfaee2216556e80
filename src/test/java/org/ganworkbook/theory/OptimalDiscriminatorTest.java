package org.ganworkbook.theory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.ganworkbook.sampling.Gaussian1d;
import org.ganworkbook.sampling.Uniform1d;
import org.junit.jupiter.api.Test;

class OptimalDiscriminatorTest {

    /** Proposition 1, pointwise: argmax_y a log y + b log(1-y) = a/(a+b), found without knowing it. */
    @Test
    void goldenSectionFindsAOverAPlusBForManyWeights() {
        SplittableRandom rng = new SplittableRandom(51);
        for (int t = 0; t < 500; t++) {
            double a = 5 * rng.nextDouble();
            double b = 5 * rng.nextDouble();
            assertEquals(a / (a + b), OptimalDiscriminator.argmaxGoldenSection(a, b), 1e-7, "a=" + a + ", b=" + b);
        }
    }

    @Test
    void goldenSectionHandlesTheEdgeCases() {
        double[][] ab = {{0, 1}, {1, 0}, {0, 1e-6}, {2.5, 0}, {1e-9, 1}, {1, 1e-9}, {1e6, 1}, {1, 1e6}, {3, 3}, {1e-300, 1e-300}};
        for (double[] w : ab) {
            double expected = OptimalDiscriminator.argmax(w[0], w[1]);
            assertEquals(expected, OptimalDiscriminator.argmaxGoldenSection(w[0], w[1]), 1e-7, "a=" + w[0] + ", b=" + w[1]);
        }
        assertEquals(0.0, OptimalDiscriminator.argmax(0, 1), 0);
        assertEquals(1.0, OptimalDiscriminator.argmax(1, 0), 0);
        assertEquals(0.5, OptimalDiscriminator.argmax(0, 0), 0);
        assertThrows(IllegalArgumentException.class, () -> OptimalDiscriminator.argmaxGoldenSection(0, 0));
        assertThrows(IllegalArgumentException.class, () -> OptimalDiscriminator.argmax(-1, 1));
    }

    @Test
    void gridSearchAgreesToTheGridSpacing() {
        SplittableRandom rng = new SplittableRandom(52);
        int points = 10_001;
        for (int t = 0; t < 200; t++) {
            double a = 3 * rng.nextDouble();
            double b = 3 * rng.nextDouble();
            assertEquals(a / (a + b), OptimalDiscriminator.argmaxOnGrid(a, b, points), 1.0 / (points - 1));
        }
        assertEquals(0.0, OptimalDiscriminator.argmaxOnGrid(0, 2, points), 0);
        assertEquals(1.0, OptimalDiscriminator.argmaxOnGrid(2, 0, points), 0);
    }

    @Test
    void objectiveUsesZeroLogZeroAndIsMaximalAtTheClosedForm() {
        assertEquals(0.0, OptimalDiscriminator.objective(0, 1, 0), 0);
        assertEquals(0.0, OptimalDiscriminator.objective(1, 0, 1), 0);
        assertEquals(Double.NEGATIVE_INFINITY, OptimalDiscriminator.objective(1, 1, 0));
        assertEquals(2 * Math.log(0.5), OptimalDiscriminator.objective(1, 1, 0.5), 1e-15);
        double a = 0.7;
        double b = 1.9;
        double best = OptimalDiscriminator.objective(a, b, a / (a + b));
        for (double y = 0.01; y < 1; y += 0.01) {
            assertTrue(OptimalDiscriminator.objective(a, b, y) <= best, "y=" + y);
        }
        assertThrows(IllegalArgumentException.class, () -> OptimalDiscriminator.objective(1, 1, 1.5));
    }

    @Test
    void dStarIsTheDensityRatioAndHalfWhereBothVanish() {
        assertEquals(0.75, OptimalDiscriminator.dStar(3, 1), 1e-15);
        assertEquals(0.5, OptimalDiscriminator.dStar(0, 0), 0);
        assertEquals(1.0, OptimalDiscriminator.dStar(2, 0), 0);
        assertEquals(0.0, OptimalDiscriminator.dStar(0, 2), 0);
        assertEquals(0.5, OptimalDiscriminator.dStarFromLogs(Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY), 0);
        assertEquals(0.0, OptimalDiscriminator.dStarFromLogs(Double.NEGATIVE_INFINITY, -3), 0);
        assertEquals(1.0, OptimalDiscriminator.dStarFromLogs(-3, Double.NEGATIVE_INFINITY), 0);
        assertArrayEquals(new double[] {0.5, 0.25, 1}, OptimalDiscriminator.fromValues(new double[] {0, 1, 2}, new double[] {0, 3, 0}), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> OptimalDiscriminator.dStar(-1, 1));
        assertThrows(IllegalArgumentException.class, () -> OptimalDiscriminator.dStar(Double.NaN, 1));
    }

    @Test
    void dStarIsHalfEverywhereWhenPgEqualsPdata() {
        Grid1d grid = Grid1d.of(-50, 50, 1001);
        for (double d : OptimalDiscriminator.onGrid(Gaussian1d.of(1, 2), Gaussian1d.of(1, 2), grid)) {
            assertEquals(0.5, d, 0);
        }
        // outside both supports of two equal uniforms too (the 0/0 convention)
        DoubleUnaryOperator d = OptimalDiscriminator.of(Uniform1d.of(0, 1), Uniform1d.of(0, 1));
        assertEquals(0.5, d.applyAsDouble(0.3), 0);
        assertEquals(0.5, d.applyAsDouble(7), 0);
    }

    @Test
    void densityVersionStaysExactInTailsWhereBothPdfsUnderflow() {
        // p = N(0,1), q = N(1,1): log p - log q = 1/2 - x, so D*(x) = sigmoid(1/2 - x)
        DoubleUnaryOperator d = OptimalDiscriminator.of(Gaussian1d.of(0, 1), Gaussian1d.of(1, 1));
        for (double x = -60; x <= 60; x += 2.5) {
            double expected = 1 / (1 + Math.exp(x - 0.5));
            assertEquals(expected, d.applyAsDouble(x), 1e-13 * expected + 1e-300, "x=" + x);
        }
        DoubleUnaryOperator logit = OptimalDiscriminator.logitOf(Gaussian1d.of(0, 1), Gaussian1d.of(1, 1));
        assertEquals(0.5 - 40, logit.applyAsDouble(40), 1e-12);
        assertEquals(0.0, OptimalDiscriminator.logitOf(Uniform1d.of(0, 1), Uniform1d.of(0, 1)).applyAsDouble(5), 0);
        assertEquals(Double.NEGATIVE_INFINITY, OptimalDiscriminator.logitOf(Uniform1d.of(0, 1), Uniform1d.of(2, 3)).applyAsDouble(2.5));
        // the value-based form sees 0/0 at x = 60 and can only answer 1/2
        assertEquals(0.5, OptimalDiscriminator.dStar(Gaussian1d.of(0, 1).pdf(60), Gaussian1d.of(1, 1).pdf(60)), 0);
    }
}
