package org.ganworkbook.grading;

import com.google.gson.JsonObject;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Makes the student version of an assignment from its source version, as {@code nbgrader
 * generate_assignment} does with the shipped {@code nbgrader_config.py}:
 * <ol>
 *   <li>every solution region becomes {@link Markers#CODE_STUB} (code, which throws when run) or
 *       {@link Markers#TEXT_STUB} (markdown); a solution cell without markers is replaced whole
 *       (unless it already holds the stub, so that releasing a released notebook changes nothing);</li>
 *   <li>hidden tests are removed from autograder-test cells, mark schemes from task cells;</li>
 *   <li>outputs and execution counts are cleared;</li>
 *   <li>cells are locked in Jupyter: nbgrader cells cannot be deleted, and locked cells (tests,
 *       read-only cells, tasks) cannot be edited ({@code metadata.deletable/editable = false});</li>
 *   <li>grade, solution and locked cells get nbgrader's {@code checksum} and {@code cell_type},
 *       computed on the released content ({@link Checksum}).</li>
 * </ol>
 * Everything else (cell ids, the other metadata, the kernelspec) is kept. The source is checked first
 * ({@link MetadataCheck}); a source with problems is not released. Releasing a released notebook gives
 * it back unchanged, which is what lets students grade their work against the released version.
 */
public final class Release {

    private Release() {
    }

    /** A source notebook that cannot be released; the message lists every problem. */
    public static final class ReleaseException extends Exception {
        private static final long serialVersionUID = 1L;

        ReleaseException(String message) {
            super(message);
        }
    }

    /**
     * The student version of {@code source} (which is not modified).
     *
     * @throws ReleaseException if the source breaks nbgrader's rules or this package's conventions
     */
    public static Ipynb of(Ipynb source) throws ReleaseException {
        List<MetadataCheck.Problem> problems = MetadataCheck.check(source, true);
        if (!problems.isEmpty()) {
            throw new ReleaseException(problems.size() + " problem(s) in the source notebook:\n"
                    + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
        }
        return unchecked(source);
    }

    /** {@link #of} without the checks, for notebooks already known to be valid (released versions). */
    static Ipynb unchecked(Ipynb source) {
        Ipynb nb = source.copy();
        nb.metadata().remove("celltoolbar");
        nb.clearOutputs();
        for (JsonObject cell : nb.cells()) {
            NbgraderCell meta = NbgraderCell.of(cell).orElse(null);
            if (meta == null) {
                continue;
            }
            try {
                releaseCell(cell, meta);
            } catch (Markers.MarkerException e) {
                throw new IllegalArgumentException("cell " + meta.gradeId() + ": " + e.getMessage(), e);
            }
        }
        return nb;
    }

    private static void releaseCell(JsonObject cell, NbgraderCell meta) throws Markers.MarkerException {
        boolean code = "code".equals(Ipynb.cellType(cell));
        String text = Ipynb.source(cell);
        if (meta.solution()) {
            String stub = code ? Markers.CODE_STUB : Markers.TEXT_STUB;
            if (Markers.contains(text, Markers.BEGIN_SOLUTION)) {
                Ipynb.setSource(cell, Markers.replaceSolutions(text, stub));
            } else if (!holdsStub(text, stub)) { // a cell that holds the stub was released already: keep it
                Ipynb.setSource(cell, stub);
            }
        } else if (meta.grade()) {
            Ipynb.setSource(cell, Markers.removeHiddenTests(text));
        } else if (meta.task()) {
            Ipynb.setSource(cell, Markers.removeMarkScheme(text));
        }
        JsonObject metadata = Ipynb.metadata(cell);
        if (meta.needsId()) {
            metadata.addProperty("deletable", false);
        }
        if (meta.restoredFromSource() || meta.task()) {
            metadata.addProperty("editable", false);
        }
        if (meta.grade() || meta.solution() || meta.locked()) {
            JsonObject nbgrader = metadata.getAsJsonObject("nbgrader");
            nbgrader.remove("checksum");
            nbgrader.addProperty("cell_type", Ipynb.cellType(cell));
            nbgrader.addProperty("checksum", Checksum.of(cell));
        }
    }

    /** True if every line of the stub is a line of {@code text} (indentation aside). */
    private static boolean holdsStub(String text, String stub) {
        List<String> lines = text.lines().map(String::strip).toList();
        return stub.lines().map(String::strip).allMatch(lines::contains);
    }
}
