package org.ganworkbook.eval;

import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NeighbourGridTest {

    @Test
    void paperFigure2IsFourRowsOfFiveSamplesPlusTheNeighbourOfTheFifth() {
        SplittableRandom rng = new SplittableRandom(41);
        int d = 12;
        FMatrixRMaj train = ParzenWindowTest.uniform(200, d, 0, 1, rng);
        FMatrixRMaj samples = ParzenWindowTest.uniform(20, d, 0, 1, rng);
        NeighbourGrid grid = NeighbourGrid.paperFigure2(samples, NearestNeighbours.of(train));

        assertEquals(4, grid.rows());
        assertEquals(6, grid.columns());
        assertEquals(24, grid.tiles().numRows);
        assertArrayEquals(new int[]{5, 11, 17, 23}, grid.highlighted());
        assertArrayEquals(new int[]{4, 9, 14, 19}, grid.queries());
        for (int t = 0; t < 24; t++) {
            int r = t / 6, c = t % 6;
            float[] tile = grid.tile(t);
            if (c < 5) {
                assertFalse(grid.isHighlighted(t));
                for (int p = 0; p < d; p++) {
                    assertEquals(samples.get(r * 5 + c, p), tile[p], "tile " + t);
                }
            } else {
                assertTrue(grid.isHighlighted(t));
                Neighbour ref = NearestNeighboursTest.bruteForce(train, samples, r * 5 + 4, 1)[0];
                assertEquals(ref, grid.neighbours()[r]);
                for (int p = 0; p < d; p++) {
                    assertEquals(train.get(ref.index(), p), tile[p], "neighbour tile " + t);
                }
            }
        }
    }

    @Test
    void otherShapesAreAParameter() {
        SplittableRandom rng = new SplittableRandom(42);
        FMatrixRMaj train = ParzenWindowTest.uniform(50, 4, 0, 1, rng);
        FMatrixRMaj samples = ParzenWindowTest.uniform(6, 4, 0, 1, rng);
        NeighbourGrid grid = NeighbourGrid.of(samples, 2, 3, NearestNeighbours.of(train));
        assertEquals(8, grid.tiles().numRows);
        assertArrayEquals(new int[]{3, 7}, grid.highlighted());
        assertArrayEquals(new int[]{2, 5}, grid.queries());
    }

    @Test
    void theWrongNumberOfSamplesIsRejected() {
        SplittableRandom rng = new SplittableRandom(43);
        NearestNeighbours search = NearestNeighbours.of(ParzenWindowTest.uniform(50, 4, 0, 1, rng));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NeighbourGrid.paperFigure2(ParzenWindowTest.uniform(64, 4, 0, 1, rng), search));
        assertTrue(e.getMessage().contains("need 20 samples"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> NeighbourGrid.paperFigure2(ParzenWindowTest.uniform(20, 5, 0, 1, rng), search));
    }

    @Test
    void gridIsACopy() {
        SplittableRandom rng = new SplittableRandom(44);
        FMatrixRMaj samples = ParzenWindowTest.uniform(20, 4, 0, 1, rng);
        NeighbourGrid grid = NeighbourGrid.paperFigure2(samples,
                NearestNeighbours.of(ParzenWindowTest.uniform(30, 4, 0, 1, rng)));
        float before = grid.tile(0)[0];
        samples.set(0, 0, 99f);
        grid.tiles().set(0, 0, 99f);
        grid.highlighted()[0] = -1;
        assertEquals(before, grid.tile(0)[0]);
        assertEquals(5, grid.highlighted()[0]);
    }
}
