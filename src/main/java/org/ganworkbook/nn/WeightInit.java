package org.ganworkbook.nn;

import java.util.random.RandomGenerator;

/**
 * How a layer's weights (stored {@code inputSize × columns}) are drawn, as in pylearn2:
 * {@link Uniform} is {@code irange: r} (every weight from U(−r, r); paper: .05 for G, .005 for D), and
 * {@link Sparse} is {@code sparse_init: n} (each column, i.e. each output unit, gets n nonzero incoming
 * weights at distinct random rows, drawn from N(0, stdev²); the rest are 0; TFD's G output layer).
 */
public sealed interface WeightInit permits WeightInit.Uniform, WeightInit.Sparse {

    /** Fills {@code w} (rows × cols, row-major). Only w is modified. */
    void fill(float[] w, int rows, int cols, RandomGenerator rng);

    /** Every weight from U(−range, range). */
    static Uniform uniform(float range) {
        return new Uniform(range);
    }

    /** {@code nonZero} N(0, 1) incoming weights per output unit. */
    static Sparse sparse(int nonZero) {
        return new Sparse(nonZero, 1f);
    }

    /** pylearn2 {@code irange}. */
    record Uniform(float range) implements WeightInit {
        public Uniform {
            if (!(range >= 0f) || !Float.isFinite(range)) {
                throw new IllegalArgumentException("uniform init range must be finite and >= 0, got " + range);
            }
        }

        @Override
        public void fill(float[] w, int rows, int cols, RandomGenerator rng) {
            double r = range;
            for (int i = 0; i < rows * cols; i++) {
                w[i] = (float) ((rng.nextDouble() * 2 - 1) * r);
            }
        }

        @Override
        public String toString() {
            return "U(-" + range + ", " + range + ")";
        }
    }

    /** pylearn2 {@code sparse_init} with {@code sparse_stdev}. */
    record Sparse(int nonZero, float stdev) implements WeightInit {
        public Sparse {
            if (nonZero < 1) {
                throw new IllegalArgumentException("sparse init needs at least 1 nonzero weight per unit, got " + nonZero);
            }
        }

        @Override
        public void fill(float[] w, int rows, int cols, RandomGenerator rng) {
            if (nonZero > rows) {
                throw new IllegalArgumentException("sparse init wants " + nonZero + " nonzero incoming weights per unit"
                        + " but the layer has only " + rows + " inputs");
            }
            java.util.Arrays.fill(w, 0, rows * cols, 0f);
            for (int c = 0; c < cols; c++) {
                for (int j = 0; j < nonZero; j++) {
                    int row;
                    do {
                        row = rng.nextInt(rows);
                    } while (w[row * cols + c] != 0f);
                    float v;
                    do {
                        v = (float) (rng.nextGaussian() * stdev);
                    } while (v == 0f); // a drawn exact zero would let the same row be picked again
                    w[row * cols + c] = v;
                }
            }
        }

        @Override
        public String toString() {
            return "sparse(" + nonZero + " x N(0, " + stdev + "^2))";
        }
    }
}
