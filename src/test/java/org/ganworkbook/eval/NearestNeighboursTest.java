package org.ganworkbook.eval;

import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NearestNeighboursTest {

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    /** Brute force: every distance in double, sorted by (distance, index). */
    static Neighbour[] bruteForce(FMatrixRMaj train, FMatrixRMaj queries, int row, int k) {
        Neighbour[] all = new Neighbour[train.numRows];
        for (int j = 0; j < train.numRows; j++) {
            double s = 0;
            for (int p = 0; p < train.numCols; p++) {
                double diff = (double) queries.get(row, p) - train.get(j, p);
                s += diff * diff;
            }
            all[j] = new Neighbour(j, s);
        }
        Arrays.sort(all, Comparator.comparingDouble(Neighbour::squaredDistance).thenComparingInt(Neighbour::index));
        return Arrays.copyOf(all, k);
    }

    static FMatrixRMaj uniform(int rows, int cols, double lo, double hi, SplittableRandom rng) {
        return ParzenWindowTest.uniform(rows, cols, lo, hi, rng);
    }

    static void assertSame(Neighbour[] expected, Neighbour[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i].index(), actual[i].index(), what + ", rank " + i);
            assertEquals(expected[i].squaredDistance(), actual[i].squaredDistance(),
                    1e-13 * expected[i].squaredDistance(), what + ", rank " + i);
        }
    }

    @Test
    void matchesBruteForceForOneAndSeveralNeighbours() {
        SplittableRandom rng = new SplittableRandom(31);
        int[][] shapes = {{1, 9, 5}, {5, 40, 11}, {30, 300, 17}, {784, 200, 8}};
        for (int[] shape : shapes) {
            int d = shape[0], n = shape[1], m = shape[2];
            FMatrixRMaj train = uniform(n, d, 0, 1, rng);
            FMatrixRMaj queries = uniform(m, d, 0, 1, rng);
            NearestNeighbours search = NearestNeighbours.of(train).withBatchSize(4);
            Neighbour[] nearest = search.nearest(queries);
            for (int k : new int[]{1, 3, Math.min(7, n)}) {
                Neighbour[][] knn = search.nearest(queries, k);
                for (int i = 0; i < m; i++) {
                    Neighbour[] ref = bruteForce(train, queries, i, k);
                    assertSame(ref, knn[i], "d=" + d + " n=" + n + " k=" + k + " query " + i);
                    assertEquals(ref[0], nearest[i]);
                }
            }
        }
    }

    @Test
    void isExactWhereFloatDistancesCannotTellTheCandidatesApart() {
        // Large norms, tiny distances: ||q||² ≈ 4·10⁶, so the float product form is off by about 1,
        // while the true distances are 0.25, 0.0625, 0.0625 + 2⁻²⁰ and 1.
        float[] q = {1000f, 1000f, 1000f, 1000f};
        float[][] rows = {
                {1000f, 1000f, 1000f, 1000.5f},
                {1000f, 1000f, 1000.25f, 1000f},
                {1000f, 1000f, 1000f, 1000.25f + 0x1p-10f},
                {1001f, 1000f, 1000f, 1000f},
                {1000f, 999.75f, 1000f, 1000f}, // ties with row 1
        };
        NearestNeighbours search = NearestNeighbours.of(new FMatrixRMaj(rows));
        Neighbour[] knn = search.nearest(new FMatrixRMaj(new float[][]{q}), 5)[0];
        int[] order = Arrays.stream(knn).mapToInt(Neighbour::index).toArray();
        assertArrayEquals(new int[]{1, 4, 2, 0, 3}, order);
        assertEquals(0.0625, knn[0].squaredDistance(), 0);
        assertEquals(0.0625, knn[1].squaredDistance(), 0);
        assertEquals((0.25 + 0x1p-10) * (0.25 + 0x1p-10), knn[2].squaredDistance(), 0);
        assertEquals(0.25, knn[0].distance(), 0);
    }

    @Test
    void matchesBruteForceOnDataFarFromTheOrigin() {
        // Offset data make the GEMM's cancellation severe; the candidate bound must still catch the winner.
        SplittableRandom rng = new SplittableRandom(32);
        FMatrixRMaj train = uniform(500, 16, 300, 301, rng);
        FMatrixRMaj queries = uniform(20, 16, 300, 301, rng);
        Neighbour[][] knn = NearestNeighbours.of(train).nearest(queries, 4);
        for (int i = 0; i < queries.numRows; i++) {
            assertSame(bruteForce(train, queries, i, 4), knn[i], "query " + i);
        }
    }

    @Test
    void tiesAndDuplicatesGoToTheLowestIndex() {
        SplittableRandom rng = new SplittableRandom(33);
        FMatrixRMaj base = uniform(30, 6, 0, 1, rng);
        // training set: base, with rows 7 and 19 repeated at 30 and 31
        FMatrixRMaj train = new FMatrixRMaj(32, 6);
        System.arraycopy(base.data, 0, train.data, 0, 30 * 6);
        System.arraycopy(base.data, 19 * 6, train.data, 30 * 6, 6);
        System.arraycopy(base.data, 7 * 6, train.data, 31 * 6, 6);
        NearestNeighbours search = NearestNeighbours.of(train);
        // a query equal to row 7: rows 7 and 31 are both at distance 0; 7 comes first, then 31
        FMatrixRMaj q = new FMatrixRMaj(1, 6);
        System.arraycopy(base.data, 7 * 6, q.data, 0, 6);
        Neighbour[] two = search.nearest(q, 2)[0];
        assertEquals(new Neighbour(7, 0.0), two[0]);
        assertEquals(new Neighbour(31, 0.0), two[1]);
        assertEquals(7, search.nearest(q)[0].index());
        // a query near row 19: rows 19 and 30 tie at the same positive distance
        FMatrixRMaj near = new FMatrixRMaj(1, 6);
        for (int p = 0; p < 6; p++) {
            near.data[p] = base.get(19, p) + 0.001f;
        }
        Neighbour[] pair = search.nearest(near, 3)[0];
        assertEquals(19, pair[0].index());
        assertEquals(30, pair[1].index());
        assertEquals(pair[0].squaredDistance(), pair[1].squaredDistance(), 0);
        assertNotEquals(19, pair[2].index());
        assertSame(bruteForce(train, near, 0, 3), pair, "near 19");
        // symmetric points: the query is exactly between rows 0 and 1 (equal exact distances)
        FMatrixRMaj sym = new FMatrixRMaj(new float[][]{{1f, 0f}, {-1f, 0f}, {0f, 3f}});
        assertEquals(0, NearestNeighbours.of(sym).nearest(new FMatrixRMaj(new float[][]{{0f, 0f}}))[0].index());
    }

    @Test
    void answerDoesNotDependOnBatchSizeOrThreads() {
        SplittableRandom rng = new SplittableRandom(34);
        FMatrixRMaj train = uniform(400, 20, 0, 1, rng);
        FMatrixRMaj queries = uniform(37, 20, 0, 1, rng);
        Neighbour[][] reference = NearestNeighbours.of(train).withBatchSize(37).withThreads(1).nearest(queries, 3);
        for (int batch : new int[]{1, 5, 100}) {
            for (int threads : new int[]{1, 2, 3}) {
                Neighbour[][] knn = NearestNeighbours.of(train).withBatchSize(batch).withThreads(threads).nearest(queries, 3);
                for (int i = 0; i < queries.numRows; i++) {
                    assertArrayEquals(reference[i], knn[i], "batch " + batch + " threads " + threads + " query " + i);
                }
            }
        }
    }

    @Test
    void imagesReturnsCopiesOfTrainingRows() {
        SplittableRandom rng = new SplittableRandom(35);
        FMatrixRMaj train = uniform(10, 3, 0, 1, rng);
        NearestNeighbours search = NearestNeighbours.of(train);
        FMatrixRMaj picked = search.images(4, 0, 4);
        assertEquals(3, picked.numRows);
        for (int p = 0; p < 3; p++) {
            assertEquals(train.get(4, p), picked.get(0, p));
            assertEquals(train.get(0, p), picked.get(1, p));
            assertEquals(train.get(4, p), picked.get(2, p));
        }
        picked.set(0, 0, 42f);
        assertEquals(train.get(4, 0), search.images(4).get(0, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> search.images(10));
    }

    @Test
    void anInterruptedSearchStopsWithACancellation() {
        SplittableRandom rng = new SplittableRandom(36);
        FMatrixRMaj train = uniform(10, 3, 0, 1, rng);
        Thread.currentThread().interrupt();
        CancellationException e = assertThrows(CancellationException.class,
                () -> NearestNeighbours.of(train).nearest(train));
        assertTrue(e.getMessage().contains("after 0 of 10"), e.getMessage());
        assertTrue(Thread.currentThread().isInterrupted());
    }

    @Test
    void badInputGetsAClearMessage() {
        SplittableRandom rng = new SplittableRandom(37);
        FMatrixRMaj train = uniform(10, 3, 0, 1, rng);
        NearestNeighbours search = NearestNeighbours.of(train);
        IllegalArgumentException width = assertThrows(IllegalArgumentException.class,
                () -> search.nearest(uniform(2, 4, 0, 1, rng)));
        assertTrue(width.getMessage().contains("4 columns"), width.getMessage());
        assertThrows(IllegalArgumentException.class, () -> search.nearest(train, 0));
        assertThrows(IllegalArgumentException.class, () -> search.nearest(train, 11));
        assertThrows(IllegalArgumentException.class, () -> NearestNeighbours.of(new FMatrixRMaj(0, 3)));
        FMatrixRMaj nan = train.copy();
        nan.set(2, 1, Float.POSITIVE_INFINITY);
        assertThrows(IllegalArgumentException.class, () -> search.nearest(nan));
    }
}
