package org.ganworkbook.grading;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the notebook that is actually run from a student's submission and the source version, as
 * {@code nbgrader autograde} does before executing:
 * <ul>
 *   <li>locked cells (autograder tests, read-only cells, tasks) are put back as the instructor wrote
 *       them, whatever the student did to them, and an edited one is reported: code from the source
 *       version (hidden tests included), markdown from the released one (a task's mark scheme stays out);</li>
 *   <li>answer cells keep the student's text, with their nbgrader metadata (points, flags) and cell
 *       type taken from the source version;</li>
 *   <li>a graded or locked cell the student deleted is put back where it belongs (an answer cell as its
 *       unanswered released form);</li>
 *   <li>cells the student added are kept and run; nbgrader metadata the source does not know, or a
 *       second copy of a grade_id, is removed, so nobody can add points;</li>
 *   <li>outputs are cleared and the notebook's kernelspec is the source's.</li>
 * </ul>
 * Neither argument is modified.
 */
public final class Restorer {

    private Restorer() {
    }

    /**
     * The notebook to run and what was changed.
     *
     * @param notebook  the notebook to execute
     * @param cellNotes per grade_id, what the grader did to that cell (e.g. "edited; restored")
     * @param notes     everything else worth telling (unknown grade ids, duplicates)
     */
    public record Prepared(Ipynb notebook, Map<String, String> cellNotes, List<String> notes) {
    }

    /**
     * @param submission what the student handed in
     * @param source     the source version (or, for a student checking their own work, the released one)
     * @param released   the released version of {@code source} ({@link Release}), to tell edits from hidden tests
     */
    public static Prepared prepare(Ipynb submission, Ipynb source, Ipynb released) {
        Map<String, JsonObject> sourceCells = new LinkedHashMap<>();
        for (JsonObject cell : source.cells()) {
            NbgraderCell.of(cell).filter(m -> m.needsId() && m.gradeId() != null)
                    .ifPresent(m -> sourceCells.put(m.gradeId(), cell));
        }
        Map<String, JsonObject> releasedCells = new HashMap<>();
        for (JsonObject cell : released.cells()) {
            NbgraderCell.of(cell).filter(m -> m.gradeId() != null).ifPresent(m -> releasedCells.put(m.gradeId(), cell));
        }
        Map<String, String> cellNotes = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        List<JsonObject> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonObject original : submission.cells()) {
            JsonObject cell = original.deepCopy();
            String id = NbgraderCell.of(cell).map(NbgraderCell::gradeId).orElse(null);
            if (id != null && sourceCells.containsKey(id) && seen.add(id)) {
                out.add(restore(cell, sourceCells.get(id), releasedCells.get(id), cellNotes));
                continue;
            }
            if (NbgraderCell.of(cell).isPresent()) {
                Ipynb.metadata(cell).remove("nbgrader");
                if (id != null && seen.contains(id)) {
                    notes.add("a second cell with grade_id '" + id + "' was run as an ordinary cell (only the first "
                            + "copy of a graded cell counts)");
                } else if (id != null) {
                    notes.add("a cell with grade_id '" + id + "', which the assignment does not have, was run as an "
                            + "ordinary cell");
                }
            }
            out.add(clearOutputs(cell));
        }
        insertMissing(sourceCells, releasedCells, seen, out, cellNotes);
        Ipynb nb = submission.copy();
        nb.setCells(out);
        JsonElement spec = source.metadata().get("kernelspec");
        if (spec != null) {
            nb.metadata().add("kernelspec", spec.deepCopy());
        }
        return new Prepared(nb, cellNotes, notes);
    }

    private static JsonObject restore(JsonObject cell, JsonObject sourceCell, JsonObject releasedCell,
                                      Map<String, String> cellNotes) {
        NbgraderCell meta = NbgraderCell.of(sourceCell).orElseThrow();
        String id = meta.gradeId();
        if (meta.restoredFromSource() || meta.task()) {
            // unchanged = as released, or as in the source (an instructor grading the source version itself)
            String text = normalized(Ipynb.source(cell));
            boolean same = text.equals(normalized(Ipynb.source(sourceCell)))
                    || releasedCell != null && text.equals(normalized(Ipynb.source(releasedCell)));
            if (!same || !Ipynb.cellType(cell).equals(Ipynb.cellType(sourceCell))) {
                cellNotes.put(id, "this locked cell had been edited; the original was restored before grading");
            }
            boolean code = "code".equals(Ipynb.cellType(sourceCell));
            JsonObject restored = (code || releasedCell == null ? sourceCell : releasedCell).deepCopy();
            if (cell.has("id")) {
                restored.add("id", cell.get("id"));
            }
            return clearOutputs(restored);
        }
        JsonObject metadata = Ipynb.metadata(cell);
        metadata.add("nbgrader", Ipynb.metadata(sourceCell).get("nbgrader").deepCopy());
        String type = Ipynb.cellType(sourceCell);
        if (!type.equals(Ipynb.cellType(cell))) {
            cellNotes.put(id, "the cell had been changed from " + type + " to " + Ipynb.cellType(cell)
                    + "; it was changed back");
            cell.addProperty("cell_type", type);
            if ("code".equals(type)) {
                cell.add("outputs", new com.google.gson.JsonArray());
                cell.add("execution_count", com.google.gson.JsonNull.INSTANCE);
            } else {
                cell.remove("outputs");
                cell.remove("execution_count");
            }
        }
        return clearOutputs(cell);
    }

    /** Puts back graded and locked cells the submission lacks, after the nearest earlier one it has. */
    private static void insertMissing(Map<String, JsonObject> sourceCells, Map<String, JsonObject> releasedCells,
                                      Set<String> seen, List<JsonObject> out, Map<String, String> cellNotes) {
        List<String> order = new ArrayList<>(sourceCells.keySet());
        for (int k = 0; k < order.size(); k++) {
            String id = order.get(k);
            if (seen.contains(id)) {
                continue;
            }
            JsonObject sourceCell = sourceCells.get(id);
            NbgraderCell meta = NbgraderCell.of(sourceCell).orElseThrow();
            boolean fromReleased = (meta.solution() || !"code".equals(Ipynb.cellType(sourceCell)))
                    && releasedCells.containsKey(id);
            JsonObject put = fromReleased ? releasedCells.get(id).deepCopy() : sourceCell.deepCopy();
            if (meta.solution()) {
                Ipynb.metadata(put).add("nbgrader", Ipynb.metadata(sourceCell).get("nbgrader").deepCopy());
            }
            int at = positionAfter(order.subList(0, k), out);
            out.add(at, clearOutputs(put));
            seen.add(id);
            cellNotes.put(id, meta.solution() ? "this answer cell was missing; it was put back unanswered"
                    : "this cell was missing; the original was put back before grading");
        }
    }

    private static int positionAfter(List<String> earlierIds, List<JsonObject> out) {
        for (int k = earlierIds.size() - 1; k >= 0; k--) {
            String id = earlierIds.get(k);
            for (int i = out.size() - 1; i >= 0; i--) {
                if (id.equals(NbgraderCell.of(out.get(i)).map(NbgraderCell::gradeId).orElse(null))) {
                    return i + 1;
                }
            }
        }
        return 0;
    }

    private static JsonObject clearOutputs(JsonObject cell) {
        if ("code".equals(Ipynb.cellType(cell))) {
            cell.add("outputs", new com.google.gson.JsonArray());
            cell.add("execution_count", com.google.gson.JsonNull.INSTANCE);
        }
        return cell;
    }

    /** Text compared without differences in line ends, trailing spaces and surrounding blank lines. */
    static String normalized(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
            out.append(line.stripTrailing()).append('\n');
        }
        return out.toString().strip();
    }
}
