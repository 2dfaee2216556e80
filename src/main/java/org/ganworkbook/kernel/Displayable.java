package org.ganworkbook.kernel;

/**
 * A value that a notebook shows as HTML, with a JSON form beside it for programs that read the saved
 * notebook and its {@link #toString()} for text-only clients. Library types above the kernel implement it
 * (e.g. {@code workbook.Claims}, whose JSON the test harness reads), so the kernel renders them without
 * importing them and stays a leaf package.
 */
public interface Displayable {

    /** @return the HTML fragment a reader sees (MIME type {@code text/html}) */
    String html();

    /** @return a JSON document (MIME type {@code application/json}), or null to show none */
    default String json() {
        return null;
    }
}
