package org.ganworkbook.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GaussianMixture2dTest {

    @Test
    void ringCentresLieOnTheCircle() {
        GaussianMixture2d ring = GaussianMixture2d.ring(8, 2.0, 0.02);
        assertEquals(8, ring.modes());
        for (int k = 0; k < 8; k++) {
            assertEquals(2.0, Math.hypot(ring.centreX(k), ring.centreY(k)), 1e-15);
            assertEquals(0.125, ring.weight(k), 1e-15);
            assertEquals(k, ring.nearestMode(ring.centreX(k) * 1.01, ring.centreY(k) * 0.99));
        }
        assertEquals(2.0, ring.centreX(0), 0);
        assertEquals(Math.sqrt(2), ring.centreX(1), 1e-15);
        assertEquals("ring(modes=8, radius=2, sigma=0.02)", GaussianMixture2d.ring8().toString());
    }

    @Test
    void samplesSitAtTheRingRadiusAndSpreadEvenlyOverModes() {
        GaussianMixture2d ring = GaussianMixture2d.ring8();
        int n = 80_000;
        double[][] pts = ring.sample(n, new SplittableRandom(21));
        int[] counts = new int[8];
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = Math.hypot(pts[i][0], pts[i][1]);
            counts[ring.nearestMode(pts[i][0], pts[i][1])]++;
        }
        // radial offset from a mode is ~ N(0, sigma^2) to first order, so the mean radius is R + O(sigma^2/R)
        double sigma = 0.02;
        assertEquals(2.0 + sigma * sigma / (2 * 2.0), DensityChecks.mean(r), 5 * sigma / Math.sqrt(n) + 1e-6);
        assertEquals(sigma * sigma, DensityChecks.variance(r), 5 * Math.sqrt(2.0 / n) * sigma * sigma);
        for (int k = 0; k < 8; k++) {
            assertEquals(0.125, (double) counts[k] / n, 5 * Math.sqrt(0.125 * 0.875 / n), "mode " + k);
        }
    }

    @Test
    void floatRowsAreXyPairsFromTheSameLaw() {
        GaussianMixture2d ring = GaussianMixture2d.ring(4, 1.0, 0.1);
        assertEquals(2, ring.dim());
        float[] xy = ring.sampleRows(20_000, new SplittableRandom(22));
        assertEquals(40_000, xy.length);
        double sumR = 0;
        for (int i = 0; i < xy.length; i += 2) {
            sumR += Math.hypot(xy[i], xy[i + 1]);
        }
        assertEquals(1.0 + 0.01 / 2, sumR / 20_000, 5 * 0.1 / Math.sqrt(20_000) + 1e-4);
    }

    @Test
    void pdfIntegratesToOneAndLogPdfAgrees() {
        GaussianMixture2d ring = GaussianMixture2d.ring(8, 2.0, 0.3);
        double h = 0.01;
        int n = 801; // [-4, 4]^2
        double total = 0;
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                total += ring.pdf(-4 + i * h, -4 + j * h);
            }
        }
        assertEquals(1.0, total * h * h, 1e-6); // Riemann sum of a smooth density that vanishes at the border
        assertEquals(Math.log(ring.pdf(1.3, -0.4)), ring.logPdf(1.3, -0.4), 1e-13);
        assertEquals(0.0, GaussianMixture2d.ring8().pdf(0, 0), 0);
        double far = GaussianMixture2d.ring8().logPdf(0, 0);
        // at the centre every mode is 2/0.02 = 100 sigmas away
        assertEquals(Math.log(1 / (2 * Math.PI * 0.0004)) - 0.5 * 100 * 100, far, 1e-9 * Math.abs(far));
    }

    @Test
    void rejectsBadParameters() {
        assertThrows(IllegalArgumentException.class, () -> GaussianMixture2d.ring(0, 2, 0.1));
        assertThrows(IllegalArgumentException.class, () -> GaussianMixture2d.ring(8, 2, 0));
        assertThrows(IllegalArgumentException.class, () -> GaussianMixture2d.of(new double[] {1},
                new double[] {0, 1}, new double[] {0}, new double[] {1}));
    }
}
