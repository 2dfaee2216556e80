package org.ganworkbook.kernel;

import jdk.jshell.SourceCodeAnalysis;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Code completion, documentation and completeness of cell text, through JShell's
 * {@link SourceCodeAnalysis}. A cell may hold several snippets and magic lines: the functions find the
 * snippet the cursor is in and hand only that one to JShell, with offsets translated back to the cell.
 */
final class Completer {

    private Completer() {
    }

    /** Candidates for the word before {@code cursor}; magic names on a magic line. */
    static CellEvaluator.Completion complete(SourceCodeAnalysis analysis, String code, int cursor) {
        int lineStart = code.lastIndexOf('\n', cursor - 1) + 1;
        String linePrefix = code.substring(lineStart, cursor);
        String stripped = linePrefix.stripLeading();
        if (stripped.startsWith("%") && stripped.indexOf(' ') < 0) {
            List<String> names = new ArrayList<>();
            for (String name : Magics.NAMES) {
                if (("%" + name).startsWith(stripped)) {
                    names.add("%" + name);
                }
            }
            return new CellEvaluator.Completion(names, lineStart + linePrefix.length() - stripped.length(), cursor);
        }
        String prefix = CellSource.codeOnly(code).substring(0, cursor);
        int start = snippetStart(analysis, prefix);
        String snippet = prefix.substring(start);
        int[] anchor = new int[1];
        List<SourceCodeAnalysis.Suggestion> suggestions = analysis.completionSuggestions(snippet, snippet.length(), anchor);
        Set<String> ordered = new LinkedHashSet<>();
        suggestions.stream().filter(SourceCodeAnalysis.Suggestion::matchesType)
                .forEach(s -> ordered.add(s.continuation()));
        suggestions.forEach(s -> ordered.add(s.continuation()));
        return new CellEvaluator.Completion(List.copyOf(ordered), start + anchor[0], cursor);
    }

    /** Signatures (and Javadoc where JShell finds it) of the element at {@code cursor}, or null. */
    static String inspect(SourceCodeAnalysis analysis, String code, int cursor) {
        String text = CellSource.codeOnly(code);
        int end = Math.min(cursor, text.length());
        while (end < text.length() && Character.isJavaIdentifierPart(text.charAt(end))) {
            end++;
        }
        String prefix = text.substring(0, end);
        int start = snippetStart(analysis, prefix);
        String snippet = prefix.substring(start);
        List<SourceCodeAnalysis.Documentation> docs = analysis.documentation(snippet, snippet.length(), true);
        if (docs.isEmpty() && end < text.length() && text.charAt(end) == '(') {
            docs = analysis.documentation(snippet + "(", snippet.length() + 1, true);
        }
        if (docs.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (SourceCodeAnalysis.Documentation doc : docs) {
            if (!sb.isEmpty()) {
                sb.append("\n\n");
            }
            sb.append(doc.signature());
            if (doc.javadoc() != null && !doc.javadoc().isBlank()) {
                sb.append("\n").append(doc.javadoc().strip());
            }
        }
        return sb.toString();
    }

    /** {@code complete}, {@code incomplete}, {@code invalid} or {@code unknown}, as Jupyter's is_complete expects. */
    static String isComplete(SourceCodeAnalysis analysis, String code) {
        String remaining = CellSource.codeOnly(code);
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            switch (info.completeness()) {
                case COMPLETE, COMPLETE_WITH_SEMI -> remaining = info.remaining();
                case EMPTY -> {
                    return "complete";
                }
                case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE -> {
                    return "incomplete";
                }
                default -> {
                    return "invalid";
                }
            }
        }
        return "complete";
    }

    /** Indentation for the next line of incomplete code: the last line's, plus four after an opener. */
    static String nextIndent(String code) {
        String[] lines = code.stripTrailing().split("\n", -1);
        String last = lines.length == 0 ? "" : lines[lines.length - 1];
        String indent = last.substring(0, last.length() - last.stripLeading().length());
        String trimmed = last.strip();
        boolean opens = trimmed.endsWith("{") || trimmed.endsWith("(") || trimmed.endsWith("[");
        return opens ? indent + "    " : indent;
    }

    /** Offset in {@code prefix} where the snippet that {@code prefix} ends in begins. */
    static int snippetStart(SourceCodeAnalysis analysis, String prefix) {
        int start = 0;
        String remaining = prefix;
        while (!remaining.isEmpty()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            boolean complete = info.completeness() == SourceCodeAnalysis.Completeness.COMPLETE
                    || info.completeness() == SourceCodeAnalysis.Completeness.COMPLETE_WITH_SEMI;
            if (!complete || info.remaining().isEmpty()) {
                break;
            }
            start += remaining.length() - info.remaining().length();
            remaining = info.remaining();
        }
        return start;
    }
}
