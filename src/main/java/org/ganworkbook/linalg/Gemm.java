package org.ganworkbook.linalg;

import org.ejml.data.FMatrixRMaj;

import java.util.Locale;
import java.util.Optional;

/**
 * Single-precision general matrix product on row-major arrays, the one entry point for every matrix
 * product on the training hot path:
 * <pre>  C = alpha·op(A)·op(B) + beta·C,   op(X) = X or Xᵀ,   op(A): m×k,  op(B): k×n,  C: m×n</pre>
 *
 * <p>Layout: element (i, j) of a row-major matrix stored from offset {@code off} with leading dimension
 * {@code ld} (the distance between rows, ≥ the number of stored columns) is {@code x[off + i·ld + j]}.
 * A is stored m×k (k×m if {@code transA}), B is stored k×n (n×k if {@code transB}).
 *
 * <p>Backends: native BLAS through JNI (see {@link NativeGemm}) when it loads and passes a self-check,
 * otherwise the pure-Java {@link JavaGemm}. Override with the system property or environment variable
 * {@code GANWB_GEMM=native|java|auto} (the property wins); {@code GANWB_GEMM_THREADS} sets the Java
 * fallback's thread count (default: the number of processors). {@link #backend()} names the active one.
 *
 * <p>Threads with native BLAS: by default OpenBLAS threads each product itself. If the JVM was started
 * with {@code OPENBLAS_NUM_THREADS=1}, products are instead cut into strips computed on
 * {@code GANWB_GEMM_THREADS} Java threads ({@link ParallelGemm}). On the paper's GAN step the split is
 * faster (OpenBLAS's threads spin while they wait; {@code bench.GanStepBenchmark} measures both) and steadier
 * on a loaded machine, so the installed kernel sets {@code OPENBLAS_NUM_THREADS=1}.
 * A product that is run twice with the same backend gives bit-identical results.
 */
public final class Gemm {

    private Gemm() {
    }

    /** Set by {@link #use}; null means the backend chosen at start-up. */
    private static volatile GemmBackend override;

    /** The backend chosen once per JVM, or why the requested one is unavailable. */
    private static final class Holder {
        static final GemmBackend ACTIVE;
        static final String NOTE;

        static {
            String mode = setting("GANWB_GEMM", "auto").toLowerCase(Locale.ROOT);
            GemmBackend active = null;
            String note;
            switch (mode) {
                case "java" -> note = "java selected by GANWB_GEMM=java";
                case "native" -> {
                    NativeGemm.LoadResult r = NativeHolder.RESULT;
                    active = r.gemm();
                    note = r.loaded() ? "native selected by GANWB_GEMM=native"
                            : "GANWB_GEMM=native was requested but " + r.reason();
                }
                case "auto" -> {
                    NativeGemm.LoadResult r = NativeHolder.RESULT;
                    active = r.gemm();
                    note = r.loaded() ? "native BLAS found" : "fallback to java: " + r.reason();
                }
                default -> note = "GANWB_GEMM=" + mode + " is not one of native, java, auto";
            }
            if (active == null && (mode.equals("java") || mode.equals("auto"))) {
                active = javaBackend();
            } else if (active != null && nativeSplitThreads() > 1) {
                active = new ParallelGemm(active, nativeSplitThreads());
                note += "; OpenBLAS runs single-threaded (OPENBLAS_NUM_THREADS=1), so products are split over "
                        + nativeSplitThreads() + " Java threads";
            }
            ACTIVE = active;
            NOTE = note;
        }
    }

    private static final class NativeHolder {
        static final NativeGemm.LoadResult RESULT = NativeGemm.load();
    }

    private static final class JavaHolder {
        static final JavaGemm JAVA = new JavaGemm(defaultThreads());
    }

    /**
     * The active backend. Throws {@link IllegalStateException} if {@code GANWB_GEMM} asked for native
     * BLAS and it is not available (or names no backend), saying why and how to fix it.
     */
    public static GemmBackend backend() {
        GemmBackend o = override;
        if (o != null) {
            return o;
        }
        GemmBackend b = Holder.ACTIVE;
        if (b == null) {
            throw new IllegalStateException(Holder.NOTE
                    + ". Unset GANWB_GEMM (or set it to auto or java) to use the pure-Java GEMM.");
        }
        return b;
    }

    /**
     * Makes {@code backend} the active one for every later product in this JVM (null restores the one
     * chosen at start-up) and returns the previous one. For comparisons in notebooks and benchmarks;
     * switch only while no training runs.
     */
    public static GemmBackend use(GemmBackend backend) {
        GemmBackend previous = override != null ? override : Holder.ACTIVE;
        override = backend;
        return previous;
    }

