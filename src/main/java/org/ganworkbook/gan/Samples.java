package org.ganworkbook.gan;

import org.ejml.data.FMatrixRMaj;
import org.ganworkbook.nn.Mlp;
import org.ganworkbook.nn.Mode;
import org.ganworkbook.nn.Workspace;
import org.ganworkbook.sampling.NoisePrior;

import java.util.random.RandomGenerator;

/**
 * Drawing from a trained generator: noise z ~ p_z, samples G(z) (no dropout; G has none in the paper
 * anyway), and the straight lines through z-space of Figure 3. Everything returns new matrices with one
 * example per row.
 */
public final class Samples {

    /** Rows per forward pass when generating many samples (bounds the workspace's memory). */
    static final int BLOCK = 1000;

    private Samples() {
    }

    /** n noise vectors, a new [n, latentDim] matrix. */
    public static FMatrixRMaj noise(NoisePrior prior, int n, int latentDim, RandomGenerator rng) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, got " + n);
        }
        FMatrixRMaj z = new FMatrixRMaj(n, latentDim);
        prior.sample(z.data, 0, n * latentDim, rng);
        return z;
    }

    /** G(z) row by row in evaluation mode; z is [n, G's input size] and not modified. */
    public static FMatrixRMaj generate(Mlp g, FMatrixRMaj z) {
        if (z.numCols != g.inputSize()) {
            throw new IllegalArgumentException("z has " + z.numCols + " columns but G takes " + g.inputSize());
        }
        int n = z.numRows;
        int out = g.outputSize();
        FMatrixRMaj x = new FMatrixRMaj(n, out);
        if (n == 0) {
            return x;
        }
        Workspace ws = g.newWorkspace(Math.min(n, BLOCK));
        for (int start = 0; start < n; start += BLOCK) {
            int rows = Math.min(BLOCK, n - start);
            float[] y = g.forward(ws, z.data, start * z.numCols, rows, Mode.EVAL, null);
            System.arraycopy(y, 0, x.data, start * out, rows * out);
        }
        return x;
    }

    /** n samples G(z), z ~ prior. */
    public static FMatrixRMaj sample(Mlp g, NoisePrior prior, int n, RandomGenerator rng) {
        return generate(g, noise(prior, n, g.inputSize(), rng));
    }

    /**
     * Figure 3's path through z-space: for consecutive rows z_i, z_{i+1} of {@code anchors} ([p, latentDim],
     * p ≥ 2; not modified), the points {@code z_i + t·(z_{i+1} − z_i)} for t = 0, 1/s, ..., (s−1)/s, and the
     * last anchor at the end: {@code (p − 1)·s + 1} rows. For the uniform prior every point stays inside the
     * cube, so it is a valid z.
     *
     * @param stepsBetween s ≥ 1, points per segment (the anchor included)
     */
    public static FMatrixRMaj interpolate(FMatrixRMaj anchors, int stepsBetween) {
        int p = anchors.numRows;
        int l = anchors.numCols;
        if (p < 2 || stepsBetween < 1) {
            throw new IllegalArgumentException("need at least 2 anchors and stepsBetween >= 1, got " + p + " and "
                    + stepsBetween);
        }
        int n = (p - 1) * stepsBetween + 1;
        FMatrixRMaj z = new FMatrixRMaj(n, l);
        for (int seg = 0; seg < p - 1; seg++) {
            for (int s = 0; s < stepsBetween; s++) {
                float t = (float) s / stepsBetween;
                int row = seg * stepsBetween + s;
                for (int j = 0; j < l; j++) {
                    float a = anchors.data[seg * l + j];
                    float b = anchors.data[(seg + 1) * l + j];
                    z.data[row * l + j] = a + t * (b - a);
                }
            }
        }
        System.arraycopy(anchors.data, (p - 1) * l, z.data, (n - 1) * l, l);
        return z;
    }
}
