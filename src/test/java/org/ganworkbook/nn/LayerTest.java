package org.ganworkbook.nn;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LayerTest {

    private static double columnNorm(float[] w, int rows, int cols, int c) {
        double s = 0;
        for (int r = 0; r < rows; r++) {
            s += (double) w[r * cols + c] * w[r * cols + c];
        }
        return Math.sqrt(s);
    }

    @Test
    void maxColNormRescalesOnlyColumnsAboveTheLimit() {
        // W is inputSize x columns; a column is the incoming weights of one unit or maxout piece.
        Mlp net = Mlp.build(3, List.of(MaxoutSpec.of(2, 2).withMaxColNorm(1.9365f)), new SplittableRandom(1));
        Layer l = net.layers().get(0);
        float[] w = l.weight().value();
        float[] values = {
                3f, 0.1f, 0f, 1f,
                4f, 0.2f, 0f, 1f,
                0f, 0.3f, 2f, 1f};
        System.arraycopy(values, 0, w, 0, 12);
        float[] before = w.clone();
        net.applyMaxColNorm();
        assertEquals(1.9365, columnNorm(w, 3, 4, 0), 1e-6);   // was 5
        assertEquals(1.9365, columnNorm(w, 3, 4, 2), 1e-6);   // was 2
        assertEquals(3f / 5 * 1.9365f, w[0], 1e-6f);          // direction kept
        for (int c : new int[] {1, 3}) {
            // below the limit: pylearn2's factor ‖w‖/(1e−7 + ‖w‖), a relative shrink of about 1e−7/‖w‖
            double norm = columnNorm(before, 3, 4, c);
            for (int r = 0; r < 3; r++) {
                float b = before[r * 4 + c];
                assertEquals(b * norm / (1e-7 + norm), w[r * 4 + c], 2 * Math.ulp(b));
                assertEquals(b, w[r * 4 + c], 2e-7 / norm * Math.abs(b) + 2 * Math.ulp(b));
            }
        }
    }

    @Test
    void noLimitMeansNoChange() {
        Mlp net = Mlp.build(3, List.of(DenseSpec.of(2, Activation.RELU).withIrange(100f)), new SplittableRandom(2));
        float[] before = net.layers().get(0).weight().value().clone();
        net.applyMaxColNorm();
        org.junit.jupiter.api.Assertions.assertArrayEquals(before, net.layers().get(0).weight().value());
    }
}
