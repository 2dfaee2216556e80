package org.ganworkbook.kernel;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TableHtmlTest {

    @Test
    void smallTableIsShownWholeAndEscaped() {
        Table table = Table.create("a<b",
                IntColumn.create("k", 1, 2),
                StringColumn.create("name & <tag>", "x\"y", "<i>"));
        String html = TableHtml.toHtml(table, 50);
        assertTrue(html.contains("<caption>a&lt;b</caption>"), html);
        assertTrue(html.contains("<th>name &amp; &lt;tag&gt;</th>"), html);
        assertTrue(html.contains("<td>&lt;i&gt;</td>") && html.contains("<td>x&quot;y</td>"), html);
        assertTrue(html.contains("<td style=\"text-align:right\">2</td>"), "numbers are right-aligned: " + html);
        assertEquals(2, count(html, "<tr><td"));
        assertFalse(html.contains("more row"));
    }

    @Test
    void longTableIsCutWithANote() {
        double[] values = IntStream.range(0, 120).asDoubleStream().toArray();
        Table table = Table.create("history", DoubleColumn.create("dLoss", values));
        String html = TableHtml.toHtml(table, 50);
        assertEquals(50, count(html, "<tr><td"));
        assertTrue(html.contains("70 more rows (120 rows &times; 1 columns)"), html);
        assertTrue(new Html(html).text().contains("70 more rows (120 rows × 1 columns)"));
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
