package org.ganworkbook.grading;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An assignment as the grader uses it: the source notebook submissions are graded against, its
 * released version, and the grade ids that identify it.
 *
 * @param name     the notebook's file name without {@code .ipynb}
 * @param path     where the source notebook is
 * @param source   the source version (hidden tests included), or a released version
 * @param released the student version made from it
 * @param gradeIds the grade ids of its graded, answer and locked cells
 */
public record Assignment(String name, Path path, Ipynb source, Ipynb released, Set<String> gradeIds) {

    /**
     * Reads a source (or released) notebook and checks its nbgrader metadata.
     *
     * @throws IOException if it cannot be read or is not a valid assignment notebook
     */
    public static Assignment load(Path path) throws IOException {
        Ipynb source;
        try {
            source = Ipynb.read(path);
        } catch (NotebookFormatException e) {
            throw new IOException(path + ": " + e.getMessage(), e);
        }
        List<MetadataCheck.Problem> problems = MetadataCheck.check(source, false);
        if (!problems.isEmpty()) {
            throw new IOException(path + " is not a valid assignment notebook:\n" + problems.stream()
                    .map(p -> "  " + p).collect(Collectors.joining("\n")));
        }
        Ipynb released;
        try {
            released = Release.unchecked(source);
        } catch (IllegalArgumentException e) {
            throw new IOException(path + ": " + e.getMessage(), e);
        }
        Set<String> ids = new LinkedHashSet<>();
        for (var cell : source.cells()) {
            NbgraderCell.of(cell).filter(NbgraderCell::needsId).map(NbgraderCell::gradeId).ifPresent(ids::add);
        }
        if (ids.isEmpty()) {
            throw new IOException(path + " has no nbgrader cells; is it an assignment notebook?");
        }
        String file = path.getFileName().toString();
        return new Assignment(file.endsWith(".ipynb") ? file.substring(0, file.length() - 6) : file, path, source,
                released, Set.copyOf(ids));
    }

    /** Points possible in autograder-test cells. */
    public double autogradedPoints() {
        return points(NbgraderCell.Role.TESTS);
    }

    /** Points possible in all graded cells and tasks. */
    public double totalPoints() {
        double sum = 0;
        for (var cell : source.cells()) {
            sum += NbgraderCell.of(cell).filter(NbgraderCell::hasPoints).map(NbgraderCell::points).orElse(0.0);
        }
        return sum;
    }

    private double points(NbgraderCell.Role role) {
        double sum = 0;
        for (var cell : source.cells()) {
            sum += NbgraderCell.of(cell).filter(m -> m.role() == role).map(NbgraderCell::points).orElse(0.0);
        }
        return sum;
    }
}
