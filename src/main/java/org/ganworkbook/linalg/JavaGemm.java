package org.ganworkbook.linalg;

/**
 * Pure-Java row-major SGEMM, the fallback when no native BLAS loads:
 * {@code C[m×n] = alpha·op(A)[m×k]·op(B)[k×n] + beta·C}.
 *
 * <p>How it is fast without the Vector API: op(B) is copied block by block ({@value #KC} rows ×
 * {@value #NC} columns, which stays in the 2 MB L2 cache) into separate {@code float[]} rows; each row
 * of C is accumulated in a private {@code float[]} ({@code acc}), four rows of the B block at a time:
 * <pre>  acc[j] += (a0·b0[j] + a1·b1[j]) + (a2·b2[j] + a3·b3[j])</pre>
 * HotSpot's C2 compiler vectorizes exactly this loop shape (distinct arrays, index {@code j} with no
 * offset); with offsets into one shared array it does not, and the speed drops about 4x (measured on
 * JDK 17). The columns of C are split between threads; every element of C is computed by one thread
 * in one fixed order, so the result does not depend on the thread count and is bit-for-bit
 * reproducible.
 *
 * <p>Thread-safe: concurrent calls each use their own blocks (one workspace per thread).
 */
public final class JavaGemm implements GemmBackend {

    /** Rows of op(B) per packed block (the k-blocking). */
    static final int KC = 256;
    /** Columns of op(B) per packed block (the n-blocking); also the length of a C row segment. */
    static final int NC = 512;
    /** Below this many multiply-adds one thread does the whole product (handing off costs ~20 µs). */
    static final long PARALLEL_THRESHOLD = 1L << 20;
    /** Rows of C narrower than this go to a separate loop (see {@code accumulateNarrowRow}). */
    static final int NARROW = 32;

    private final int threads;
    private final StripPool pool;
    private static final ThreadLocal<Workspace> WORKSPACE = ThreadLocal.withInitial(Workspace::new);

