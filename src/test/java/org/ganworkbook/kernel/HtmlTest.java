package org.ganworkbook.kernel;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class HtmlTest {

    @Test
    void textDropsTagsAndDecodesEntities() {
        assertEquals("Loss & accuracy <per epoch>", new Html("<h3>Loss &amp; accuracy &lt;per epoch&gt;</h3>").text());
        assertEquals("line one\nline two", new Html("<p>line one</p><p>line <b>two</b></p>").text());
        assertEquals("a\tb", new Html("<table><tr><td>a</td><td>b</td></tr></table>").text());
    }

    @Test
    void escapeMakesTextLiteral() {
        String raw = "<script>alert('x') & \"y\"</script>";
        String escaped = Html.escape(raw);
        assertEquals("&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;", escaped);
        assertEquals(raw, new Html(escaped).text(), "escaping and text() are inverse on plain text");
    }

    @Test
    void toStringIsThePlainText() {
        assertEquals("bold", Notebook.html("<b>bold</b>").toString());
        assertThrows(NullPointerException.class, () -> new Html(null));
    }
}
