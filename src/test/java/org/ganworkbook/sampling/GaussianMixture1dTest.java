package org.ganworkbook.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GaussianMixture1dTest {

    private final GaussianMixture1d mix = GaussianMixture1d.of(
            new double[] {0.2, 0.3, 0.5}, new double[] {-5, 0, 5}, new double[] {0.5, 1.0, 0.8});

    @Test
    void pdfIsTheWeightedSumOfItsComponentsAndIntegratesToOne() {
        for (double x = -8; x <= 8; x += 0.37) {
            double expected = 0.2 * Gaussian1d.of(-5, 0.5).pdf(x) + 0.3 * Gaussian1d.of(0, 1).pdf(x)
                    + 0.5 * Gaussian1d.of(5, 0.8).pdf(x);
            assertEquals(expected, mix.pdf(x), 1e-15);
            assertEquals(Math.log(expected), mix.logPdf(x), 1e-13);
        }
        DensityChecks.assertIntegratesToOne(mix, -15, 15, 20001, 1e-12);
    }

    @Test
    void logPdfIsFiniteFarInTheTails() {
        assertEquals(0.0, mix.pdf(200), 0);
        // far right the widest component, N(0, 1) with weight 0.3, dominates (200 sigmas vs 244)
        assertEquals(Math.log(0.3) + Gaussian1d.of(0, 1).logPdf(200), mix.logPdf(200), 1e-9);
    }

    @Test
    void cdfMatchesTheIntegratedPdf() {
        DensityChecks.assertCdfMatchesPdf(mix, -9, 9, 1e-11);
    }

    @Test
    void samplesHitEachComponentInProportionToItsWeight() {
        int n = 200_000;
        double[] x = mix.sample(n, new SplittableRandom(11));
        int[] counts = new int[3];
        for (double v : x) {
            counts[v < -2.5 ? 0 : v < 2.5 ? 1 : 2]++;
        }
        double[] w = {0.2, 0.3, 0.5};
        for (int k = 0; k < 3; k++) {
            // mass leaking across the +-2.5 boundaries is below 1e-2 * w; allow it plus 5 binomial standard errors
            assertEquals(w[k], (double) counts[k] / n, 5 * Math.sqrt(w[k] * (1 - w[k]) / n) + 0.01 * w[k], "component " + k);
        }
        DensityChecks.assertSamplesFollowCdf(mix, 50_000, 12);
    }

    @Test
    void meanAndVarianceMatchTheMixtureFormulas() {
        double mean = 0.2 * -5 + 0.5 * 5;
        double second = 0.2 * (0.25 + 25) + 0.3 * 1 + 0.5 * (0.64 + 25);
        assertEquals(mean, mix.mean(), 1e-14);
        assertEquals(second - mean * mean, mix.variance(), 1e-12);
        double[] x = mix.sample(200_000, new SplittableRandom(13));
        assertEquals(mix.mean(), DensityChecks.mean(x), 5 * Math.sqrt(mix.variance() / x.length));
    }

    @Test
    void weightsAreNormalisedAndValidated() {
        GaussianMixture1d m = GaussianMixture1d.of(new double[] {1, 1, 2}, new double[] {0, 1, 2}, new double[] {1, 1, 1});
        assertArrayEquals(new double[] {0.25, 0.25, 0.5}, m.weights(), 1e-15);
        assertEquals("0.25*N(0, 1) + 0.25*N(1, 1) + 0.5*N(2, 1)", m.toString());
        assertEquals(3, GaussianMixture1d.equalWeights(new double[] {-1, 0, 1}, 0.3).components());
        assertThrows(IllegalArgumentException.class,
                () -> GaussianMixture1d.of(new double[] {1, -1}, new double[] {0, 1}, new double[] {1, 1}));
        assertThrows(IllegalArgumentException.class,
                () -> GaussianMixture1d.of(new double[] {0, 0}, new double[] {0, 1}, new double[] {1, 1}));
        assertThrows(IllegalArgumentException.class,
                () -> GaussianMixture1d.of(new double[] {1}, new double[] {0, 1}, new double[] {1, 1}));
        assertThrows(IllegalArgumentException.class,
                () -> GaussianMixture1d.of(new double[] {1}, new double[] {0}, new double[] {0}));
    }
}
