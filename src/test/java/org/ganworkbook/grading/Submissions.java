package org.ganworkbook.grading;

import com.google.gson.JsonObject;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Test fixtures: the committed assignments, and student submissions made from them the way a student
 * would make them (the released notebook with answers typed in), including hostile ones.
 */
final class Submissions {

    static final Path SOURCES = Path.of("notebooks", "assignments", "source");
    static final Path RELEASES = Path.of("notebooks", "assignments", "release");
    static final List<String> NAMES = List.of("a1-value-function", "a2-maxout-and-generator-loss", "a3-parzen-log-likelihood");

    private Submissions() {
    }

    static Path sourcePath(String name) {
        return SOURCES.resolve(name).resolve(name + ".ipynb");
    }

    static Path releasePath(String name) {
        return RELEASES.resolve(name).resolve(name + ".ipynb");
    }

    static Ipynb source(String name) throws Exception {
        return Ipynb.read(sourcePath(name));
    }

    static Assignment assignment(String name) throws IOException {
        return Assignment.load(sourcePath(name));
    }

    /** The released notebook with every answer filled in from the source's solutions (markers dropped). */
    static Ipynb correct(Assignment a) {
        Ipynb nb = a.released().copy();
        for (JsonObject cell : nb.cells()) {
            NbgraderCell meta = NbgraderCell.of(cell).orElse(null);
            if (meta != null && meta.solution()) {
                Ipynb.setSource(cell, withoutMarkerLines(sourceOf(a, meta.gradeId())));
            }
        }
        return nb;
    }

    /** The source text of a cell of the assignment's source version. */
    static String sourceOf(Assignment a, String gradeId) {
        return Ipynb.source(cell(a.source(), gradeId));
    }

    /** The cell with this grade_id (live). */
    static JsonObject cell(Ipynb nb, String gradeId) {
        return nb.cells().stream()
                .filter(c -> gradeId.equals(NbgraderCell.of(c).map(NbgraderCell::gradeId).orElse(null)))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no cell " + gradeId));
    }

    /** {@code nb} with the source of cell {@code gradeId} replaced. */
    static Ipynb with(Ipynb nb, String gradeId, String source) {
        Ipynb copy = nb.copy();
        Ipynb.setSource(cell(copy, gradeId), source);
        return copy;
    }

    /** {@code nb} without cell {@code gradeId}. */
    static Ipynb without(Ipynb nb, String gradeId) {
        Ipynb copy = nb.copy();
        copy.setCells(copy.cells().stream()
                .filter(c -> !gradeId.equals(NbgraderCell.of(c).map(NbgraderCell::gradeId).orElse(null))).toList());
        return copy;
    }

    static String withoutMarkerLines(String text) {
        return text.lines().filter(l -> !l.contains(Markers.BEGIN_SOLUTION) && !l.contains(Markers.END_SOLUTION))
                .collect(Collectors.joining("\n"));
    }
}
