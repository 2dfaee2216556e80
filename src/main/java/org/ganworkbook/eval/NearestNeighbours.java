package org.ganworkbook.eval;

import org.ejml.data.FMatrixRMaj;

import java.util.Arrays;

/**
 * Exact nearest training examples in squared Euclidean pixel distance: the extra column of Figure 2
 * (Goodfellow et al. 2014), which puts next to generated samples the training image nearest to them, to
 * show that the generator has not simply memorised its training set. As in the authors'
 * {@code show_samples_*_paper.py}, the search runs over the training set the model saw (MNIST: the
 * first 50,000 images) and ties go to the lowest index ({@code numpy.argmin}).
 *
 * <p>Shapes: training set [n, d], queries [m, d], one flattened image per row.
 *
 * <p>How: per block of query rows, one float32 GEMM gives approximate distances
 * {@code D~_j = ||q||² + ||t_j||² - 2·q·t_j}. A float dot product of length d is off by at most
 * {@code γ_d·||q||·||t_j||} (γ_d = d·u/(1 - d·u), u = 2⁻²⁴), so each true distance lies within
 * {@code D~_j ± e_j}. With U = the k-th smallest upper bound {@code D~_j + e_j}, every j whose lower
 * bound exceeds U is farther than at least k others and cannot be among the k nearest; the rest (a
 * handful, usually) are recomputed exactly in double and sorted by (distance, index). The answer is
 * therefore exact, not a float32 approximation.
 *
 * <p>Interrupts: checked between blocks; an interrupted search throws
 * {@link java.util.concurrent.CancellationException} and leaves the flag set. Thread-safe. The training
 * set is not copied (MNIST's 50,000 images take 157 MB): do not modify it while the search is in use.
 */
public final class NearestNeighbours {

    /** Query rows per distance block when none is set. */
    public static final int DEFAULT_BATCH_SIZE = 100;
    private static final double U = Distances.FLOAT_UNIT_ROUNDOFF;
    private static final double DOUBLE_U = 0x1p-53;

    private final int n;
    private final int d;
    private final float[] training;
    private final double[] norms;
    private final double[] lengths;
    private final int batchSize;
    private final int threads;

    private NearestNeighbours(int n, int d, float[] training, double[] norms, double[] lengths, int batchSize,
                              int threads) {
        this.n = n;
        this.d = d;
        this.training = training;
        this.norms = norms;
        this.lengths = lengths;
        this.batchSize = batchSize;
        this.threads = threads;
    }

    /**
     * A search over the rows of {@code training} ([n, d]; finite values only). Not modified, and not copied:
     * keep it unchanged while this search is used.
     */
    public static NearestNeighbours of(FMatrixRMaj training) {
        if (training == null || training.numRows == 0 || training.numCols == 0) {
            throw new IllegalArgumentException("training set must have at least one row and one column, got "
                    + (training == null ? "null" : training.numRows + "x" + training.numCols));
        }
        Distances.requireFinite("training images", training);
        int n = training.numRows;
        int d = training.numCols;
        float[] data = Distances.dense(training);
        double[] norms = Distances.squaredNorms(data, n, d);
        double[] lengths = new double[n];
        for (int j = 0; j < n; j++) {
            lengths[j] = Math.sqrt(norms[j]);
        }
        return new NearestNeighbours(n, d, data, norms, lengths, DEFAULT_BATCH_SIZE, Workers.defaultThreads());
    }

