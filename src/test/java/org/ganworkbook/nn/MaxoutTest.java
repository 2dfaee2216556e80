package org.ganworkbook.nn;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MaxoutTest {

    @Test
    void consecutiveColumnsFormOneUnitsGroup() {
        // 2 inputs, 3 units x 4 pieces = 12 columns. Zero weights and distinct biases make y_j the max bias
        // of columns 4j..4j+3, which is 4j+3 with increasing biases.
        Mlp net = Mlp.build(2, List.of(MaxoutSpec.of(3, 4)), new SplittableRandom(1));
        Layer layer = net.layers().get(0);
        java.util.Arrays.fill(layer.weight().value(), 0f);
        float[] b = layer.bias().value();
        for (int c = 0; c < 12; c++) {
            b[c] = c;
        }
        Workspace ws = net.newWorkspace(1);
        float[] y = net.forward(ws, new float[] {0.3f, -0.7f}, 0, 1, Mode.EVAL, null);
        assertEquals(3f, y[0]);
        assertEquals(7f, y[1]);
        assertEquals(11f, y[2]);

        // Make piece 1 of unit 2 (column 9) win through its weight: it alone must move y_2 and nothing else.
        layer.weight().value()[9] = 100f; // row 0 (input 0), column 9
        y = net.forward(ws, new float[] {1f, 0f}, 0, 1, Mode.EVAL, null);
        assertEquals(3f, y[0]);
        assertEquals(7f, y[1]);
        assertEquals(109f, y[2]);
        assertEquals(1, ws.maxoutWinners(0)[2]);
        assertEquals(3, ws.maxoutWinners(0)[0]);
    }

    @Test
    void backwardSendsTheGradientToTheWinningPieceOnly() {
        Mlp net = Mlp.build(2, List.of(MaxoutSpec.of(2, 3)), new SplittableRandom(2));
        Layer layer = net.layers().get(0);
        java.util.Arrays.fill(layer.weight().value(), 0f);
        float[] b = layer.bias().value();
        float[] biases = {0, 5, 1, 9, 2, 3}; // winners: unit 0 -> piece 1 (col 1), unit 1 -> piece 0 (col 3)
        System.arraycopy(biases, 0, b, 0, 6);
        Workspace ws = net.newWorkspace(2);
        net.forward(ws, new float[] {1f, 2f, -1f, 0.5f}, 0, 2, Mode.EVAL, null);
        net.backward(ws, new float[] {1f, 10f, 2f, 20f}, 0, 2, ParamGrads.SET, null);
        float[] gb = layer.bias().grad();
        assertEquals(0f, gb[0]);
        assertEquals(3f, gb[1]);   // 1 + 2 from the two rows
        assertEquals(0f, gb[2]);
        assertEquals(30f, gb[3]);  // 10 + 20
        assertEquals(0f, gb[4]);
        assertEquals(0f, gb[5]);
        float[] gw = layer.weight().grad(); // dW[i, c] = Σ_r x[r, i] δ[r, c]
        assertEquals(1f * 1 + -1f * 2, gw[1]);
        assertEquals(2f * 10 + 0.5f * 20, gw[6 + 3]);
        assertEquals(0f, gw[0]);
        assertEquals(0f, gw[6 + 4]);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6})
    void everyPieceCountGroupsConsecutiveColumnsAndPicksTheLowestIndexOnTies(int k) {
        int units = 3;
        Mlp net = Mlp.build(2, List.of(MaxoutSpec.of(units, k)), new SplittableRandom(k));
        Layer layer = net.layers().get(0);
        java.util.Arrays.fill(layer.weight().value(), 0f);
        float[] b = layer.bias().value();
        SplittableRandom rng = new SplittableRandom(100 + k);
        Workspace ws = net.newWorkspace(1);
        for (int trial = 0; trial < 50; trial++) {
            for (int c = 0; c < units * k; c++) {
                b[c] = rng.nextInt(4); // small integers: many exact ties
            }
            float[] y = net.forward(ws, new float[] {0.3f, -0.7f}, 0, 1, Mode.EVAL, null);
            for (int j = 0; j < units; j++) {
                int win = 0;
                for (int p = 1; p < k; p++) {
                    if (b[j * k + p] > b[j * k + win]) {
                        win = p;
                    }
                }
                assertEquals(b[j * k + win], y[j], "k=" + k + " unit " + j);
                assertEquals(win, ws.maxoutWinners(0)[j], "k=" + k + " unit " + j);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 5})
    void gradientsMatchFiniteDifferences(int k) {
        Mlp net = Mlp.build(6, List.of(MaxoutSpec.of(4, k).withIrange(1f)), new SplittableRandom(3));
        ReferenceMlp.checkNetwork(net, 5, Mode.TRAIN, false, 31);
    }

    @Test
    void gradientsMatchWithDropoutAndTwoLayers() {
        Mlp net = Mlp.build(7, List.of(
                MaxoutSpec.of(5, 2).withIrange(1f).withInputDropout(Dropout.of(0.8f, 1.25f)),
                MaxoutSpec.of(3, 5).withIrange(1f).withInputDropout(Dropout.inverted(0.5f))), new SplittableRandom(4));
        ReferenceMlp.checkNetwork(net, 6, Mode.TRAIN, false, 41);
    }

    @Test
    void maxoutOutputLayerHasNoPreActivation() {
        Mlp net = Mlp.build(2, List.of(MaxoutSpec.of(2, 2)), new SplittableRandom(5));
        Workspace ws = net.newWorkspace(1);
        net.forward(ws, new float[2], 0, 1, Mode.EVAL, null);
        assertThrows(IllegalStateException.class, ws::preActivation);
        assertThrows(IllegalStateException.class,
                () -> net.backwardFromPreActivation(ws, new float[4], 0, 1, ParamGrads.SET, null));
        assertThrows(IllegalArgumentException.class, () -> MaxoutSpec.of(3, 0));
        assertThrows(IllegalArgumentException.class, () -> MaxoutSpec.of(3, 200));
    }
}
