package org.ganworkbook.kernel;

import com.google.gson.JsonObject;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.ganworkbook.workbook.Budget;
import org.ganworkbook.workbook.Claims;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClaimsRenderingTest {

    @Test
    void aClaimsTableIsShownAsHtmlWithItsJsonBesideItForTheHarness() {
        Claims claims = Claims.of("06-mode-collapse", Budget.FULL).between("modes covered", 2, 1, 8)
                .between("distinct faces", 11, 20, 60);
        DisplayData data = Notebook.render(WorkbookRenderers.create(), claims);
        assertTrue(((String) data.getData(MIMEType.TEXT_HTML)).contains("distinct faces"));
        assertTrue(((String) data.getData(MIMEType.TEXT_PLAIN)).contains("DOES NOT AGREE"));
        JsonObject json = (JsonObject) data.getData(MIMEType.APPLICATION_JSON);
        assertEquals(1, json.get(Claims.JSON_MARKER).getAsInt());
        assertEquals("off", json.getAsJsonArray("claims").get(1).getAsJsonObject().get("status").getAsString());
    }
}
