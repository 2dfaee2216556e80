package org.ganworkbook.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ganworkbook.sampling.Gaussian1d;
import org.junit.jupiter.api.Test;

class Grid1dTest {

    @Test
    void pointsRunFromMinToMaxInclusive() {
        Grid1d g = Grid1d.of(-6, 6, 4001);
        assertEquals(0.003, g.step(), 1e-15);
        assertEquals(-6.0, g.x(0), 0);
        assertEquals(6.0, g.x(4000), 0);
        assertEquals(0.0, g.x(2000), 1e-12);
        double[] x = g.points();
        assertEquals(4001, x.length);
        assertEquals(x[17], g.x(17), 0);
    }

    @Test
    void simpsonIsExactForCubicsAndTrapezoidForLines() {
        Grid1d g = Grid1d.of(0, 2, 11);
        assertEquals(4.0, g.integrate(x -> x * x * x), 1e-14);
        assertEquals(2 * 2 * 2 / 3.0 - 2 + 2, g.integrate(x -> x * x - 1 + 1), 1e-14);
        assertEquals(2 + 2 * 2 / 2.0 * 3, g.trapezoid(g.eval(x -> 1 + 3 * x)), 1e-14);
    }

    @Test
    void simpsonErrorFallsLikeHToTheFourth() {
        double e1 = Math.abs(Grid1d.of(0, Math.PI, 9).integrate(Math::sin) - 2);
        double e2 = Math.abs(Grid1d.of(0, Math.PI, 17).integrate(Math::sin) - 2);
        assertEquals(16, e1 / e2, 0.5);
        double t1 = Math.abs(Grid1d.of(0, Math.PI, 9).trapezoid(Grid1d.of(0, Math.PI, 9).eval(Math::sin)) - 2);
        double t2 = Math.abs(Grid1d.of(0, Math.PI, 17).trapezoid(Grid1d.of(0, Math.PI, 17).eval(Math::sin)) - 2);
        assertEquals(4, t1 / t2, 0.1);
    }

    @Test
    void gaussianMassOnAWideGridIsOne() {
        Grid1d g = Grid1d.of(-12, 12, 4001);
        assertEquals(1.0, g.mass(Gaussian1d.of(0.5, 1.3)), 1e-13);
        double[] lp = g.logPdf(Gaussian1d.standard());
        assertEquals(-72 - 0.5 * Math.log(2 * Math.PI), lp[0], 1e-12);
    }

    @Test
    void badInputGetsAClearMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Grid1d.of(0, 1, 4000).integrate(x -> x));
        assertTrue(e.getMessage().contains("odd") && e.getMessage().contains("4001"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Grid1d.of(0, 1, 5).integrate(new double[4]));
        assertThrows(IllegalArgumentException.class, () -> Grid1d.of(1, 1, 5));
        assertThrows(IllegalArgumentException.class, () -> Grid1d.of(0, 1, 1));
        assertEquals(Double.NEGATIVE_INFINITY, Grid1d.of(0, 1, 3).integrate(new double[] {0, Double.NEGATIVE_INFINITY, 0}));
    }
}
