package org.ganworkbook.kernel;

/**
 * A piece of source the user can locate: a cell ("cell [3]") or a file loaded with {@code %load}.
 * Converts character offsets into 1-based line and column numbers.
 *
 * @param label how the source is named in messages
 * @param text  the full text
 */
record SourceText(String label, String text) {

    /** 0-based index of the line that contains {@code offset}. */
    int lineIndex(int offset) {
        int line = 0;
        int end = Math.min(Math.max(0, offset), text.length());
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** Index of the first character of the line that contains {@code offset}. */
    int lineStart(int offset) {
        int clamped = Math.min(Math.max(0, offset), text.length());
        return text.lastIndexOf('\n', clamped - 1) + 1;
    }

    /** 1-based column of {@code offset} in its line. */
    int column(int offset) {
        int clamped = Math.min(Math.max(0, offset), text.length());
        return clamped - lineStart(clamped) + 1;
    }

    /** The text of the line that contains {@code offset}, without its line break. */
    String lineText(int offset) {
        int start = lineStart(offset);
        int end = text.indexOf('\n', start);
        return text.substring(start, end < 0 ? text.length() : end).replace("\r", "");
    }

    /** "cell [3], line 2" for a 1-based line number. */
    String where(int line) {
        return label + ", line " + line;
    }
}
