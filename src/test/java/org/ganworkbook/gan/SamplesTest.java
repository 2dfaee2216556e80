package org.ganworkbook.gan;

import org.ejml.data.FMatrixRMaj;
import org.ganworkbook.eval.NearestNeighbours;
import org.ganworkbook.eval.NeighbourGrid;
import org.ganworkbook.nn.Mlp;
import org.ganworkbook.sampling.NoisePrior;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SamplesTest {

    @Test
    void interpolationWalksStraightLinesThroughTheAnchors() {
        FMatrixRMaj anchors = new FMatrixRMaj(3, 2, true, 0f, 0f, 1f, 2f, -1f, 2f);
        FMatrixRMaj z = Samples.interpolate(anchors, 4);
        assertEquals(9, z.numRows);
        assertArrayEquals(new float[]{0f, 0f}, new float[]{z.get(0, 0), z.get(0, 1)});
        assertArrayEquals(new float[]{0.25f, 0.5f}, new float[]{z.get(1, 0), z.get(1, 1)});
        assertArrayEquals(new float[]{1f, 2f}, new float[]{z.get(4, 0), z.get(4, 1)}, "second anchor exactly");
        assertArrayEquals(new float[]{0f, 2f}, new float[]{z.get(6, 0), z.get(6, 1)}, "halfway along the second segment");
        assertArrayEquals(new float[]{-1f, 2f}, new float[]{z.get(8, 0), z.get(8, 1)}, "last anchor exactly");
        assertThrows(IllegalArgumentException.class, () -> Samples.interpolate(new FMatrixRMaj(1, 2), 3));
        // for the uniform prior every point stays inside the cube
        FMatrixRMaj path = Samples.interpolate(Samples.noise(NoisePrior.uniformPaper(), 5, 100, new SplittableRandom(1)), 7);
        for (float v : path.data) {
            assertTrue(Math.abs(v) <= Math.sqrt(3) + 1e-6, "outside the cube: " + v);
        }
    }

    @Test
    void generateIsEvaluationModeAndBlockwise() {
        GanTrainer t = GanTrainer.create(TinyGan.config(), TinyGan.gandata(), 2L);
        FMatrixRMaj z = t.noise(2500, new SplittableRandom(3)); // more than one block of 1000
        FMatrixRMaj x = t.generate(z);
        assertEquals(2500, x.numRows);
        FMatrixRMaj again = t.generator().predict(z);
        // generate() works in blocks of 1000 rows, predict() on all 2500: BLAS may sum each dot product in
        // another order for another shape (and CPU), so the two agree to float rounding, not bit for bit.
        double[] bound = forwardErrorBound(t.generator(), z);
        for (int i = 0; i < x.data.length; i++) {
            assertEquals(again.data[i], x.data[i], 2 * bound[i], "element " + i);
        }
        // the same call on the same shapes is bit-identical
        assertArrayEquals(x.data, t.generate(z).data);
        // same seed, same samples
        assertArrayEquals(t.sample(7, new SplittableRandom(9)).data, t.sample(7, new SplittableRandom(9)).data);
    }

    /**
     * For each output of {@code mlp} on the rows of {@code x} (eval mode: dense layers, no dropout), a bound
     * on |float32 result - exact result| that holds for any summation order. Per layer, with input h
     * (error e), weights W (n x m) and bias b: a float32 dot product of length n plus the bias errs by at
     * most gamma_{n+1} * (sum_i |h_i W_ij| + |b_j|), gamma_k = k*u/(1 - k*u), u = 2^-24, and the input error
     * adds sum_i |W_ij| e_i; the activation multiplies the pre-activation error by its Lipschitz constant
     * (1 for ReLU, 1/4 for the sigmoid) and adds its own rounding, u * |y|. Two evaluations in different
     * orders differ by at most twice this bound.
     */
    static double[] forwardErrorBound(Mlp mlp, FMatrixRMaj x) {
        double u = 0x1p-24;
        int rows = x.numRows;
        double[] h = new double[x.data.length];
        for (int i = 0; i < h.length; i++) {
            h[i] = x.data[i];
        }
        double[] e = new double[h.length];
        int n = x.numCols;
        for (org.ganworkbook.nn.Layer layer : mlp.layers()) {
            if (!(layer instanceof org.ganworkbook.nn.Dense dense)) {
                throw new IllegalArgumentException("bound written for dense layers only, got " + layer);
            }
            int m = layer.columns();
            float[] w = layer.weight().value();
            float[] b = layer.bias().value();
            double gamma = (n + 1) * u / (1 - (n + 1) * u);
            double lipschitz = switch (dense.activation()) {
                case IDENTITY, RELU, LEAKY_RELU, TANH -> 1;
                case SIGMOID -> 0.25;
            };
            double[] h2 = new double[rows * m];
            double[] e2 = new double[rows * m];
            for (int r = 0; r < rows; r++) {
                for (int j = 0; j < m; j++) {
                    double a = b[j];
                    double magnitude = Math.abs(b[j]);
                    double propagated = 0;
                    for (int i = 0; i < n; i++) {
                        a += h[r * n + i] * w[i * m + j];
                        magnitude += Math.abs(h[r * n + i] * w[i * m + j]);
                        propagated += Math.abs(w[i * m + j]) * e[r * n + i];
                    }
                    double y = dense.activation().apply(a);
                    h2[r * m + j] = y;
                    e2[r * m + j] = lipschitz * (gamma * magnitude + propagated) + u * Math.abs(y);
                }
            }
            h = h2;
            e = e2;
            n = m;
        }
        return e;
    }
}