    /** One line for notebooks: the active backend and why it was chosen. */
    public static String describe() {
        GemmBackend o = override;
        if (o != null) {
            return o.description() + "; set by Gemm.use";
        }
        GemmBackend b = Holder.ACTIVE;
        return (b == null ? "no GEMM backend" : b.description()) + "; " + Holder.NOTE;
    }

    /** Work on the flat range [from, to) of some element-wise pass; see {@link #forRanges}. */
    @FunctionalInterface
    public interface RangeBody {
        void run(long from, long to);
    }

    /**
     * Runs an element-wise pass over [0, total) on the active backend's threads, cut into contiguous ranges
     * of at least {@code grain} (see {@link GemmBackend#forRanges}). For the work between products on the
     * training hot path (bias and activation, maxout, the momentum update): with the strip threads of
     * {@link ParallelGemm} the hand-off costs a few microseconds, because they are still spinning after the
     * product before. Each range must write its own data only; then the result is the same for any cut.
     */
    public static void forRanges(long total, long grain, RangeBody body) {
        if (total < 0 || grain < 1) {
            throw new IllegalArgumentException("forRanges needs total >= 0 and grain >= 1, got " + total + ", " + grain);
        }
        backend().forRanges(total, grain, body);
    }

    /** The pure-Java backend (always available). */
    public static JavaGemm javaBackend() {
        return JavaHolder.JAVA;
    }

    /** The native backend, if it loaded and passed its self-check. */
    public static Optional<GemmBackend> nativeBackend() {
        return Optional.ofNullable(NativeHolder.RESULT.gemm());
    }

    /** Why native BLAS is or is not available (for diagnostics and the start-here notebook). */
    public static String nativeStatus() {
        return NativeHolder.RESULT.reason();
    }

