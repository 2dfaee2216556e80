package org.ganworkbook.paper;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The held-out curve's slope and notebook 07's sentence about reaching 225, with their edge cases. */
class LongRunTest {

    static LongRun.Point p(int epoch, double score) {
        return new LongRun.Point(epoch, score, 2);
    }

    @Test
    void slopeOfAStraightLineIsItsRisePer100Epochs() {
        // 5 nats per 100 epochs, exactly; the point at epoch 100 lies outside the 200-epoch window and is ignored
        List<LongRun.Point> curve = List.of(p(100, 0), p(400, 190), p(450, 192.5), p(500, 195), p(600, 200));
        // float error of a few sums of O(1e5) values: far below 1e-9 nats
        assertEquals(5.0, LongRun.slopePer100(curve, 200), 1e-9);
    }

    @Test
    void slopeIsNaNWithFewerThanTwoPointsInTheWindow() {
        assertTrue(Double.isNaN(LongRun.slopePer100(List.of(), 200)));
        assertTrue(Double.isNaN(LongRun.slopePer100(List.of(p(25, 80)), 200)));
        assertTrue(Double.isNaN(LongRun.slopePer100(List.of(p(25, 80), p(500, 200)), 200)),
                "epoch 25 is outside the window of the last 200 epochs");
    }

    @Test
    void extrapolatesOnlyWhenBelow225AndRising() {
        String rising = LongRun.outlook(p(500, 205), 5, 200, 10);
        assertTrue(rising.contains("meets 225 near epoch 900"), rising);
        assertTrue(rising.contains("2 h 30 min"), rising); // 900 epochs x 10 s

        String above = LongRun.outlook(p(500, 226), 5, 200, 10);
        assertTrue(above.contains("already at or above"), above);
        assertFalse(above.contains("meets"), above);

        String flat = LongRun.outlook(p(500, 205), 0, 200, 10);
        assertTrue(flat.contains("did not rise") && !flat.contains("meets"), flat);
        String falling = LongRun.outlook(p(500, 205), -3, 200, 10);
        assertTrue(falling.contains("did not rise") && !falling.contains("meets") && !falling.contains("epoch -"), falling);

        String unknown = LongRun.outlook(p(25, 80), Double.NaN, 200, 10);
        assertTrue(unknown.contains("Fewer than 2") && !unknown.contains("NaN"), unknown);
    }
}
