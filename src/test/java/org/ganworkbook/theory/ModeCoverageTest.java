package org.ganworkbook.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.ganworkbook.sampling.GaussianMixture2d;
import org.junit.jupiter.api.Test;

class ModeCoverageTest {

    private static final double WITHIN_3_SIGMA_2D = 1 - Math.exp(-4.5); // 0.98889
    private final GaussianMixture2d ring = GaussianMixture2d.ring8();

    @Test
    void samplesFromTheTargetCoverEveryModeAndAreMostlyHighQuality() {
        int n = 20_000;
        ModeCoverage mc = ModeCoverage.of(ring.sample(n, new SplittableRandom(81)), ring);
        assertEquals(8, mc.modes());
        assertEquals(8, mc.modesCovered());
        double p = WITHIN_3_SIGMA_2D;
        assertEquals(p, mc.highQualityFraction(), 5 * Math.sqrt(p * (1 - p) / n));
        // the mode histogram matches the weights: KL ~ (K-1)/(2n) in expectation
        assertTrue(mc.modeKl() < 10 * 7.0 / (2 * n), "modeKl " + mc.modeKl());
        assertTrue(mc.toString().startsWith("8/8 modes covered, 98."), mc.toString());
    }

    @Test
    void aCollapsedGeneratorCoversOneMode() {
        GaussianMixture2d onlyMode3 = GaussianMixture2d.of(new double[] {1}, new double[] {ring.centreX(3)},
                new double[] {ring.centreY(3)}, new double[] {0.02});
        ModeCoverage mc = ModeCoverage.of(onlyMode3.sample(5_000, new SplittableRandom(82)), ring);
        assertEquals(1, mc.modesCovered());
        assertTrue(mc.isCovered(3));
        assertFalse(mc.isCovered(2));
        assertEquals(Math.log(8), mc.modeKl(), 1e-12);
        assertEquals(WITHIN_3_SIGMA_2D, mc.highQualityFraction(), 5 * Math.sqrt(0.011 / 5_000));
    }

    @Test
    void threeOfEightModes() {
        double[] w = {1, 1, 1};
        double[] x = {ring.centreX(0), ring.centreX(2), ring.centreX(5)};
        double[] y = {ring.centreY(0), ring.centreY(2), ring.centreY(5)};
        GaussianMixture2d three = GaussianMixture2d.of(w, x, y, new double[] {0.02, 0.02, 0.02});
        ModeCoverage mc = ModeCoverage.of(three.sampleRows(6_000, new SplittableRandom(83)), ring);
        assertEquals(3, mc.modesCovered());
        assertEquals(Math.log(8.0 / 3), mc.modeKl(), 0.01);
    }

    @Test
    void uniformNoiseIsRarelyHighQualityAndCoversNothing() {
        SplittableRandom rng = new SplittableRandom(84);
        int n = 50_000;
        double[][] pts = new double[n][];
        for (int i = 0; i < n; i++) {
            pts[i] = new double[] {6 * rng.nextDouble() - 3, 6 * rng.nextDouble() - 3};
        }
        ModeCoverage mc = ModeCoverage.of(pts, ring);
        double p = 8 * Math.PI * 0.06 * 0.06 / 36; // area of eight 3-sigma discs over the box
        assertEquals(p, mc.highQualityFraction(), 5 * Math.sqrt(p / n));
        assertEquals(0, mc.modesCovered());
    }

    @Test
    void minFractionThresholdAndFloatInputWorkAsDocumented() {
        float[] xy = new float[200];
        for (int i = 0; i < 100; i++) {
            int mode = i < 5 ? 0 : 1;
            xy[2 * i] = (float) ring.centreX(mode);
            xy[2 * i + 1] = (float) ring.centreY(mode);
        }
        assertEquals(2, ModeCoverage.of(xy, ring, 3, 0.05).modesCovered());
        assertEquals(1, ModeCoverage.of(xy, ring, 3, 0.06).modesCovered());
        assertEquals(5, ModeCoverage.of(xy, ring).countsPerMode()[0]);
        assertEquals(1.0, ModeCoverage.of(xy, ring).highQualityFraction(), 0);
        // a point 2.9 sigma from mode 0 is high quality, one at 3.1 sigma is not
        double[][] edge = {{2 + 2.9 * 0.02, 0}, {2 + 3.1 * 0.02, 0}};
        assertEquals(1, ModeCoverage.of(edge, ring, 3, 0).countsPerMode()[0]);
        assertThrows(IllegalArgumentException.class, () -> ModeCoverage.of(new float[3], ring));
        assertThrows(IllegalArgumentException.class, () -> ModeCoverage.of(xy, ring, 0, 0.01));
        assertThrows(IllegalArgumentException.class, () -> ModeCoverage.of(xy, ring, 3, 1.5));
    }
}
