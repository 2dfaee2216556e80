package org.ganworkbook.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Gaussian1dTest {

    private final Gaussian1d g = Gaussian1d.of(1.5, 0.7);

    @Test
    void pdfIntegratesToOneAndPeaksAtTheMean() {
        DensityChecks.assertIntegratesToOne(g, -10, 13, 20001, 1e-12);
        assertEquals(1 / (0.7 * Math.sqrt(2 * Math.PI)), g.pdf(1.5), 1e-15);
        assertTrue(g.pdf(1.5) > g.pdf(1.6) && g.pdf(1.5) > g.pdf(1.4));
    }

    @Test
    void logPdfStaysFiniteWherePdfUnderflows() {
        assertEquals(0.0, g.pdf(100), 0);
        double expected = -0.5 * Math.pow((100 - 1.5) / 0.7, 2) - Math.log(0.7) - 0.5 * Math.log(2 * Math.PI);
        assertEquals(expected, g.logPdf(100), 1e-9 * Math.abs(expected));
        assertEquals(Math.log(g.pdf(2.3)), g.logPdf(2.3), 1e-14);
    }

    @Test
    void cdfMatchesTheIntegratedPdf() {
        DensityChecks.assertCdfMatchesPdf(g, -6, 8, 1e-12);
        assertEquals(0.5, g.cdf(1.5), 1e-16);
    }

    @Test
    void samplesHaveTheRightMomentsAndDistribution() {
        DensityChecks.assertMoments(g.sample(200_000, new SplittableRandom(9)), 1.5, 0.49, 3 * 0.49 * 0.49);
        DensityChecks.assertSamplesFollowCdf(g, 50_000, 10);
    }

    @Test
    void rejectsANonPositiveSigma() {
        assertThrows(IllegalArgumentException.class, () -> Gaussian1d.of(0, 0));
        assertThrows(IllegalArgumentException.class, () -> Gaussian1d.of(0, -1));
        assertThrows(IllegalArgumentException.class, () -> Gaussian1d.of(Double.NaN, 1));
    }
}
