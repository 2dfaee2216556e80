package org.ganworkbook.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.ganworkbook.sampling.GaussianMixture2d;
import org.junit.jupiter.api.Test;

class Grid2dTest {

    @Test
    void productSimpsonIsExactForPolynomials() {
        Grid2d g = new Grid2d(Grid1d.of(0, 2, 21), Grid1d.of(-1, 3, 41));
        // integral of x^2 y over [0,2] x [-1,3] = (8/3) * (9/2 - 1/2) = 32/3
        assertEquals(32.0 / 3, g.integrate((x, y) -> x * x * y), 1e-12);
        double[][] v = g.eval((x, y) -> x + 10 * y);
        assertEquals(41, v.length);
        assertEquals(21, v[0].length);
        assertEquals(2 + 10 * -1, v[0][20], 1e-12); // row j = y index, column i = x index
    }

    @Test
    void ringDensityIntegratesToOne() {
        GaussianMixture2d ring = GaussianMixture2d.ring(8, 2.0, 0.2);
        assertEquals(1.0, Grid2d.square(-4, 4, 801).integrate(ring::pdf), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> Grid2d.square(0, 1, 5).integrate(new double[4][5]));
    }
}
