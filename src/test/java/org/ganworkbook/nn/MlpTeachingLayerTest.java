package org.ganworkbook.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.ganworkbook.numeric.FiniteDifferences;
import org.junit.jupiter.api.Test;

/** The matrix-in, matrix-out layer over the workspace API: {@link Mlp#apply}, {@link Mlp#logits}, {@link ForwardPass}. */
class MlpTeachingLayerTest {

    /** 2 inputs, tanh, tanh, 3 sigmoid outputs: smooth, so finite differences converge. */
    private static Mlp smooth(long seed) {
        return Mlp.build(2, List.of(DenseSpec.of(5, Activation.TANH).withIrange(0.8f),
                DenseSpec.of(4, Activation.TANH).withIrange(0.8f),
                DenseSpec.of(3, Activation.SIGMOID).withIrange(0.8f)), new SplittableRandom(seed));
    }

    /** Inputs that are multiples of 1/64, so that x ± 1/64 is exact in float and the step is exactly 2h. */
    private static double[] inputs(int values, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[values];
        for (int i = 0; i < values; i++) {
            x[i] = r.nextInt(-96, 97) / 64.0;
        }
        return x;
    }

    @Test
    void applyAndLogitsAreTheFastForwardInChunksOf4096Rows() {
        Mlp net = smooth(1);
        int rows = 5000;
        double[] x = inputs(2 * rows, 2);
        double[] y = net.apply(x);
        double[] a = net.logits(x);
        assertEquals(rows * 3, y.length);
        // the same calls with the same shapes: rows [0, 4096) and [4096, 5000), so equal to the bit
        Workspace ws = net.newWorkspace(Mlp.CHUNK);
        float[] xf = ForwardPass.floats(x);
        int second = rows - Mlp.CHUNK;
        net.forward(ws, xf, 0, Mlp.CHUNK, Mode.EVAL, null);
        assertArrayEquals(ForwardPass.toDouble(ws.output(), 3 * Mlp.CHUNK), Arrays.copyOfRange(y, 0, 3 * Mlp.CHUNK));
        assertArrayEquals(ForwardPass.toDouble(ws.preActivation(), 3 * Mlp.CHUNK), Arrays.copyOfRange(a, 0, 3 * Mlp.CHUNK));
        net.forward(ws, xf, 2 * Mlp.CHUNK, second, Mode.EVAL, null);
        assertArrayEquals(ForwardPass.toDouble(ws.output(), 3 * second), Arrays.copyOfRange(y, 3 * Mlp.CHUNK, 3 * rows));
        assertArrayEquals(ForwardPass.toDouble(ws.preActivation(), 3 * second), Arrays.copyOfRange(a, 3 * Mlp.CHUNK, 3 * rows));
        // and the sigmoid of the logit is the output (float sigmoid vs double: float rounding, 1e-6 is ample)
        for (int i = 0; i < y.length; i += 97) {
            assertEquals(BinaryCrossEntropy.sigmoid(a[i]), y[i], 1e-6);
        }
        assertEquals(0, net.apply(new double[0]).length, "no rows, no outputs");
    }

    @Test
    void aForwardPassIsTheFastForwardAndBackwardOnTheSameRows() {
        Mlp net = MlpTest.smallDiscriminator(4);        // maxout with dropout: TRAIN draws masks from rng
        Mlp twin = MlpTest.smallDiscriminator(4);
        int rows = 6;
        double[] x = inputs(9 * rows, 5);
        ForwardPass pass = net.forward(x, Mode.TRAIN, new SplittableRandom(6));
        Workspace ws = twin.newWorkspace(rows);
        float[] xf = ForwardPass.floats(x);
        twin.forward(ws, xf, 0, rows, Mode.TRAIN, new SplittableRandom(6));
        assertArrayEquals(ForwardPass.toDouble(ws.output(), rows), pass.output());
        assertArrayEquals(ForwardPass.toDouble(ws.preActivation(), rows), pass.logits());
        double[] dA = inputs(rows, 7);
        double[] dx = pass.backwardFromLogits(dA, ParamGrads.SET);
        float[] dxFast = new float[9 * rows];
        twin.backwardFromPreActivation(ws, ForwardPass.floats(dA), 0, rows, ParamGrads.SET, dxFast);
        assertArrayEquals(ForwardPass.toDouble(dxFast, dxFast.length), dx);
        for (int p = 0; p < net.parameters().size(); p++) {
            assertArrayEquals(twin.parameters().get(p).grad(), net.parameters().get(p).grad(), "parameter " + p);
        }
    }

