package org.ganworkbook.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ganworkbook.sampling.Density1d;
import org.ganworkbook.sampling.Gaussian1d;
import org.ganworkbook.sampling.GaussianMixture1d;
import org.ganworkbook.sampling.Uniform1d;
import org.junit.jupiter.api.Test;

class DivergencesTest {

    private static final double LOG2 = Math.log(2);
    private final Grid1d grid = Grid1d.of(-30, 30, 30001);

    private final Density1d[][] pairs = {
        {Gaussian1d.of(0, 1), Gaussian1d.of(1, 1)},
        {Gaussian1d.of(0, 1), Gaussian1d.of(0.5, 2)},
        {Gaussian1d.of(0, 3), Gaussian1d.of(1, 0.1)},
        {GaussianMixture1d.of(new double[] {0.3, 0.7}, new double[] {-2, 1.5}, new double[] {0.5, 1}), Gaussian1d.of(0, 1.5)},
    };

    @Test
    void klMatchesTheGaussianClosedForm() {
        Gaussian1d[][] gs = {
            {Gaussian1d.of(0, 1), Gaussian1d.of(1, 1)},
            {Gaussian1d.of(0, 1), Gaussian1d.of(0.5, 2)},
            {Gaussian1d.of(0.5, 2), Gaussian1d.of(0, 1)},
            {Gaussian1d.of(1, 0.1), Gaussian1d.of(0, 3)},
        };
        for (Gaussian1d[] pq : gs) {
            double exact = Divergences.klGaussian(pq[0], pq[1]);
            assertEquals(exact, Divergences.kl(pq[0], pq[1], grid), 1e-9, pq[0] + " || " + pq[1]);
            assertEquals(exact, Divergences.kl(grid.pdf(pq[0]), grid.pdf(pq[1]), grid), 1e-9, pq[0] + " || " + pq[1]);
        }
        // 1/2 at unit distance, equal sigmas
        assertEquals(0.5, Divergences.klGaussian(Gaussian1d.of(0, 1), Gaussian1d.of(1, 1)), 1e-15);
    }

    @Test
    void klIsNonNegativeZeroOnlyForEqualDensitiesAndNotSymmetric() {
        for (Density1d[] pq : pairs) {
            assertEquals(0.0, Divergences.kl(pq[0], pq[0], grid), 0);
            assertTrue(Divergences.kl(pq[0], pq[1], grid) > 1e-3, pq[0] + " vs " + pq[1]);
            assertTrue(Divergences.kl(pq[1], pq[0], grid) > 1e-3, pq[1] + " vs " + pq[0]);
        }
        assertNotEquals(Divergences.kl(pairs[1][0], pairs[1][1], grid), Divergences.kl(pairs[1][1], pairs[1][0], grid), 0.1);
    }

    @Test
    void klIsInfiniteWhereQVanishesButPDoesNot() {
        Grid1d g = Grid1d.of(-1, 3, 4001);
        assertEquals(Double.POSITIVE_INFINITY, Divergences.kl(Uniform1d.of(0, 2), Uniform1d.of(0, 1), g));
        assertEquals(Double.POSITIVE_INFINITY, Divergences.kl(g.pdf(Uniform1d.of(0, 2)), g.pdf(Uniform1d.of(0, 1)), g));
        // the other way round it is finite, log 2 up to the O(h) error of integrating a jump
        assertEquals(LOG2, Divergences.kl(Uniform1d.of(0, 1), Uniform1d.of(0, 2), g), LOG2 * 2 * g.step());
    }

    @Test
    void logSpaceVersionSurvivesUnderflowThatBreaksTheArrayVersion() {
        // at x = 30, N(0,1) has density ~1e-196 > 0 while N(0, 0.1) underflows to exactly 0
        Gaussian1d p = Gaussian1d.of(0, 1);
        Gaussian1d q = Gaussian1d.of(0, 0.1);
        assertEquals(Double.POSITIVE_INFINITY, Divergences.kl(grid.pdf(p), grid.pdf(q), grid));
        assertEquals(Divergences.klGaussian(p, q), Divergences.kl(p, q, grid), 1e-8);
    }

