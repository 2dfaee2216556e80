package org.ganworkbook.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Pushforward1dTest {

    @Test
    void affineGOfAGaussianPriorIsTheShiftedScaledGaussian() {
        // G(z) = 2z + 1, z ~ N(0,1)  =>  x ~ N(1, 2^2)
        Pushforward1d pG = Pushforward1d.of(z -> 2 * z + 1, NoisePrior.gaussian(), -11, 13, 480, 200_000);
        Gaussian1d exact = Gaussian1d.of(1, 2);
        double[] c = pG.binCentres();
        double[] p = pG.densities();
        for (int j = 0; j < c.length; j++) {
            assertEquals(exact.pdf(c[j]), p[j], 2e-5, "bin centre " + c[j]);
        }
        assertEquals(1.0, pG.mean(), 1e-9);
        assertEquals(4.0, pG.variance(), 1e-6);
        // the window [-11, 13] is mean +- 6 sd: 2 Phi(-6) = 1.97e-9 of the mass lies outside it
        assertEquals(2 * SpecialFunctions.normalCdf(-6), pG.massBelow() + pG.massAbove(), 1e-11);
    }

    @Test
    void decreasingAffineGOfTheUniformPriorIsUniform() {
        // G(z) = -0.5z + 2, z ~ U(-sqrt3, sqrt3)  =>  x ~ U(2 - sqrt3/2, 2 + sqrt3/2), density 1/sqrt3
        Pushforward1d pG = Pushforward1d.of(z -> -0.5 * z + 2, NoisePrior.uniformPaper(), 0, 4, 400);
        double lo = 2 - Math.sqrt(3) / 2;
        double hi = 2 + Math.sqrt(3) / 2;
        double h = pG.binWidth();
        double[] c = pG.binCentres();
        double[] p = pG.densities();
        for (int j = 0; j < c.length; j++) {
            if (c[j] > lo + 2 * h && c[j] < hi - 2 * h) {
                assertEquals(1 / Math.sqrt(3), p[j], 1e-3, "inside, at " + c[j]);
            } else if (c[j] < lo - 2 * h || c[j] > hi + 2 * h) {
                assertEquals(0.0, p[j], 0, "outside, at " + c[j]);
            }
        }
        assertEquals(1.0, pG.cdf(4), 1e-10);
        assertEquals(0.5, pG.cdf(2), 2e-3);
    }

    @Test
    void nonlinearGFollowsTheChangeOfVariablesFormula() {
        // G(z) = exp(z/2), z ~ N(0,1): p_g(x) = phi(2 log x) * 2/x (a log-normal)
        Pushforward1d pG = Pushforward1d.of(z -> Math.exp(0.5 * z), NoisePrior.gaussian(), 0, 6, 600, 400_000);
        double[] c = pG.binCentres();
        double[] p = pG.densities();
        for (int j = 5; j < c.length; j++) {
            double x = c[j];
            double exact = SpecialFunctions.normalPdf(2 * Math.log(x)) * 2 / x;
            assertEquals(exact, p[j], 2e-3 + 1e-3 * exact, "at x=" + x);
        }
        assertEquals(Math.exp(0.125), pG.mean(), 1e-6); // E[exp(z/2)]
    }

    @Test
    void arrowsCarryEqualProbability() {
        Pushforward1d uni = Pushforward1d.of(z -> z * z * z, NoisePrior.uniformPaper(), -6, 6, 100);
        Pushforward1d.Arrows a = uni.arrows(10);
        assertEquals(10, a.size());
        double s3 = Math.sqrt(3);
        for (int k = 0; k < 10; k++) {
            // uniform prior: equally spaced z at the quantiles (k + 1/2)/10
            double zk = -s3 + 2 * s3 * (k + 0.5) / 10;
            assertEquals(zk, a.z()[k], 1e-4);
            assertEquals(a.z()[k] * a.z()[k] * a.z()[k], a.x()[k], 1e-12);
        }
        Pushforward1d.Arrows g = Pushforward1d.of(z -> z, NoisePrior.gaussian(), -6, 6, 100).arrows(4);
        for (int k = 0; k < 4; k++) {
            assertEquals((k + 0.5) / 4, NoisePrior.gaussian().cdf(g.z()[k]), 1e-4);
        }
    }

    @Test
    void batchGeneratorGivesTheSameDensityAsTheScalarOne() {
        Pushforward1d a = Pushforward1d.of(Math::tanh, NoisePrior.gaussian(), -1.2, 1.2, 60, 10_000);
        Pushforward1d b = Pushforward1d.ofBatch(z -> {
            for (int i = 0; i < z.length; i++) {
                z[i] = Math.tanh(z[i]);
            }
            return z;
        }, NoisePrior.gaussian(), -1.2, 1.2, 60, 10_000);
        org.junit.jupiter.api.Assertions.assertArrayEquals(a.densities(), b.densities(), 0);
        assertEquals(a.sample(new SplittableRandom(5)), b.sample(new SplittableRandom(5)), 0);
    }

    @Test
    void massOutsideTheWindowIsReportedAndPdfIntegratesToTheRest() {
        Pushforward1d pG = Pushforward1d.of(z -> z, NoisePrior.gaussian(), -1, 2, 300);
        assertEquals(NoisePrior.gaussian().cdf(-1), pG.massBelow(), 1e-6);
        assertEquals(1 - NoisePrior.gaussian().cdf(2), pG.massAbove(), 1e-6);
        double inside = DensityChecks.simpson(pG::pdf, -1, 2, 300_001);
        assertEquals(1 - pG.massBelow() - pG.massAbove(), inside, 1e-4);
        assertTrue(Double.isNaN(pG.cdf(-3)), "the split of mass below the window is unknown");
        assertEquals(pG.massBelow(), pG.cdf(-1), 1e-12);
    }

    @Test
    void samplingUsesGExactly() {
        Pushforward1d pG = Pushforward1d.of(z -> 3 * z - 1, NoisePrior.uniformPaper(), -7, 5, 120);
        double[] x = pG.sample(100_000, new SplittableRandom(41));
        DensityChecks.assertMoments(x, -1, 9, 9 * 9 * 1.8);
        assertThrows(IllegalArgumentException.class,
                () -> Pushforward1d.of(z -> Double.NaN, NoisePrior.gaussian(), -1, 1, 10));
        assertThrows(IllegalArgumentException.class,
                () -> Pushforward1d.of(z -> z, NoisePrior.gaussian(), 1, -1, 10));
    }
}
