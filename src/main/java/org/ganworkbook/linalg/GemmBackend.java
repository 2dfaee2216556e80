package org.ganworkbook.linalg;

/**
 * One implementation of the row-major single-precision GEMM
 * {@code C = alpha·op(A)·op(B) + beta·C}; see {@link Gemm#sgemm} for the exact contract.
 *
 * <p>Implementations may assume their arguments were validated by {@link Gemm#checkArguments}
 * (the {@link Gemm} facade does that before every call).
 */
public interface GemmBackend {

    /** Short name, {@code "native"} or {@code "java"}. */
    String name();

    /** One line for people: the name plus where it comes from (library path, thread count). */
    String description();

    /**
     * Row-major {@code C[m×n] = alpha·op(A)[m×k]·op(B)[k×n] + beta·C}. With {@code beta == 0} the old
     * contents of C are ignored (even NaN), as in BLAS. A and B are not modified; C is modified.
     */
    void sgemm(boolean transA, boolean transB, int m, int n, int k,
               float alpha, float[] a, int aOff, int lda,
               float[] b, int bOff, int ldb,
               float beta, float[] c, int cOff, int ldc);

    /**
     * Runs {@code body.run(from, to)} over contiguous ranges that cover [0, total) exactly once, each at
     * least {@code grain} long (one range if total &lt; 2·grain), on the threads this backend computes
     * products with: the element-wise passes between products then use the cores the way the products do,
     * and no second pool competes with them. Returns when every range is done; rethrows the first failure.
     * The body must write disjoint data per range, so the result does not depend on the cut.
     *
     * <p>This default, for a backend without threads of its own (native BLAS on one thread, or threading
     * itself with threads we cannot hand work to), runs the whole pass on the calling thread. (Handing half to
     * the common fork-join pool, as the momentum update once did, made the one-thread step slower: its worker
     * wakes up late, often after the caller has done both halves.)
     */
    default void forRanges(long total, long grain, Gemm.RangeBody body) {
        if (total > 0) {
            body.run(0, total);
        }
    }
}
