package org.ganworkbook.linalg;

/**
 * Runs a single-threaded backend on several threads by cutting C into column strips (or row strips
 * when C has few columns) and computing each strip as its own product:
 * <pre>  C[:, j0:j1] = alpha·op(A)·op(B)[:, j0:j1] + beta·C[:, j0:j1]</pre>
 * Used with OpenBLAS limited to one thread ({@code OPENBLAS_NUM_THREADS=1}): our threads then own the
 * parallelism, no OpenBLAS worker spins between calls, and every element of C is computed by one
 * thread in one fixed order (the result does not depend on timing).
 */
public final class ParallelGemm implements GemmBackend {

    /** Below this many multiply-adds one strip (the caller's thread) does everything. */
    static final long PARALLEL_THRESHOLD = 1L << 20;

    private final GemmBackend inner;
    private final int threads;
    private final StripPool pool;

    public ParallelGemm(GemmBackend inner, int threads) {
        if (threads < 2) {
            throw new IllegalArgumentException("ParallelGemm needs at least 2 threads, got " + threads);
        }
        this.inner = inner;
        this.threads = threads;
        this.pool = new StripPool(threads, "ganwb-gemm-strip");
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public void forRanges(long total, long grain, Gemm.RangeBody body) {
        pool.forRanges(total, grain, body);
    }

    @Override
    public String description() {
        return inner.description() + ", split over " + threads + " threads";
    }

    @Override
    public void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, int aOff, int lda,
                      float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc) {
        if ((long) m * n * k < PARALLEL_THRESHOLD || m == 0 || n == 0) {
            inner.sgemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
            return;
        }
        boolean byColumns = n >= 64 * threads;
        int total = byColumns ? n : m;
        int parts = Math.min(threads, total);
        int unit = byColumns ? 16 : 1;
        int chunk = ((total + parts - 1) / parts + unit - 1) / unit * unit;
        int strips = (total + chunk - 1) / chunk;
        pool.invoke(index -> {
            int from = index * chunk;
            int to = Math.min(total, from + chunk);
            strip(byColumns, from, to, transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
        }, strips);
    }

    private void strip(boolean byColumns, int from, int to, boolean transA, boolean transB, int m, int n, int k,
                       float alpha, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                       float beta, float[] c, int cOff, int ldc) {
        if (byColumns) {
            // columns from..to of op(B): stored B columns (not transposed) or stored B rows (transposed)
            int bStrip = transB ? bOff + from * ldb : bOff + from;
            inner.sgemm(transA, transB, m, to - from, k, alpha, a, aOff, lda, b, bStrip, ldb,
                    beta, c, cOff + from, ldc);
        } else {
            // rows from..to of op(A): stored A rows (not transposed) or stored A columns (transposed)
            int aStrip = transA ? aOff + from : aOff + from * lda;
            inner.sgemm(transA, transB, to - from, n, k, alpha, a, aStrip, lda, b, bOff, ldb,
                    beta, c, cOff + from * ldc, ldc);
        }
    }
}
