package org.ganworkbook.kernel;

import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShellException;
import jdk.jshell.UnresolvedReferenceException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns JShell's diagnostics and exceptions into {@link CellException}s a reader can act on: compile
 * errors name the cell line and column and show the line with a caret; runtime errors show the
 * exception and the stack frames of the user's code and libraries, with cell lines instead of JShell's
 * generated class names, and without the kernel's and JShell's own frames.
 */
final class CellErrors {

    /** Frames shown before a long stack (a deep recursion) is cut in the middle. */
    static final int MAX_FRAMES = 40;

    /**
     * Where a snippet came from.
     *
     * @param source the cell or file
     * @param start  offset of the snippet's first character in {@code source}
     */
    record Origin(SourceText source, int start) {
    }

    private CellErrors() {
    }

    /** A snippet that does not compile. */
    static CellException compilation(List<Diag> diagnostics, Origin origin, String snippetSource) {
        List<String> lines = new ArrayList<>();
        String first = null;
        for (Diag diag : diagnostics) {
            if (!diag.isError()) {
                continue;
            }
            long pos = diag.getPosition() >= 0 ? diag.getPosition() : Math.max(0, diag.getStartPosition());
            int offset = origin.start() + (int) Math.min(pos, snippetSource.length());
            SourceText src = origin.source();
            int line = src.lineIndex(offset) + 1;
            int column = src.column(offset);
            List<String> message = messageLines(diag.getMessage(Locale.ROOT));
            String head = src.label() + ", line " + line + ", column " + column + ": " + message.get(0);
            if (first == null) {
                first = head;
            }
            if (!lines.isEmpty()) {
                lines.add("");
            }
            lines.add(head);
            for (String more : message.subList(1, message.size())) {
                lines.add("    " + more.strip());
            }
            String text = src.lineText(offset);
            lines.add("    " + text);
            lines.add("    " + caretPadding(text, column - 1) + "^");
        }
        if (first == null) {
            first = origin.source().label() + ": the code was rejected by the compiler";
            lines.add(first);
        }
        return new CellException(CellException.COMPILATION, first, lines);
    }

    /** Declarations of a cell that still refer to names nobody declared. */
    static CellException unresolved(List<DeclarationSnippet> snippets, Function<DeclarationSnippet, List<String>> missing,
                                    Function<String, Origin> origins) {
        List<String> lines = new ArrayList<>();
        for (DeclarationSnippet snippet : snippets) {
            Origin origin = origins.apply(snippet.id());
            String where = origin == null ? "" : origin.source().where(origin.source().lineIndex(origin.start()) + 1) + ": ";
            lines.add(where + describe(snippet) + " refers to " + String.join(", ", missing.apply(snippet))
                    + ", which is not declared");
        }
        lines.add("Declare the missing names (in this cell or an earlier one), or fix their spelling.");
        return new CellException(CellException.COMPILATION, lines.get(0), lines);
    }

    /** An exception thrown by the cell's code. */
    static CellException runtime(JShellException exception, Function<String, Origin> origins, String hint) {
        if (exception instanceof UnresolvedReferenceException unresolved) {
            DeclarationSnippet snippet = unresolved.getSnippet();
            String message = describe(snippet) + " cannot be used until what it refers to is declared";
            List<String> lines = new ArrayList<>();
            lines.add("UnresolvedReferenceException: " + message);
            addFrames(lines, unresolved.getStackTrace(), origins);
            return new CellException("UnresolvedReferenceException", message, lines);
        }
        String className = exception instanceof EvalException eval ? eval.getExceptionClassName() : exception.getClass().getName();
        String message = exception.getMessage();
        List<String> lines = new ArrayList<>();
        lines.add(className + (message == null ? "" : ": " + message));
        addFrames(lines, exception.getStackTrace(), origins);
        Throwable cause = exception.getCause();
        int depth = 0;
        while (cause instanceof JShellException jsCause && depth++ < 10) {
            String causeClass = jsCause instanceof EvalException e ? e.getExceptionClassName() : jsCause.getClass().getName();
            lines.add("Caused by: " + causeClass + (jsCause.getMessage() == null ? "" : ": " + jsCause.getMessage()));
            addFrames(lines, jsCause.getStackTrace(), origins);
            cause = jsCause.getCause();
        }
        if (hint != null) {
            lines.add(hint);
        }
        String simple = className.substring(className.lastIndexOf('.') + 1);
        return new CellException(simple, message == null ? "" : message, lines);
    }

    private static void addFrames(List<String> lines, StackTraceElement[] stack, Function<String, Origin> origins) {
        List<String> frames = new ArrayList<>();
        for (StackTraceElement frame : stack) {
            String cls = frame.getClassName();
            if (cls.startsWith("jdk.internal.reflect.") || cls.startsWith("java.lang.reflect.")
                    || cls.startsWith("jdk.jshell.") || cls.startsWith("org.ganworkbook.kernel.")) {
                continue;
            }
            frames.add("    at " + describe(frame, origins));
        }
        if (frames.size() > MAX_FRAMES) {
            int head = MAX_FRAMES * 2 / 3;
            int tail = MAX_FRAMES - head;
            lines.addAll(frames.subList(0, head));
            lines.add("    ... " + (frames.size() - head - tail) + " more frames ...");
            lines.addAll(frames.subList(frames.size() - tail, frames.size()));
        } else {
            lines.addAll(frames);
        }
    }

    private static String describe(StackTraceElement frame, Function<String, Origin> origins) {
        String file = frame.getFileName();
        if (file != null && file.startsWith("#")) {
            Origin origin = origins.apply(file.substring(1));
            String where;
            if (origin == null) {
                where = "snippet " + file;
            } else {
                where = origin.source().where(origin.source().lineIndex(origin.start()) + Math.max(1, frame.getLineNumber()));
            }
            String method = frame.getMethodName();
            String cls = frame.getClassName();
            if (method.isEmpty()) {
                return where;
            }
            return (cls.isEmpty() ? "" : cls + ".") + method + " (" + where + ")";
        }
        return frame.toString();
    }

    private static String describe(DeclarationSnippet snippet) {
        return switch (snippet.kind()) {
            case METHOD -> "method " + snippet.name() + "()";
            case TYPE_DECL -> "type " + snippet.name();
            case VAR -> "variable " + snippet.name();
            default -> snippet.name();
        };
    }

    /** The message's lines without JShell's empty "location: class" line. */
    private static List<String> messageLines(String message) {
        List<String> lines = message.lines()
                .filter(l -> !l.strip().matches("location: class\\s*"))
                .collect(Collectors.toCollection(ArrayList::new));
        if (lines.isEmpty()) {
            lines.add("error");
        }
        return lines;
    }

    private static String caretPadding(String line, int column) {
        StringBuilder pad = new StringBuilder();
        for (int i = 0; i < Math.min(column, line.length()); i++) {
            pad.append(line.charAt(i) == '\t' ? '\t' : ' ');
        }
        pad.append(" ".repeat(Math.max(0, column - line.length())));
        return pad.toString();
    }
}
