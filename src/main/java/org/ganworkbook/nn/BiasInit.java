package org.ganworkbook.nn;

/**
 * How a layer's biases are set: {@link #zeros()} (the default everywhere in the paper's configs),
 * {@link #constant} (TFD's sigmoid hidden layers use −2), or {@link #logitOf} the data marginals
 * (pylearn2 {@code init_sigmoid_bias_from_marginals}, G's sigmoid output: with per-pixel mean
 * {@code p_j} clipped to [1e−7, 1 − 1e−7], {@code b_j = log(p_j / (1 − p_j))}, so G's first samples
 * are about the mean image).
 */
public sealed interface BiasInit permits BiasInit.Constant, BiasInit.Logit {

    /** Clipping bound of the data marginals, as pylearn2. */
    double MARGINAL_CLIP = 1e-7;

    /** Writes the {@code n} biases. Only {@code b} is modified. */
    void fill(float[] b, int n);

    static BiasInit zeros() {
        return new Constant(0f);
    }

    static BiasInit constant(float value) {
        return new Constant(value);
    }

    /** Biases {@code logit(clip(p_j))} for given marginals {@code p} (one per output unit). */
    static BiasInit logitOf(float[] marginals) {
        return new Logit(marginals.clone());
    }

    /**
     * Biases from the column means of a data matrix ({@code rows × cols}, row-major, values in [0, 1]):
     * {@code logit(clip(mean_j))}. The means are computed in double.
     */
    static BiasInit logitOfMarginals(float[] data, int rows, int cols) {
        if (rows <= 0 || cols <= 0 || (long) rows * cols > data.length) {
            throw new IllegalArgumentException("data must hold rows x cols = " + rows + " x " + cols
                    + " values, it has " + data.length);
        }
        double[] sum = new double[cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                sum[c] += data[r * cols + c];
            }
        }
        float[] mean = new float[cols];
        for (int c = 0; c < cols; c++) {
            mean[c] = (float) (sum[c] / rows);
        }
        return new Logit(mean);
    }

    /** {@code log(p / (1 − p))} of p clipped to [1e−7, 1 − 1e−7]. */
    static double clippedLogit(double p) {
        double q = Math.min(Math.max(p, MARGINAL_CLIP), 1 - MARGINAL_CLIP);
        return Math.log(q / (1 - q));
    }

    record Constant(float value) implements BiasInit {
        @Override
        public void fill(float[] b, int n) {
            java.util.Arrays.fill(b, 0, n, value);
        }

        @Override
        public String toString() {
            return value == 0f ? "zeros" : "constant(" + value + ")";
        }
    }

    /** Biases {@code logit(clip(marginals[j]))}. */
    record Logit(float[] marginals) implements BiasInit {
        @Override
        public void fill(float[] b, int n) {
            if (marginals.length != n) {
                throw new IllegalArgumentException("logit bias init has " + marginals.length
                        + " marginals but the layer has " + n + " biases");
            }
            for (int j = 0; j < n; j++) {
                b[j] = (float) clippedLogit(marginals[j]);
            }
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Logit l && java.util.Arrays.equals(marginals, l.marginals);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(marginals);
        }

        @Override
        public String toString() {
            return "logitOfMarginals(" + marginals.length + " values)";
        }
    }
}
