package org.ganworkbook.optim;

import org.ganworkbook.nn.Activation;
import org.ganworkbook.nn.DenseSpec;
import org.ganworkbook.nn.Mlp;
import org.ganworkbook.nn.Parameter;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SgdTest {

    @Test
    void plainMomentumPinnedOverThreeSteps() {
        Parameter p = new Parameter("w", 1, 2);
        p.value()[0] = 1f;
        p.value()[1] = -2f;
        Sgd sgd = new Sgd(List.of(p));
        float lr = 0.1f, mu = 0.5f;
        // step 1: g = (1, -4): v = -lr g = (-0.1, 0.4); w = (0.9, -1.6)
        p.grad()[0] = 1f;
        p.grad()[1] = -4f;
        sgd.step(lr, mu);
        assertEquals(0.9f, p.value()[0], 1e-7f);
        assertEquals(-1.6f, p.value()[1], 1e-7f);
        // step 2: g = (1, 0): v = 0.5 (-0.1, 0.4) - 0.1 (1, 0) = (-0.15, 0.2); w = (0.75, -1.4)
        p.grad()[1] = 0f;
        sgd.step(lr, mu);
        assertEquals(0.75f, p.value()[0], 1e-7f);
        assertEquals(-1.4f, p.value()[1], 1e-7f);
        // step 3: g = (0, 0): plain momentum keeps moving, v = (-0.075, 0.1); w = (0.675, -1.3)
        p.grad()[0] = 0f;
        sgd.step(lr, mu);
        assertEquals(0.675f, p.value()[0], 1e-7f);
        assertEquals(-1.3f, p.value()[1], 1e-7f);
        assertArrayEquals(new float[] {-0.075f, 0.1f}, sgd.velocity(0), 1e-7f);
    }

    @Test
    void oneOptimizerCanMoveTwoNetworksAtOnce() {
        Mlp d = Mlp.build(3, List.of(DenseSpec.of(1, Activation.SIGMOID)), new SplittableRandom(1));
        Mlp g = Mlp.build(2, List.of(DenseSpec.of(3, Activation.SIGMOID)), new SplittableRandom(2));
        List<Parameter> all = new ArrayList<>(d.parameters());
        all.addAll(g.parameters());
        Sgd sgd = new Sgd(all);
        for (Parameter p : all) {
            java.util.Arrays.fill(p.grad(), 1f);
        }
        float[][] before = all.stream().map(p -> p.value().clone()).toArray(float[][]::new);
        sgd.step(0.25f, 0.5f);
        for (int i = 0; i < all.size(); i++) {
            for (int j = 0; j < before[i].length; j++) {
                assertEquals(before[i][j] - 0.25f, all.get(i).value()[j], 1e-6f, all.get(i).name());
            }
        }
    }

    @Test
    void exportedStateResumesBitForBit() {
        SplittableRandom rng = new SplittableRandom(3);
        Parameter a = new Parameter("a", 4, 5);
        Parameter b = new Parameter("b", 4, 5);
        for (int i = 0; i < 20; i++) {
            a.value()[i] = b.value()[i] = (float) rng.nextDouble();
        }
        Sgd sa = new Sgd(List.of(a));
        float[][] grads = new float[6][20];
        for (float[] g : grads) {
            for (int i = 0; i < 20; i++) {
                g[i] = (float) rng.nextGaussian();
            }
        }
        for (int s = 0; s < 3; s++) {
            System.arraycopy(grads[s], 0, a.grad(), 0, 20);
            sa.step(0.1f, 0.6f);
        }
        // "checkpoint": b takes a's values and a fresh optimizer takes a's state
        System.arraycopy(a.value(), 0, b.value(), 0, 20);
        Sgd sb = new Sgd(List.of(b));
        sb.importState(sa.exportState());
        for (int s = 3; s < 6; s++) {
            System.arraycopy(grads[s], 0, a.grad(), 0, 20);
            System.arraycopy(grads[s], 0, b.grad(), 0, 20);
            sa.step(0.1f, 0.6f);
            sb.step(0.1f, 0.6f);
        }
        assertArrayEquals(a.value(), b.value());
        assertArrayEquals(sa.velocity(0), sb.velocity(0));
        assertThrows(IllegalArgumentException.class, () -> sb.importState(new float[][] {new float[3]}));
        assertThrows(IllegalArgumentException.class, () -> sb.importState(new float[2][20]));
        sb.reset();
        assertArrayEquals(new float[20], sb.velocity(0));
    }

    @Test
    void rejectsBadHyperparameters() {
        Sgd sgd = new Sgd(List.of(new Parameter("w", 1, 1)));
        assertThrows(IllegalArgumentException.class, () -> sgd.step(-0.1f, 0.5f));
        assertThrows(IllegalArgumentException.class, () -> sgd.step(0.1f, 1f));
        assertThrows(IllegalArgumentException.class, () -> sgd.step(Float.NaN, 0.5f));
        assertThrows(IllegalArgumentException.class, () -> new Sgd(List.of()));
    }

    /**
     * Two optimizers updated at once, their values split across two threads (above the threshold), give
     * exactly the formula's floats: the same per-value arithmetic as the loop below, so bit for bit.
     */
    @Test
    void twoOptimizersAtOnceAreTheFormulaValueForValue() {
        Parameter p1 = new Parameter("p1", 300, 301);
        Parameter p2 = new Parameter("p2", 7, 1000);
        assertTrue(p1.size() + p2.size() > Sgd.PARALLEL_THRESHOLD, "large enough to be split");
        SplittableRandom rng = new SplittableRandom(1);
        List<float[]> w = new ArrayList<>();
        List<float[]> v = new ArrayList<>();
        for (Parameter p : List.of(p1, p2)) {
            for (int i = 0; i < p.size(); i++) {
                p.value()[i] = (float) rng.nextGaussian();
                p.grad()[i] = (float) rng.nextGaussian();
            }
            w.add(p.value().clone());
            v.add(new float[p.size()]);
        }
        Sgd s1 = new Sgd(List.of(p1));
        Sgd s2 = new Sgd(List.of(p2));
        float lr = 0.1f, mu = 0.5f;
        for (int step = 0; step < 3; step++) {
            Sgd.step(s1, s2, lr, mu);
            int k = 0;
            for (Parameter p : List.of(p1, p2)) {
                float[] wk = w.get(k), vk = v.get(k++);
                for (int i = 0; i < wk.length; i++) {
                    vk[i] = mu * vk[i] - lr * p.grad()[i];
                    wk[i] += vk[i];
                }
            }
        }
        assertArrayEquals(w.get(0), p1.value());
        assertArrayEquals(w.get(1), p2.value());
        assertArrayEquals(v.get(1), s2.velocity(0));
        // the checks of step(lr, mu) hold for both at once
        assertThrows(IllegalArgumentException.class, () -> Sgd.step(s1, s2, Float.NaN, mu));
        assertThrows(IllegalArgumentException.class, () -> Sgd.step(s1, s2, lr, 1f));
    }
}
