package org.ganworkbook.workbook;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClaimsTest {

    @Test
    void aValueInsideItsRangeHoldsAndOneOutsideIsOffWithoutThrowing() {
        Claims c = Claims.of("nb", Budget.FULL)
                .between("inside", 30, 20, 60)
                .between("on the bound", 20, 20, 60)
                .between("outside", 11, 20, 60)
                .atLeast("at least", 3, 2)
                .atMost("at most", 3, 2)
                .holds("yes", true)
                .holds("no", false)
                .between("not a number", Double.NaN, 0, 1);
        List<Claims.Status> status = c.claims().stream().map(Claims.Claim::status).toList();
        assertEquals(List.of(Claims.Status.HOLDS, Claims.Status.HOLDS, Claims.Status.OFF, Claims.Status.HOLDS,
                Claims.Status.OFF, Claims.Status.HOLDS, Claims.Status.OFF, Claims.Status.OFF), status);
        assertFalse(c.allHold());
        assertEquals(List.of("outside", "at most", "no", "not a number"),
                c.off().stream().map(Claims.Claim::what).toList());
    }

    @Test
    void claimsLimitedToOneBudgetAreNotCheckedAtTheOther() {
        Claims smoke = Claims.of("nb", Budget.SMOKE);
        smoke.between("everywhere", 1, 0, 2).onlyAt(Budget.FULL).between("full only", 99, 0, 2);
        assertEquals(Claims.Status.NOT_CHECKED, smoke.claims().get(1).status());
        assertTrue(smoke.allHold());
        Claims full = Claims.of("nb", Budget.FULL);
        full.onlyAt(Budget.FULL).between("full only", 99, 0, 2);
        assertEquals(Claims.Status.OFF, full.claims().get(0).status());
    }

    @Test
    void theTextTableSaysWhatDoesNotAgree() {
        Claims c = Claims.of("nb", Budget.FULL).between("faces", 11, 20, 60).between("modes", 2, 1, 8);
        String text = c.toString();
        assertTrue(text.contains("1 of 2 claims do NOT hold"), text);
        assertTrue(text.contains("faces") && text.contains("20 to 60") && text.contains("DOES NOT AGREE"), text);
        assertTrue(c.html().contains("&#10008;") && c.html().contains("20 to 60"), c.html());
        assertTrue(Claims.of("nb", Budget.FULL).between("m", 2, 1, 8).toString().endsWith("agrees"));
    }

    @Test
    void theJsonFormCarriesEveryClaimWithItsRangeAndStatus() {
        String json = Claims.of("06 \"ring\"", Budget.SMOKE).between("a", 0.5, 0, 1)
                .atLeast("b", 2, 1).onlyAt(Budget.FULL).atMost("c\\d", Double.NaN, 3).json();
        assertEquals("{\"ganworkbook.claims\": 1, \"notebook\": \"06 \\\"ring\\\"\", \"budget\": \"smoke\", \"claims\": ["
                + "{\"what\": \"a\", \"value\": 0.5, \"low\": 0.0, \"high\": 1.0, \"budgets\": [\"smoke\", \"full\"], \"status\": \"holds\"}, "
                + "{\"what\": \"b\", \"value\": 2.0, \"low\": 1.0, \"high\": null, \"budgets\": [\"smoke\", \"full\"], \"status\": \"holds\"}, "
                + "{\"what\": \"c\\\\d\", \"value\": null, \"low\": null, \"high\": 3.0, \"budgets\": [\"full\"], \"status\": \"not_checked\"}]}",
                json);
    }

    @Test
    void badInputSaysWhatToFix() {
        Claims c = Claims.of("nb", Budget.FULL);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> c.between("x", 1, 3, 2))
                .getMessage().contains("give low <= high"));
        assertThrows(IllegalArgumentException.class, () -> c.between(" ", 1, 0, 2));
        assertThrows(IllegalArgumentException.class, () -> Claims.of(""));
    }
}
