package org.ganworkbook.kernel;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CellSourceTest {

    @Test
    void magicLinesAreCutOutWithTheirOffsets() {
        String cell = "%classpath lib/*.jar\nint a = 1;\n  %load util.jsh\na + 1";
        List<CellSource.Part> parts = CellSource.split(cell);
        assertEquals(List.of(
                new CellSource.Part(true, "%classpath lib/*.jar", 0),
                new CellSource.Part(false, "int a = 1;\n", 21),
                new CellSource.Part(true, "%load util.jsh", 34),
                new CellSource.Part(false, "a + 1", 49)), parts);
        assertEquals("a + 1", cell.substring(49));
    }

    @Test
    void percentSignsInsideCommentsStringsAndTextBlocksAreCode() {
        String cell = "/* note:\n%jars not a magic\n*/\nString s = \"\"\"\n%load neither\n\"\"\";\nint r = 7 %\n 3;";
        List<CellSource.Part> parts = CellSource.split(cell);
        assertEquals(1, parts.size(), parts.toString());
        assertEquals(false, parts.get(0).magic());
        assertEquals(List.of(), CellSource.split("   \n"));
    }

    @Test
    void codeOnlyBlanksMagicsButKeepsOffsets() {
        String cell = "%jars a.jar\nMath.max(1, 2)";
        String code = CellSource.codeOnly(cell);
        assertEquals(cell.length(), code.length());
        assertEquals(" ".repeat(11) + "\nMath.max(1, 2)", code);
    }

    @Test
    void argumentsSplitAtBlanksExceptInQuotes() {
        assertEquals(List.of("classpath", "a b.jar", "c.jar", "say \"hi\""),
                CellSource.splitArguments("classpath \"a b.jar\"   c.jar \"say \\\"hi\\\"\""));
        assertEquals(List.of("load", ""), CellSource.splitArguments("load \"\""));
    }
}
