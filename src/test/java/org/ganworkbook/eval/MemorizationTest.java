package org.ganworkbook.eval;

import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MemorizationTest {

    private static FMatrixRMaj random(int n, int d, SplittableRandom rng) {
        FMatrixRMaj x = new FMatrixRMaj(n, d);
        for (int i = 0; i < x.data.length; i++) {
            x.data[i] = (float) rng.nextDouble();
        }
        return x;
    }

    private static double distance(FMatrixRMaj a, int i, FMatrixRMaj b, int j) {
        double s = 0;
        for (int p = 0; p < a.numCols; p++) {
            double v = a.data[i * a.numCols + p] - b.data[j * b.numCols + p];
            s += v * v;
        }
        return Math.sqrt(s);
    }

    @Test
    void distancesAreTheNearestOnesAndLeaveOneOutSkipsTheImageItself() {
        SplittableRandom rng = new SplittableRandom(1);
        FMatrixRMaj train = random(30, 8, rng);
        FMatrixRMaj samples = random(10, 8, rng);
        FMatrixRMaj held = random(7, 8, rng);
        Memorization m = Memorization.of(train, samples, held);
        for (int i = 0; i < 30; i++) {
            double best = Double.MAX_VALUE;
            for (int j = 0; j < 30; j++) {
                if (j != i) {
                    best = Math.min(best, distance(train, i, train, j));
                }
            }
            assertEquals(best, m.training()[i], 1e-5, "training image " + i);   // float sums
        }
        for (int i = 0; i < 10; i++) {
            double best = Double.MAX_VALUE;
            for (int j = 0; j < 30; j++) {
                best = Math.min(best, distance(samples, i, train, j));
            }
            assertEquals(best, m.samples()[i], 1e-5);
            assertEquals(best, distance(samples, i, train, m.sampleNeighbours()[i]), 1e-9);
        }
        assertEquals(7, m.heldOut().length);
    }

    @Test
    void aGeneratorThatCopiesIsCaughtAndOneThatDoesNotIsNot() {
        SplittableRandom rng = new SplittableRandom(2);
        FMatrixRMaj train = random(40, 16, rng);
        FMatrixRMaj copies = new FMatrixRMaj(20, 16);
        for (int i = 0; i < 20; i++) {
            for (int p = 0; p < 16; p++) {
                copies.data[i * 16 + p] = train.data[(2 * i) * 16 + p] + (float) (0.001 * rng.nextGaussian());
            }
        }
        FMatrixRMaj held = random(20, 16, rng);
        Memorization copying = Memorization.of(train, copies, held);
        assertEquals(1.0, copying.nearCopyShare());
        assertEquals(20, copying.distinctNeighbours());
        Memorization fresh = Memorization.of(train, random(20, 16, rng), held);
        assertTrue(fresh.nearCopyShare() < 0.2, fresh.toString());
        Table t = copying.table();
        assertEquals(3, t.rowCount());
        assertTrue(t.name().contains("100.0% of samples"), t.name());
    }

    @Test
    void percentileInterpolatesLikeNumpy() {
        double[] v = {4, 1, 3, 2};
        assertEquals(2.5, Memorization.percentile(v, 50), 1e-12);
        assertEquals(1.15, Memorization.percentile(v, 5), 1e-12);   // numpy.percentile([1,2,3,4], 5)
        assertEquals(4, Memorization.percentile(v, 100), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> Memorization.percentile(v, 101));
    }

    @Test
    void histogramSharesSumToOnePerSet() {
        SplittableRandom rng = new SplittableRandom(3);
        Memorization m = Memorization.of(random(20, 4, rng), random(9, 4, rng), random(5, 4, rng));
        Memorization.Histogram h = m.histogram(12);
        assertEquals(12, h.centres().length);
        h.shares().forEach((name, s) -> assertEquals(1.0, java.util.Arrays.stream(s).sum(), 1e-9, name));
    }
}