    /** The same search with {@code rows} query rows per distance block (≥ 1; the answer does not change). */
    public NearestNeighbours withBatchSize(int rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("batch size must be >= 1, got " + rows);
        }
        return new NearestNeighbours(n, d, training, norms, lengths, rows, threads);
    }

    /** The same search with {@code count} Java threads for the per-row work (≥ 1). */
    public NearestNeighbours withThreads(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("thread count must be >= 1, got " + count);
        }
        return new NearestNeighbours(n, d, training, norms, lengths, batchSize, count);
    }

    /** Number of training examples n. */
    public int size() {
        return n;
    }

    /** Values per image d. */
    public int dimension() {
        return d;
    }

    /** Copies of the training rows {@code indices}, as a [indices.length, d] matrix (e.g. to draw them). */
    public FMatrixRMaj images(int... indices) {
        FMatrixRMaj out = new FMatrixRMaj(indices.length, d);
        for (int i = 0; i < indices.length; i++) {
            if (indices[i] < 0 || indices[i] >= n) {
                throw new IndexOutOfBoundsException("training index " + indices[i] + " is outside 0.." + (n - 1));
            }
            System.arraycopy(training, indices[i] * d, out.data, i * d, d);
        }
        return out;
    }

    /** The nearest training example to each row of {@code queries} ([m, d]; not modified); length m. */
    public Neighbour[] nearest(FMatrixRMaj queries) {
        Neighbour[][] k1 = nearest(queries, 1);
        Neighbour[] out = new Neighbour[k1.length];
        for (int i = 0; i < k1.length; i++) {
            out[i] = k1[i][0];
        }
        return out;
    }

    /**
     * The {@code k} nearest training examples to each row of {@code queries} ([m, d]; not modified):
     * {@code result[i]} holds k neighbours by increasing distance, ties by increasing index.
     */
    public Neighbour[][] nearest(FMatrixRMaj queries, int k) {
        Distances.requireShape("queries", queries, d, "training images");
        if (k < 1 || k > n) {
            throw new IllegalArgumentException("k must be between 1 and the training set size " + n + ", got " + k);
        }
        Distances.requireFinite("queries", queries);
        int m = queries.numRows;
        float[] q = queries.data;
        Neighbour[][] result = new Neighbour[m][];
        int rowsPerBlock = (int) Math.max(1, Math.min(Math.min(batchSize, m), ParzenWindow.MAX_BLOCK_FLOATS / n));
        float[] block = new float[rowsPerBlock * n];
        double gamma = d * U / (1 - d * U);
        try (Workers workers = Workers.start(threads)) {
            for (int start = 0; start < m; start += rowsPerBlock) {
                Workers.checkInterrupt("nearest-neighbour search stopped after " + start + " of " + m + " queries");
                int rows = Math.min(rowsPerBlock, m - start);
                int first = start;
                // block[i][j] = -2·q_i·t_j, one GEMM
                Distances.minusTwoCrossProducts(q, first, rows, training, n, d, block);
                workers.forEachSlice(rows, (from, to) -> {
                    double[] approx = new double[n];
                    double[] slack = new double[n];
                    for (int i = from; i < to; i++) {
                        result[first + i] = row(block, i, q, first + i, k, gamma, approx, slack);
                    }
                });
            }
        }
        return result;
    }

    /** The k nearest of one query: bound, filter, recompute exactly, sort. */
    private Neighbour[] row(float[] block, int blockRow, float[] q, int qRow, int k, double gamma,
                            double[] approx, double[] slack) {
        int base = blockRow * n;
        double qq = Distances.squaredNorm(q, qRow * d, d);
        double qLength = Math.sqrt(qq);
        // D~_j and its error bound e_j (float dot product, plus the double additions)
        TopK upper = new TopK(k);
        for (int j = 0; j < n; j++) {
            double g = block[base + j];
            double approximate = qq + norms[j] + g;
            double e = 2 * gamma * qLength * lengths[j] * 1.01
                    + 4 * DOUBLE_U * (qq + norms[j] + Math.abs(g)) + Double.MIN_NORMAL;
            approx[j] = approximate;
            slack[j] = e;
            upper.offer(approximate + e);
        }
        double bound = upper.kthSmallest();
        int count = 0;
        int[] candidates = new int[Math.max(16, 2 * k)];
        for (int j = 0; j < n; j++) {
            if (approx[j] - slack[j] <= bound) {
                if (count == candidates.length) {
                    candidates = Arrays.copyOf(candidates, 2 * count);
                }
                candidates[count++] = j;
            }
        }
        Neighbour[] exact = new Neighbour[count];
        for (int c = 0; c < count; c++) {
            int j = candidates[c];
            exact[c] = new Neighbour(j, Distances.exactSquaredDistance(q, qRow * d, training, j * d, d));
        }
        Arrays.sort(exact, (a, b) -> a.squaredDistance() != b.squaredDistance()
                ? Double.compare(a.squaredDistance(), b.squaredDistance()) : Integer.compare(a.index(), b.index()));
        return Arrays.copyOf(exact, k);
    }

    /** The k smallest of a stream of doubles (a max-heap of size k). */
    private static final class TopK {
        private final double[] heap;
        private int size;

        TopK(int k) {
            heap = new double[k];
        }

        void offer(double v) {
            if (size < heap.length) {
                int i = size++;
                heap[i] = v;
                while (i > 0 && heap[(i - 1) / 2] < heap[i]) {
                    swap(i, (i - 1) / 2);
                    i = (i - 1) / 2;
                }
            } else if (v < heap[0]) {
                heap[0] = v;
                int i = 0;
                while (true) {
                    int l = 2 * i + 1, r = l + 1, big = i;
                    if (l < size && heap[l] > heap[big]) {
                        big = l;
                    }
                    if (r < size && heap[r] > heap[big]) {
                        big = r;
                    }
                    if (big == i) {
                        break;
                    }
                    swap(i, big);
                    i = big;
                }
            }
        }

        /** The largest of the k smallest seen, i.e. the k-th smallest. */
        double kthSmallest() {
            return heap[0];
        }

        private void swap(int a, int b) {
            double t = heap[a];
            heap[a] = heap[b];
            heap[b] = t;
        }
    }

    @Override
    public String toString() {
        return "NearestNeighbours[" + n + " training images, d=" + d + ", batchSize=" + batchSize
                + ", threads=" + threads + "]";
    }
}
