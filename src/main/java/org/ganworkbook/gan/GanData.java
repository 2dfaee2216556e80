package org.ganworkbook.gan;

import org.ejml.data.FMatrixRMaj;
import org.ganworkbook.sampling.DataSampler;

import java.util.Objects;
import java.util.SplittableRandom;
import java.util.zip.CRC32C;

/**
 * Where the real examples x ~ p_data of a GAN come from (Algorithm 1: "sample minibatch of m examples
 * from the data generating distribution").
 *
 * <ul>
 *   <li>{@link #of(FMatrixRMaj)}: a fixed training set (MNIST), visited in epochs. Like pylearn2's default
 *       {@code shuffled_sequential} iterator, every epoch is a new random permutation cut into
 *       ⌈N/m⌉ consecutive minibatches (the last one smaller if m does not divide N).</li>
 *   <li>{@link #of(DataSampler, int)}: an endless source (a toy density); every minibatch is drawn fresh,
 *       and an "epoch" is just a fixed number of minibatches (it paces the momentum ramp and the
 *       per-epoch records).</li>
 * </ul>
 * Each epoch's permutation depends only on the trainer's seed and the epoch number, so a resumed run
 * sees exactly the minibatches of an uninterrupted one.
 */
public sealed interface GanData permits GanData.Matrix, GanData.Sampler {

    /** Values per example (784 for MNIST). */
    int dim();

    /** Minibatches per epoch for batch size m. */
    int batchesPerEpoch(int m);

    /** A short description, stored in checkpoints, that changes when the data change. */
    String fingerprint();

    /** A training set: the rows of {@code x} ([N, dim]; not modified and not copied: keep it unchanged). */
    static GanData of(FMatrixRMaj x) {
        return new Matrix(x);
    }

    /** An endless sampler; an epoch is {@code batchesPerEpoch} minibatches. */
    static GanData of(DataSampler sampler, int batchesPerEpoch) {
        return new Sampler(sampler, batchesPerEpoch);
    }

    /** A training set held in a matrix. */
    record Matrix(FMatrixRMaj x) implements GanData {
        public Matrix {
            Objects.requireNonNull(x, "x");
            if (x.numRows < 1 || x.numCols < 1) {
                throw new IllegalArgumentException("the training set needs at least one row and one column, got "
                        + x.numRows + "x" + x.numCols);
            }
        }

        @Override
        public int dim() {
            return x.numCols;
        }

        /** Examples N. */
        public int size() {
            return x.numRows;
        }

        @Override
        public int batchesPerEpoch(int m) {
            return (x.numRows + m - 1) / m;
        }

        /** Rows in minibatch {@code b} of an epoch: m, except a smaller last one. */
        int rowsInBatch(int b, int m) {
            return Math.min(m, x.numRows - b * m);
        }

        /** The epoch's order of the N rows: a Fisher-Yates shuffle from {@code rng}. */
        int[] permutation(SplittableRandom rng) {
            int n = x.numRows;
            int[] p = new int[n];
            for (int i = 0; i < n; i++) {
                p[i] = i;
            }
            for (int i = n - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = p[i];
                p[i] = p[j];
                p[j] = t;
            }
            return p;
        }

        /** Copies rows {@code order[b·m ..]} of minibatch b (rows of it) to {@code out} from index 0. */
        void gather(int[] order, int b, int m, int rows, float[] out) {
            int d = x.numCols;
            for (int r = 0; r < rows; r++) {
                System.arraycopy(x.data, order[b * m + r] * d, out, r * d, d);
            }
        }

        @Override
        public String fingerprint() {
            CRC32C crc = new CRC32C();
            byte[] buf = new byte[4096];
            int n = x.numRows * x.numCols;
            int fill = 0;
            for (int i = 0; i < n; i++) {
                int bits = Float.floatToRawIntBits(x.data[i]);
                buf[fill++] = (byte) bits;
                buf[fill++] = (byte) (bits >>> 8);
                buf[fill++] = (byte) (bits >>> 16);
                buf[fill++] = (byte) (bits >>> 24);
                if (fill == buf.length) {
                    crc.update(buf, 0, fill);
                    fill = 0;
                }
            }
            crc.update(buf, 0, fill);
            return "matrix " + x.numRows + "x" + x.numCols + " crc32c " + Long.toHexString(crc.getValue());
        }

        @Override
        public String toString() {
            return "GanData.Matrix[" + x.numRows + " examples of " + x.numCols + " values, reshuffled every epoch]";
        }
    }

    /** An endless source of examples. */
    record Sampler(DataSampler sampler, int epochBatches) implements GanData {
        public Sampler {
            Objects.requireNonNull(sampler, "sampler");
            if (epochBatches < 1) {
                throw new IllegalArgumentException("an epoch needs at least one minibatch, got " + epochBatches);
            }
        }

        @Override
        public int dim() {
            return sampler.dim();
        }

        @Override
        public int batchesPerEpoch(int m) {
            return epochBatches;
        }

        @Override
        public String fingerprint() {
            return "sampler " + sampler + ", " + epochBatches + " minibatches per epoch";
        }

        @Override
        public String toString() {
            return "GanData.Sampler[" + sampler + ", " + epochBatches + " minibatches per epoch]";
        }
    }
}
