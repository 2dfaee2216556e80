package org.ganworkbook.linalg;

import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_FDRM;
import org.ejml.dense.row.RandomMatrices_FDRM;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class GemmTest {

    /** One randomly laid out product: shapes, flags, offsets, padded leading dimensions, data. */
    record Case(boolean ta, boolean tb, int m, int n, int k, float alpha, float beta,
                float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float[] c, int cOff, int ldc) {

        static Case random(boolean ta, boolean tb, int m, int n, int k, SplittableRandom rng) {
            int aCols = ta ? m : k, aRows = ta ? k : m;
            int bCols = tb ? k : n, bRows = tb ? n : k;
            int lda = Math.max(1, aCols) + rng.nextInt(3);
            int ldb = Math.max(1, bCols) + rng.nextInt(3);
            int ldc = Math.max(1, n) + rng.nextInt(3);
            int aOff = rng.nextInt(4), bOff = rng.nextInt(4), cOff = rng.nextInt(4);
            float[] alphas = {1f, -0.5f, 2.25f};
            float[] betas = {0f, 1f, 0.5f, -1.5f};
            return new Case(ta, tb, m, n, k, alphas[rng.nextInt(3)], betas[rng.nextInt(4)],
                    randomArray(aOff + aRows * lda + rng.nextInt(3), rng), aOff, lda,
                    randomArray(bOff + bRows * ldb + rng.nextInt(3), rng), bOff, ldb,
                    randomArray(cOff + m * ldc + rng.nextInt(3), rng), cOff, ldc);
        }

        float[] run(GemmBackend backend) {
            float[] out = c.clone();
            Gemm.sgemm(backend, ta, tb, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, out, cOff, ldc);
            return out;
        }

        /** Double-precision triple loop; also returns, per element, the bound on float rounding. */
        double[][] reference() {
            double[] ref = new double[c.length];
            double[] tol = new double[c.length];
            for (int i = 0; i < c.length; i++) {
                ref[i] = c[i];
            }
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double s = 0, abs = 0;
                    for (int p = 0; p < k; p++) {
                        double av = ta ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
                        double bv = tb ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j];
                        s += av * bv;
                        abs += Math.abs(av * bv);
                    }
                    int idx = cOff + i * ldc + j;
                    ref[idx] = alpha * s + (beta == 0 ? 0 : beta * c[idx]);
                    tol[idx] = 4e-7 * (k + 2) * (Math.abs(alpha) * abs + Math.abs(beta * c[idx])) + 1e-6;
                }
            }
            return new double[][] {ref, tol};
        }

        @Override
        public String toString() {
            return String.format("transA=%b transB=%b m=%d n=%d k=%d alpha=%g beta=%g lda=%d ldb=%d ldc=%d offsets=%d,%d,%d",
                    ta, tb, m, n, k, alpha, beta, lda, ldb, ldc, aOff, bOff, cOff);
        }
    }

    private static float[] randomArray(int length, SplittableRandom rng) {
        float[] x = new float[length];
        for (int i = 0; i < length; i++) {
            x[i] = (float) (rng.nextDouble() * 2 - 1);
        }
        return x;
    }

    private static List<GemmBackend> backends() {
        List<GemmBackend> list = new ArrayList<>();
        list.add(new JavaGemm(1));
        list.add(new JavaGemm(2));
        list.add(new JavaGemm(3));
        Gemm.nativeBackend().ifPresent(list::add);
        return list;
    }

    private static void assertMatchesReference(Case cs, GemmBackend backend) {
        float[] got = cs.run(backend);
        double[][] rt = cs.reference();
        for (int i = 0; i < got.length; i++) {
            if (!(Math.abs(got[i] - rt[0][i]) <= rt[1][i])) {
                fail(backend.description() + " " + cs + ": C[" + i + "] = " + got[i] + ", expected " + rt[0][i]
                        + " ± " + rt[1][i]);
            }
        }
    }

    @Test
    void everyBackendMatchesTripleLoopOnSmallAndOddShapes() {
        SplittableRandom rng = new SplittableRandom(2014);
        int[] sizes = {1, 2, 3, 7, 16, 33};
        for (GemmBackend backend : backends()) {
            for (int t = 0; t < 4; t++) {
                for (int m : sizes) {
                    for (int n : sizes) {
                        int k = sizes[rng.nextInt(sizes.length)];
                        assertMatchesReference(Case.random((t & 1) != 0, (t & 2) != 0, m, n, k, rng), backend);
                    }
                }
            }
        }
    }

    @Test
    void everyBackendMatchesTripleLoopAcrossBlocksAndThreads() {
        // Sizes beyond one packed block (k > 256, n > 512) and above the parallel threshold, including
        // shapes where the thread split falls on rows (few columns) and ragged block edges.
        SplittableRandom rng = new SplittableRandom(7);
        int[][] shapes = {{37, 1100, 600}, {100, 1200, 100}, {300, 9, 700}, {65, 530, 257}, {1, 700, 300}};
        for (GemmBackend backend : backends()) {
            for (int[] s : shapes) {
                for (int t = 0; t < 4; t++) {
                    assertMatchesReference(Case.random((t & 1) != 0, (t & 2) != 0, s[0], s[1], s[2], rng), backend);
                }
            }
        }
    }

    @Test
    void javaResultDoesNotDependOnThreadCountAndRepeatsBitForBit() {
        SplittableRandom rng = new SplittableRandom(3);
        for (int t = 0; t < 4; t++) {
            Case cs = Case.random((t & 1) != 0, (t & 2) != 0, 100, 1200, 784, rng);
            float[] one = cs.run(new JavaGemm(1));
            float[] two = cs.run(new JavaGemm(2));
            float[] five = cs.run(new JavaGemm(5));
            float[] again = cs.run(new JavaGemm(2));
            assertArrayEquals(one, two, cs::toString);
            assertArrayEquals(one, five, cs::toString);
            assertArrayEquals(two, again, cs::toString);
        }
    }

    @Test
    void nativeAndJavaAgreeOnThePaperShapes() {
        GemmBackend nat = Gemm.nativeBackend().orElse(null);
        if (nat == null) {
            // Nothing to compare on a machine without BLAS; the Java path is covered above.
            assertEquals("java", Gemm.backend().name(), Gemm.describe());
            return;
        }
        SplittableRandom rng = new SplittableRandom(11);
        int[][] shapes = {{100, 1200, 100, 0, 0}, {100, 1200, 1200, 0, 0}, {100, 784, 1200, 0, 0},
                {1200, 1200, 100, 1, 0}, {784, 1200, 100, 1, 0}, {100, 1200, 784, 0, 1}, {200, 240, 1200, 0, 1}};
        for (int[] s : shapes) {
            Case cs = Case.random(s[3] == 1, s[4] == 1, s[0], s[1], s[2], rng);
            float[] x = cs.run(nat);
            float[] y = cs.run(Gemm.javaBackend());
            // Forward error bound of a float dot product of length k: about k·eps·(|alpha|·|A|·|B| + |beta·C|).
            Case abs = new Case(cs.ta(), cs.tb(), cs.m(), cs.n(), cs.k(), Math.abs(cs.alpha()), Math.abs(cs.beta()),
                    absolute(cs.a()), cs.aOff(), cs.lda(), absolute(cs.b()), cs.bOff(), cs.ldb(),
                    absolute(cs.c()), cs.cOff(), cs.ldc());
            float[] bound = abs.run(new JavaGemm(2));
            for (int i = 0; i < x.length; i++) {
                double tol = 2 * 6e-8 * (cs.k() + 2) * bound[i] + 1e-6;
                if (!(Math.abs(x[i] - y[i]) <= tol)) {
                    fail(cs + ": C[" + i + "] native " + x[i] + " vs java " + y[i] + ", tolerance " + tol);
                }
            }
        }
    }

    private static float[] absolute(float[] x) {
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = Math.abs(x[i]);
        }
        return y;
    }

    @Test
    void windowsInsideExactSizeArraysWork() {
        // Operands that are column windows of larger matrices stored in arrays of exactly their size: the
        // last stored row ends before a full leading dimension (valid BLAS, rejected by netlib's own check).
        SplittableRandom rng = new SplittableRandom(17);
        for (GemmBackend backend : backends()) {
            for (int t = 0; t < 4; t++) {
                boolean ta = (t & 1) != 0, tb = (t & 2) != 0;
                int m = 37, n = 45, k = 29, pad = 11;
                int aRows = ta ? k : m, aCols = ta ? m : k, bRows = tb ? n : k, bCols = tb ? k : n;
                int lda = aCols + pad, ldb = bCols + pad, ldc = n + pad;
                float[] a = randomArray(aRows * lda, rng);
                float[] b = randomArray(bRows * ldb, rng);
                float[] c = randomArray(m * ldc, rng);
                // windows start `pad` columns in, so they end exactly at the arrays' ends
                Case cs = new Case(ta, tb, m, n, k, 1.5f, 0.5f, a, pad, lda, b, pad, ldb, c, pad, ldc);
                assertMatchesReference(cs, backend);
            }
        }
    }

    @Test
    void parallelStripsMatchTheWholeProduct() {
        SplittableRandom rng = new SplittableRandom(19);
        List<GemmBackend> inners = new ArrayList<>(List.of(new JavaGemm(1)));
        Gemm.nativeBackend().ifPresent(inners::add);
        for (GemmBackend inner : inners) {
            ParallelGemm split = new ParallelGemm(inner, 3);
            int[][] shapes = {{100, 1200, 100}, {784, 50, 200}, {33, 700, 65}};
            for (int[] s : shapes) {
                for (int t = 0; t < 4; t++) {
                    Case cs = Case.random((t & 1) != 0, (t & 2) != 0, s[0], s[1], s[2], rng);
                    if (inner instanceof JavaGemm) {
                        // same kernel, same order per element: bit-identical
                        assertArrayEquals(cs.run(inner), cs.run(split), () -> "strips differ: " + cs);
                    } else {
                        assertMatchesReference(cs, split);
                    }
                }
            }
        }
    }

    /** A backend with no threads of its own: {@link GemmBackend#forRanges}'s default (the calling thread). */
    private static final GemmBackend NO_THREADS = new GemmBackend() {
        @Override
        public String name() {
            return "plain";
        }

        @Override
        public String description() {
            return "plain java, one thread";
        }

        @Override
        public void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, int aOff, int lda,
                          float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc) {
            Gemm.javaBackend().sgemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
        }
    };

    @Test
    void elementWiseRangesCoverEveryIndexOnceWithAtMostOneRangePerThread() {
        List<GemmBackend> backends = List.of(NO_THREADS, new JavaGemm(3), new ParallelGemm(new JavaGemm(1), 3));
        int[] maxParts = {1, 3, 3};
        long[][] cases = {{0, 10}, {1, 10}, {19, 10}, {20, 10}, {29, 10}, {30, 10}, {1_000_003, 4096}, {5, 1}};
        for (int bi = 0; bi < backends.size(); bi++) {
            GemmBackend backend = backends.get(bi);
            for (long[] cs : cases) {
                long total = cs[0];
                long grain = cs[1];
                List<long[]> ranges = java.util.Collections.synchronizedList(new ArrayList<>());
                Set<Thread> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();
                backend.forRanges(total, grain, (from, to) -> {
                    ranges.add(new long[]{from, to});
                    threads.add(Thread.currentThread());
                });
                String what = backend.description() + ", total " + total + ", grain " + grain;
                if (total == 0) {
                    assertTrue(ranges.isEmpty(), what);
                    continue;
                }
                ranges.sort(java.util.Comparator.comparingLong(r -> r[0]));
                long next = 0;
                for (long[] r : ranges) {
                    assertEquals(next, r[0], what + ": ranges must tile [0, total) without gap or overlap");
                    assertTrue(r[1] > r[0], what);
                    if (ranges.size() > 1) {
                        assertTrue(r[1] - r[0] >= grain, what + ": a range shorter than the grain");
                    }
                    next = r[1];
                }
                assertEquals(total, next, what);
                long expectedParts = Math.max(1, Math.min(maxParts[bi], total / grain));
                assertEquals(expectedParts, ranges.size(), what);
                assertTrue(threads.size() <= ranges.size(), what);
                if (ranges.size() == 1) {
                    assertEquals(Set.of(Thread.currentThread()), threads, what + ": one range runs on the caller");
                }
            }
        }
    }

    @Test
    void aFailingRangeIsRethrownAfterTheOthersFinished() {
        for (GemmBackend backend : List.of(new JavaGemm(2), new ParallelGemm(new JavaGemm(1), 2))) {
            java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> backend.forRanges(1000, 100,
                    (from, to) -> {
                        if (from == 0) {
                            throw new IllegalStateException("range at 0 fails");
                        }
                        try {
                            Thread.sleep(50);
                        } catch (InterruptedException ie) {
                            Thread.currentThread().interrupt();
                        }
                        done.addAndGet(to - from);
                    }), backend.description());
            assertEquals("range at 0 fails", e.getMessage());
            assertEquals(500, done.get(), backend.description() + ": the other half finished before the failure came back");
        }
        assertThrows(IllegalArgumentException.class, () -> Gemm.forRanges(10, 0, (a, b) -> { }));
        assertThrows(IllegalArgumentException.class, () -> Gemm.forRanges(-1, 1, (a, b) -> { }));
    }

    @Test
    void betaZeroIgnoresNaNInCAndAlphaZeroOnlyScales() {
        for (GemmBackend backend : backends()) {
            float[] a = {1, 2, 3, 4};
            float[] b = {5, 6, 7, 8};
            float[] c = {Float.NaN, Float.NaN, Float.NaN, Float.NaN};
            Gemm.sgemm(backend, false, false, 2, 2, 2, 1f, a, 0, 2, b, 0, 2, 0f, c, 0, 2);
            assertArrayEquals(new float[] {19, 22, 43, 50}, c, backend.description());
            Gemm.sgemm(backend, false, false, 2, 2, 2, 0f, a, 0, 2, b, 0, 2, 0.5f, c, 0, 2);
            assertArrayEquals(new float[] {9.5f, 11, 21.5f, 25}, c, backend.description());
            Gemm.sgemm(backend, false, false, 2, 2, 0, 1f, a, 0, 2, b, 0, 2, 2f, c, 0, 2);
            assertArrayEquals(new float[] {19, 22, 43, 50}, c, backend.description());
        }
    }

    @Test
    void onlyTheMByNBlockOfCIsWritten() {
        SplittableRandom rng = new SplittableRandom(5);
        for (GemmBackend backend : backends()) {
            Case cs = Case.random(false, true, 9, 5, 4, rng);
            float[] padded = new float[3 + 9 * 8 + 5];
            Arrays.fill(padded, 42f);
            // C: 9x5 with ldc 8 from offset 3; everything else must keep 42.
            float[] c = padded.clone();
            Gemm.sgemm(backend, false, true, 9, 5, 4, 1f, cs.a(), cs.aOff(), cs.lda(), cs.b(), cs.bOff(), cs.ldb(), 0f, c, 3, 8);
            for (int i = 0; i < c.length; i++) {
                int rel = i - 3;
                boolean inside = rel >= 0 && rel / 8 < 9 && rel % 8 < 5;
                if (!inside) {
                    assertEquals(42f, c[i], "element " + i + " outside C changed, " + backend.description());
                }
            }
        }
    }

    @Test
    void ejmlOverloadsMatchCommonOps() {
        SplittableRandom seeds = new SplittableRandom(9);
        java.util.Random rand = new java.util.Random(seeds.nextLong());
        FMatrixRMaj a = RandomMatrices_FDRM.rectangle(13, 21, -1, 1, rand);
        FMatrixRMaj b = RandomMatrices_FDRM.rectangle(21, 8, -1, 1, rand);
        FMatrixRMaj bt = RandomMatrices_FDRM.rectangle(8, 21, -1, 1, rand);
        FMatrixRMaj at = RandomMatrices_FDRM.rectangle(21, 13, -1, 1, rand);
        FMatrixRMaj expected = new FMatrixRMaj(1, 1);

        CommonOps_FDRM.mult(a, b, expected);
        assertMatrixClose(expected, Gemm.mult(a, b, null));
        CommonOps_FDRM.multTransA(at, b, expected);
        assertMatrixClose(expected, Gemm.multTransA(at, b, new FMatrixRMaj(1, 1)));
        CommonOps_FDRM.multTransB(a, bt, expected);
        assertMatrixClose(expected, Gemm.multTransB(a, bt, null));

        FMatrixRMaj c = RandomMatrices_FDRM.rectangle(13, 8, -1, 1, rand);
        FMatrixRMaj want = c.copy();
        CommonOps_FDRM.scale(0.5f, want);
        CommonOps_FDRM.multAdd(-2f, a, b, want);
        Gemm.gemm(false, false, -2f, a, b, 0.5f, c);
        assertMatrixClose(want, c);
    }

    private static void assertMatrixClose(FMatrixRMaj expected, FMatrixRMaj actual) {
        assertEquals(expected.numRows, actual.numRows);
        assertEquals(expected.numCols, actual.numCols);
        for (int i = 0; i < expected.getNumElements(); i++) {
            assertEquals(expected.data[i], actual.data[i], 1e-4f, "element " + i);
        }
    }

    @Test
    void badArgumentsGetClearMessages() {
        float[] x = new float[12];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Gemm.sgemm(false, false, 3, 4, 3, 1f, x, 0, 2, x.clone(), 0, 4, 0f, new float[12], 0, 4));
        assertTrue(e.getMessage().contains("leading dimension of A"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Gemm.sgemm(false, false, 3, 4, 3, 1f, x, 0, 3, new float[11], 0, 4, 0f, new float[12], 0, 4));
        assertTrue(e.getMessage().contains("needs 12 elements but its array has 11"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Gemm.sgemm(false, false, 2, 2, 2, 1f, x, 0, 2, x, 4, 2, 0f, x, 6, 2));
        assertTrue(e.getMessage().contains("overlaps B"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Gemm.sgemm(false, false, -1, 2, 2, 1f, x, 0, 2, x, 0, 2, 0f, new float[4], 0, 2));
        assertTrue(e.getMessage().contains("sizes must be >= 0"), e.getMessage());
        FMatrixRMaj a = new FMatrixRMaj(2, 3);
        e = assertThrows(IllegalArgumentException.class, () -> Gemm.mult(a, new FMatrixRMaj(2, 3), null));
        assertTrue(e.getMessage().contains("inner dimensions differ"), e.getMessage());
        // Empty products are fine and leave C alone.
        float[] c = {1, 2};
        Gemm.sgemm(false, false, 0, 2, 5, 1f, new float[0], 0, 5, new float[10], 0, 2, 0f, c, 0, 2);
        assertArrayEquals(new float[] {1, 2}, c);
    }

    @Test
    void useSwitchesTheActiveBackendAndNullRestoresIt() {
        GemmBackend original = Gemm.backend();
        JavaGemm single = new JavaGemm(1);
        GemmBackend previous = Gemm.use(single);
        try {
            assertEquals(original, previous);
            assertEquals(single, Gemm.backend());
            assertTrue(Gemm.describe().contains("Gemm.use"), Gemm.describe());
        } finally {
            Gemm.use(null);
        }
        assertEquals(original, Gemm.backend());
    }

    @Test
    void anInterruptDoesNotCutAProductShortAndStaysVisible() {
        SplittableRandom rng = new SplittableRandom(13);
        Case cs = Case.random(false, false, 64, 600, 300, rng);
        float[] quiet = cs.run(new JavaGemm(2));
        Thread.currentThread().interrupt();
        float[] interrupted;
        try {
            interrupted = cs.run(new JavaGemm(2));
        } finally {
            assertTrue(Thread.interrupted(), "the interrupt flag must survive the product");
        }
        assertArrayEquals(quiet, interrupted);
    }

    @Test
    void backendIsChosenAndDescribed() {
        GemmBackend active = Gemm.backend();
        assertTrue(active.name().equals("native") || active.name().equals("java"));
        String d = Gemm.describe();
        assertTrue(d.startsWith(active.name()), d);
        assertFalse(Gemm.nativeStatus().isBlank());
        assertEquals(Gemm.nativeBackend().isPresent(), Gemm.nativeStatus().startsWith("loaded"), Gemm.nativeStatus());
        assertEquals(null, SelfCheck.run(Gemm.javaBackend()));
    }
}
