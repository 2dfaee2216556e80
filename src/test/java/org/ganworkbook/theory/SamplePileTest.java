package org.ganworkbook.theory;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SamplePileTest {

    @Test
    void threeOfFourSamplesInOnePileScoreThreeQuarters() {
        float[] xy = {1f, 1f, 1.1f, 1f, 1f, 1.1f, -2f, 0f};
        SamplePile p = SamplePile.of(xy, 0.25);
        assertEquals(0.75, p.biggestPileShare(), 0);
        assertEquals(1.0, p.pileX(), 0.11);
        assertEquals(0.25, p.shareNear(-2, 0.1), 0);
        assertEquals(0.0, p.shareNear(5, 5), 0);
    }

    @Test
    void spreadIsTheRmsDistanceFromTheMean() {
        SamplePile p = SamplePile.of(new float[] {-1f, 0f, 1f, 0f}, 0.1);
        assertEquals(1.0, p.rmsSpread(), 1e-12);
        assertEquals(0.5, p.biggestPileShare(), 0);
    }

    @Test
    void badInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> SamplePile.of(new float[] {1f}, 0.1));
        assertThrows(IllegalArgumentException.class, () -> SamplePile.of(new float[] {1f, 2f}, 0));
    }
}
