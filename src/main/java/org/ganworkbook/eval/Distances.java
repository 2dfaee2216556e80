package org.ganworkbook.eval;

import org.ejml.data.FMatrixRMaj;
import org.ganworkbook.linalg.Gemm;

/**
 * Squared Euclidean distances between rows, the shared arithmetic of {@link ParzenWindow} and
 * {@link NearestNeighbours}. Whole blocks come from one matrix product,
 * <pre>  ||x - r||² = ||x||² + ||r||² - 2·x·r,</pre>
 * whose cross term {@code -2·X·Rᵀ} is a float32 GEMM; single distances that decide a result are
 * recomputed exactly (in double, from the float inputs) because the product form loses digits to
 * cancellation when the two points are close compared with their norms.
 */
final class Distances {

    /** Unit roundoff of float32, 2⁻²⁴. */
    static final double FLOAT_UNIT_ROUNDOFF = 0x1p-24;

    private Distances() {
    }

    /**
     * {@code out[i·n + j] = -2·x_i·r_j} for {@code rows} rows of x starting at row {@code xRow}, against all
     * {@code n} rows of r (shapes: x stored [*, d], r stored [n, d], out [rows, n]). x and r are not
     * modified; out is.
     */
    static void minusTwoCrossProducts(float[] x, int xRow, int rows, float[] r, int n, int d, float[] out) {
        Gemm.sgemm(false, true, rows, n, d, -2f, x, xRow * d, d, r, 0, d, 0f, out, 0, n);
    }

    /** {@code ||row_i||²} in double for each of {@code rows} rows of a [rows, d] array. Not modified. */
    static double[] squaredNorms(float[] x, int rows, int d) {
        double[] norms = new double[rows];
        for (int i = 0; i < rows; i++) {
            norms[i] = squaredNorm(x, i * d, d);
        }
        return norms;
    }

    static double squaredNorm(float[] x, int off, int d) {
        double s = 0;
        for (int p = 0; p < d; p++) {
            double v = x[off + p];
            s += v * v;
        }
        return s;
    }

    /**
     * {@code Σ_p (a_p - b_p)²} in double. For float inputs of comparable magnitude (within a factor 2²⁹,
     * e.g. pixels in [0, 1]) each difference is exact in double; squares and sum are rounded in double,
     * a relative error of at most about {@code d·2⁻⁵³}. Identical inputs give identical results.
     */
    static double exactSquaredDistance(float[] a, int aOff, float[] b, int bOff, int d) {
        double s = 0;
        for (int p = 0; p < d; p++) {
            double diff = (double) a[aOff + p] - (double) b[bOff + p];
            s += diff * diff;
        }
        return s;
    }

    /** The rows×cols values of m as one dense array (m.data itself when it has no spare capacity). */
    static float[] dense(FMatrixRMaj m) {
        int size = m.numRows * m.numCols;
        if (m.data.length == size) {
            return m.data;
        }
        float[] out = new float[size];
        System.arraycopy(m.data, 0, out, 0, size);
        return out;
    }

    /**
     * Throws {@link IllegalArgumentException} naming the first non-finite value of a [rows, d] matrix;
     * {@code name} says which argument it is (e.g. "samples").
     */
    static void requireFinite(String name, FMatrixRMaj m) {
        int d = m.numCols;
        float[] x = m.data;
        int size = m.numRows * d;
        for (int i = 0; i < size; i++) {
            if (!Float.isFinite(x[i])) {
                throw new IllegalArgumentException(name + " contain a non-finite value (" + x[i] + ") at row "
                        + (i / d) + ", column " + (i % d) + "; a diverged generator produces NaN samples:"
                        + " check the training run (or filter these rows out) before evaluating");
            }
        }
    }

    /** Throws {@link IllegalArgumentException} unless {@code m} has {@code d} columns and at least one row. */
    static void requireShape(String name, FMatrixRMaj m, int d, String centresName) {
        if (m == null) {
            throw new IllegalArgumentException(name + " is null");
        }
        if (m.numRows == 0) {
            throw new IllegalArgumentException(name + " has no rows; pass at least one image (one per row)");
        }
        if (m.numCols != d) {
            throw new IllegalArgumentException(name + " has " + m.numCols + " columns but the " + centresName
                    + " have " + d + "; both need one image per row, flattened to the same length");
        }
    }
}
