package org.ganworkbook.grading;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.ganworkbook.kernel.JupyterWire;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * One kernel process started by the grader, and the client that runs cells in it.
 *
 * <p>The grader starts the kernel itself (not through {@code jupyter_client}) so that it owns the
 * process: it chooses the working folder, the heap cap and the environment, sees at once when the
 * process ends (System.exit, a crash), and can kill it and everything it started. It then speaks
 * Jupyter's protocol to it over ZeroMQ ({@link JupyterWire}): {@code execute_request} on the shell
 * channel, outputs from iopub, {@code interrupt_request} on the control channel.
 *
 * <p>{@link #execute} never throws for anything a cell does: a cell past its time limit is interrupted
 * (and the kernel killed if the interrupt does not end it within {@link #INTERRUPT_WAIT}); a kernel that
 * dies ends the cell with {@link CellRun.End#DIED}. Stored output is capped ({@link #MAX_TEXT}
 * characters of text and {@link #MAX_OUTPUTS} outputs per cell) so a cell that prints forever cannot
 * exhaust the grader's memory.
 */
public final class RunningKernel implements AutoCloseable {

    /** How long an interrupted cell may take to stop before the kernel is killed. */
    public static final Duration INTERRUPT_WAIT = Duration.ofSeconds(5);
    /** Stream text kept per cell, in characters. */
    public static final int MAX_TEXT = 200_000;
    /** Outputs kept per cell. */
    public static final int MAX_OUTPUTS = 200;
    private static final long POLL_MS = 50;

    private final Process process;
    private final Path log;
    private final ZContext context;
    private final ZMQ.Socket shell;
    private final ZMQ.Socket control;
    private final ZMQ.Socket iopub;
    private final ZMQ.Poller poller;
    private final JupyterWire wire;
    private final boolean interruptByMessage;
    /** Outputs shown with a display id, in any cell, so update_display_data can replace them. */
    private final Map<String, List<JsonObject>> displays = new HashMap<>();
    private String language = "";

    private RunningKernel(Process process, Path log, ZContext context, ZMQ.Socket shell, ZMQ.Socket control,
                          ZMQ.Socket iopub, JupyterWire wire, boolean interruptByMessage) {
        this.process = process;
        this.log = log;
        this.context = context;
        this.shell = shell;
        this.control = control;
        this.iopub = iopub;
        this.wire = wire;
        this.interruptByMessage = interruptByMessage;
        this.poller = context.createPoller(3);
        poller.register(shell, ZMQ.Poller.POLLIN);
        poller.register(iopub, ZMQ.Poller.POLLIN);
        poller.register(control, ZMQ.Poller.POLLIN);
    }

    /** The kernel did not start; the message says why and ends with the end of its log. */
    public static final class StartException extends Exception {
        private static final long serialVersionUID = 1L;

        StartException(String message) {
            super(message);
        }
    }

    /**
     * Starts the kernel and waits until it answers on both the shell and the iopub channel.
     *
     * @param spec      what to run
     * @param workDir   the kernel's working folder (where the cells' relative file writes land)
     * @param runDir    a private folder for the connection file and the kernel's log
     * @param heap      the JVM heap cap (e.g. {@code 1g}), or null to keep the spec's
     * @param timeout   how long the kernel may take to answer
     * @throws StartException if it exits, does not answer in time, or cannot be run
     */
    public static RunningKernel start(KernelSpec spec, Path workDir, Path runDir, String heap, Duration timeout)
            throws StartException {
        Path connectionFile = runDir.resolve("connection.json");
        Path log = runDir.resolve("kernel.log");
        JupyterWire.Connection connection;
        Process process;
        try {
            connection = JupyterWire.Connection.onFreePorts(spec.name());
            Files.writeString(connectionFile, connection.toJson(), StandardCharsets.UTF_8);
            ProcessBuilder builder = new ProcessBuilder(spec.command(connectionFile.toAbsolutePath(), heap))
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(nullFile()));
            builder.environment().putAll(spec.env());
            process = builder.start();
        } catch (IOException | RuntimeException e) {
            throw new StartException("could not run the kernel command " + spec.argv().get(0) + ": " + e.getMessage());
        }
        ZContext context = new ZContext();
        RunningKernel kernel;
        try {
            ZMQ.Socket shell = JupyterWire.Connection.connect(context, SocketType.DEALER, connection.shellPort());
            ZMQ.Socket iopub = JupyterWire.Connection.connect(context, SocketType.SUB, connection.iopubPort());
            iopub.subscribe(ZMQ.SUBSCRIPTION_ALL);
            ZMQ.Socket control = JupyterWire.Connection.connect(context, SocketType.DEALER, connection.controlPort());
            kernel = new RunningKernel(process, log, context, shell, control, iopub,
                    new JupyterWire(connection.key(), "gan-workbook-grader"),
                    spec.interruptByMessage());
        } catch (RuntimeException e) {
            kill(process);
            context.close();
            throw new StartException("could not connect to the kernel: " + e);
        }
        try {
            long t0 = System.nanoTime();
            kernel.awaitReady(timeout);
            // the first cell waits for the kernel's Java shell to start: let that count as start-up time
            Duration left = timeout.minusNanos(System.nanoTime() - t0);
            CellRun warmUp = kernel.execute("// grader: wait until the kernel can run cells", left, true);
            if (warmUp.end() != CellRun.End.OK) {
                throw new StartException("the kernel answered but could not run an empty cell (" + warmUp.end() + ": "
                        + warmUp.outputs() + ")" + kernel.logTailForMessage());
            }
        } catch (StartException e) {
            kernel.close();
            throw e;
        }
        return kernel;
    }

    private static java.io.File nullFile() {
        return new java.io.File(System.getProperty("os.name").toLowerCase().contains("win") ? "NUL" : "/dev/null");
    }

    /** Sends kernel_info_request until the reply and an iopub message for one of them have arrived. */
    private void awaitReady(Duration timeout) throws StartException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Set<String> requests = new HashSet<>();
        boolean replied = false;
        boolean iopubSeen = false;
        long nextSend = 0;
        while (!(replied && iopubSeen)) {
            long now = System.nanoTime();
            if (!process.isAlive()) {
                throw new StartException("the kernel exited during start-up (exit status " + process.exitValue() + ")"
                        + logTailForMessage());
            }
            if (now > deadline) {
                throw new StartException("the kernel did not answer within " + timeout.toSeconds() + " s" + logTailForMessage());
            }
            if (now >= nextSend) {
                requests.add(wire.send(shell, "kernel_info_request", new JsonObject()));
                nextSend = now + TimeUnit.MILLISECONDS.toNanos(replied ? 200 : 500);
            }
            poller.poll(POLL_MS);
            for (JupyterWire.Message m; (m = wire.receive(shell)) != null; ) {
                if ("kernel_info_reply".equals(m.type()) && requests.contains(m.parentId())) {
                    replied = true;
                    JsonElement info = m.content().get("language_info");
                    if (info != null && info.isJsonObject() && info.getAsJsonObject().has("name")) {
                        language = info.getAsJsonObject().get("name").getAsString();
                    }
                }
            }
            for (JupyterWire.Message m; (m = wire.receive(iopub)) != null; ) {
                if (requests.contains(m.parentId())) {
                    iopubSeen = true;
                }
            }
        }
    }

    /** The kernel's language as it reports it ({@code java} for ours). */
    public String language() {
        return language;
    }

    /** True while the kernel process runs. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** The kernel's process id. */
    public long pid() {
        return process.pid();
    }

    /**
     * Runs one cell and waits for it to end, for at most {@code timeout} plus {@link #INTERRUPT_WAIT}.
     * Never throws for what the cell does; see {@link CellRun.End}.
     */
    public CellRun execute(String code, Duration timeout) {
        return execute(code, timeout, false);
    }

    private CellRun execute(String code, Duration timeout, boolean silent) {
        long start = System.nanoTime();
        Outputs outputs = new Outputs();
        List<String> notes = new ArrayList<>();
        if (!process.isAlive()) {
            return new CellRun(new JsonArray(), null, CellRun.End.DIED, 0, process.exitValue(), List.of("the kernel was not running"));
        }
        JsonObject request = new JsonObject();
        request.addProperty("code", code);
        request.addProperty("silent", silent);
        request.addProperty("store_history", !silent);
        request.add("user_expressions", new JsonObject());
        request.addProperty("allow_stdin", false);
        request.addProperty("stop_on_error", false);
        String id = wire.send(shell, "execute_request", request);
        long deadline = start + timeout.toNanos();
        long killAt = Long.MAX_VALUE;
        long idleGraceUntil = Long.MAX_VALUE;
        boolean interrupted = false;
        boolean replied = false;
        boolean idle = false;
        JsonObject reply = null;
        Integer count = null;
        while (!(replied && idle)) {
            long now = System.nanoTime();
            if (!process.isAlive()) {
                drainAfterDeath(id, outputs);
                notes.add("the kernel process ended (exit status " + process.exitValue() + ")");
                JsonArray out = outputs.array();
                out.add(CellRun.error("DeadKernel", "the kernel stopped while this cell ran (exit status "
                        + process.exitValue() + ")"));
                return new CellRun(out, count, interrupted ? CellRun.End.TIMEOUT : CellRun.End.DIED,
                        seconds(start), process.exitValue(), notes);
            }
            if (!interrupted && now > deadline) {
                interrupted = true;
                notes.add("interrupted after " + timeout.toSeconds() + " s");
                interrupt();
                killAt = now + INTERRUPT_WAIT.toNanos();
            }
            if (now > killAt) {
                notes.add("the cell did not stop within " + INTERRUPT_WAIT.toSeconds() + " s of the interrupt; the kernel "
                        + "was killed");
                kill(process);
                JsonArray out = outputs.array();
                out.add(CellRun.error("CellTimeout", "the cell did not finish within " + timeout.toSeconds() + " s"));
                return new CellRun(out, count, CellRun.End.TIMEOUT, seconds(start), null, notes);
            }
            if (replied && now > idleGraceUntil) {
                notes.add("the kernel never reported the cell idle; its last outputs may be missing");
                break;
            }
            poller.poll(POLL_MS);
            for (JupyterWire.Message m; (m = wire.receive(iopub)) != null; ) {
                if (!id.equals(m.parentId())) {
                    continue;
                }
                if ("status".equals(m.type()) && "idle".equals(str(m.content(), "execution_state"))) {
                    idle = true;
                } else if ("execute_input".equals(m.type()) && m.content().has("execution_count")) {
                    count = m.content().get("execution_count").getAsInt();
                } else {
                    outputs.handle(m);
                }
            }
            for (JupyterWire.Message m; (m = wire.receive(shell)) != null; ) {
                if ("execute_reply".equals(m.type()) && id.equals(m.parentId())) {
                    replied = true;
                    reply = m.content();
                    idleGraceUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
                }
            }
            while (wire.receive(control) != null) {
                // interrupt_reply: nothing to do
            }
        }
        JsonArray out = outputs.array();
        if (count == null && reply != null && reply.has("execution_count") && reply.get("execution_count").isJsonPrimitive()) {
            count = reply.get("execution_count").getAsInt();
        }
        String status = reply == null ? "ok" : str(reply, "status");
        if (interrupted) {
            out.add(CellRun.error("CellTimeout", "the cell did not finish within " + timeout.toSeconds()
                    + " s and was interrupted"));
            return new CellRun(out, count, CellRun.End.TIMEOUT, seconds(start), null, notes);
        }
        if (!"ok".equals(status) && outputs.errors == 0) {
            // as nbgrader does: an error reply without an error output still counts as an error
            JsonObject e = CellRun.error(reply.has("ename") ? str(reply, "ename") : "Error",
                    reply.has("evalue") ? str(reply, "evalue") : "the kernel reported status '" + status + "'");
            out.add(e);
        }
        notes.addAll(outputs.notes);
        boolean failed = !"ok".equals(status) || outputs.errors > 0;
        return new CellRun(out, count, failed ? CellRun.End.ERROR : CellRun.End.OK, seconds(start), null, notes);
    }

    private void interrupt() {
        if (interruptByMessage) {
            wire.send(control, "interrupt_request", new JsonObject());
        } else {
            try {
                new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor(2, TimeUnit.SECONDS);
            } catch (IOException e) {
                // the kill after INTERRUPT_WAIT still ends the cell
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Collects what the kernel published before it died (its last words, e.g. an error). */
    private void drainAfterDeath(String id, Outputs outputs) {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
        while (System.nanoTime() < until) {
            poller.poll(POLL_MS);
            for (JupyterWire.Message m; (m = wire.receive(iopub)) != null; ) {
                if (id.equals(m.parentId()) && !"status".equals(m.type()) && !"execute_input".equals(m.type())) {
                    outputs.handle(m);
                }
            }
        }
    }

    /** The last {@code lines} lines of the kernel's own log (its stdout and stderr outside cells). */
    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private String logTailForMessage() {
        String tail = logTail(15);
        return tail.isBlank() ? "" : "; the end of its log:\n" + tail;
    }

    /** Asks the kernel to shut down, then kills it and every process it started. Safe to call twice. */
    @Override
    public void close() {
        try {
            if (process.isAlive()) {
                JsonObject content = new JsonObject();
                content.addProperty("restart", false);
                wire.send(control, "shutdown_request", content);
                process.waitFor(1500, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // the kill below ends it anyway
        } finally {
            kill(process);
            try {
                context.close();
            } catch (RuntimeException e) {
                // closing sockets of a dead peer; nothing left to do
            }
        }
    }

    /** Kills the process and its descendants, and waits (briefly) for it to end. */
    static void kill(Process process) {
        try {
            process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        } catch (RuntimeException e) {
            // listing descendants can fail on some systems; the kernel itself is still killed
        }
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static String str(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }

    /** Turns iopub messages into nbformat outputs, as nbclient does, with caps. */
    private final class Outputs {
        private final List<JsonObject> list = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private boolean clearPending;
        private int text;
        private int errors;
        private boolean truncated;
        private boolean dropped;

        void handle(JupyterWire.Message m) {
            JsonObject c = m.content();
            switch (m.type()) {
                case "stream" -> {
                    clearIfPending();
                    String name = str(c, "name");
                    String t = c.has("text") ? Ipynb.text(c.get("text")) : "";
                    if (text + t.length() > MAX_TEXT) {
                        t = t.substring(0, Math.max(0, MAX_TEXT - text));
                        if (!truncated) {
                            truncated = true;
                            t += "\n[... more output on " + name + " was cut by the grader ...]\n";
                            notes.add("output truncated after " + MAX_TEXT + " characters");
                        }
                    }
                    text += t.length();
                    JsonObject last = list.isEmpty() ? null : list.get(list.size() - 1);
                    if (last != null && "stream".equals(str(last, "output_type")) && name != null && name.equals(str(last, "name"))) {
                        last.addProperty("text", str(last, "text") + t);
                    } else { // even an empty stderr write is kept: it still fails a graded cell
                        JsonObject o = new JsonObject();
                        o.addProperty("output_type", "stream");
                        o.addProperty("name", name);
                        o.addProperty("text", t);
                        add(o);
                    }
                }
                case "display_data", "execute_result" -> {
                    clearIfPending();
                    JsonObject o = new JsonObject();
                    o.addProperty("output_type", m.type());
                    o.add("data", c.has("data") ? c.get("data") : new JsonObject());
                    o.add("metadata", c.has("metadata") ? c.get("metadata") : new JsonObject());
                    if ("execute_result".equals(m.type())) {
                        o.add("execution_count", c.get("execution_count"));
                    }
                    add(o);
                    String displayId = displayId(c);
                    if (displayId != null) {
                        displays.computeIfAbsent(displayId, k -> new ArrayList<>()).add(o);
                    }
                }
                case "update_display_data" -> {
                    String displayId = displayId(c);
                    for (JsonObject o : displays.getOrDefault(displayId, List.of())) {
                        o.add("data", c.has("data") ? c.get("data") : new JsonObject());
                        o.add("metadata", c.has("metadata") ? c.get("metadata") : new JsonObject());
                    }
                }
                case "error" -> {
                    clearIfPending();
                    errors++;
                    JsonObject o = new JsonObject();
                    o.addProperty("output_type", "error");
                    o.addProperty("ename", str(c, "ename"));
                    o.addProperty("evalue", str(c, "evalue"));
                    o.add("traceback", c.has("traceback") ? c.get("traceback") : new JsonArray());
                    add(o);
                }
                case "clear_output" -> {
                    if (c.has("wait") && c.get("wait").getAsBoolean()) {
                        clearPending = true;
                    } else {
                        list.clear();
                        text = 0;
                    }
                }
                default -> {
                    // status, execute_input, comm messages: not outputs
                }
            }
        }

        private void add(JsonObject o) {
            if (list.size() >= MAX_OUTPUTS && !"error".equals(str(o, "output_type"))
                    && !("stream".equals(str(o, "output_type")) && "stderr".equals(str(o, "name")))) {
                if (!dropped) {
                    dropped = true;
                    notes.add("more than " + MAX_OUTPUTS + " outputs; the rest were dropped");
                }
                return;
            }
            list.add(o);
        }

        private void clearIfPending() {
            if (clearPending) {
                clearPending = false;
                list.clear();
                text = 0;
            }
        }

        private String displayId(JsonObject c) {
            JsonElement transient_ = c.get("transient");
            if (transient_ != null && transient_.isJsonObject() && transient_.getAsJsonObject().has("display_id")) {
                return transient_.getAsJsonObject().get("display_id").getAsString();
            }
            return null;
        }

        JsonArray array() {
            JsonArray a = new JsonArray();
            list.forEach(a::add);
            return a;
        }
    }
}
