package org.ganworkbook.nn;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BiasInitTest {

    @Test
    void logitOfMarginalsUsesClippedColumnMeans() {
        // 4 examples x 3 pixels: column means 0, 0.5, 1 -> clipped to 1e-7, 0.5, 1 - 1e-7
        float[] data = {0, 0, 1, 0, 1, 1, 0, 0, 1, 0, 1, 1};
        float[] b = new float[3];
        BiasInit.logitOfMarginals(data, 4, 3).fill(b, 3);
        assertEquals(Math.log(1e-7 / (1 - 1e-7)), b[0], 1e-5);
        assertEquals(-16.118095f, b[0], 1e-5f); // paper-setup: always-zero pixels get bias ≈ −16.1
        assertEquals(0f, b[1], 0f);
        assertEquals(16.118095f, b[2], 1e-5f);
        // and the sigmoid of the bias gives the marginal back
        float[] p = {0.1f, 0.25f, 0.9f};
        BiasInit.logitOf(p).fill(b, 3);
        for (int j = 0; j < 3; j++) {
            assertEquals(p[j], 1 / (1 + Math.exp(-b[j])), 1e-6);
        }
    }

    @Test
    void generatorOutputStartsAtTheMeanImage() {
        // With zero weights into the output, G's sigmoid output is exactly the data marginals.
        float[] data = {0.2f, 0.9f, 0f, 0.4f, 0.5f, 0f};
        Mlp g = Mlp.build(2, java.util.List.of(DenseSpec.of(3, Activation.SIGMOID).withIrange(0f)
                .withBiasInit(BiasInit.logitOfMarginals(data, 2, 3))), new java.util.SplittableRandom(1));
        float[] y = g.forward(g.newWorkspace(1), new float[] {1f, -1f}, 0, 1, Mode.EVAL, null);
        assertEquals(0.3f, y[0], 1e-6f);
        assertEquals(0.7f, y[1], 1e-6f);
        assertEquals(1e-7f, y[2], 1e-9f);
    }

    @Test
    void constantsAndErrors() {
        float[] b = {5f, 5f};
        BiasInit.zeros().fill(b, 2);
        assertEquals(0f, b[0]);
        BiasInit.constant(-2f).fill(b, 2);
        assertEquals(-2f, b[1]);
        assertEquals("constant(-2.0)", BiasInit.constant(-2f).toString());
        assertEquals("logitOfMarginals(3 values)", BiasInit.logitOf(new float[3]).toString());
        assertThrows(IllegalArgumentException.class, () -> BiasInit.logitOf(new float[3]).fill(new float[4], 4));
        assertThrows(IllegalArgumentException.class, () -> BiasInit.logitOfMarginals(new float[5], 2, 3));
    }
}
