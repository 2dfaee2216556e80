package org.ganworkbook.sampling;

import java.util.random.RandomGenerator;

/**
 * A source of i.i.d. data points x ~ p_data in R^dim, drawn as float rows for training (Algorithm 1,
 * "sample minibatch of m examples from the data generating distribution").
 *
 * <p>Implemented by every {@link Density1d} (dim 1) and by {@link GaussianMixture2d} (dim 2), so a toy
 * GAN trainer can take any of them as its data.
 */
public interface DataSampler {

    /** Dimension of one data point (1 for a 1-D density, 2 for the ring). */
    int dim();

    /**
     * Draws {@code rows} points and writes them row-major: point r occupies
     * {@code out[offset + r*dim() .. offset + (r+1)*dim() - 1]}.
     *
     * @param out    destination, length at least {@code offset + rows*dim()}. Modified (only that range).
     * @param offset first index written
     * @param rows   number of points m
     * @param rng    source of randomness. Advanced.
     */
    void sampleRows(float[] out, int offset, int rows, RandomGenerator rng);

    /** A new {@code [rows x dim()]} row-major array of i.i.d. points. */
    default float[] sampleRows(int rows, RandomGenerator rng) {
        if (rows < 0) {
            throw new IllegalArgumentException("rows must be >= 0, got " + rows);
        }
        float[] out = new float[Math.multiplyExact(rows, dim())];
        sampleRows(out, 0, rows, rng);
        return out;
    }

    /** Checks that {@code [offset, offset+count)} lies inside an array of length {@code length}. */
    static void checkRange(int length, int offset, int count) {
        if (offset < 0 || count < 0 || offset > length - count) {
            throw new IndexOutOfBoundsException("cannot write " + count + " values at offset " + offset
                    + " into an array of length " + length + "; make the array at least offset + count long");
        }
    }
}
