package org.ganworkbook.grading;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.util.List;

/**
 * What happened when one code cell ran: its outputs in nbformat form (stream, display_data,
 * execute_result, error), how it ended, and how long it took.
 *
 * @param outputs        the outputs, as stored in a notebook
 * @param executionCount the kernel's execution count, or null
 * @param end            how the cell ended
 * @param seconds        wall time from request to end
 * @param exitCode       the kernel's exit status if it died, else null
 * @param notes          what the grader did or noticed (output truncated, interrupt sent, ...)
 */
public record CellRun(JsonArray outputs, Integer executionCount, End end, double seconds, Integer exitCode,
                      List<String> notes) {

    /** How a cell ended. */
    public enum End {
        /** It finished without an error. */
        OK,
        /** It finished with an error (an exception, a compile error). */
        ERROR,
        /** It ran past the per-cell time limit and was interrupted (or the kernel was stopped). */
        TIMEOUT,
        /** The kernel process ended while the cell ran (System.exit, a crash). */
        DIED,
        /** It was not run: the submission's total time ran out or the kernel could not be started again. */
        NOT_RUN
    }

    /** A cell that was not run, with the reason as its error output. */
    static CellRun notRun(String reason) {
        JsonArray outputs = new JsonArray();
        outputs.add(error("NotRun", reason));
        return new CellRun(outputs, null, End.NOT_RUN, 0, null, List.of(reason));
    }

    /** True if some output is text on stderr. */
    public boolean wroteToStderr() {
        for (JsonElement o : outputs) {
            JsonObject out = o.getAsJsonObject();
            if ("stream".equals(str(out, "output_type")) && "stderr".equals(str(out, "name"))) {
                return true;
            }
        }
        return false;
    }

    /** The text written to stderr (possibly empty). */
    public String stderrText() {
        StringBuilder text = new StringBuilder();
        for (JsonElement o : outputs) {
            JsonObject out = o.getAsJsonObject();
            if ("stream".equals(str(out, "output_type")) && "stderr".equals(str(out, "name"))) {
                text.append(Ipynb.text(out.get("text")));
            }
        }
        return text.toString();
    }

    /** The first error output, or null. */
    public JsonObject firstError() {
        for (JsonElement o : outputs) {
            if ("error".equals(str(o.getAsJsonObject(), "output_type"))) {
                return o.getAsJsonObject();
            }
        }
        return null;
    }

    /** The {@code text/plain} of the cell's value (execute_result), or null if it showed none. */
    public String valueText() {
        for (JsonElement o : outputs) {
            JsonObject out = o.getAsJsonObject();
            if ("execute_result".equals(str(out, "output_type")) && out.has("data")
                    && out.getAsJsonObject("data").has("text/plain")) {
                return Ipynb.text(out.getAsJsonObject("data").get("text/plain"));
            }
        }
        return null;
    }

    /** An nbformat error output. */
    static JsonObject error(String ename, String evalue) {
        JsonObject e = new JsonObject();
        e.addProperty("output_type", "error");
        e.addProperty("ename", ename);
        e.addProperty("evalue", evalue);
        JsonArray traceback = new JsonArray();
        traceback.add(ename + ": " + evalue);
        e.add("traceback", traceback);
        return e;
    }

    private static String str(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonPrimitive() ? e.getAsString() : null;
    }
}
