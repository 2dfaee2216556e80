package org.ganworkbook.workbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BudgetTest {

    @Test
    void parsesBothValuesAndDefaultsToFull() {
        assertEquals(Budget.SMOKE, Budget.parse("smoke"));
        assertEquals(Budget.SMOKE, Budget.parse(" SMOKE "));
        assertEquals(Budget.FULL, Budget.parse("full"));
        assertEquals(Budget.FULL, Budget.parse(null));
        assertEquals(Budget.FULL, Budget.parse(""));
    }

    @Test
    void unknownValueSaysWhatIsAllowed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Budget.parse("fast"));
        assertTrue(e.getMessage().contains("GANWB_BUDGET") && e.getMessage().contains("'smoke' or 'full'"));
    }

    @Test
    void pickChoosesBySize() {
        assertEquals(2, Budget.SMOKE.pick(2, 100));
        assertEquals(100, Budget.FULL.pick(2, 100));
        assertEquals(5L, Budget.SMOKE.pick(5L, 7L));
        assertEquals(0.5, Budget.FULL.pick(0.1, 0.5));
        assertEquals("smoke", Budget.SMOKE.toString());
    }
}
