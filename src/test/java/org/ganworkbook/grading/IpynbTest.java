package org.ganworkbook.grading;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IpynbTest {

    /** Every committed notebook, as Jupyter (nbformat) wrote it, comes out byte for byte the same. */
    @Test
    void writesNotebooksExactlyAsJupyterDoes() throws Exception {
        List<Path> notebooks = new ArrayList<>(List.of(Path.of("notebooks", "00-start-here.ipynb")));
        for (String name : Submissions.NAMES) {
            notebooks.add(Submissions.sourcePath(name));
        }
        for (Path p : notebooks) {
            String text = Files.readString(p, StandardCharsets.UTF_8);
            assertEquals(text, Ipynb.parse(text).toJson(), p.toString());
        }
    }

    @Test
    void sourceIsJoinedAndSplitIntoLines() throws Exception {
        Ipynb nb = Ipynb.parse("{\"cells\": [{\"cell_type\": \"code\", \"metadata\": {}, \"source\": [\"a\\n\", \"b\"],"
                + " \"outputs\": [], \"execution_count\": null}], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}");
        assertEquals("a\nb", Ipynb.source(nb.cells().get(0)));
        Ipynb.setSource(nb.cells().get(0), "x\r\ny\n\nz");
        assertTrue(nb.toJson().contains("\"x\\r\\n\",\n    \"y\\n\",\n    \"\\n\",\n    \"z\""), nb.toJson());
        assertEquals(List.of("x\r\n", "y\n", "\n", "z"), Ipynb.splitKeepingEnds("x\r\ny\n\nz"));
        assertEquals(List.of(), Ipynb.splitKeepingEnds(""));
    }

    @Test
    void nonAsciiAndControlCharactersAreWrittenAsPythonDoes() throws Exception {
        Ipynb nb = Ipynb.parse("{\"cells\": [], \"metadata\": {\"t\": \"\u00e9\u2014\\u0001\\\"\"}, \"nbformat\": 4,"
                + " \"nbformat_minor\": 5}");
        assertTrue(nb.toJson().contains("\"t\": \"\u00e9\u2014\\u0001\\\"\""), nb.toJson());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "{\"cells\": [",
        "[1, 2]",
        "{\"cells\": []}",
        "{\"nbformat\": 3, \"cells\": []}",
        "{\"nbformat\": 4}",
        "{\"nbformat\": 4, \"cells\": [{\"source\": \"x\"}]}",
        "{\"nbformat\": 4, \"cells\": [{\"cell_type\": \"code\", \"source\": 3}]}",
        "{\"nbformat\": 4, \"cells\": []} trailing",
        "{\"nbformat\": 4, \"cells\": [], }",
    })
    void rejectsWhatIsNotANotebookWithAReason(String text) {
        NotebookFormatException e = assertThrows(NotebookFormatException.class, () -> Ipynb.parse(text));
        assertTrue(e.getMessage().startsWith("not") || e.getMessage().startsWith("nbformat"), e.getMessage());
    }

    @Test
    void copiesAreIndependent() throws Exception {
        Ipynb nb = Submissions.source(Submissions.NAMES.get(0));
        Ipynb copy = nb.copy();
        Ipynb.setSource(copy.cells().get(0), "changed");
        assertTrue(!Ipynb.source(nb.cells().get(0)).equals("changed"));
    }
}
