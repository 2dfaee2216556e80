package org.ganworkbook.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NoisePriorTest {

    private static final int N = 200_000;

    @Test
    void uniformPaperHasMeanZeroVarianceOneAndStaysInItsSupport() {
        NoisePrior pZ = NoisePrior.uniformPaper();
        assertEquals(0.0, pZ.mean(), 0);
        assertEquals(1.0, pZ.variance(), 1e-15);
        double[] z = pZ.sample(N, new SplittableRandom(1));
        // U(-sqrt3, sqrt3): fourth central moment w^4/80 = 144/80 = 1.8
        DensityChecks.assertMoments(z, 0, 1, 1.8);
        for (double v : z) {
            assertTrue(v >= -Math.sqrt(3) && v <= Math.sqrt(3), "outside the support: " + v);
        }
    }

    @Test
    void gaussianHasMeanZeroVarianceOne() {
        NoisePrior pZ = NoisePrior.gaussian();
        double[] z = pZ.sample(N, new SplittableRandom(2));
        DensityChecks.assertMoments(z, 0, 1, 3);
        // a Gaussian, not merely something with these moments: about 68.27% within one sigma
        long inside = java.util.Arrays.stream(z).filter(v -> Math.abs(v) <= 1).count();
        double p = 0.6826894921370859;
        assertEquals(p, (double) inside / N, 5 * Math.sqrt(p * (1 - p) / N));
    }

    @Test
    void bothPriorsPassAKolmogorovSmirnovTestAgainstTheirCdf() {
        DensityChecks.assertSamplesFollowCdf(NoisePrior.uniformPaper(), 50_000, 3);
        DensityChecks.assertSamplesFollowCdf(NoisePrior.gaussian(), 50_000, 4);
    }

    @Test
    void floatFillDrawsTheSameNumbersAsTheDoubleFill() {
        for (NoisePrior pZ : new NoisePrior[] {NoisePrior.uniformPaper(), NoisePrior.gaussian()}) {
            double[] d = new double[1000];
            float[] f = new float[1000];
            pZ.sample(d, 0, 1000, new SplittableRandom(5));
            pZ.sample(f, 0, 1000, new SplittableRandom(5));
            for (int i = 0; i < d.length; i++) {
                assertEquals((float) d[i], f[i], 0, pZ + " at " + i);
            }
        }
    }

    @Test
    void fillWritesOnlyTheRequestedRange() {
        float[] z = new float[10];
        java.util.Arrays.fill(z, 99f);
        NoisePrior.gaussian().sample(z, 3, 4, new SplittableRandom(6));
        for (int i = 0; i < z.length; i++) {
            if (i >= 3 && i < 7) {
                assertTrue(z[i] != 99f, "index " + i + " should be written");
            } else {
                assertEquals(99f, z[i], 0, "index " + i + " should be untouched");
            }
        }
        assertThrows(IndexOutOfBoundsException.class, () -> NoisePrior.gaussian().sample(z, 8, 3, new SplittableRandom(6)));
        assertThrows(IndexOutOfBoundsException.class, () -> NoisePrior.uniformPaper().sample(z, -1, 2, new SplittableRandom(6)));
    }

    @Test
    void sampleBatchIsRowMajorMTimesLatentDimAndReproducible() {
        float[] a = NoisePrior.uniformPaper().sampleBatch(100, 100, new Random(2014));
        float[] b = NoisePrior.uniformPaper().sampleBatch(100, 100, new Random(2014));
        assertEquals(10_000, a.length);
        assertArrayEquals(a, b);
        assertThrows(IllegalArgumentException.class, () -> NoisePrior.gaussian().sampleBatch(10, 0, new Random(1)));
    }

    @Test
    void namesAndDescriptionsIdentifyThePaperPriors() {
        assertEquals("uniform", NoisePrior.uniformPaper().name());
        assertEquals("gaussian", NoisePrior.gaussian().name());
        assertEquals("U(-sqrt3, sqrt3)", NoisePrior.uniformPaper().toString());
        assertEquals("N(0, 1)", NoisePrior.gaussian().toString());
        assertEquals("U(-1, 1)", NoisePrior.uniform(-1, 1).toString());
        assertEquals("N(2, 0.5^2)", NoisePrior.gaussian(2, 0.5).toString());
        assertTrue(NoisePrior.uniformPaper().description().contains("MNIST"));
        assertTrue(NoisePrior.gaussian().description().contains("TFD"));
        assertTrue(NoisePrior.uniform(-1, 1).description().contains("variance 0.333333"));
    }

    @Test
    void byNameMapsConfigKeysToThePaperPriors() {
        assertEquals(NoisePrior.uniformPaper(), NoisePrior.byName("uniform"));
        assertEquals(NoisePrior.gaussian(), NoisePrior.byName(" Gaussian "));
        assertEquals(NoisePrior.gaussian(), NoisePrior.byName("normal"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NoisePrior.byName("laplace"));
        assertTrue(e.getMessage().contains("uniform") && e.getMessage().contains("gaussian"), e.getMessage());
    }
}
