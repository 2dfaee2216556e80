package org.ganworkbook.grading;

import java.util.ArrayList;
import java.util.List;

/**
 * The region markers of an nbgrader source notebook, and what releasing does with them:
 * <ul>
 *   <li>a line containing {@value #BEGIN_SOLUTION} ... a line containing {@value #END_SOLUTION}: the
 *       instructor's solution, replaced by {@link #CODE_STUB} (code) or {@link #TEXT_STUB} (markdown),
 *       indented like the BEGIN line;</li>
 *   <li>{@value #BEGIN_HIDDEN_TESTS} ... {@value #END_HIDDEN_TESTS}: tests students do not see,
 *       removed together with the marker lines;</li>
 *   <li>{@value #BEGIN_MARK_SCHEME} ... {@value #END_MARK_SCHEME} in a task cell: how an instructor should
 *       grade the task, removed likewise.</li>
 * </ul>
 * As in nbgrader, a marker is found anywhere in its line (so {@code // BEGIN SOLUTION} in Java and
 * {@code <!-- BEGIN SOLUTION -->} in markdown both work) and the whole marker line goes.
 */
public final class Markers {

    /** Start of a solution region. */
    public static final String BEGIN_SOLUTION = "BEGIN SOLUTION";
    /** End of a solution region. */
    public static final String END_SOLUTION = "END SOLUTION";
    /** Start of hidden tests. */
    public static final String BEGIN_HIDDEN_TESTS = "BEGIN HIDDEN TESTS";
    /** End of hidden tests. */
    public static final String END_HIDDEN_TESTS = "END HIDDEN TESTS";

    /** Start of a task's mark scheme (written {@code === BEGIN MARK SCHEME ===} in nbgrader's examples). */
    public static final String BEGIN_MARK_SCHEME = "BEGIN MARK SCHEME";
    /** End of a task's mark scheme. */
    public static final String END_MARK_SCHEME = "END MARK SCHEME";

    /** The message of the exception an unanswered exercise throws. */
    public static final String PLACEHOLDER_MESSAGE = "Not implemented yet: write your solution here";

    /**
     * What replaces a Java solution region: a comment, then a statement that throws, so an exercise left
     * unanswered fails its tests with a clear message instead of passing silently (nbgrader's built-in
     * Java stub is only the comment). The same text is {@code ClearSolutions.code_stub["java"]} in the
     * shipped {@code nbgrader_config.py}.
     */
    public static final String CODE_STUB = "// YOUR CODE HERE\n"
            + "throw new UnsupportedOperationException(\"" + PLACEHOLDER_MESSAGE + "\");";

    /** What replaces a markdown solution region ({@code ClearSolutions.text_stub} in {@code nbgrader_config.py}). */
    public static final String TEXT_STUB = "YOUR ANSWER HERE (replace this line with your answer)";

    private Markers() {
    }

    /** A marker problem in a cell, e.g. a BEGIN without an END. */
    public static final class MarkerException extends Exception {
        private static final long serialVersionUID = 1L;

        MarkerException(String message) {
            super(message);
        }
    }

    /** True if some line of {@code source} contains {@code marker}. */
    public static boolean contains(String source, String marker) {
        return source.lines().anyMatch(line -> line.contains(marker));
    }

    /**
     * Replaces every solution region of {@code source} by {@code stub}, each stub line prefixed with the
     * BEGIN line's leading white space.
     *
     * @throws MarkerException for nested regions, an END without BEGIN, or a BEGIN without END
     */
    public static String replaceSolutions(String source, String stub) throws MarkerException {
        return rewrite(source, BEGIN_SOLUTION, END_SOLUTION, stub, "solution");
    }

    /**
     * Removes every hidden-test region (marker lines included).
     *
     * @throws MarkerException for nested regions, an END without BEGIN, or a BEGIN without END
     */
    public static String removeHiddenTests(String source) throws MarkerException {
        return rewrite(source, BEGIN_HIDDEN_TESTS, END_HIDDEN_TESTS, null, "hidden-tests");
    }

    /**
     * Removes every mark-scheme region (marker lines included).
     *
     * @throws MarkerException for nested regions, an END without BEGIN, or a BEGIN without END
     */
    public static String removeMarkScheme(String source) throws MarkerException {
        return rewrite(source, BEGIN_MARK_SCHEME, END_MARK_SCHEME, null, "mark-scheme");
    }

    private static String rewrite(String source, String begin, String end, String stub, String what)
            throws MarkerException {
        List<String> out = new ArrayList<>();
        boolean inside = false;
        int lineNumber = 0;
        int beginLine = 0;
        for (String line : source.split("\n", -1)) {
            lineNumber++;
            if (line.contains(begin)) {
                if (inside) {
                    throw new MarkerException("line " + lineNumber + ": a " + what + " region starts inside the one "
                            + "begun on line " + beginLine + " (regions cannot nest; add the missing " + end + ")");
                }
                inside = true;
                beginLine = lineNumber;
                if (stub != null) {
                    String indent = line.substring(0, line.length() - line.stripLeading().length());
                    for (String stubLine : stub.split("\n", -1)) {
                        out.add(indent + stubLine);
                    }
                }
            } else if (line.contains(end)) {
                if (!inside) {
                    throw new MarkerException("line " + lineNumber + ": " + end + " without a " + begin + " before it");
                }
                inside = false;
            } else if (!inside) {
                out.add(line);
            }
        }
        if (inside) {
            throw new MarkerException("line " + beginLine + ": " + begin + " is never closed by a line with " + end);
        }
        return String.join("\n", out);
    }
}
