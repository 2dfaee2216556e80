package org.ganworkbook.eval;

import org.ejml.data.FMatrixRMaj;

import java.time.Duration;
import java.util.Arrays;

/**
 * Gaussian Parzen-window density of generator samples, and its log-likelihood on held-out data: the
 * evaluation of Table 1 (Goodfellow et al. 2014, §5), computed exactly as the authors'
 * {@code parzen_ll.py}. With centres μ_1..μ_n (the samples, rows of a [n, d] matrix), every test point x:
 * <pre>  log p(x) = logmeanexp_j( -||x - μ_j||² / (2σ²) ) - d·log(σ·√(2π))      (natural logs, nats)</pre>
 * {@link #evaluate} runs the whole protocol: sigma = the grid value with the highest mean validation
 * log-likelihood ({@link #selectSigma}), then the test set's mean ± std/√N at that sigma ({@link #score}).
 *
 * <p>How (per block of query rows, never the whole [m, n] matrix at once):
 * <ol>
 * <li>Cross terms by one float32 GEMM: {@code p_ij = ||μ_j||² - 2·x_i·μ_j = ||x_i - μ_j||² - ||x_i||²}.
 *     Points and centres are first shifted by (about) the centres' mean, which leaves distances
 *     unchanged but shrinks the norms the product form cancels against.</li>
 * <li>k = argmin_j p_ij is the nearest centre; its distance D_ik is recomputed exactly in double.</li>
 * <li>With δ_j = p_ij - p_ik ≥ 0 (= D_ij - D_ik, never negative), and c = 1/(2σ²):
 *     <pre>  log p(x_i) = -c·D_ik + log( (1/n)·Σ_j exp(-c·δ_j) ) - d·log(σ·√(2π)),</pre>
 *     a log-mean-exp whose largest term is exp(0) = 1: stable for any distance (a naive
 *     {@code log(mean(exp(a)))} gives -∞ once every exponent is below about -745). Exponents below
 *     -(ln n + 40) count as that value: together they change the sum by less than e⁻⁴⁰ ≈ 4·10⁻¹⁸
 *     relative, under double rounding. The exponentials and the sum are in double ({@link NegExpSum}).</li>
 * <li>A block of distances serves every sigma at once (the sigma search costs one GEMM per block, not
 *     one per sigma).</li>
 * </ol>
 * The GEMM runs on {@link org.ganworkbook.linalg.Gemm} (OpenBLAS threads it); steps 2-3 are split over
 * {@link #threads()} Java threads. Measured on 2 cores (MNIST protocol): the GEMMs take ~0.9 s, steps
 * 2-3 ~0.45 s on one thread and ~0.3 s on two (not 0.22: OpenBLAS's idle worker spins for a while after
 * each product and competes with the second thread). Overlapping a block's steps 2-3 with the next
 * block's GEMM gave no measurable gain and was left out. The result does not depend on the thread count at all, nor on the
 * batch size beyond the float rounding of the cross terms (BLAS may sum a dot product in another order
 * for another block shape; per-point values then differ in about the 8th digit, the mean far less).
 *
 * <p>Interrupts: the calling thread's interrupt flag is checked between blocks; when set, the evaluation
 * stops with a {@link java.util.concurrent.CancellationException} and the flag stays set. Progress, if
 * asked for, is reported on the calling thread after every block. Nothing is printed.
 *
 * <p>Instances are immutable and thread-safe; {@link #of} copies the samples.
 */
public final class ParzenWindow {

