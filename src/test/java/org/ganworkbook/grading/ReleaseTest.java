package org.ganworkbook.grading;

import com.google.gson.JsonObject;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReleaseTest {

    @Test
    void releasedVersionsHoldNoSolutionsNoHiddenTestsAndKeepTheMetadata() throws Exception {
        for (String name : Submissions.NAMES) {
            Ipynb source = Submissions.source(name);
            Ipynb released = Release.of(source);
            List<JsonObject> before = source.cells();
            List<JsonObject> after = released.cells();
            assertEquals(before.size(), after.size(), name);
            for (int i = 0; i < after.size(); i++) {
                JsonObject s = before.get(i);
                JsonObject r = after.get(i);
                String text = Ipynb.source(r);
                for (String marker : List.of(Markers.BEGIN_SOLUTION, Markers.END_SOLUTION, Markers.BEGIN_HIDDEN_TESTS,
                        Markers.END_HIDDEN_TESTS, Markers.BEGIN_MARK_SCHEME, Markers.END_MARK_SCHEME, "Model answer")) {
                    assertFalse(text.contains(marker), name + " cell " + i + " still contains " + marker);
                }
                assertEquals(s.get("id"), r.get("id"));
                assertEquals(Ipynb.cellType(s), Ipynb.cellType(r));
                if ("code".equals(Ipynb.cellType(r))) {
                    assertEquals(0, r.getAsJsonArray("outputs").size());
                    assertTrue(r.get("execution_count").isJsonNull());
                }
                NbgraderCell sm = NbgraderCell.of(s).orElse(null);
                NbgraderCell rm = NbgraderCell.of(r).orElse(null);
                if (sm == null) {
                    assertEquals(Ipynb.source(s), text, "cells without nbgrader metadata are kept as they are");
                    continue;
                }
                assertEquals(new NbgraderCell(sm.gradeId(), sm.grade(), sm.solution(), sm.locked(), sm.task(), sm.points(),
                        3, rm.checksum()), rm, "metadata kept");
                assertEquals(Checksum.of(r), rm.checksum(), "nbgrader's checksum of the released cell");
                assertEquals(Ipynb.cellType(r), Ipynb.metadata(r).getAsJsonObject("nbgrader").get("cell_type").getAsString());
                assertFalse(Ipynb.metadata(r).get("deletable").getAsBoolean());
                switch (sm.role()) {
                    case ANSWER -> assertTrue(text.contains(Markers.CODE_STUB.lines().toList().get(1).strip()), text);
                    case WRITTEN_ANSWER -> assertEquals(Markers.TEXT_STUB, text);
                    case TESTS -> {
                        assertEquals(Markers.removeHiddenTests(Ipynb.source(s)), text);
                        assertTrue(text.contains("Check."), "a visible test is left in " + sm.gradeId());
                        assertFalse(Ipynb.metadata(r).get("editable").getAsBoolean());
                    }
                    case READ_ONLY -> {
                        assertEquals(Ipynb.source(s), text);
                        assertFalse(Ipynb.metadata(r).get("editable").getAsBoolean());
                    }
                    default -> { }
                }
            }
            assertEquals(source.metadata(), released.metadata(), "kernelspec and other notebook metadata kept");
        }
    }

    @Test
    void theCommittedReleasesAreUpToDate() throws Exception {
        for (String name : Submissions.NAMES) {
            String expected = Release.of(Submissions.source(name)).toJson();
            String committed = Files.readString(Submissions.releasePath(name), StandardCharsets.UTF_8);
            assertEquals(expected, committed, name + " is stale: run  java -jar target/gan-workbook.jar grade release "
                    + "notebooks/assignments/source --out notebooks/assignments/release");
        }
    }

    @Test
    void releasingAReleaseChangesNothing() throws Exception {
        for (String name : Submissions.NAMES) {
            Ipynb released = Ipynb.read(Submissions.releasePath(name));
            assertEquals(released.toJson(), Release.unchecked(released).toJson(), name);
        }
    }

    @Test
    void theSourceIsNotModified() throws Exception {
        Ipynb source = Submissions.source(Submissions.NAMES.get(0));
        String before = source.toJson();
        Release.of(source);
        assertEquals(before, source.toJson());
    }

    @Test
    void aBrokenSourceIsNotReleased() throws Exception {
        Ipynb source = Submissions.source(Submissions.NAMES.get(0));
        Ipynb broken = Submissions.with(source, "a1_value_answer", "double valueEstimate() {\n// BEGIN SOLUTION\nreturn 0;\n}");
        Release.ReleaseException e = assertThrows(Release.ReleaseException.class, () -> Release.of(broken));
        assertTrue(e.getMessage().contains("a1_value_answer") && e.getMessage().contains("never closed"), e.getMessage());
    }

    /** The placeholder really throws: every released answer cell compiles, and calling it fails with the message. */
    @Test
    void unansweredExercisesThrowThePlaceholderException() throws Exception {
        Ipynb released = Ipynb.read(Submissions.releasePath("a1-value-function"));
        try (JShell shell = JShell.builder().executionEngine("local").build()) {
            for (String id : List.of("a1_value_answer", "a1_dstar_answer", "a1_cofg_answer")) {
                for (SnippetEvent e : shell.eval(Ipynb.source(Submissions.cell(released, id)))) {
                    assertEquals(Snippet.Status.VALID, e.status(), id + ": " + shell.diagnostics(e.snippet()).toList());
                }
            }
            List<SnippetEvent> call = shell.eval("valueEstimate(new double[] {0.5}, new double[] {0.5})");
            EvalException thrown = assertInstanceOf(EvalException.class, call.get(0).exception());
            assertEquals("java.lang.UnsupportedOperationException", thrown.getExceptionClassName());
            assertEquals(Markers.PLACEHOLDER_MESSAGE, thrown.getMessage());
            assertNotNull(shell.eval("dStar(1, 1)").get(0).exception());
        }
    }
}
