package org.ganworkbook.kernel;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NotebookTest {

    @Test
    void displayGoesToTheBoundOutputAndFailsClearlyWithoutOne() {
        RecordingSink sink = new RecordingSink();
        try (CellOutput output = new CellOutput(sink)) {
            Notebook.bind(WorkbookRenderers.create(), output);
            String id = Notebook.display(12.5);
            Notebook.updateDisplay(id, "<b>x</b>", "text/html");
            Notebook.unbind(output);
            assertEquals(2, sink.displays().size());
            assertEquals(id, sink.displays().get(1).data().getDisplayId());
            assertEquals("12.5", sink.displays().get(0).data().getData(
                    org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.TEXT_PLAIN));
            assertEquals("<b>x</b>", sink.displays().get(1).data().getData(
                    org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.TEXT_HTML));
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> Notebook.display("x"));
            assertTrue(e.getMessage().contains("kernel"), e.getMessage());
        }
    }
}