    /**
     * Query rows per distance block when none is set. The authors use 100; larger blocks run the GEMM
     * faster (measured here: ~150 GFLOP/s at 100 rows, ~195 at 1,000); 1,000 rows × 10,000 centres is
     * a 40 MB block.
     */
    public static final int DEFAULT_BATCH_SIZE = 1000;
    /** Log-mean-exp terms more than ln(n) + this many nats below the largest are clamped there (see class doc). */
    static final double NEGLIGIBLE_NATS = 40.0;
    /** Upper bound on a distance block's size in floats (64 MB); fewer rows per block for huge n. */
    static final long MAX_BLOCK_FLOATS = 1L << 24;
    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2.0 * Math.PI);

    /** Which part of an evaluation a progress report is about. */
    public enum Stage {
        /** Scoring the validation set at every sigma of the grid. */
        SIGMA_SELECTION,
        /** Scoring the test set at the chosen sigma. */
        TEST
    }

    /** Receives progress after every block, on the calling thread: {@code done} of {@code total} rows. */
    @FunctionalInterface
    public interface ProgressListener {
        void update(Stage stage, int done, int total);

        /** A listener that ignores every report. */
        ProgressListener NONE = (stage, done, total) -> { };
    }

    private final int n;
    private final int d;
    private final float[] centres;
    private final float[] offset;
    private final float[] shiftedCentres;
    private final double[] shiftedNorms;
    private final int batchSize;
    private final int threads;

    private ParzenWindow(int n, int d, float[] centres, float[] offset, float[] shiftedCentres,
                         double[] shiftedNorms, int batchSize, int threads) {
        this.n = n;
        this.d = d;
        this.centres = centres;
        this.offset = offset;
        this.shiftedCentres = shiftedCentres;
        this.shiftedNorms = shiftedNorms;
        this.batchSize = batchSize;
        this.threads = threads;
    }

    /**
     * A Parzen window centred on the rows of {@code samples} ([n, d], one flattened image per row; not
     * modified, copied). Throws {@link IllegalArgumentException} if it is empty or holds NaN/±∞.
     */
    public static ParzenWindow of(FMatrixRMaj samples) {
        if (samples == null || samples.numRows == 0 || samples.numCols == 0) {
            throw new IllegalArgumentException("samples must have at least one row and one column, got "
                    + (samples == null ? "null" : samples.numRows + "x" + samples.numCols));
        }
        Distances.requireFinite("samples", samples);
        int n = samples.numRows;
        int d = samples.numCols;
        float[] centres = Arrays.copyOf(samples.data, n * d);
        double[] mean = new double[d];
        for (int j = 0; j < n; j++) {
            for (int p = 0; p < d; p++) {
                mean[p] += centres[j * d + p];
            }
        }
        float[] offset = new float[d];
        for (int p = 0; p < d; p++) {
            offset[p] = coarse(mean[p] / n);
        }
        float[] shifted = new float[n * d];
        shift(centres, 0, n, offset, shifted);
        return new ParzenWindow(n, d, centres, offset, shifted, Distances.squaredNorms(shifted, n, d),
                DEFAULT_BATCH_SIZE, Workers.defaultThreads());
    }

    /** The same window evaluating {@code rows} query rows per distance block (≥ 1). */
    public ParzenWindow withBatchSize(int rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("batch size must be >= 1, got " + rows);
        }
        return new ParzenWindow(n, d, centres, offset, shiftedCentres, shiftedNorms, rows, threads);
    }

    /** The same window using {@code count} Java threads for the per-row work (≥ 1; GEMM threads aside). */
    public ParzenWindow withThreads(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("thread count must be >= 1, got " + count);
        }
        return new ParzenWindow(n, d, centres, offset, shiftedCentres, shiftedNorms, batchSize, count);
    }

    /** Number of centres n. */
    public int size() {
        return n;
    }

    /** Values per point d. */
    public int dimension() {
        return d;
    }

    /** Query rows per distance block. */
    public int batchSize() {
        return batchSize;
    }

    /** Java threads for the per-row work. */
    public int threads() {
        return threads;
    }

    /** log p(x) for every row of {@code x} ([m, d]; not modified) at one sigma; length m. */
    public double[] logLikelihoods(FMatrixRMaj x, double sigma) {
        return logLikelihoods(x, new double[]{sigma})[0];
    }

    /** log p(x) for every sigma and every row of {@code x}: {@code result[s][i]}, one distance pass. */
    public double[][] logLikelihoods(FMatrixRMaj x, double[] sigmas) {
        return compute("x", x, sigmas, Stage.TEST, ProgressListener.NONE);
    }

    /** {@link #selectSigma(FMatrixRMaj, double[], ProgressListener)} without progress reports. */
    public SigmaSelection selectSigma(FMatrixRMaj validation, double[] sigmas) {
        return selectSigma(validation, sigmas, ProgressListener.NONE);
    }

    /**
     * Mean validation log-likelihood at every sigma, and the best sigma (the first maximum).
     * {@code validation} ([m, d]) is used whole: slice it first (MNIST: the first 1,000 held-out images,
     * {@link ParzenConfig#validationRows}). Not modified.
     */
    public SigmaSelection selectSigma(FMatrixRMaj validation, double[] sigmas, ProgressListener progress) {
        double[][] ll = compute("validation", validation, sigmas, Stage.SIGMA_SELECTION, progress);
        double[] means = new double[sigmas.length];
        for (int s = 0; s < sigmas.length; s++) {
            means[s] = ParzenScore.of(sigmas[s], ll[s]).mean();
        }
        return new SigmaSelection(sigmas, means, validation.numRows);
    }

    /** {@link #score(FMatrixRMaj, double, ProgressListener)} without progress reports. */
    public ParzenScore score(FMatrixRMaj test, double sigma) {
        return score(test, sigma, ProgressListener.NONE);
    }

    /** Mean test log-likelihood ± std/√N at a fixed sigma ({@code parzen_ll.py --sigma}). Not modified. */
    public ParzenScore score(FMatrixRMaj test, double sigma, ProgressListener progress) {
        double[][] ll = compute("test", test, new double[]{sigma}, Stage.TEST, progress);
        return ParzenScore.of(sigma, ll[0]);
    }

    /** The whole protocol with the paper's grid {@code numpy.logspace(-1, 0, 10)}, no progress reports. */
    public ParzenResult evaluate(FMatrixRMaj validation, FMatrixRMaj test) {
        return evaluate(validation, test, ParzenConfig.paperMnist().sigmas(), ProgressListener.NONE);
    }

    /**
     * The whole protocol: choose sigma from {@code sigmas} on {@code validation}, then score {@code test}
     * at that sigma. Both matrices are [*, d] and not modified.
     */
    public ParzenResult evaluate(FMatrixRMaj validation, FMatrixRMaj test, double[] sigmas,
                                 ProgressListener progress) {
        long start = System.nanoTime();
        Distances.requireShape("test", test, d, "samples");
        SigmaSelection selection = selectSigma(validation, sigmas, progress);
        ParzenScore score = score(test, selection.sigma(), progress);
        return new ParzenResult(selection, score, n, d, Duration.ofNanos(System.nanoTime() - start));
    }

    private double[][] compute(String name, FMatrixRMaj x, double[] sigmas, Stage stage, ProgressListener progress) {
        Distances.requireShape(name, x, d, "samples");
        checkSigmas(sigmas);
        if (progress == null) {
            progress = ProgressListener.NONE;
        }
        Distances.requireFinite(name, x);
        int m = x.numRows;
        int sigmaCount = sigmas.length;
        // c_s = 1/(2σ²) and the constant -log n - d·log(σ√(2π)) of each sigma
        double[] c = new double[sigmaCount];
        double[] constant = new double[sigmaCount];
        for (int s = 0; s < sigmaCount; s++) {
            c[s] = 0.5 / (sigmas[s] * sigmas[s]);
            constant[s] = -Math.log(n) - d * (Math.log(sigmas[s]) + HALF_LOG_TWO_PI);
        }
        double cut = Math.log(n) + NEGLIGIBLE_NATS;
        float[] xs = x.data;
        double[][] ll = new double[sigmaCount][m];
        int rowsPerBlock = (int) Math.max(1, Math.min(Math.min(batchSize, m), MAX_BLOCK_FLOATS / n));
        float[] block = new float[rowsPerBlock * n];
        float[] shiftedRows = new float[rowsPerBlock * d];
        try (Workers workers = Workers.start(threads)) {
            for (int start = 0; start < m; start += rowsPerBlock) {
                Workers.checkInterrupt("Parzen evaluation of " + name + " stopped after " + start + " of " + m + " rows");
                int rows = Math.min(rowsPerBlock, m - start);
                int first = start;
                shift(xs, first, rows, offset, shiftedRows);
                // block[i][j] = -2·x_i·μ_j (shifted), one GEMM
                Distances.minusTwoCrossProducts(shiftedRows, 0, rows, shiftedCentres, n, d, block);
                workers.forEachSlice(rows, (from, to) -> {
                    double[] p = new double[n];
                    double[] scratch = new double[n];
                    for (int i = from; i < to; i++) {
                        rowLogLikelihoods(block, i, xs, first + i, p, scratch, c, constant, cut, ll);
                    }
                });
                progress.update(stage, start + rows, m);
            }
        }
        return ll;
    }

    /** Steps 2-3 of the class doc for one query row; writes {@code ll[s][xRow]} for every sigma. */
    private void rowLogLikelihoods(float[] block, int blockRow, float[] xs, int xRow, double[] p,
                                   double[] scratch, double[] c, double[] constant, double cut, double[][] ll) {
        int base = blockRow * n;
        // p_j = ||μ_j||² - 2·x·μ_j = ||x - μ_j||² - ||x||², and its minimum p_k
        double best = Double.POSITIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            double pj = shiftedNorms[j] + block[base + j];
            p[j] = pj;
            if (pj < best) {
                best = pj;
            }
        }
        int nearest = 0;
        while (p[nearest] != best) {
            nearest++;
        }
        double nearestDistance = Distances.exactSquaredDistance(xs, xRow * d, centres, nearest * d, d);
        // Σ_j exp(-c·δ_j) with δ_j = p_j - p_k >= 0 (δ_k = 0 exactly)
        for (int s = 0; s < c.length; s++) {
            double sum = NegExpSum.sum(p, n, best, c[s], cut, scratch);
            ll[s][xRow] = -c[s] * nearestDistance + Math.log(sum) + constant[s];
        }
    }

    /**
     * v rounded to 8 significant bits. The shift only has to be near the mean; a short mantissa makes
     * {@code x - offset} exact in float for data on a coarse grid (e.g. multiples of 1/16), so such data
     * reach the GEMM unrounded.
     */
    static float coarse(double v) {
        if (v == 0 || !Double.isFinite(v)) {
            return 0f;
        }
        int e = Math.getExponent(v);
        return (float) Math.scalb(Math.rint(Math.scalb(v, 7 - e)), e - 7);
    }

    /** {@code out[i] = x[first + i] - offset} for {@code rows} rows of d floats. */
    private static void shift(float[] x, int first, int rows, float[] offset, float[] out) {
        int d = offset.length;
        for (int i = 0; i < rows; i++) {
            int src = (first + i) * d;
            int dst = i * d;
            for (int p = 0; p < d; p++) {
                out[dst + p] = x[src + p] - offset[p];
            }
        }
    }

    private static void checkSigmas(double[] sigmas) {
        if (sigmas == null || sigmas.length == 0) {
            throw new IllegalArgumentException("need at least one sigma (the paper's grid is ParzenConfig.paperMnist().sigmas())");
        }
        for (double s : sigmas) {
            if (!(s > 0) || !Double.isFinite(s)) {
                throw new IllegalArgumentException("every sigma must be positive and finite, got " + s);
            }
        }
    }

    @Override
    public String toString() {
        return "ParzenWindow[" + n + " centres, d=" + d + ", batchSize=" + batchSize + ", threads=" + threads + "]";
    }
}
