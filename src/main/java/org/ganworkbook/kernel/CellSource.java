package org.ganworkbook.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * A cell's text cut into code and magic lines ({@code %classpath ...}), each part keeping its offset in
 * the cell so that error positions can be reported as cell line and column.
 *
 * <p>A magic is a line whose first non-blank character is {@code %} followed by a letter (or a second
 * {@code %} for a cell magic), outside block comments and text blocks. Java code never starts a line
 * with {@code %} elsewhere, so no valid code is mistaken for a magic.
 */
final class CellSource {

    /**
     * One part of a cell.
     *
     * @param magic  true for a magic line
     * @param text   the part's text (a magic line without its line break)
     * @param offset index of the part's first character in the cell
     */
    record Part(boolean magic, String text, int offset) {
    }

    private enum State { CODE, BLOCK_COMMENT, TEXT_BLOCK }

    private CellSource() {
    }

    /** Cuts {@code cell} into code parts and magic lines, in order; blank code parts are dropped. */
    static List<Part> split(String cell) {
        List<Part> parts = new ArrayList<>();
        State state = State.CODE;
        int codeStart = 0;
        int lineStart = 0;
        while (lineStart <= cell.length()) {
            int lineEnd = cell.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = cell.length();
            }
            String line = cell.substring(lineStart, lineEnd);
            if (state == State.CODE && isMagicLine(line)) {
                addCode(parts, cell, codeStart, lineStart);
                int indent = line.length() - line.stripLeading().length();
                parts.add(new Part(true, line.strip(), lineStart + indent));
                codeStart = Math.min(cell.length(), lineEnd + 1);
            } else {
                state = scan(line, state);
            }
            if (lineEnd == cell.length()) {
                break;
            }
            lineStart = lineEnd + 1;
        }
        addCode(parts, cell, codeStart, cell.length());
        return parts;
    }

    /** The cell with every magic line blanked out (same length and line structure), for analysis. */
    static String codeOnly(String cell) {
        StringBuilder sb = new StringBuilder(cell);
        for (Part part : split(cell)) {
            if (part.magic()) {
                for (int i = part.offset(); i < part.offset() + part.text().length(); i++) {
                    sb.setCharAt(i, ' ');
                }
            }
        }
        return sb.toString();
    }

    private static void addCode(List<Part> parts, String cell, int from, int to) {
        if (to > from && !cell.substring(from, to).isBlank()) {
            parts.add(new Part(false, cell.substring(from, to), from));
        }
    }

    static boolean isMagicLine(String line) {
        String s = line.strip();
        return s.length() >= 2 && s.charAt(0) == '%' && (Character.isLetter(s.charAt(1)) || s.charAt(1) == '%');
    }

    /** The lexical state after {@code line}, starting in {@code state}. */
    private static State scan(String line, State state) {
        int i = 0;
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            switch (state) {
                case BLOCK_COMMENT -> {
                    if (line.startsWith("*/", i)) {
                        state = State.CODE;
                        i += 2;
                    } else {
                        i++;
                    }
                }
                case TEXT_BLOCK -> {
                    if (c == '\\') {
                        i += 2;
                    } else if (line.startsWith("\"\"\"", i)) {
                        state = State.CODE;
                        i += 3;
                    } else {
                        i++;
                    }
                }
                case CODE -> {
                    if (line.startsWith("//", i)) {
                        return state;
                    } else if (line.startsWith("/*", i)) {
                        state = State.BLOCK_COMMENT;
                        i += 2;
                    } else if (line.startsWith("\"\"\"", i)) {
                        state = State.TEXT_BLOCK;
                        i += 3;
                    } else if (c == '"' || c == '\'') {
                        i = skipLiteral(line, i);
                    } else {
                        i++;
                    }
                }
            }
        }
        return state;
    }

    private static int skipLiteral(String line, int start) {
        char quote = line.charAt(start);
        int i = start + 1;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == quote) {
                return i + 1;
            } else {
                i++;
            }
        }
        return i;
    }

    /** Splits magic arguments at blanks; double quotes group words, backslash escapes a quote. */
    static List<String> splitArguments(String args) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < args.length(); i++) {
            char c = args.charAt(i);
            if (c == '\\' && i + 1 < args.length() && args.charAt(i + 1) == '"') {
                current.append('"');
                any = true;
                i++;
            } else if (c == '"') {
                quoted = !quoted;
                any = true;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (any) {
                    out.add(current.toString());
                    current.setLength(0);
                    any = false;
                }
            } else {
                current.append(c);
                any = true;
            }
        }
        if (any) {
            out.add(current.toString());
        }
        return out;
    }
}