    /**
     * dL/dx from backward against central differences of L(x) = Σ c·y. The error budget: L is a float
     * forward pass summed in double, off by a few float ulps of Σ|c·y| (about 1e-6 here), divided by the
     * step 2h = 1/32 gives 3e-5; the truncation error h²/6·|L'''| is 4e-5·|L'''|, and |L'''| stays below
     * about 3 here (|c| <= 1.5, three outputs per row, tanh and sigmoid derivatives below 1, weights of 0.8).
     * So 2e-4; the errors seen were at most 5e-5, and a 1% error in a gradient entry of 0.05 (5e-4) fails.
     */
    @Test
    void backwardGivesTheInputGradientThatFiniteDifferencesMeasure() {
        Mlp net = smooth(8);
        int rows = 4;
        double[] x = inputs(2 * rows, 9);
        double[] c = inputs(3 * rows, 10);
        double h = 1.0 / 64;
        for (boolean fromLogits : new boolean[] {false, true}) {
            ForwardPass pass = net.forward(x, Mode.EVAL, null);
            double[] dx = fromLogits ? pass.backwardFromLogits(c, ParamGrads.SKIP) : pass.backward(c, ParamGrads.SKIP);
            double[] fd = FiniteDifferences.gradient(v -> {
                double[] out = fromLogits ? net.logits(v) : net.apply(v);
                double s = 0;
                for (int i = 0; i < out.length; i++) {
                    s += c[i] * out[i];
                }
                return s;
            }, x.clone(), h);
            double largest = 0;
            for (int i = 0; i < dx.length; i++) {
                assertEquals(fd[i], dx[i], 2e-4, "dL/dx[" + i + "] (from logits: " + fromLogits + ")");
                largest = Math.max(largest, Math.abs(dx[i]));
            }
            assertTrue(largest > 0.01, "a gradient that is not nearly zero: " + largest);
        }
    }

    @Test
    void skipLeavesTheParameterGradientsAndAddAccumulates() {
        Mlp net = smooth(11);
        double[] x = inputs(6, 12);
        double[] dy = inputs(9, 13);
        ForwardPass pass = net.forward(x, Mode.EVAL, null);
        pass.backward(dy, ParamGrads.SET);
        float[] once = net.parameters().get(0).grad().clone();
        pass.backward(dy, ParamGrads.SKIP);
        assertArrayEquals(once, net.parameters().get(0).grad(), "SKIP leaves dL/dθ");
        pass.backward(dy, ParamGrads.ADD);
        float[] twice = net.parameters().get(0).grad();
        for (int i = 0; i < once.length; i++) {
            assertEquals(2 * once[i], twice[i], 1e-6 * (1 + Math.abs(once[i])));
        }
    }

    @Test
    void wrongShapesAreRejectedSayingWhatWasExpected() {
        Mlp net = smooth(14);
        var apply = assertThrows(IllegalArgumentException.class, () -> net.apply(1, 2, 3));
        assertTrue(apply.getMessage().contains("n x 2 matrix") && apply.getMessage().contains("got 3 values"),
                apply.getMessage());
        assertThrows(IllegalArgumentException.class, () -> net.logits(1, 2, 3));
        assertThrows(IllegalArgumentException.class, () -> net.forward(new double[0], Mode.EVAL, null));
        ForwardPass pass = net.forward(new double[] {0.5, -0.5, 1, 1}, Mode.EVAL, null);
        assertEquals(2, pass.rows());
        var back = assertThrows(IllegalArgumentException.class, () -> pass.backward(new double[2], ParamGrads.SET));
        assertTrue(back.getMessage().contains("2 x 3 = 6 values") && back.getMessage().contains("got 2"),
                back.getMessage());
        assertThrows(IllegalArgumentException.class, () -> pass.backwardFromLogits(new double[7], ParamGrads.SET));
        Mlp maxoutTop = Mlp.build(1, List.of(MaxoutSpec.of(2, 2)), new SplittableRandom(15));
        var noLogits = assertThrows(IllegalArgumentException.class, () -> maxoutTop.logits(0.5));
        assertTrue(noLogits.getMessage().contains("maxout"), noLogits.getMessage());
    }
}