    /** A fallback GEMM that uses {@code threads} threads (the caller plus {@code threads - 1} workers). */
    public JavaGemm(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("JavaGemm needs at least 1 thread, got " + threads);
        }
        this.threads = threads;
        this.pool = new StripPool(threads, "ganwb-gemm");
    }

    /** Number of threads this instance uses for large products. */
    public int threads() {
        return threads;
    }

    @Override
    public String name() {
        return "java";
    }

    @Override
    public void forRanges(long total, long grain, Gemm.RangeBody body) {
        pool.forRanges(total, grain, body);
    }

    @Override
    public String description() {
        return "java (pure-Java blocked SGEMM, " + threads + (threads == 1 ? " thread)" : " threads)");
    }

    @Override
    public void sgemm(boolean transA, boolean transB, int m, int n, int k,
                      float alpha, float[] a, int aOff, int lda,
                      float[] b, int bOff, int ldb,
                      float beta, float[] c, int cOff, int ldc) {
        if (m == 0 || n == 0) {
            return;
        }
        if (alpha == 0f || k == 0) {
            scale(m, n, beta, c, cOff, ldc);
            return;
        }
        Job job = new Job(transA, transB, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
        long work = (long) m * n * k;
        if (threads == 1 || work < PARALLEL_THRESHOLD) {
            job.run(0, m, 0, n);
            return;
        }
        // Split columns into chunks that are multiples of 16 (one AVX-512 vector); if there are too
        // few columns for that, split rows instead (each thread then packs all of B, which is small).
        boolean byColumns = n >= 32 * threads;
        int total = byColumns ? n : m;
        int parts = Math.min(threads, total);
        int unit = byColumns ? 16 : 1;
        int chunk = ((total + parts - 1) / parts + unit - 1) / unit * unit;
        int strips = (total + chunk - 1) / chunk;
        pool.invoke(strip -> {
            int from = strip * chunk;
            int to = Math.min(total, from + chunk);
            if (byColumns) {
                job.run(0, m, from, to);
            } else {
                job.run(from, to, 0, n);
            }
        }, strips);
    }

    /** {@code C = beta·C} on an m×n block; {@code beta == 0} writes zeros (ignores NaN in C). */
    static void scale(int m, int n, float beta, float[] c, int cOff, int ldc) {
        if (beta == 1f) {
            return;
        }
        for (int i = 0; i < m; i++) {
            int row = cOff + i * ldc;
            if (beta == 0f) {
                java.util.Arrays.fill(c, row, row + n, 0f);
            } else {
                for (int j = row; j < row + n; j++) {
                    c[j] *= beta;
                }
            }
        }
    }

    /** Per-thread buffers: one packed block of op(B) and one C row segment. */
    private static final class Workspace {
        final float[][] bPacked = new float[KC][NC];
        final float[] acc = new float[NC];
    }

    /** The arguments of one call; {@link #run} computes a rectangle of C. */
    private record Job(boolean transA, boolean transB, int k, float alpha,
                       float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                       float beta, float[] c, int cOff, int ldc) {

        void run(int rowFrom, int rowTo, int colFrom, int colTo) {
            Workspace ws = WORKSPACE.get();
            float[][] bp = ws.bPacked;
            float[] acc = ws.acc;
            for (int jc = colFrom; jc < colTo; jc += NC) {
                int nb = Math.min(NC, colTo - jc);
                for (int pc = 0; pc < k; pc += KC) {
                    int kb = Math.min(KC, k - pc);
                    pack(pc, kb, jc, nb, bp);
                    boolean first = pc == 0;
                    for (int i = rowFrom; i < rowTo; i++) {
                        int cRow = cOff + i * ldc + jc;
                        loadRow(first, cRow, nb, acc);
                        if (nb >= NARROW) {
                            accumulateRow(i, pc, kb, nb, bp, acc);
                        } else {
                            accumulateNarrowRow(i, pc, kb, nb, bp, acc);
                        }
                        System.arraycopy(acc, 0, c, cRow, nb);
                    }
                }
            }
        }

        /** bp[p][j] = op(B)[pc + p, jc + j] for p < kb, j < nb. */
        private void pack(int pc, int kb, int jc, int nb, float[][] bp) {
            if (!transB) {
                for (int p = 0; p < kb; p++) {
                    System.arraycopy(b, bOff + (pc + p) * ldb + jc, bp[p], 0, nb);
                }
            } else {
                // op(B)[p, j] = B[j, p]: read each stored row of B once, scatter it down a column.
                for (int j = 0; j < nb; j++) {
                    int src = bOff + (jc + j) * ldb + pc;
                    for (int p = 0; p < kb; p++) {
                        bp[p][j] = b[src + p];
                    }
                }
            }
        }

        /** acc = C row segment scaled by beta on the first k-block, the running sum afterwards. */
        private void loadRow(boolean first, int cRow, int nb, float[] acc) {
            if (!first || beta == 1f) {
                System.arraycopy(c, cRow, acc, 0, nb);
            } else if (beta == 0f) {
                java.util.Arrays.fill(acc, 0, nb, 0f);
            } else {
                for (int j = 0; j < nb; j++) {
                    acc[j] = beta * c[cRow + j];
                }
            }
        }

        /**
         * Same as {@link #accumulateRow} for rows shorter than {@value #NARROW}. A separate copy on
         * purpose: C2 sizes loop unrolling (and so vectorization) from the trip counts it has seen, and
         * one product with a 1-column C must not slow down every later wide one.
         */
        private void accumulateNarrowRow(int i, int pc, int kb, int nb, float[][] bp, float[] acc) {
            int aBase = transA ? aOff + i : aOff + i * lda;
            int aStride = transA ? lda : 1;
            for (int p = 0; p < kb; p++) {
                float a0 = alpha * a[aBase + (pc + p) * aStride];
                float[] b0 = bp[p];
                for (int j = 0; j < nb; j++) {
                    acc[j] += a0 * b0[j];
                }
            }
        }

        /** acc[j] += alpha · Σ_p op(A)[i, pc + p] · bp[p][j]. */
        private void accumulateRow(int i, int pc, int kb, int nb, float[][] bp, float[] acc) {
            // Element (i, q) of op(A) sits at aBase + q * aStride.
            int aBase = transA ? aOff + i : aOff + i * lda;
            int aStride = transA ? lda : 1;
            int p = 0;
            for (; p + 3 < kb; p += 4) {
                int q = aBase + (pc + p) * aStride;
                float a0 = alpha * a[q];
                float a1 = alpha * a[q + aStride];
                float a2 = alpha * a[q + 2 * aStride];
                float a3 = alpha * a[q + 3 * aStride];
                float[] b0 = bp[p];
                float[] b1 = bp[p + 1];
                float[] b2 = bp[p + 2];
                float[] b3 = bp[p + 3];
                for (int j = 0; j < nb; j++) {
                    acc[j] += (a0 * b0[j] + a1 * b1[j]) + (a2 * b2[j] + a3 * b3[j]);
                }
            }
            for (; p < kb; p++) {
                float a0 = alpha * a[aBase + (pc + p) * aStride];
                float[] b0 = bp[p];
                for (int j = 0; j < nb; j++) {
                    acc[j] += a0 * b0[j];
                }
            }
        }
    }
}
