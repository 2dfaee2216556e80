package org.ganworkbook.grading;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MarkersTest {

    @Test
    void solutionsBecomeTheStubIndentedLikeTheBeginLine() throws Exception {
        String source = "int f(int x) {\n    // BEGIN SOLUTION\n    int y = x + 1;\n    return y;\n    // END SOLUTION\n}";
        assertEquals("int f(int x) {\n    // YOUR CODE HERE\n    throw new UnsupportedOperationException(\"Not implemented yet: "
                + "write your solution here\");\n}", Markers.replaceSolutions(source, Markers.CODE_STUB));
    }

    @Test
    void everyRegionIsReplacedAndTextAroundKept() throws Exception {
        String source = "a\n// BEGIN SOLUTION\nb\n// END SOLUTION\nc\n\t/* BEGIN SOLUTION */\nd\n\t/* END SOLUTION */\ne";
        assertEquals("a\nSTUB\nc\n\tSTUB\ne", Markers.replaceSolutions(source, "STUB"));
        assertEquals("no markers", Markers.replaceSolutions("no markers", "STUB"));
    }

    @Test
    void hiddenTestsAndMarkSchemesAreRemovedWithTheirMarkers() throws Exception {
        assertEquals("visible();\nmore();", Markers.removeHiddenTests(
                "visible();\n// BEGIN HIDDEN TESTS\nhidden();\n// END HIDDEN TESTS\nmore();"));
        assertEquals("Task.\n", Markers.removeMarkScheme("Task.\n=== BEGIN MARK SCHEME ===\n1 point\n=== END MARK SCHEME ===\n"));
    }

    @Test
    void brokenRegionsAreReportedWithTheirLine() {
        Markers.MarkerException nested = assertThrows(Markers.MarkerException.class, () -> Markers.replaceSolutions(
                "// BEGIN SOLUTION\nx\n// BEGIN SOLUTION\n// END SOLUTION", "S"));
        assertTrue(nested.getMessage().startsWith("line 3"), nested.getMessage());
        Markers.MarkerException open = assertThrows(Markers.MarkerException.class, () -> Markers.removeHiddenTests(
                "a\n// BEGIN HIDDEN TESTS\nb"));
        assertTrue(open.getMessage().contains("line 2") && open.getMessage().contains("never closed"), open.getMessage());
        Markers.MarkerException stray = assertThrows(Markers.MarkerException.class, () -> Markers.replaceSolutions(
                "a\n// END SOLUTION", "S"));
        assertTrue(stray.getMessage().contains("without a BEGIN SOLUTION"), stray.getMessage());
    }

    @Test
    void theStubThrowsTheDocumentedMessage() {
        assertTrue(Markers.CODE_STUB.contains("throw new UnsupportedOperationException(\"" + Markers.PLACEHOLDER_MESSAGE + "\")"));
        assertTrue(Markers.CODE_STUB.startsWith("// YOUR CODE HERE\n"));
    }
}
