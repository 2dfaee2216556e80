package org.ganworkbook.grading;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ChecksumTest {

    private static String md5(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    private static JsonObject cell(String type, String source, String nbgrader) {
        return JsonParser.parseString("{\"cell_type\": \"" + type + "\", \"source\": " + new com.google.gson.JsonPrimitive(source)
                + ", \"metadata\": {\"nbgrader\": " + nbgrader + "}}").getAsJsonObject();
    }

    @Test
    void followsNbgradersRecipe() throws Exception {
        JsonObject tests = cell("code", "f();\n", "{\"grade\": true, \"grade_id\": \"t1\", \"locked\": true, \"points\": 3, "
                + "\"schema_version\": 3, \"solution\": false}");
        assertEquals(md5("f();\ncodeTrueFalseTruet13.0"), Checksum.of(tests));
        JsonObject answer = cell("markdown", "YOUR ANSWER HERE", "{\"grade\": true, \"grade_id\": \"w\", \"locked\": false, "
                + "\"points\": 2.5, \"schema_version\": 3, \"solution\": true}");
        assertEquals(md5("YOUR ANSWER HEREmarkdownTrueTrueFalsew2.5"), Checksum.of(answer));
        // a locked solution cell still counts as not locked; no points for non-grade cells
        JsonObject solution = cell("code", "x", "{\"grade\": false, \"grade_id\": \"s\", \"locked\": true, "
                + "\"schema_version\": 3, \"solution\": true}");
        assertEquals(md5("xcodeFalseTrueFalses"), Checksum.of(solution));
        JsonObject readOnly = cell("code", "y", "{\"grade\": false, \"grade_id\": \"r\", \"locked\": true, "
                + "\"schema_version\": 3, \"solution\": false}");
        assertEquals(md5("ycodeFalseFalseTruer"), Checksum.of(readOnly));
    }

    @Test
    void changesWithTheSource() {
        String meta = "{\"grade\": true, \"grade_id\": \"t\", \"locked\": true, \"points\": 1, \"schema_version\": 3, \"solution\": false}";
        assertNotEquals(Checksum.of(cell("code", "a", meta)), Checksum.of(cell("code", "b", meta)));
        assertThrows(IllegalArgumentException.class, () -> Checksum.of(JsonParser.parseString(
                "{\"cell_type\": \"code\", \"source\": \"\", \"metadata\": {}}").getAsJsonObject()));
    }

    @Test
    void printsFloatsAsPythonDoes() {
        assertEquals("3.0", Checksum.pythonFloat(3));
        assertEquals("0.5", Checksum.pythonFloat(0.5));
        assertEquals("2.25", Checksum.pythonFloat(2.25));
        assertEquals("0.1", Checksum.pythonFloat(0.1));
        assertEquals("0.0", Checksum.pythonFloat(0));
        assertEquals("10000000.0", Checksum.pythonFloat(1e7));
        assertEquals("0.0001", Checksum.pythonFloat(1e-4));
        assertEquals("1e-05", Checksum.pythonFloat(1e-5));
        assertEquals("1e+16", Checksum.pythonFloat(1e16));
        assertEquals("1.5e+20", Checksum.pythonFloat(1.5e20));
    }
}
