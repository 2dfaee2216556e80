package org.ganworkbook.nn;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WeightInitTest {

    @Test
    void uniformStaysInRangeWithUniformMoments() {
        int n = 200_000;
        float[] w = new float[n];
        WeightInit.uniform(0.05f).fill(w, 400, 500, new SplittableRandom(1));
        double sum = 0, sq = 0, max = 0;
        for (float v : w) {
            assertTrue(v >= -0.05f && v <= 0.05f, "out of range: " + v);
            sum += v;
            sq += v * v;
            max = Math.max(max, Math.abs(v));
        }
        double var = 0.05 * 0.05 / 3; // variance of U(-r, r)
        assertEquals(0, sum / n, 5 * Math.sqrt(var / n));
        assertEquals(var, sq / n, 5 * Math.sqrt(0.05 * 0.05 * 0.05 * 0.05 / 5 / n));
        assertTrue(max > 0.0499, "the range should be used up to its ends");
    }

    @Test
    void sparseGivesEachOutputUnitExactlyNNonzeroIncomingWeights() {
        int rows = 50, cols = 300, k = 10;
        float[] w = new float[rows * cols];
        java.util.Arrays.fill(w, 3f); // must be overwritten
        WeightInit.sparse(k).fill(w, rows, cols, new SplittableRandom(2));
        double sum = 0, sq = 0;
        int[] perRow = new int[rows];
        for (int c = 0; c < cols; c++) {
            int nonZero = 0;
            for (int r = 0; r < rows; r++) {
                float v = w[r * cols + c];
                if (v != 0f) {
                    nonZero++;
                    perRow[r]++;
                    sum += v;
                    sq += v * v;
                }
            }
            assertEquals(k, nonZero, "column " + c);
        }
        int n = k * cols;
        assertEquals(0, sum / n, 5 / Math.sqrt(n));
        assertEquals(1, sq / n, 5 * Math.sqrt(2.0 / n));
        // positions are spread over all inputs: each row gets about k·cols/rows = 60
        for (int r = 0; r < rows; r++) {
            assertEquals(60, perRow[r], 5 * Math.sqrt(60), "row " + r);
        }
        assertThrows(IllegalArgumentException.class, () -> WeightInit.sparse(60).fill(new float[50], 50, 1, new SplittableRandom(1)));
    }

    @Test
    void specsBuildLayersWithTheirInit() {
        Mlp net = Mlp.build(20, java.util.List.of(
                DenseSpec.of(30, Activation.SIGMOID).withWeightInit(WeightInit.sparse(5)).withBiasInit(BiasInit.constant(-2f))),
                new SplittableRandom(3));
        Layer l = net.layers().get(0);
        int nonZero = 0;
        for (float v : l.weight().value()) {
            nonZero += v != 0f ? 1 : 0;
        }
        assertEquals(5 * 30, nonZero);
        for (float b : l.bias().value()) {
            assertEquals(-2f, b);
        }
        assertEquals("U(-0.005, 0.005)", MaxoutSpec.of(240, 5).weightInit().toString());
    }
}