    @Test
    void jsdIsZeroForEqualDensitiesSymmetricAndAtMostLog2() {
        for (Density1d[] pq : pairs) {
            assertEquals(0.0, Divergences.jsd(pq[0], pq[0], grid), 0);
            double a = Divergences.jsd(pq[0], pq[1], grid);
            double b = Divergences.jsd(pq[1], pq[0], grid);
            assertEquals(a, b, 1e-15, "symmetry");
            assertTrue(a > 0 && a < LOG2, "0 < JSD < log 2, got " + a);
            assertEquals(a, Divergences.jsd(grid.pdf(pq[0]), grid.pdf(pq[1]), grid), 1e-12, "array version");
        }
    }

    @Test
    void jsdIsHalfTheKlOfEachDensityToTheirMixture() {
        for (Density1d[] pq : pairs) {
            if (!(pq[0] instanceof Gaussian1d p) || !(pq[1] instanceof Gaussian1d q)) {
                continue;
            }
            GaussianMixture1d m = GaussianMixture1d.of(new double[] {1, 1}, new double[] {p.mean(), q.mean()},
                    new double[] {p.sigma(), q.sigma()});
            double viaMixture = 0.5 * Divergences.kl(p, m, grid) + 0.5 * Divergences.kl(q, m, grid);
            assertEquals(viaMixture, Divergences.jsd(p, q, grid), 1e-12);
        }
    }

    @Test
    void jsdOfDisjointSupportsIsLog2() {
        Grid1d g = Grid1d.of(-1, 4, 5001);
        double h = g.step();
        // integrating a density with jumps on a grid is accurate to O(h), hence the tolerance
        assertEquals(LOG2, Divergences.jsd(Uniform1d.of(0, 1), Uniform1d.of(2, 3), g), LOG2 * 2 * h);
        assertEquals(LOG2, Divergences.jsd(g.pdf(Uniform1d.of(0, 1)), g.pdf(Uniform1d.of(2, 3)), g), LOG2 * 2 * h);
        // smooth, essentially disjoint densities: no jump, so much closer
        Grid1d wide = Grid1d.of(-20, 60, 16001);
        assertEquals(LOG2, Divergences.jsd(Gaussian1d.of(0, 1), Gaussian1d.of(40, 1), wide), 1e-10);
    }

    @Test
    void discreteDivergencesMatchHandComputedValues() {
        double[] point = {1, 0};
        double[] fair = {0.5, 0.5};
        assertEquals(LOG2, Divergences.klDiscrete(point, fair), 1e-15);
        assertEquals(Double.POSITIVE_INFINITY, Divergences.klDiscrete(fair, point));
        assertEquals(LOG2, Divergences.jsdDiscrete(point, new double[] {0, 1}), 1e-15);
        // m = (3/4, 1/4): JSD = [log(4/3) + (1/2) log(4/3)]/2 = (3/4) log(4/3)
        assertEquals(0.75 * Math.log(4.0 / 3), Divergences.jsdDiscrete(point, fair), 1e-15);
        assertEquals(0.0, Divergences.jsdDiscrete(fair, fair), 0);
    }

    @Test
    void badInputIsRejectedWithAHint() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Divergences.klDiscrete(new double[] {2, 2}, new double[] {0.5, 0.5}));
        assertTrue(e.getMessage().contains("sum"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Divergences.jsdDiscrete(new double[] {1.5, -0.5}, new double[] {0.5, 0.5}));
        assertThrows(IllegalArgumentException.class, () -> Divergences.kl(new double[3], new double[4], Grid1d.of(0, 1, 3)));
        assertThrows(IllegalArgumentException.class,
                () -> Divergences.jsd(new double[] {0, Double.NaN, 0}, new double[3], Grid1d.of(0, 1, 3)));
    }
}
