package org.ganworkbook.grading;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetadataCheckTest {

    @Test
    void theAssignmentsAreValidSourcesAndTheirReleasesValidNotebooks() throws Exception {
        Set<String> allIds = new HashSet<>();
        for (String name : Submissions.NAMES) {
            Ipynb source = Submissions.source(name);
            assertEquals(List.of(), MetadataCheck.check(source, true), name);
            assertEquals(List.of(), MetadataCheck.check(Ipynb.read(Submissions.releasePath(name)), false), name);
            assertEquals("java", source.kernelLanguage());
            int tests = 0;
            int written = 0;
            int readOnly = 0;
            for (JsonObject cell : source.cells()) {
                NbgraderCell m = NbgraderCell.of(cell).orElse(null);
                if (m == null) {
                    continue;
                }
                assertEquals(3, m.schemaVersion());
                assertTrue(allIds.add(m.gradeId()), "grade ids are unique across assignments too: " + m.gradeId());
                switch (m.role()) {
                    case TESTS -> {
                        tests++;
                        assertTrue(m.points() > 0 && m.locked());
                        assertTrue(Ipynb.source(cell).contains(Markers.BEGIN_HIDDEN_TESTS), m.gradeId() + " has hidden tests");
                    }
                    case WRITTEN_ANSWER -> {
                        written++;
                        assertEquals("markdown", Ipynb.cellType(cell));
                        assertTrue(m.points() > 0);
                    }
                    case ANSWER -> assertTrue(Ipynb.source(cell).contains(Markers.BEGIN_SOLUTION), m.gradeId());
                    case READ_ONLY -> readOnly++;
                    default -> { }
                }
            }
            assertTrue(tests >= 3 && written >= 1 && readOnly >= 1, name + ": " + tests + " test cells, " + written
                    + " written answers, " + readOnly + " read-only cells");
        }
    }

    private static Ipynb notebook(String cellsJson) throws NotebookFormatException {
        return Ipynb.parse("{\"cells\": [" + cellsJson + "], \"metadata\": {\"kernelspec\": {\"language\": \"java\", "
                + "\"name\": \"gan-workbook\"}}, \"nbformat\": 4, \"nbformat_minor\": 5}");
    }

    private static String code(String source, String nbgrader) {
        return "{\"cell_type\": \"code\", \"execution_count\": null, \"outputs\": [], \"source\": " + quote(source)
                + ", \"metadata\": " + (nbgrader == null ? "{}" : "{\"nbgrader\": " + nbgrader + "}") + "}";
    }

    private static String markdown(String source, String nbgrader) {
        return "{\"cell_type\": \"markdown\", \"source\": " + quote(source) + ", \"metadata\": "
                + (nbgrader == null ? "{}" : "{\"nbgrader\": " + nbgrader + "}") + "}";
    }

    private static String quote(String s) {
        return new com.google.gson.JsonPrimitive(s).toString();
    }

    private static String tests(String id, String points) {
        return "{\"grade\": true, \"grade_id\": \"" + id + "\", \"locked\": true, \"points\": " + points
                + ", \"schema_version\": 3, \"solution\": false}";
    }

    private static String answer(String id) {
        return "{\"grade\": false, \"grade_id\": \"" + id + "\", \"locked\": false, \"schema_version\": 3, \"solution\": true}";
    }

    private static String problems(Ipynb nb) {
        return MetadataCheck.check(nb, true).toString();
    }

    @Test
    void aValidMinimalAssignmentPasses() throws Exception {
        Ipynb nb = notebook(code("int f() {\n  // BEGIN SOLUTION\n  return 1;\n  // END SOLUTION\n}", answer("f"))
                + "," + code("Check.equal(\"f()\", 1, f());\n// BEGIN HIDDEN TESTS\nCheck.equal(\"f()\", 1, f());\n"
                + "// END HIDDEN TESTS", tests("f_tests", "2")));
        assertEquals(List.of(), MetadataCheck.check(nb, true));
    }

    @Test
    void findsSchemaViolations() throws Exception {
        assertTrue(problems(notebook(code("x", "{\"grade\": false, \"locked\": false, \"solution\": true, \"schema_version\": 2,"
                + " \"grade_id\": \"a\"}"))).contains("schema_version must be 3"));
        assertTrue(problems(notebook(code("x", "{\"grade\": false, \"locked\": false, \"solution\": true, \"schema_version\": 3,"
                + " \"grade_id\": \"a\", \"extra\": 1}"))).contains("unknown key 'extra'"));
        assertTrue(problems(notebook(code("x", "{\"grade\": false, \"solution\": true, \"schema_version\": 3,"
                + " \"grade_id\": \"a\"}"))).contains("lacks the required key 'locked'"));
        assertTrue(problems(notebook(code("x", "{\"grade\": \"yes\", \"locked\": false, \"solution\": true,"
                + " \"schema_version\": 3, \"grade_id\": \"a\"}"))).contains("'grade' must be true or false"));
        assertTrue(problems(notebook(code("x", "{\"grade\": false, \"locked\": false, \"solution\": true,"
                + " \"schema_version\": 3, \"grade_id\": \"a b\"}"))).contains("grade_id must be a string of letters"));
        assertTrue(problems(notebook(code("x;", tests("t", "-1")))).contains("points must be a number >= 0"));
        assertTrue(problems(notebook(code("x;", "{\"grade\": true, \"grade_id\": \"t\", \"locked\": true, \"schema_version\": 3,"
                + " \"solution\": false}"))).contains("a grade cell needs points"));
        assertTrue(problems(notebook(code("x;", "{\"grade\": true, \"locked\": true, \"points\": 1, \"schema_version\": 3,"
                + " \"solution\": false}"))).contains("needs a non-empty grade_id"));
        assertTrue(problems(notebook(code("x;", tests("t", "1").replace("}", ", \"checksum\": \"abc\"}"))))
                .contains("checksum must be a string of 32 characters"));
    }

    @Test
    void findsDuplicateIdsAndMarkdownRules() throws Exception {
        assertTrue(problems(notebook(code("a();", tests("t", "1")) + "," + code("b();", tests("t", "1"))))
                .contains("grade_id 't' is also used by cell 0"));
        assertTrue(problems(notebook(markdown("answer", "{\"grade\": true, \"grade_id\": \"w\", \"locked\": false, "
                + "\"points\": 1, \"schema_version\": 3, \"solution\": false}"))).contains("must also be a solution cell"));
        assertTrue(problems(notebook(markdown("answer", answer("w")))).contains("must also be a grade cell"));
        assertTrue(problems(notebook(code("x;", "{\"grade\": false, \"grade_id\": \"k\", \"locked\": true, \"points\": 1, "
                + "\"schema_version\": 3, \"solution\": false, \"task\": true}"))).contains("a task cell must be markdown"));
    }

    @Test
    void findsMarkerAndJavaProblems() throws Exception {
        assertTrue(problems(notebook(code("// BEGIN SOLUTION\nx\n// END SOLUTION", null))).contains("solution markers in a cell without"));
        assertTrue(problems(notebook(code("int f() {\n// BEGIN SOLUTION\nreturn 1;\n}", answer("f")))).contains("is never closed"));
        assertTrue(problems(notebook(code("// BEGIN HIDDEN TESTS\nf();\n// END HIDDEN TESTS", answer("f"))))
                .contains("hidden tests in a cell that is not an autograder-test cell"));
        assertTrue(problems(notebook(code("// BEGIN SOLUTION\nf();\n// END SOLUTION", tests("t", "1"))))
                .contains("solution markers in a cell that is not a solution cell"));
        assertTrue(problems(notebook(code("assert f() == 1;", tests("t", "1")))).contains("Java 'assert' never fires"));
        assertTrue(problems(notebook(code("System.err.println(f());", tests("t", "1")))).contains("must not write to System.err"));
        assertTrue(problems(notebook(code("f() + 1", tests("t", "1")))).contains("should end with a statement"));
        assertTrue(problems(notebook(code("f();", tests("t", "0")))).contains("worth more than 0 points"));
        assertTrue(problems(notebook(code("f();", tests("t", "1").replace("\"locked\": true", "\"locked\": false"))))
                .contains("should be locked"));
        assertTrue(problems(notebook(code("f();", answer("f").replace("\"locked\": false", "\"locked\": true"))))
                .contains("must not be locked"));
        // a comment or string mentioning assert is fine
        assertEquals(List.of(), MetadataCheck.check(notebook(code("// we never assert here\nCheck.isTrue(true, \"assert x\");",
                tests("t", "1"))), true));
    }

    @Test
    void theKernelLanguageMustBeJava() throws Exception {
        Ipynb nb = Ipynb.parse("{\"cells\": [], \"metadata\": {\"kernelspec\": {\"language\": \"python\"}}, \"nbformat\": 4,"
                + " \"nbformat_minor\": 5}");
        assertTrue(MetadataCheck.check(nb, false).get(0).message().contains("must be 'java'"));
    }
}
