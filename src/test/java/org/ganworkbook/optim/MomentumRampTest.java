package org.ganworkbook.optim;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MomentumRampTest {

    private final MomentumRamp paper = MomentumRamp.paper();

    @Test
    void pinnedValuesOfThePaperRamp() {
        assertEquals(0.5f, paper.momentum(1));
        assertEquals((float) (0.5 + 0.2 / 249), paper.momentum(2), 1e-7f);
        assertEquals((float) (0.5 + 0.2 * 124 / 249), paper.momentum(125), 1e-7f);
        assertEquals(0.6f, paper.momentum(125), 1e-3f);
        assertEquals(0.7f, paper.momentum(250), 1e-7f);
        assertEquals(0.7f, paper.momentum(300), 1e-7f);
        assertEquals(0.5f + 0.2f * 49 / 249, paper.momentum(50), 1e-6f); // TFD's 50 epochs end near .54
    }

    @Test
    void zeroWidthRampJumps() {
        MomentumRamp jump = new MomentumRamp(0.5f, 0.9f, 3, 3);
        assertEquals(0.5f, jump.momentum(2));
        assertEquals(0.9f, jump.momentum(3));
    }

    @Test
    void rejectsBadSettings() {
        assertThrows(IllegalArgumentException.class, () -> paper.momentum(0));
        assertThrows(IllegalArgumentException.class, () -> new MomentumRamp(0.5f, 1f, 1, 250));
        assertThrows(IllegalArgumentException.class, () -> new MomentumRamp(0.5f, 0.7f, 10, 5));
    }
}
