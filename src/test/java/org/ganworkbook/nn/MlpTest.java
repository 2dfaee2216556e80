package org.ganworkbook.nn;

import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MlpTest {

    /** A small copy of the paper's D: maxout, maxout, sigmoid unit, with its dropout settings. */
    static Mlp smallDiscriminator(long seed) {
        return Mlp.build(9, List.of(
                MaxoutSpec.of(6, 3).withIrange(0.8f).withInputDropout(Dropout.of(0.8f, 1.25f)),
                MaxoutSpec.of(4, 2).withIrange(0.8f).withInputDropout(Dropout.inverted(0.5f)),
                DenseSpec.of(1, Activation.SIGMOID).withIrange(0.8f).withInputDropout(Dropout.inverted(0.5f))),
                new SplittableRandom(seed));
    }

    /** A small copy of the paper's G: ReLU, ReLU, sigmoid. */
    static Mlp smallGenerator(long seed) {
        return Mlp.build(4, List.of(
                DenseSpec.of(7, Activation.RELU).withIrange(0.8f),
                DenseSpec.of(6, Activation.RELU).withIrange(0.8f),
                DenseSpec.of(9, Activation.SIGMOID).withIrange(0.8f).withBiasInit(BiasInit.constant(-0.5f))),
                new SplittableRandom(seed));
    }

    @Test
    void wholeDiscriminatorGradientsMatchFiniteDifferences() {
        ReferenceMlp.checkNetwork(smallDiscriminator(1), 5, Mode.TRAIN, false, 100);
        ReferenceMlp.checkNetwork(smallDiscriminator(2), 4, Mode.TRAIN, true, 200); // from the logit
        ReferenceMlp.checkNetwork(smallDiscriminator(3), 3, Mode.EVAL, true, 300);
    }

    @Test
    void wholeGeneratorGradientsMatchFiniteDifferences() {
        ReferenceMlp.checkNetwork(smallGenerator(4), 5, Mode.TRAIN, false, 400);
    }

    @Test
    void inputGradientOnlyPassLeavesParameterGradientsAlone() {
        Mlp d = smallDiscriminator(5);
        SplittableRandom rng = new SplittableRandom(6);
        float[] x = ReferenceMlp.randomFloats(4 * 9, 1, rng);
        Workspace ws = d.newWorkspace(4);
        d.forward(ws, x, 0, 4, Mode.TRAIN, rng);
        float[] dTop = ReferenceMlp.randomFloats(4, 1, rng);
        float[] dxFull = new float[4 * 9];
        d.backwardFromPreActivation(ws, dTop, 0, 4, ParamGrads.SET, dxFull);
        float[][] gradsBefore = snapshotGrads(d);
        float[] dxOnly = new float[4 * 9];
        d.backwardFromPreActivation(ws, dTop, 0, 4, ParamGrads.SKIP, dxOnly);
        assertArrayEquals(dxFull, dxOnly);
        float[][] gradsAfter = snapshotGrads(d);
        for (int i = 0; i < gradsBefore.length; i++) {
            assertArrayEquals(gradsBefore[i], gradsAfter[i], "SKIP must not touch " + d.parameters().get(i));
        }
        // and it is the true input gradient (same masks, via the double reference)
        ReferenceMlp ref = new ReferenceMlp(d, ws);
        double[] xd = ReferenceMlp.toDouble(x, x.length);
        ReferenceMlp.assertGradientsClose("input", dxOnly,
                ref.numericGradient(xd, xd, 4, ReferenceMlp.toDouble(dTop, 4), true));
    }

    @Test
    void rowRangeBackwardEqualsFullBackwardWithZerosOutside() {
        // The GAN step: D runs on real and fake rows stacked; the G loss backpropagates the fake rows only.
        Mlp d = smallDiscriminator(7);
        SplittableRandom rng = new SplittableRandom(8);
        int m = 3;
        float[] x = ReferenceMlp.randomFloats(2 * m * 9, 1, rng);
        Workspace ws = d.newWorkspace(2 * m);
        d.forward(ws, x, 0, 2 * m, Mode.TRAIN, rng);
        float[] dFake = ReferenceMlp.randomFloats(m, 1, rng);
        float[] dPadded = new float[2 * m];
        System.arraycopy(dFake, 0, dPadded, m, m);

        float[] dxAll = new float[2 * m * 9];
        d.backwardFromPreActivation(ws, dPadded, 0, 2 * m, ParamGrads.SET, dxAll);
        float[][] full = snapshotGrads(d);
        float[] dxFake = new float[m * 9];
        d.backwardFromPreActivation(ws, dFake, m, m, ParamGrads.SET, dxFake);
        float[][] range = snapshotGrads(d);
        for (int i = 0; i < full.length; i++) {
            for (int j = 0; j < full[i].length; j++) {
                assertEquals(full[i][j], range[i][j], 1e-6f, d.parameters().get(i) + "[" + j + "]");
            }
        }
        for (int j = 0; j < m * 9; j++) {
            assertEquals(0f, dxAll[j], "real rows get no gradient");
            assertEquals(dxAll[m * 9 + j], dxFake[j], 1e-6f);
        }
    }

    @Test
    void addAccumulatesAndSetOverwrites() {
        Mlp g = smallGenerator(9);
        SplittableRandom rng = new SplittableRandom(10);
        float[] z = ReferenceMlp.randomFloats(3 * 4, 1, rng);
        Workspace ws = g.newWorkspace(3);
        g.forward(ws, z, 0, 3, Mode.TRAIN, null);
        float[] dy = ReferenceMlp.randomFloats(3 * 9, 1, rng);
        for (Parameter p : g.parameters()) {
            java.util.Arrays.fill(p.grad(), Float.NaN); // SET must ignore whatever was there
        }
        g.backward(ws, dy, 0, 3, ParamGrads.SET, null);
        float[][] once = snapshotGrads(g);
        g.backward(ws, dy, 0, 3, ParamGrads.ADD, null);
        float[][] twice = snapshotGrads(g);
        for (int i = 0; i < once.length; i++) {
            for (int j = 0; j < once[i].length; j++) {
                assertTrue(Float.isFinite(once[i][j]));
                assertEquals(2 * once[i][j], twice[i][j], 1e-5f * (1 + Math.abs(twice[i][j])));
            }
        }
        g.zeroGrad();
        for (Parameter p : g.parameters()) {
            for (float v : p.grad()) {
                assertEquals(0f, v);
            }
        }
    }

    @Test
    void forwardAndBackwardAllocateNothingPerStep() {
        // The paper's shapes at batch 100 through the active GEMM backend.
        Mlp d = Mlp.build(784, List.of(
                MaxoutSpec.of(240, 5).withInputDropout(Dropout.of(0.8f, 1.25f)),
                MaxoutSpec.of(240, 5).withInputDropout(Dropout.inverted(0.5f)),
                DenseSpec.of(1, Activation.SIGMOID).withIrange(0.005f).withInputDropout(Dropout.inverted(0.5f))),
                new SplittableRandom(1));
        SplittableRandom rng = new SplittableRandom(2);
        float[] x = ReferenceMlp.randomFloats(100 * 784, 1, rng);
        float[] dLogit = ReferenceMlp.randomFloats(100, 1, rng);
        float[] dx = new float[100 * 784];
        Workspace ws = d.newWorkspace(100);
        Runnable step = () -> {
            d.forward(ws, x, 0, 100, Mode.TRAIN, rng);
            d.backwardFromPreActivation(ws, dLogit, 0, 100, ParamGrads.SET, null);
            d.backwardFromPreActivation(ws, dLogit, 50, 50, ParamGrads.SKIP, dx);
        };
        for (int i = 0; i < 30; i++) {
            step.run();
        }
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        long before = bean.getThreadAllocatedBytes(tid);
        int steps = 10;
        for (int i = 0; i < steps; i++) {
            step.run();
        }
        long perStep = (bean.getThreadAllocatedBytes(tid) - before) / steps;
        // Handing strips to a second thread (Java fallback, split native) costs a few small objects per
        // product, and on a busy machine code the JIT has not compiled yet may box a few values (1440 bytes
        // per step seen at load 10 with native BLAS). Arrays of activations would be hundreds of kilobytes.
        long allowed = 4096;
        assertTrue(perStep <= allowed, perStep + " bytes allocated per step with " + org.ganworkbook.linalg.Gemm.describe());
    }

    @Test
    void buildNamesLayersAndChecksShapes() {
        Mlp d = smallDiscriminator(1);
        assertEquals(List.of("h0.W", "h0.b", "h1.W", "h1.b", "y.W", "y.b"),
                d.parameters().stream().map(Parameter::name).toList());
        assertEquals(9 * 18 + 18 + 6 * 8 + 8 + 4 + 1, d.parameterCount());
        assertEquals(9, d.inputSize());
        assertEquals(1, d.outputSize());
        assertTrue(d.toString().contains("h0: maxout 9 -> 6 units x 3 pieces, input dropout keep 0.8 scale 1.25"), d.toString());
        assertThrows(IllegalArgumentException.class, () -> new Mlp(List.of(
                new Dense("a", 3, 4, Activation.RELU, Dropout.none(), 0f),
                new Dense("b", 5, 1, Activation.RELU, Dropout.none(), 0f))));
        Workspace ws = d.newWorkspace(2);
        assertThrows(IllegalArgumentException.class, () -> d.forward(ws, new float[27], 0, 3, Mode.EVAL, null));
        assertThrows(IllegalArgumentException.class, () -> d.forward(ws, new float[10], 0, 2, Mode.EVAL, null));
        assertThrows(IllegalStateException.class, () -> d.backward(ws, new float[2], 0, 2, ParamGrads.SET, null));
        d.forward(ws, new float[18], 0, 2, Mode.EVAL, null);
        assertThrows(IllegalArgumentException.class, () -> d.backward(ws, new float[2], 1, 2, ParamGrads.SET, null));
        assertThrows(IllegalArgumentException.class,
                () -> smallGenerator(1).forward(ws, new float[8], 0, 2, Mode.EVAL, null));
    }

    @Test
    void predictMatchesForwardInEvalMode() {
        Mlp g = smallGenerator(11);
        SplittableRandom rng = new SplittableRandom(12);
        FMatrixRMaj z = new FMatrixRMaj(5, 4);
        for (int i = 0; i < z.data.length; i++) {
            z.data[i] = (float) rng.nextDouble();
        }
        FMatrixRMaj out = g.predict(z);
        float[] y = g.forward(g.newWorkspace(5), z.data, 0, 5, Mode.EVAL, null);
        assertEquals(5, out.numRows);
        assertEquals(9, out.numCols);
        assertArrayEquals(java.util.Arrays.copyOf(y, 45), out.data);
    }

    static float[][] snapshotGrads(Mlp net) {
        return net.parameters().stream().map(p -> p.grad().clone()).toArray(float[][]::new);
    }
}
