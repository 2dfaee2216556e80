package org.ganworkbook.grading;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A Jupyter notebook (nbformat 4) as a JSON tree, read leniently and written exactly as Jupyter and
 * {@code nbformat.write} write it: keys sorted, one space of indentation, non-ASCII characters as
 * they are, multi-line strings ({@code source}, stream {@code text}, {@code text/*} data) as lists of
 * lines, and a final newline. So a notebook read and written again is byte-for-byte unchanged, and the
 * released notebooks this package writes diff cleanly against hand-edited ones.
 *
 * <p>Nothing of the notebook is interpreted beyond what grading needs; every field is kept. The tree
 * is mutable: {@link #copy()} first when the original must stay as it is.
 */
public final class Ipynb {

    private final JsonObject root;

    private Ipynb(JsonObject root) {
        this.root = root;
    }

    /**
     * Parses notebook JSON.
     *
     * @throws NotebookFormatException if the text is not JSON, or not an nbformat 4 notebook (the
     *                                 message says what was found and where)
     */
    public static Ipynb parse(String json) throws NotebookFormatException {
        if (json.isBlank()) {
            throw new NotebookFormatException("not a notebook: the file is empty");
        }
        JsonElement element;
        try {
            JsonReader reader = new JsonReader(new StringReader(json));
            reader.setStrictness(Strictness.STRICT);
            element = JsonParser.parseReader(reader);
            boolean trailing;
            try {
                trailing = reader.peek() != com.google.gson.stream.JsonToken.END_DOCUMENT;
            } catch (IOException e) {
                trailing = true;
            }
            if (trailing) {
                throw new NotebookFormatException("not valid JSON: more text follows the notebook's closing brace");
            }
        } catch (JsonParseException | StackOverflowError e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new NotebookFormatException("not valid JSON: " + readable(cause.getMessage()));
        }
        if (!element.isJsonObject()) {
            throw new NotebookFormatException("not a notebook: the JSON is a " + kind(element) + ", not an object");
        }
        JsonObject root = element.getAsJsonObject();
        JsonElement format = root.get("nbformat");
        if (format == null || !format.isJsonPrimitive() || !format.getAsJsonPrimitive().isNumber()) {
            throw new NotebookFormatException("not a notebook: no \"nbformat\" version number");
        }
        if (format.getAsInt() != 4) {
            throw new NotebookFormatException("nbformat " + format.getAsInt() + " is not supported; open the notebook "
                    + "in Jupyter and save it again (that writes nbformat 4)");
        }
        JsonElement cells = root.get("cells");
        if (cells == null || !cells.isJsonArray()) {
            throw new NotebookFormatException("not a notebook: no \"cells\" list");
        }
        int i = 0;
        for (JsonElement cell : cells.getAsJsonArray()) {
            if (!cell.isJsonObject() || !cell.getAsJsonObject().has("cell_type")
                    || !cell.getAsJsonObject().get("cell_type").isJsonPrimitive()) {
                throw new NotebookFormatException("not a notebook: cell " + i + " has no cell_type");
            }
            JsonElement source = cell.getAsJsonObject().get("source");
            if (source != null && !(source.isJsonArray() || (source.isJsonPrimitive() && source.getAsJsonPrimitive().isString()))) {
                throw new NotebookFormatException("not a notebook: the source of cell " + i + " is a " + kind(source));
            }
            JsonElement metadata = cell.getAsJsonObject().get("metadata");
            if (metadata != null && !metadata.isJsonObject()) {
                throw new NotebookFormatException("not a notebook: the metadata of cell " + i + " is not an object");
            }
            i++;
        }
        if (root.has("metadata") && !root.get("metadata").isJsonObject()) {
            throw new NotebookFormatException("not a notebook: its metadata is not an object");
        }
        return new Ipynb(root);
    }

    /** Gson's message in a line: "malformed JSON at line 3 column 7" rather than its advice to parse leniently. */
    private static String readable(String message) {
        if (message == null) {
            return "the text ended or broke off unexpectedly";
        }
        String first = message.lines().findFirst().orElse(message);
        int path = first.indexOf(" path $");
        if (path > 0) {
            first = first.substring(0, path);
        }
        return first.replace("Use JsonReader.setStrictness(Strictness.LENIENT) to accept malformed JSON", "malformed JSON")
                .replace("End of input", "the text ends too early");
    }

    /** Reads and parses a file (UTF-8). */
    public static Ipynb read(Path path) throws IOException, NotebookFormatException {
        return parse(Files.readString(path, StandardCharsets.UTF_8));
    }

    /** A deep copy. */
    public Ipynb copy() {
        return new Ipynb(root.deepCopy());
    }

    /** The cells, live (changes write through). */
    public List<JsonObject> cells() {
        List<JsonObject> cells = new ArrayList<>();
        for (JsonElement e : root.getAsJsonArray("cells")) {
            cells.add(e.getAsJsonObject());
        }
        return cells;
    }

    /** Replaces the list of cells. */
    public void setCells(List<JsonObject> cells) {
        JsonArray array = new JsonArray();
        cells.forEach(array::add);
        root.add("cells", array);
    }

    /** The notebook's metadata object, created if absent. */
    public JsonObject metadata() {
        if (!root.has("metadata")) {
            root.add("metadata", new JsonObject());
        }
        return root.getAsJsonObject("metadata");
    }

    /** {@code metadata.kernelspec.language}, or null. */
    public String kernelLanguage() {
        JsonElement spec = metadata().get("kernelspec");
        if (spec == null || !spec.isJsonObject()) {
            return null;
        }
        JsonElement language = spec.getAsJsonObject().get("language");
        return language != null && language.isJsonPrimitive() ? language.getAsString() : null;
    }

    /** A cell's source as one string (nbformat allows a string or a list of lines). */
    public static String source(JsonObject cell) {
        return text(cell.get("source"));
    }

    /** A multi-line string field as one string: a string as it is, a list of lines joined, null as "". */
    public static String text(JsonElement source) {
        if (source == null || source.isJsonNull()) {
            return "";
        }
        if (source.isJsonPrimitive()) {
            return source.getAsString();
        }
        StringBuilder text = new StringBuilder();
        for (JsonElement line : source.getAsJsonArray()) {
            text.append(line.isJsonPrimitive() ? line.getAsString() : "");
        }
        return text.toString();
    }

    /** Sets a cell's source (stored as one string; {@link #toJson()} splits it into lines). */
    public static void setSource(JsonObject cell, String source) {
        cell.addProperty("source", source);
    }

    /** {@code code}, {@code markdown} or {@code raw}. */
    public static String cellType(JsonObject cell) {
        return cell.get("cell_type").getAsString();
    }

    /** A cell's metadata object, created if absent. */
    public static JsonObject metadata(JsonObject cell) {
        if (!cell.has("metadata") || !cell.get("metadata").isJsonObject()) {
            cell.add("metadata", new JsonObject());
        }
        return cell.getAsJsonObject("metadata");
    }

    /** Removes outputs and execution counts of every code cell. */
    public void clearOutputs() {
        for (JsonObject cell : cells()) {
            if ("code".equals(cellType(cell))) {
                cell.add("outputs", new JsonArray());
                cell.add("execution_count", com.google.gson.JsonNull.INSTANCE);
            }
        }
    }

    /** The notebook as nbformat writes it (see the class comment), ending with a newline. */
    public String toJson() {
        StringBuilder out = new StringBuilder();
        write(splitLines(root.deepCopy()), 0, out);
        return out.append('\n').toString();
    }

    /** Writes {@link #toJson()} to a file (UTF-8), creating parent folders. */
    public void write(Path path) throws IOException {
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(path, toJson(), StandardCharsets.UTF_8);
    }

    /** The root object (live). */
    JsonObject root() {
        return root;
    }

    // ---------------------------------------------------------------- nbformat's way of writing

    private static final Set<String> SPLIT_NON_TEXT_MIMES = Set.of("application/javascript", "image/svg+xml");

    /** Multi-line strings become lists of lines, as nbformat's {@code split_lines} does. */
    private static JsonObject splitLines(JsonObject nb) {
        JsonElement cells = nb.get("cells");
        if (cells == null || !cells.isJsonArray()) {
            return nb;
        }
        for (JsonElement c : cells.getAsJsonArray()) {
            JsonObject cell = c.getAsJsonObject();
            splitField(cell, "source");
            JsonElement outputs = cell.get("outputs");
            if (outputs != null && outputs.isJsonArray()) {
                for (JsonElement o : outputs.getAsJsonArray()) {
                    if (!o.isJsonObject()) {
                        continue;
                    }
                    JsonObject output = o.getAsJsonObject();
                    splitField(output, "text");
                    JsonElement data = output.get("data");
                    if (data != null && data.isJsonObject()) {
                        for (Map.Entry<String, JsonElement> e : data.getAsJsonObject().entrySet()) {
                            String mime = e.getKey();
                            if (!"application/json".equals(mime) && (mime.startsWith("text/") || SPLIT_NON_TEXT_MIMES.contains(mime))) {
                                splitField(data.getAsJsonObject(), mime);
                            }
                        }
                    }
                }
            }
        }
        return nb;
    }

    private static void splitField(JsonObject object, String key) {
        JsonElement value = object.get(key);
        if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
            return;
        }
        JsonArray lines = new JsonArray();
        for (String line : splitKeepingEnds(value.getAsString())) {
            lines.add(line);
        }
        object.add(key, lines);
    }

    /** Python's {@code str.splitlines(True)} for the line ends notebooks contain (\n, \r\n, \r). */
    static List<String> splitKeepingEnds(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                int end = c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n' ? i + 2 : i + 1;
                lines.add(text.substring(start, end));
                start = end;
                i = end;
            } else {
                i++;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    /** Python's {@code json.dumps(indent=1, sort_keys=True, ensure_ascii=False, separators=(",", ": "))}. */
    private static void write(JsonElement e, int depth, StringBuilder out) {
        if (e == null || e.isJsonNull()) {
            out.append("null");
        } else if (e.isJsonPrimitive()) {
            JsonPrimitive p = e.getAsJsonPrimitive();
            if (p.isString()) {
                quote(p.getAsString(), out);
            } else if (p.isBoolean()) {
                out.append(p.getAsBoolean() ? "true" : "false");
            } else {
                out.append(p.getAsNumber().toString());
            }
        } else if (e.isJsonArray()) {
            JsonArray a = e.getAsJsonArray();
            if (a.isEmpty()) {
                out.append("[]");
                return;
            }
            out.append("[\n");
            for (int i = 0; i < a.size(); i++) {
                indent(depth + 1, out);
                write(a.get(i), depth + 1, out);
                out.append(i + 1 < a.size() ? ",\n" : "\n");
            }
            indent(depth, out);
            out.append(']');
        } else {
            Map<String, JsonElement> sorted = new TreeMap<>(Ipynb::compareCodePoints);
            for (Map.Entry<String, JsonElement> entry : e.getAsJsonObject().entrySet()) {
                sorted.put(entry.getKey(), entry.getValue());
            }
            if (sorted.isEmpty()) {
                out.append("{}");
                return;
            }
            out.append("{\n");
            int i = 0;
            for (Map.Entry<String, JsonElement> entry : sorted.entrySet()) {
                indent(depth + 1, out);
                quote(entry.getKey(), out);
                out.append(": ");
                write(entry.getValue(), depth + 1, out);
                out.append(++i < sorted.size() ? ",\n" : "\n");
            }
            indent(depth, out);
            out.append('}');
        }
    }

    /** Python sorts str keys by code point; Java's compareTo compares UTF-16 units (differs above U+FFFF). */
    private static int compareCodePoints(String a, String b) {
        return java.util.Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
    }

    private static void indent(int depth, StringBuilder out) {
        out.append(" ".repeat(depth));
    }

    private static void quote(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c) && !validSurrogateAt(s, i)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static boolean validSurrogateAt(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    private static String kind(JsonElement e) {
        if (e.isJsonArray()) {
            return "list";
        }
        if (e.isJsonNull()) {
            return "null";
        }
        if (e.isJsonObject()) {
            return "object";
        }
        return e.getAsJsonPrimitive().isString() ? "string" : e.getAsJsonPrimitive().isNumber() ? "number" : "boolean";
    }
}
