package org.ganworkbook.kernel;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A fragment of HTML that a notebook shows as HTML (MIME type {@code text/html}), with a plain-text
 * form (tags removed) for clients and graders that read only {@code text/plain}.
 *
 * <p>Create one with {@link Notebook#html(String)}; make it a cell's last expression or pass it to
 * {@code display(...)}. The markup is shown as given: escape any text that comes from data with
 * {@link #escape(String)}.
 *
 * @param markup the HTML fragment
 */
public record Html(String markup) {

    private static final Pattern BLOCK_END = Pattern.compile("(?i)<\\s*(br|/p|/div|/tr|/h[1-6]|/li|/table|/caption)\\b[^>]*>");
    private static final Pattern CELL_END = Pattern.compile("(?i)<\\s*/t[dh]\\s*>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n[ \\t]*\\n[\\s]*");

    /** @throws NullPointerException if {@code markup} is null */
    public Html {
        Objects.requireNonNull(markup, "markup");
    }

    /** The text a reader of the rendered HTML would see: tags removed, common entities decoded. */
    public String text() {
        String s = BLOCK_END.matcher(markup).replaceAll("\n");
        s = CELL_END.matcher(s).replaceAll("\t");
        s = TAG.matcher(s).replaceAll("");
        s = s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&nbsp;", " ").replace("&hellip;", "…").replace("&times;", "×").replace("&amp;", "&");
        return BLANK_LINES.matcher(s).replaceAll("\n").strip();
    }

    /** The plain-text form, see {@link #text()}. */
    @Override
    public String toString() {
        return text();
    }

    /** Escapes {@code & < > " '} so that {@code text} shows literally inside HTML. */
    public static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
