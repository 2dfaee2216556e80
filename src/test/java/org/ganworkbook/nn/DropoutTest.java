package org.ganworkbook.nn;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DropoutTest {

    @Test
    void keptValuesAreScaledAndDroppedValuesAreZero() {
        SplittableRandom rng = new SplittableRandom(1);
        int n = 10_001; // odd: the last value uses half of a random long
        float[] x = ReferenceMlp.randomFloats(n, 1.0, rng);
        float[] out = new float[n];
        float[] mask = new float[n];
        Dropout.of(0.8f, 1.25f).apply(x, 0, out, mask, n, rng);
        for (int i = 0; i < n; i++) {
            assertTrue(mask[i] == 0f || mask[i] == 1.25f, "mask " + mask[i]);
            assertEquals(x[i] * mask[i], out[i]);
        }
    }

    /** The bits of draw i come from long i / perLong, lowest first: the mask written out by hand from the longs. */
    @Test
    void theMaskIsReadOffTheRandomLongsInOrderAndTheScratchFormGivesTheSameValues() {
        for (float keep : new float[] {0.8f, 0.5f, 0.75f}) {
            Dropout d = Dropout.inverted(keep);
            int bits = keep == 0.5f ? 1 : keep == 0.75f ? 2 : 24; // keep = c / 2^bits exactly
            long c = (long) Math.scalb((double) keep, bits);
            int n = 70_001;
            SplittableRandom longs = new SplittableRandom(3);
            float[] want = new float[n];
            int perLong = 64 / bits;
            for (int i = 0; i < n; i += perLong) {
                long r = longs.nextLong();
                for (int j = 0; j < perLong && i + j < n; j++) {
                    want[i + j] = ((r >>> (j * bits)) & ((1L << bits) - 1)) < c ? d.scale() : 0f;
                }
            }
            assertEquals((n + perLong - 1) / perLong, d.drawsFor(n));
            float[] mask = new float[n];
            d.drawMask(mask, n, new SplittableRandom(3));
            assertArrayEquals(want, mask, "drawMask, keep " + keep);
            float[] x = ReferenceMlp.randomFloats(n, 1.0, new SplittableRandom(4));
            float[] out = new float[n];
            float[] mask2 = new float[n];
            SplittableRandom rng = new SplittableRandom(3);
            d.apply(x, 0, out, mask2, n, rng, new long[d.drawsFor(n) + 5]);
            assertArrayEquals(want, mask2, "apply with scratch, keep " + keep);
            for (int i = 0; i < n; i++) {
                assertEquals(x[i] * want[i], out[i]);
            }
            assertEquals(longs.nextLong(), rng.nextLong(), "both took exactly drawsFor(n) longs");
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Dropout.inverted(0.5f)
                .apply(new float[200], 0, new float[200], new float[200], 200, new SplittableRandom(1), new long[3]));
        assertTrue(e.getMessage().contains("needs 4 draws"), e.getMessage());
        assertEquals(0, Dropout.of(1f, 2f).drawsFor(100), "keep 1: nothing is random");
    }

    @Test
    void keepFractionMatchesTheProbability() {
        int n = 1_000_000;
        float[] ones = new float[n];
        java.util.Arrays.fill(ones, 1f);
        float[] out = new float[n];
        float[] mask = new float[n];
        for (float keep : new float[] {0.8f, 0.5f, 0.75f, 0.1f, 0.3f}) {
            Dropout.inverted(keep).apply(ones, 0, out, mask, n, new SplittableRandom(7));
            int kept = 0;
            int keptEven = 0;
            for (int i = 0; i < n; i++) {
                if (mask[i] != 0f) {
                    kept++;
                    if (i % 2 == 0) {
                        keptEven++;
                    }
                }
            }
            double sd = Math.sqrt(keep * (1 - keep) / n);
            assertEquals(keep, kept / (double) n, 5 * sd, "keep " + keep);
            // Every chunk of each random long must be used fairly (checked here on even positions).
            assertEquals(keep, keptEven / (n / 2.0), 5 * Math.sqrt(keep * (1 - keep) / (n / 2.0)), "even positions");
            // Inverted dropout keeps the mean: E[x·mask] = x.
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += out[i];
            }
            assertEquals(1.0, mean / n, 5 * sd / keep);
        }
    }

    @Test
    void masksAreIndependentOfNeighboursAndNewOnEachPass() {
        int n = 200_000;
        float[] x = new float[n];
        java.util.Arrays.fill(x, 1f);
        float[] out = new float[n];
        float[] m1 = new float[n];
        float[] m2 = new float[n];
        SplittableRandom rng = new SplittableRandom(11);
        Dropout d = Dropout.inverted(0.5f);
        d.apply(x, 0, out, m1, n, rng);
        d.apply(x, 0, out, m2, n, rng);
        int both = 0, sameAsNext = 0, samePass = 0;
        for (int i = 0; i < n; i++) {
            if (m1[i] != 0 && m2[i] != 0) {
                both++;
            }
            if (i + 1 < n && (m1[i] != 0) == (m1[i + 1] != 0)) {
                sameAsNext++;
            }
            if ((m1[i] != 0) == (m2[i] != 0)) {
                samePass++;
            }
        }
        double sd = Math.sqrt(0.25 * 0.75 / n);
        assertEquals(0.25, both / (double) n, 5 * sd);
        assertEquals(0.5, sameAsNext / (double) (n - 1), 5 * Math.sqrt(0.25 / n));
        assertEquals(0.5, samePass / (double) n, 5 * Math.sqrt(0.25 / n));
    }

    @Test
    void evalModeIsTheIdentityAndTrainModeAppliesTheMask() {
        Mlp net = Mlp.build(4, List.of(DenseSpec.of(3, Activation.IDENTITY).withIrange(1f)
                .withInputDropout(Dropout.of(0.5f, 2f))), new SplittableRandom(3));
        Mlp plain = Mlp.build(4, List.of(DenseSpec.of(3, Activation.IDENTITY)), new SplittableRandom(0));
        plain.copyParametersFrom(net);
        float[] x = {0.5f, -1f, 2f, 0.25f, 1f, 1f, -0.5f, 3f};
        Workspace ws = net.newWorkspace(2);
        float[] yEval = net.forward(ws, x, 0, 2, Mode.EVAL, null).clone();
        assertNull(ws.dropoutMask(0));
        float[] yPlain = plain.forward(plain.newWorkspace(2), x, 0, 2, Mode.EVAL, null);
        assertArrayEquals(yPlain, java.util.Arrays.copyOf(yEval, 6));

        net.forward(ws, x, 0, 2, Mode.TRAIN, new SplittableRandom(5));
        float[] mask = ws.dropoutMask(0);
        float[] dropped = new float[8];
        for (int i = 0; i < 8; i++) {
            dropped[i] = x[i] * mask[i];
        }
        float[] yTrain = ws.output();
        float[] yManual = plain.forward(plain.newWorkspace(2), dropped, 0, 2, Mode.EVAL, null);
        for (int i = 0; i < 6; i++) {
            assertEquals(yManual[i], yTrain[i], 1e-6f);
        }
    }

    @Test
    void sameSeedSameMasks() {
        Mlp net = Mlp.build(50, List.of(DenseSpec.of(3, Activation.RELU).withInputDropout(Dropout.inverted(0.5f))),
                new SplittableRandom(3));
        float[] x = new float[100];
        Workspace a = net.newWorkspace(2);
        Workspace b = net.newWorkspace(2);
        net.forward(a, x, 0, 2, Mode.TRAIN, new SplittableRandom(9));
        net.forward(b, x, 0, 2, Mode.TRAIN, new SplittableRandom(9));
        assertArrayEquals(a.dropoutMask(0), b.dropoutMask(0));
        net.forward(b, x, 0, 2, Mode.TRAIN, new SplittableRandom(10));
        assertFalse(java.util.Arrays.equals(a.dropoutMask(0), b.dropoutMask(0)));
    }

    @Test
    void rejectsBadSettings() {
        assertThrows(IllegalArgumentException.class, () -> Dropout.of(0f, 1f));
        assertThrows(IllegalArgumentException.class, () -> Dropout.of(1.5f, 1f));
        assertFalse(Dropout.none().active());
        assertTrue(Dropout.of(1f, 2f).active());
        Mlp net = Mlp.build(2, List.of(DenseSpec.of(1, Activation.RELU).withInputDropout(Dropout.inverted(0.5f))),
                new SplittableRandom(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> net.forward(net.newWorkspace(1), new float[2], 0, 1, Mode.TRAIN, null));
        assertTrue(e.getMessage().contains("random generator"), e.getMessage());
    }
}
