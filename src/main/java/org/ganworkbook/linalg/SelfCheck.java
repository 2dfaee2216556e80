package org.ganworkbook.linalg;

/**
 * A quick correctness check of a {@link GemmBackend} on small products with every transpose
 * combination, offsets, padded leading dimensions, alpha and beta, against a double-precision triple
 * loop. Used before trusting a native library (a mis-linked or broken BLAS must not train a model).
 */
final class SelfCheck {

    private SelfCheck() {
    }

    /** Returns null if the backend agrees with the reference everywhere, else what went wrong. */
    static String run(GemmBackend gemm) {
        int m = 5, n = 7, k = 6;
        for (int t = 0; t < 4; t++) {
            boolean ta = (t & 1) != 0;
            boolean tb = (t & 2) != 0;
            int aRows = ta ? k : m, aCols = ta ? m : k;
            int bRows = tb ? n : k, bCols = tb ? k : n;
            int lda = aCols + 2, ldb = bCols + 1, ldc = n + 3;
            int aOff = 3, bOff = 1, cOff = 2;
            float[] a = fill(aOff + aRows * lda, 1 + t);
            float[] b = fill(bOff + bRows * ldb, 11 + t);
            float[] c = fill(cOff + m * ldc, 21 + t);
            float[] expected = c.clone();
            float alpha = 0.75f, beta = -0.5f;
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double s = 0;
                    for (int p = 0; p < k; p++) {
                        double av = ta ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
                        double bv = tb ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j];
                        s += av * bv;
                    }
                    int idx = cOff + i * ldc + j;
                    expected[idx] = (float) (alpha * s + beta * c[idx]);
                }
            }
            gemm.sgemm(ta, tb, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
            for (int i = 0; i < c.length; i++) {
                if (Math.abs(c[i] - expected[i]) > 1e-4f * (1 + Math.abs(expected[i]))) {
                    return String.format("transA=%b transB=%b: C[%d] = %g, expected %g", ta, tb, i, c[i], expected[i]);
                }
            }
        }
        return null;
    }

    /** Deterministic values in [-1, 1) without a random generator (a small linear congruential walk). */
    private static float[] fill(int length, int seed) {
        float[] x = new float[length];
        int s = seed * 7919 + 17;
        for (int i = 0; i < length; i++) {
            s = s * 1103515245 + 12345;
            x[i] = ((s >>> 8) & 0xFFFF) / 32768f - 1f;
        }
        return x;
    }
}
