package org.ganworkbook.grading;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RestorerTest {

    private static List<String> ids(Ipynb nb) {
        return nb.cells().stream().map(c -> NbgraderCell.of(c).map(NbgraderCell::gradeId).orElse("-")).toList();
    }

    @Test
    void anUntouchedReleaseGetsItsHiddenTestsBackAndNoNotes() throws Exception {
        Assignment a = Submissions.assignment("a1-value-function");
        Restorer.Prepared p = Restorer.prepare(a.released(), a.source(), a.released());
        assertEquals(Map.of(), p.cellNotes());
        assertEquals(List.of(), p.notes());
        assertEquals(ids(a.source()), ids(p.notebook()));
        assertEquals(Submissions.sourceOf(a, "a1_value_tests"), Ipynb.source(Submissions.cell(p.notebook(), "a1_value_tests")));
        assertEquals(Ipynb.source(Submissions.cell(a.released(), "a1_value_answer")),
                Ipynb.source(Submissions.cell(p.notebook(), "a1_value_answer")), "answers stay the student's");
        // a task is restored from the released version: its mark scheme is for instructors only
        assertFalse(Ipynb.source(Submissions.cell(p.notebook(), "a1_task")).contains(Markers.BEGIN_MARK_SCHEME));
        // the source version itself is not "edited" either
        assertEquals(Map.of(), Restorer.prepare(a.source(), a.source(), a.released()).cellNotes());
    }

    @Test
    void editedLockedCellsAreRestoredAndReported() throws Exception {
        Assignment a = Submissions.assignment("a1-value-function");
        Ipynb edited = Submissions.with(Submissions.with(a.released(), "a1_value_tests", "// no tests, thanks"),
                "a1_setup", "import org.ganworkbook.grading.Check;");
        String before = edited.toJson();
        Restorer.Prepared p = Restorer.prepare(edited, a.source(), a.released());
        assertEquals(before, edited.toJson(), "the submission is not modified");
        assertEquals(Submissions.sourceOf(a, "a1_value_tests"), Ipynb.source(Submissions.cell(p.notebook(), "a1_value_tests")));
        assertEquals(Submissions.sourceOf(a, "a1_setup"), Ipynb.source(Submissions.cell(p.notebook(), "a1_setup")));
        assertTrue(p.cellNotes().get("a1_value_tests").contains("edited; the original was restored"));
        assertTrue(p.cellNotes().containsKey("a1_setup"));
        assertEquals(2, p.cellNotes().size());
    }

    @Test
    void deletedCellsArePutBackInPlace() throws Exception {
        Assignment a = Submissions.assignment("a1-value-function");
        Ipynb gutted = Submissions.without(Submissions.without(Submissions.correct(a), "a1_dstar_tests"), "a1_cofg_answer");
        Restorer.Prepared p = Restorer.prepare(gutted, a.source(), a.released());
        assertEquals(ids(a.source()), ids(p.notebook()));
        assertEquals(Ipynb.source(Submissions.cell(a.released(), "a1_cofg_answer")),
                Ipynb.source(Submissions.cell(p.notebook(), "a1_cofg_answer")), "a missing answer comes back unanswered");
        assertTrue(p.cellNotes().get("a1_dstar_tests").contains("missing; the original was put back"));
        assertTrue(p.cellNotes().get("a1_cofg_answer").contains("put back unanswered"));
    }

    @Test
    void nobodyCanAddPointsOrChangeThem() throws Exception {
        Assignment a = Submissions.assignment("a1-value-function");
        Ipynb nb = Submissions.correct(a);
        // the student raises the points of a test, copies a test cell, and invents a graded cell
        Ipynb.metadata(Submissions.cell(nb, "a1_value_tests")).getAsJsonObject("nbgrader").addProperty("points", 100);
        JsonObject copy = Submissions.cell(nb, "a1_dstar_tests").deepCopy();
        JsonObject invented = Submissions.cell(nb, "a1_cofg_tests").deepCopy();
        Ipynb.metadata(invented).getAsJsonObject("nbgrader").addProperty("grade_id", "bonus");
        List<JsonObject> cells = new java.util.ArrayList<>(nb.cells());
        cells.add(copy);
        cells.add(invented);
        nb.setCells(cells);
        Restorer.Prepared p = Restorer.prepare(nb, a.source(), a.released());
        assertEquals(3.0, NbgraderCell.of(Submissions.cell(p.notebook(), "a1_value_tests")).orElseThrow().points());
        long graded = p.notebook().cells().stream().filter(c -> NbgraderCell.of(c).map(NbgraderCell::grade).orElse(false)).count();
        assertEquals(4, graded, "3 test cells and the written answer");
        assertEquals(2, p.notes().size(), p.notes().toString());
        assertTrue(p.notes().get(0).contains("second cell with grade_id 'a1_dstar_tests'"));
        assertTrue(p.notes().get(1).contains("'bonus', which the assignment does not have"));
    }

    @Test
    void aChangedCellTypeIsChangedBackAndOutputsAreCleared() throws Exception {
        Assignment a = Submissions.assignment("a1-value-function");
        Ipynb nb = Submissions.correct(a);
        JsonObject answer = Submissions.cell(nb, "a1_written");
        answer.addProperty("cell_type", "raw");
        JsonObject code = Submissions.cell(nb, "a1_dstar_answer");
        code.getAsJsonArray("outputs").add(CellRun.error("Old", "output"));
        nb.metadata().add("kernelspec", new JsonObject());
        Restorer.Prepared p = Restorer.prepare(nb, a.source(), a.released());
        assertEquals("markdown", Ipynb.cellType(Submissions.cell(p.notebook(), "a1_written")));
        assertTrue(p.cellNotes().get("a1_written").contains("changed from markdown to raw"));
        assertEquals(0, Submissions.cell(p.notebook(), "a1_dstar_answer").getAsJsonArray("outputs").size());
        assertEquals("java", p.notebook().kernelLanguage());
    }
}