    /**
     * {@code C = alpha·op(A)·op(B) + beta·C} on row-major arrays with the active backend.
     *
     * @param transA use Aᵀ (A stored k×m) instead of A (stored m×k)
     * @param transB use Bᵀ (B stored n×k) instead of B (stored k×n)
     * @param m      rows of op(A) and C
     * @param n      columns of op(B) and C
     * @param k      columns of op(A), rows of op(B)
     * @param a      A's storage; not modified
     * @param b      B's storage; not modified
     * @param beta   0 overwrites C (its old values, even NaN, are ignored); 1 accumulates into C
     * @param c      C's storage; modified (only the m×n block). Must not overlap A or B.
     * @throws IllegalArgumentException on negative sizes, a leading dimension smaller than the stored
     *                                  row, an array too short for the block, or C overlapping A or B
     */
    public static void sgemm(boolean transA, boolean transB, int m, int n, int k,
                             float alpha, float[] a, int aOff, int lda,
                             float[] b, int bOff, int ldb,
                             float beta, float[] c, int cOff, int ldc) {
        checkArguments(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
        backend().sgemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
    }

    /** Same as {@link #sgemm} on a given backend (for benchmarks and cross-checks). */
    public static void sgemm(GemmBackend backend, boolean transA, boolean transB, int m, int n, int k,
                             float alpha, float[] a, int aOff, int lda,
                             float[] b, int bOff, int ldb,
                             float beta, float[] c, int cOff, int ldc) {
        checkArguments(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
        backend.sgemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
    }

    /** {@code c = a·b}. c is reshaped (or allocated when null) to a.rows × b.cols and returned. */
    public static FMatrixRMaj mult(FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c) {
        return product(false, false, a, b, c);
    }

    /** {@code c = aᵀ·b}. c is reshaped (or allocated when null) to a.cols × b.cols and returned. */
    public static FMatrixRMaj multTransA(FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c) {
        return product(true, false, a, b, c);
    }

    /** {@code c = a·bᵀ}. c is reshaped (or allocated when null) to a.rows × b.rows and returned. */
    public static FMatrixRMaj multTransB(FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c) {
        return product(false, true, a, b, c);
    }

    /**
     * {@code c = alpha·op(a)·op(b) + beta·c}; c must already have the product's shape (its old values
     * are used unless beta is 0). Only c is modified.
     */
    public static void gemm(boolean transA, boolean transB, float alpha, FMatrixRMaj a, FMatrixRMaj b,
                            float beta, FMatrixRMaj c) {
        int m = transA ? a.numCols : a.numRows;
        int k = transA ? a.numRows : a.numCols;
        int kb = transB ? b.numCols : b.numRows;
        int n = transB ? b.numRows : b.numCols;
        if (k != kb) {
            throw new IllegalArgumentException(shapeMessage(transA, transB, a, b));
        }
        if (c.numRows != m || c.numCols != n) {
            throw new IllegalArgumentException("c is " + c.numRows + "x" + c.numCols + " but op(a)·op(b) is "
                    + m + "x" + n + "; reshape c first (c.reshape(" + m + ", " + n + "))");
        }
        if (c == a || c == b || c.data == a.data || c.data == b.data) {
            throw new IllegalArgumentException("c must be a different matrix from a and b (the product is not in place)");
        }
        sgemm(transA, transB, m, n, k, alpha, a.data, 0, Math.max(1, a.numCols),
                b.data, 0, Math.max(1, b.numCols), beta, c.data, 0, Math.max(1, n));
    }

    private static FMatrixRMaj product(boolean transA, boolean transB, FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c) {
        int m = transA ? a.numCols : a.numRows;
        int n = transB ? b.numRows : b.numCols;
        if (c == null) {
            c = new FMatrixRMaj(m, n);
        } else {
            c.reshape(m, n);
        }
        gemm(transA, transB, 1f, a, b, 0f, c);
        return c;
    }

    private static String shapeMessage(boolean transA, boolean transB, FMatrixRMaj a, FMatrixRMaj b) {
        return "inner dimensions differ: op(a) is " + (transA ? a.numCols + "x" + a.numRows : a.numRows + "x" + a.numCols)
                + (transA ? " (a transposed)" : "") + ", op(b) is "
                + (transB ? b.numCols + "x" + b.numRows : b.numRows + "x" + b.numCols)
                + (transB ? " (b transposed)" : "");
    }

    /** The checks every backend relies on; throws {@link IllegalArgumentException} saying what is wrong. */
    public static void checkArguments(boolean transA, boolean transB, int m, int n, int k,
                                      float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                                      float[] c, int cOff, int ldc) {
        if (m < 0 || n < 0 || k < 0) {
            throw new IllegalArgumentException("sgemm: sizes must be >= 0, got m=" + m + " n=" + n + " k=" + k);
        }
        if (c == null) {
            throw new IllegalArgumentException("sgemm: c is null");
        }
        long cEnd = checkOperand("C", c, cOff, ldc, m, n);
        if (m == 0 || n == 0 || k == 0) {
            return;
        }
        if (a == null || b == null) {
            throw new IllegalArgumentException("sgemm: " + (a == null ? "a" : "b") + " is null");
        }
        long aEnd = checkOperand(transA ? "A (transposed, stored k×m)" : "A", a,
                aOff, lda, transA ? k : m, transA ? m : k);
        long bEnd = checkOperand(transB ? "B (transposed, stored n×k)" : "B", b,
                bOff, ldb, transB ? n : k, transB ? k : n);
        boolean overlapsA = c == a && overlaps(cOff, cEnd, aOff, aEnd);
        boolean overlapsB = c == b && overlaps(cOff, cEnd, bOff, bEnd);
        if (overlapsA || overlapsB) {
            throw new IllegalArgumentException("sgemm: C overlaps " + (overlapsA ? "A" : "B")
                    + " in the same array; the product is not in place, use a separate output buffer");
        }
    }

    /** Checks one stored rows×cols operand and returns one past its last element. */
    private static long checkOperand(String name, float[] x, int off, int ld, int rows, int cols) {
        if (ld < Math.max(1, cols)) {
            throw new IllegalArgumentException("sgemm: leading dimension of " + name + " is " + ld
                    + " but its stored rows have " + cols + " columns (need ld >= max(1, " + cols + "))");
        }
        if (off < 0) {
            throw new IllegalArgumentException("sgemm: offset of " + name + " is negative (" + off + ")");
        }
        if (rows == 0 || cols == 0) {
            return off;
        }
        long end = off + (long) (rows - 1) * ld + cols;
        if (end > x.length) {
            throw new IllegalArgumentException("sgemm: " + name + " (" + rows + "x" + cols + ", offset " + off
                    + ", ld " + ld + ") needs " + end + " elements but its array has " + x.length);
        }
        return end;
    }

    private static boolean overlaps(long from1, long to1, long from2, long to2) {
        return from1 < to2 && from2 < to1;
    }

    private static String setting(String name, String fallback) {
        String v = System.getProperty(name);
        if (v == null || v.isBlank()) {
            v = System.getenv(name);
        }
        return v == null || v.isBlank() ? fallback : v.trim();
    }

    /**
     * Threads to split native products over: when the process was started with
     * {@code OPENBLAS_NUM_THREADS=1}, OpenBLAS computes on the calling thread only and we run strips on
     * {@link #defaultThreads()} threads ourselves; otherwise 1 (OpenBLAS threads internally).
     */
    private static int nativeSplitThreads() {
        String openblas = System.getenv("OPENBLAS_NUM_THREADS");
        return "1".equals(openblas == null ? null : openblas.trim()) ? defaultThreads() : 1;
    }

    private static int defaultThreads() {
        String v = setting("GANWB_GEMM_THREADS", "");
        if (!v.isEmpty()) {
            try {
                int t = Integer.parseInt(v);
                if (t >= 1) {
                    return t;
                }
            } catch (NumberFormatException ignored) {
                // fall through to the processor count
            }
        }
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }
}
