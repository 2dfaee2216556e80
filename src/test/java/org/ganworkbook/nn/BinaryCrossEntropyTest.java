package org.ganworkbook.nn;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BinaryCrossEntropyTest {

    private static final float[] LOGITS = {-3.5f, -0.25f, 0f, 0.7f, 4f};

    private static double sigma(double a) {
        return 1 / (1 + Math.exp(-a));
    }

    @Test
    void targetOneIsMinusLogDAndTargetZeroIsMinusLogOneMinusD() {
        for (float a : LOGITS) {
            float[] g = new float[1];
            double real = BinaryCrossEntropy.loss(new float[] {a}, 0, 1, 1f, 1f, g, 0);
            assertEquals(-Math.log(sigma(a)), real, 1e-12, "t=1, a=" + a);
            assertEquals(sigma(a) - 1, g[0], 1e-7, "t=1 gradient is σ(a) − 1 < 0: raising a lowers the loss");
            assertTrue(g[0] < 0);
            double fake = BinaryCrossEntropy.loss(new float[] {a}, 0, 1, 0f, 1f, g, 0);
            assertEquals(-Math.log(1 - sigma(a)), fake, 1e-12, "t=0, a=" + a);
            assertEquals(sigma(a), g[0], 1e-7, "t=0 gradient is σ(a) > 0");
            assertTrue(g[0] > 0);
        }
    }

    @Test
    void gradientsMatchFiniteDifferencesForBothTargetsAndWeightSigns() {
        float[] grad = new float[LOGITS.length];
        for (float target : new float[] {0f, 1f, 0.3f}) {
            for (float weight : new float[] {0.5f, 1f, -1f}) {
                BinaryCrossEntropy.loss(LOGITS, 0, LOGITS.length, target, weight, grad, 0);
                for (int i = 0; i < LOGITS.length; i++) {
                    double h = 1e-3;
                    float[] up = LOGITS.clone();
                    float[] down = LOGITS.clone();
                    up[i] += (float) h;
                    down[i] -= (float) h;
                    double step = (double) up[i] - down[i];
                    double numeric = (BinaryCrossEntropy.loss(up, 0, up.length, target, weight, null, 0)
                            - BinaryCrossEntropy.loss(down, 0, down.length, target, weight, null, 0)) / step;
                    assertEquals(numeric, grad[i], 1e-5, "t=" + target + " w=" + weight + " i=" + i);
                }
            }
        }
    }

    @Test
    void hugeLogitsGiveFiniteExactValues() {
        float[] a = {1000f, -1000f, 88.8f, -88.8f, Float.MAX_VALUE, -Float.MAX_VALUE};
        float[] g = new float[a.length];
        for (float t : new float[] {0f, 1f}) {
            for (int i = 0; i < a.length; i++) {
                double l = BinaryCrossEntropy.loss(a, i, 1, t, 1f, g, i);
                assertTrue(Double.isFinite(l) && Float.isFinite(g[i]), "a=" + a[i] + " t=" + t);
            }
        }
        float[] one = new float[1];
        assertEquals(0.0, BinaryCrossEntropy.loss(new float[] {1000f}, 0, 1, 1f, 1f, one, 0), 0);
        assertEquals(0f, one[0]);
        assertEquals(1000.0, BinaryCrossEntropy.loss(new float[] {-1000f}, 0, 1, 1f, 1f, one, 0), 0);
        assertEquals(-1f, one[0]);
        assertEquals(1000.0, BinaryCrossEntropy.loss(new float[] {1000f}, 0, 1, 0f, 1f, one, 0), 0);
        assertEquals(1f, one[0]);
        assertEquals(0.0, BinaryCrossEntropy.loss(new float[] {-1000f}, 0, 1, 0f, 1f, one, 0), 0);
        assertEquals(0f, one[0]);
        assertEquals(1000.0, BinaryCrossEntropy.softplus(1000), 0);
        assertEquals(0.0, BinaryCrossEntropy.softplus(-1000), 0);
        assertEquals(0.0, BinaryCrossEntropy.sigmoid(-1000), 0);
        assertEquals(1.0, BinaryCrossEntropy.sigmoid(1000), 0);
    }

    @Test
    void ganLossesHaveTheReleasedCodesFormsAndSigns() {
        float[] aReal = {2f, 0.5f, -1f};
        float[] aFake = {-2f, 0.1f, -4f};
        // D loss = 0.5·mean softplus(−a_real) + 0.5·mean softplus(a_fake) = 0.5 (BCE real + BCE fake)
        double dLoss = BinaryCrossEntropy.loss(aReal, 0, 3, 1f, 0.5f, null, 0)
                + BinaryCrossEntropy.loss(aFake, 0, 3, 0f, 0.5f, null, 0);
        double expected = 0;
        for (int i = 0; i < 3; i++) {
            expected += 0.5 * -Math.log(sigma(aReal[i])) / 3 + 0.5 * -Math.log(1 - sigma(aFake[i])) / 3;
        }
        assertEquals(expected, dLoss, 1e-12);
        // At the equilibrium D = 1/2 everywhere: D loss = log 2 (paper-setup §6).
        float[] zeros = new float[3];
        assertEquals(Math.log(2), BinaryCrossEntropy.loss(zeros, 0, 3, 1f, 0.5f, null, 0)
                + BinaryCrossEntropy.loss(zeros, 0, 3, 0f, 0.5f, null, 0), 1e-12);

        // Non-saturating G loss = −mean log D(G(z)), gradient −(1 − D)/m.
        float[] g = new float[3];
        double gLoss = BinaryCrossEntropy.loss(aFake, 0, 3, 1f, 1f, g, 0);
        double want = 0;
        for (int i = 0; i < 3; i++) {
            want += -Math.log(sigma(aFake[i])) / 3;
            assertEquals(-(1 - sigma(aFake[i])) / 3, g[i], 1e-7);
        }
        assertEquals(want, gLoss, 1e-12);

        // Saturating G loss = mean log(1 − D(G(z))) (G minimizes it), gradient −D/m.
        double sat = BinaryCrossEntropy.loss(aFake, 0, 3, 0f, -1f, g, 0);
        want = 0;
        for (int i = 0; i < 3; i++) {
            want += Math.log(1 - sigma(aFake[i])) / 3;
            assertEquals(-sigma(aFake[i]) / 3, g[i], 1e-7);
        }
        assertEquals(want, sat, 1e-12);
        assertTrue(sat < 0);
    }

    @Test
    void saturationNoteOfSection3() {
        // With D(G(z)) = 0.01 the saturating loss's gradient is 0.01, the non-saturating one's 0.99.
        float a = (float) Math.log(0.01 / 0.99);
        float[] g = new float[1];
        BinaryCrossEntropy.loss(new float[] {a}, 0, 1, 0f, -1f, g, 0);
        assertEquals(0.01, Math.abs(g[0]), 1e-6);
        BinaryCrossEntropy.loss(new float[] {a}, 0, 1, 1f, 1f, g, 0);
        assertEquals(0.99, Math.abs(g[0]), 1e-6);
    }

    @Test
    void offsetsAndBadInput() {
        float[] logits = {9f, 9f, 0f, 0f, 9f};
        float[] grad = {7f, 7f, 7f, 7f, 7f};
        double l = BinaryCrossEntropy.loss(logits, 2, 2, 1f, 1f, grad, 1);
        assertEquals(Math.log(2), l, 1e-12);
        assertEquals(7f, grad[0]);
        assertEquals(-0.25f, grad[1]);
        assertEquals(-0.25f, grad[2]);
        assertEquals(7f, grad[3]);
        assertThrows(IllegalArgumentException.class, () -> BinaryCrossEntropy.loss(logits, 0, 0, 1f, 1f, null, 0));
        assertThrows(IllegalArgumentException.class, () -> BinaryCrossEntropy.loss(logits, 0, 1, 2f, 1f, null, 0));
    }

    @Test
    void theDoubleVersionGivesTheFloatVersionsValueAndGradient() {
        float[] logits = {-30f, -2.5f, -0.1f, 0f, 0.7f, 3f, 25f};
        double[] logitsD = new double[logits.length];
        for (int i = 0; i < logits.length; i++) {
            logitsD[i] = logits[i];
        }
        for (float target : new float[] {0f, 1f, 0.9f}) {
            for (float weight : new float[] {1f, 8f, -1f, 0.5f}) {
                float[] g = new float[logits.length];
                double[] gD = new double[logits.length];
                double v = BinaryCrossEntropy.loss(logits, 1, 5, target, weight, g, 2);
                double vD = BinaryCrossEntropy.loss(logitsD, 1, 5, target, weight, gD, 2);
                assertEquals(v, vD, 1e-15 * Math.abs(v), "target " + target + ", weight " + weight);
                for (int i = 0; i < g.length; i++) {
                    assertEquals(g[i], (float) gD[i], "gradient " + i + ", target " + target + ", weight " + weight);
                }
            }
        }
        assertThrows(IllegalArgumentException.class, () -> BinaryCrossEntropy.loss(logitsD, 0, 0, 1, 1, null, 0));
        assertThrows(IllegalArgumentException.class, () -> BinaryCrossEntropy.loss(logitsD, 0, 2, 1.5, 1, null, 0));
    }
}
