package org.ganworkbook.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Kde1dTest {

    @Test
    void silvermanBandwidthFollowsTheRuleOfThumb() {
        double[] x = Gaussian1d.standard().sample(10_000, new SplittableRandom(31));
        double h = Kde1d.silvermanBandwidth(x);
        // for N(0,1) both s and IQR/1.34 are close to 1
        assertEquals(0.9 * Math.pow(10_000, -0.2), h, 0.05 * h);
        assertEquals(h, Kde1d.fit(x).bandwidth(), 0);
        assertEquals(0.3, Kde1d.fit(x, 0.3).bandwidth(), 0);
    }

    @Test
    void kdeIntegratesToOneAndItsCdfMatches() {
        double[] x = GaussianMixture1d.equalWeights(new double[] {-2, 2}, 0.5).sample(2_000, new SplittableRandom(32));
        Kde1d kde = Kde1d.fit(x);
        DensityChecks.assertIntegratesToOne(kde, -8, 8, 4001, 1e-9);
        DensityChecks.assertCdfMatchesPdf(kde, -6, 6, 2001, 1e-9);
    }

    @Test
    void kdeIsCloseToTheSmoothedTruePdf() {
        // E[kde(x)] for N(0,1) data is exactly the N(0, 1 + h^2) pdf; only sampling noise remains
        int n = 50_000;
        double[] x = Gaussian1d.standard().sample(n, new SplittableRandom(33));
        Kde1d kde = Kde1d.fit(x);
        double h = kde.bandwidth();
        Gaussian1d smoothed = Gaussian1d.of(0, Math.sqrt(1 + h * h));
        for (double t = -3; t <= 3; t += 0.25) {
            // sd of kde(t) ~ sqrt(p(t) / (2 sqrt(pi) n h))
            double sd = Math.sqrt(smoothed.pdf(t) / (2 * Math.sqrt(Math.PI) * n * h));
            assertEquals(smoothed.pdf(t), kde.pdf(t), 5 * sd + 1e-12, "at x=" + t);
        }
    }

    @Test
    void kdeApproachesThePdfAsSamplesGrow() {
        Gaussian1d p = Gaussian1d.standard();
        double l1Small = l1(Kde1d.fit(p.sample(500, new SplittableRandom(34))), p);
        double l1Large = l1(Kde1d.fit(p.sample(50_000, new SplittableRandom(35))), p);
        assertTrue(l1Large < l1Small / 2, "L1 error should shrink: n=500 " + l1Small + ", n=50000 " + l1Large);
        assertTrue(l1Large < 0.03, "L1 error at n=50000: " + l1Large);
    }

    private static double l1(Density1d kde, Density1d p) {
        return DensityChecks.simpson(t -> Math.abs(kde.pdf(t) - p.pdf(t)), -8, 8, 4001);
    }

    @Test
    void samplesFollowTheKdeAndMomentsAddTheBandwidth() {
        double[] x = Gaussian1d.of(1, 2).sample(500, new SplittableRandom(36));
        Kde1d kde = Kde1d.fit(x, 0.4);
        DensityChecks.assertSamplesFollowCdf(kde, 5_000, 37);
        double m = DensityChecks.mean(x);
        double v = DensityChecks.variance(x) * (x.length - 1) / x.length;
        assertEquals(m, kde.mean(), 1e-12);
        assertEquals(v + 0.16, kde.variance(), 1e-12);
        assertEquals(DensityChecks.simpson(t -> t * t * kde.pdf(t), -15, 17, 4001) - m * m, kde.variance(), 1e-8);
    }

    @Test
    void floatSamplesAndBadInputAreHandled() {
        Kde1d kde = Kde1d.fit(new float[] {0f, 1f, 2f}, 0.5);
        assertEquals(3, kde.size());
        assertThrows(IllegalArgumentException.class, () -> Kde1d.fit(new double[] {1, 1, 1}));
        assertThrows(IllegalArgumentException.class, () -> Kde1d.fit(new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> Kde1d.fit(new double[] {0, Double.NaN}));
        assertThrows(IllegalArgumentException.class, () -> Kde1d.fit(new double[] {0, 1}, 0));
        // a fully collapsed generator still gets a density with an explicit bandwidth
        assertEquals(Gaussian1d.of(1, 0.1).pdf(1.05), Kde1d.fit(new double[] {1, 1, 1}, 0.1).pdf(1.05), 1e-12);
    }
}
