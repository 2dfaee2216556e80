package org.ganworkbook.nn;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DenseTest {

    private static Mlp single(int in, int units, Activation f, Dropout dropout, long seed) {
        return Mlp.build(in, List.of(DenseSpec.of(units, f).withIrange(1f).withBiasInit(BiasInit.constant(0.1f))
                .withInputDropout(dropout)), new SplittableRandom(seed));
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void gradientsMatchFiniteDifferencesForEveryActivation(Activation f) {
        ReferenceMlp.checkNetwork(single(6, 5, f, Dropout.none(), 1), 4, Mode.TRAIN, false, 10);
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void gradientsMatchWithInputDropout(Activation f) {
        ReferenceMlp.checkNetwork(single(7, 4, f, Dropout.inverted(0.5f), 2), 5, Mode.TRAIN, false, 20);
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void gradientsFromPreActivationSkipTheActivationDerivative(Activation f) {
        ReferenceMlp.checkNetwork(single(5, 3, f, Dropout.of(0.8f, 1.25f), 3), 3, Mode.TRAIN, true, 30);
    }

    @Test
    void activationsComputeTheirFormulas() {
        assertEquals(0.0, Activation.RELU.apply(-2), 0);
        assertEquals(3.0, Activation.RELU.apply(3), 0);
        assertEquals(-0.4, Activation.LEAKY_RELU.apply(-2), 1e-7);
        assertEquals(0.5, Activation.SIGMOID.apply(0), 0);
        assertEquals(1 / (1 + Math.exp(-2)), Activation.SIGMOID.apply(2), 1e-15);
        assertEquals(Math.tanh(0.3), Activation.TANH.apply(0.3), 0);
        assertEquals(-1.5, Activation.IDENTITY.apply(-1.5), 0);
    }

    @Test
    void sigmoidOutputOfHugeLogitsStaysFinite() {
        Mlp net = single(1, 2, Activation.SIGMOID, Dropout.none(), 4);
        net.layers().get(0).weight().value()[0] = 1f;
        net.layers().get(0).weight().value()[1] = -1f;
        net.layers().get(0).bias().value()[0] = 0f;
        net.layers().get(0).bias().value()[1] = 0f;
        Workspace ws = net.newWorkspace(1);
        float[] y = net.forward(ws, new float[] {1000f}, 0, 1, Mode.EVAL, null);
        assertEquals(1f, y[0]);
        assertEquals(0f, y[1]);
        assertEquals(1000f, ws.preActivation()[0]);
        assertEquals(-1000f, ws.preActivation()[1]);
    }

    @Test
    void weightColumnsAreTheIncomingWeightsOfEachUnit() {
        // W is inputSize x units: y_j = f(Σ_i x_i W[i, j] + b_j).
        Mlp net = single(2, 3, Activation.IDENTITY, Dropout.none(), 5);
        float[] w = net.layers().get(0).weight().value();
        float[] b = net.layers().get(0).bias().value();
        float[] values = {1, 2, 3, 4, 5, 6}; // row 0: weights from input 0 to units 0..2
        System.arraycopy(values, 0, w, 0, 6);
        java.util.Arrays.fill(b, 0f);
        float[] y = net.forward(net.newWorkspace(1), new float[] {10f, 100f}, 0, 1, Mode.EVAL, null);
        assertEquals(10 * 1 + 100 * 4, y[0]);
        assertEquals(10 * 2 + 100 * 5, y[1]);
        assertEquals(10 * 3 + 100 * 6, y[2]);
    }

    @Test
    void rejectsBadSizes() {
        assertThrows(IllegalArgumentException.class, () -> DenseSpec.of(0, Activation.RELU));
        assertThrows(IllegalArgumentException.class, () -> new Dense("x", 0, 3, Activation.RELU, Dropout.none(), 0f));
    }
}
