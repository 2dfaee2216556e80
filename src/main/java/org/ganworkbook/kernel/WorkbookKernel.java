package org.ganworkbook.kernel;

import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.ShellHandler;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageContext;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.publish.PublishDisplayData;
import org.dflib.jjava.jupyter.messages.publish.PublishError;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteInput;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteResult;
import org.dflib.jjava.jupyter.messages.publish.PublishStatus;
import org.dflib.jjava.jupyter.messages.publish.PublishStream;
import org.dflib.jjava.jupyter.messages.publish.PublishUpdateDisplayData;
import org.dflib.jjava.jupyter.messages.reply.ErrorReply;
import org.dflib.jjava.jupyter.messages.reply.ExecuteReply;
import org.dflib.jjava.jupyter.messages.reply.HistoryReply;
import org.dflib.jjava.jupyter.messages.reply.KernelInfoReply;
import org.dflib.jjava.jupyter.messages.reply.ShutdownReply;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;
import org.dflib.jjava.jupyter.messages.request.KernelInfoRequest;
import org.dflib.jjava.jupyter.messages.request.ShutdownRequest;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The GAN Workbook's Jupyter kernel: Java cells evaluated by JShell in this JVM ({@link CellEvaluator}),
 * the Jupyter protocol spoken by jjava-jupyter.
 *
 * <p>Start: {@code java -cp gan-workbook.jar org.ganworkbook.kernel.WorkbookKernel <connection file>}
 * (what the {@code kernel.json} written by {@link KernelspecInstaller} runs). The workbook jar is on the
 * class path, so cells use the library without any magic; {@code GANWB_CLASSPATH} (path-separated,
 * globs allowed) adds more entries.
 *
 * <p>Threads: the shell channel's thread handles a request at a time and waits while a cell runs;
 * the control channel's thread stays free for {@code interrupt_request} and {@code shutdown_request};
 * one thread sends every iopub message of a cell in order ({@link IopubPublisher}). JShell starts on
 * a background thread, so {@code kernel_info_reply} does not wait for it.
 */
public final class WorkbookKernel extends BaseKernel {

    /** Kernel implementation name reported in {@code kernel_info_reply}. */
    public static final String IMPLEMENTATION = "gan-workbook";
    /** Implementation version reported in {@code kernel_info_reply}. */
    public static final String VERSION = "0.1.0";

    private final CellOutput output;
    private final CellEvaluator evaluator;
    private volatile IopubPublisher publisher;
    private volatile WorkbookConnection connection;
    /** The execute request whose cell produces output now (or produced it last). */
    private volatile MessageContext outputParent;

    private WorkbookKernel(Renderer renderer, List<Path> classpath) {
        super(IMPLEMENTATION, VERSION, languageInfo(), List.of(), null, new JupyterIO(StandardCharsets.UTF_8),
                new CommManager(), renderer, null, new MagicsRegistry(), false,
                new StringStyler.Builder().build());
        WorkbookRenderers.registerAll(renderer);
        this.output = new CellOutput(new Sink());
        this.evaluator = new CellEvaluator(renderer, output, classpath);
    }

    private static LanguageInfo languageInfo() {
        return new LanguageInfo.Builder("java")
                .version(System.getProperty("java.version"))
                .mimetype("text/x-java-source")
                .fileExtension(".jshell")
                .pygments("java")
                .codemirror("text/x-java")
                .build();
    }

    /**
     * Runs the kernel until Jupyter shuts it down.
     *
     * @param args {@code args[0]} is the path of Jupyter's connection file
     */
    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        if (args.length != 1) {
            System.err.println("usage: java -cp gan-workbook.jar " + WorkbookKernel.class.getName() + " <connection file>");
            System.exit(2);
        }
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        KernelLog.enableInfo();
        KernelConnectionProperties properties = KernelConnectionProperties.parse(Files.readString(Path.of(args[0])));
        WorkbookKernel kernel = new WorkbookKernel(new Renderer(), classpathFromEnvironment(System.getenv("GANWB_CLASSPATH")));
        WorkbookConnection connection = new WorkbookConnection(properties);
        kernel.attach(connection);
        connection.connect();
        List<String> messaging = LostThreadHandler.protect();
        if (messaging.isEmpty()) {
            KernelLog.warn("found no ZeroMQ threads to watch: if one dies, the kernel will hang instead of exiting");
        } else {
            KernelLog.debug("watching ZeroMQ threads " + messaging);
        }
        kernel.onStartup();
        // JShell starts once the sockets are bound: starting it earlier slows the first reply, starting it
        // after the first kernel_info_reply delays the first cell
        kernel.evaluator.start();
        kernel.output.installAsSystemStreams();
        KernelLog.info(String.format("listening (pid %d, Java %s, ready %.0f ms after main started)",
                ProcessHandle.current().pid(), System.getProperty("java.version"), (System.nanoTime() - t0) / 1e6));
        connection.waitUntilClose();
        KernelLog.info("connection closed; exiting");
        System.exit(0);
    }

    /** The entries of a {@code GANWB_CLASSPATH}-style list; entries that match nothing are logged and skipped. */
    static List<Path> classpathFromEnvironment(String value) {
        List<Path> paths = new ArrayList<>();
        if (value == null || value.isBlank()) {
            return paths;
        }
        for (String entry : value.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            try {
                paths.addAll(Magics.resolveAll(List.of(entry), false));
            } catch (CellException e) {
                KernelLog.warn("GANWB_CLASSPATH: " + e.evalue());
            }
        }
        return paths;
    }

    private void attach(WorkbookConnection connection) {
        this.connection = connection;
        this.publisher = new IopubPublisher(connection.getIOPub());
        becomeHandlerForConnection(connection);
    }

    @Override
    public void becomeHandlerForConnection(JupyterConnection connection) {
        super.becomeHandlerForConnection(connection);
        connection.setHandler(MessageType.HISTORY_REQUEST, this::handleHistory);
    }

    // ---------------------------------------------------------------- execute

    @Override
    protected void handleExecuteRequest(ShellReplyEnvironment env, Message<ExecuteRequest> message) {
        ExecuteRequest request = message.getContent();
        boolean silent = request.isSilent();
        int count = silent || !request.shouldStoreHistory() ? executionCount.get() : executionCount.getAndIncrement();
        outputParent = message;
        publisher.publish(message, PublishStatus.BUSY);
        if (!silent) {
            publisher.publish(message, new PublishExecuteInput(request.getCode(), count));
        }
        // requests read off the socket behind a failed cell; a list the error reply appends to, so that none is
        // lost if that reply is attempted twice (after an OutOfMemoryError)
        List<Message<?>> queued = new ArrayList<>();
        boolean replied = false;
        try {
            try {
                DisplayData value = evaluator.evaluate(request.getCode(), count);
                output.flush();
                if (value != null && !silent) {
                    publisher.publish(message, new PublishExecuteResult(count, value));
                }
                env.reply(new ExecuteReply(count, Collections.emptyMap()));
                replied = true;
            } catch (CellException e) {
                output.flush();
                replyError(env, message, count, e.ename(), e.evalue(), e.traceback(), queued);
                replied = true;
            } catch (RuntimeException e) {
                KernelLog.warn("execute failed: " + e);
                replyError(env, message, count, "KernelError", String.valueOf(e), List.of("KernelError: " + e), queued);
                replied = true;
            }
        } catch (OutOfMemoryError e) {
            // This thread met the full heap of a cell that is filling it (while it waited for the cell, or built
            // the reply): without this the request would go unanswered and the notebook would wait for ever.
            HeapReserve.release();
            if (!replied) {
                String evalue = "Java heap space (the kernel ran out of memory while it answered this cell)";
                try {
                    KernelLog.warn("the shell thread met an OutOfMemoryError; answering the cell with it");
                } catch (Throwable ignored) {
                    // the answer below matters more than the log line
                }
                replyError(env, message, count, "OutOfMemoryError", evalue, List.of("OutOfMemoryError: " + evalue), queued);
            }
        } finally {
            List<Message<?>> aborted = List.of();
            try {
                // before "idle": a client that waits for idle before its next request (nbclient does)
                // must not see that request aborted
                aborted = answerQueuedRequests(queued);
            } finally {
                publisher.publish(message, PublishStatus.IDLE);
                for (Message<?> skipped : aborted) {
                    publisher.publish(skipped, PublishStatus.BUSY);
                    publisher.publish(skipped, PublishStatus.IDLE);
                }
            }
        }
    }

    /**
     * Publishes the error, adds the requests queued behind it (see below) to {@code queued}, and sends the
     * error reply.
     */
    private void replyError(ShellReplyEnvironment env, Message<ExecuteRequest> message, int count,
                            String ename, String evalue, List<String> traceback, List<Message<?>> queued) {
        publisher.publish(message, new PublishError(ename, evalue, traceback));
        ErrorReply error = new ErrorReply(ename, evalue, traceback);
        error.setExecutionCount(count);
        queued.addAll(takeQueuedRequests(message.getContent()));
        env.replyError(ExecuteReply.MESSAGE_TYPE.error(), error);
    }

    /**
     * The stop-on-error rule, as ipykernel has it: after a failed (or interrupted) cell, the execute
     * requests that were <i>already waiting</i> ("Run all" sends them all at once) are answered with
     * status {@code aborted}, so that the notebook stops at the failed cell. Called <b>before</b> the
     * failed cell's reply is sent: a request the client sends after it has seen that reply (the user
     * runs the next cell, or runs the cell again) was not queued when the cell failed and must run.
     * Reading the waiting requests after the reply, as this kernel once did, aborted such a request
     * whenever it arrived before the shell thread got to look (5 of 40 cells sent right after an
     * interrupt reply).
     *
     * @return the requests read off the shell socket, in order; empty unless the cell asked to stop on error
     */
    private List<Message<?>> takeQueuedRequests(ExecuteRequest failed) {
        if (!failed.shouldStopOnError()) {
            return List.of();
        }
        WorkbookConnection conn = connection;
        List<Message<?>> waiting = new ArrayList<>();
        try {
            while (conn.hasPendingShellRequest()) {
                Message<?> next = conn.shellChannel().readMessage();
                if (next == null) {
                    break;
                }
                waiting.add(next);
            }
        } catch (RuntimeException e) {
            KernelLog.warn("while reading queued requests: " + e); // the failed cell's reply still goes out
        }
        return waiting;
    }

    /**
     * Answers the requests {@link #takeQueuedRequests} took: execute requests with status
     * {@code aborted}, any other request (kernel info, completion, ...) by its handler as usual.
     *
     * @return the aborted requests, whose busy/idle status the caller publishes after the failed cell's idle
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private List<Message<?>> answerQueuedRequests(List<Message<?>> queued) {
        WorkbookConnection conn = connection;
        List<Message<?>> aborted = new ArrayList<>();
        for (Message<?> next : queued) {
            ShellReplyEnvironment env = conn.prepareReplyEnv(conn.shellChannel(), next);
            try {
                if (next.getHeader().getType() == MessageType.EXECUTE_REQUEST) {
                    env.reply(new Message(next, MessageType.EXECUTE_REPLY, new AbortedReply(executionCount.get())));
                    aborted.add(next);
                    KernelLog.info("aborted a cell that was queued behind a failed one");
                } else {
                    ShellHandler handler = conn.getHandler(next.getHeader().getType());
                    if (handler != null) {
                        handler.handle(env, next);
                    }
                }
            } catch (Exception e) {
                KernelLog.warn("while answering queued requests: " + e);
            } finally {
                env.resolveDeferrals();
            }
        }
        return aborted;
    }

    /** Content of an {@code execute_reply} for a cell that was not run. */
    private static final class AbortedReply {
        @SuppressWarnings("unused")
        private final String status = "aborted";
        @SuppressWarnings("unused")
        private final int execution_count;

        AbortedReply(int executionCount) {
            this.execution_count = executionCount;
        }
    }

    // ---------------------------------------------------------------- control

    @Override
    public void interrupt() {
        KernelLog.info("interrupt requested");
        evaluator.interrupt();
    }

    @Override
    protected void handleShutdownRequest(ShellReplyEnvironment env, Message<ShutdownRequest> message) {
        boolean restart = message.getContent().isRestart();
        KernelLog.info("shutdown requested" + (restart ? " (restart)" : ""));
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                return;
            }
            KernelLog.warn("shutdown took over 3 s: halting");
            Runtime.getRuntime().halt(0);
        }, "ganwb-exit-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        evaluator.interrupt();
        env.setStatusBusy();
        env.reply(restart ? ShutdownReply.SHUTDOWN_AND_RESTART : ShutdownReply.SHUTDOWN);
        env.setStatusIdle();
        Thread exit = new Thread(() -> {
            output.flush();
            publisher.awaitDrained(200);
            onShutdown(restart);
            connection.close();
            System.exit(0);
        }, "ganwb-exit");
        exit.setDaemon(true);
        exit.start();
    }

    /** Stops a running cell; JShell itself is not closed, the process is about to exit anyway. */
    @Override
    public void onShutdown(boolean isRestarting) {
        evaluator.interrupt();
        super.onShutdown(isRestarting);
    }

    @Override
    protected void handleKernelInfoRequest(ShellReplyEnvironment env, Message<KernelInfoRequest> message) {
        env.setBusyDeferIdle();
        env.reply(new KernelInfo(getLanguageInfo(), getBanner()));
    }

    /** jjava's kernel_info_reply plus the {@code status} field the protocol asks for. */
    private static final class KernelInfo extends KernelInfoReply {
        @SuppressWarnings("unused")
        private final String status = "ok";

        KernelInfo(LanguageInfo language, String banner) {
            super(Header.PROTOCOL_VERISON, IMPLEMENTATION, VERSION, language, banner, List.of());
        }
    }

    private void handleHistory(ShellReplyEnvironment env, Message<HistoryRequest> message) {
        env.setBusyDeferIdle();
        env.reply(new HistoryReply(List.of()));
    }

    // ---------------------------------------------------------------- analysis

    @Override
    public ReplacementOptions complete(String code, int at) {
        CellEvaluator.Completion completion = evaluator.complete(code, at);
        return completion == null ? null : new ReplacementOptions(completion.matches(), completion.start(), completion.end());
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        String text = evaluator.inspect(code, at);
        return text == null ? null : new DisplayData(text);
    }

    @Override
    public String isComplete(String code) {
        String status = evaluator.isComplete(code);
        return "incomplete".equals(status) ? Completer.nextIndent(code) : status;
    }

    /** Not supported: a cell cannot evaluate code while it runs itself. */
    @Override
    public Object evalRaw(String source) {
        throw new UnsupportedOperationException("eval(...) from a cell is not supported by the GAN Workbook kernel");
    }

    /** Routes jjava's own display calls (e.g. {@code BaseNotebookStatics.display}) to the running cell. */
    @Override
    public void display(DisplayData data) {
        output.display(data);
    }

    /** Turns cell outputs into iopub messages whose parent is the current execute request. */
    private final class Sink implements OutputSink {
        @Override
        public void stream(String name, String text) {
            MessageContext parent = outputParent;
            IopubPublisher pub = publisher;
            if (parent == null || pub == null) {
                KernelLog.debug("output outside any cell: " + text.strip());
                return;
            }
            PublishStream.StreamType type = OutputSink.STDERR.equals(name) ? PublishStream.StreamType.ERR
                    : PublishStream.StreamType.OUT;
            pub.publish(parent, new PublishStream(type, text));
        }

        @Override
        public void display(DisplayData data) {
            MessageContext parent = outputParent;
            if (parent != null && publisher != null) {
                publisher.publish(parent, new PublishDisplayData(data));
            }
        }

        @Override
        public void updateDisplay(DisplayData data) {
            MessageContext parent = outputParent;
            if (parent != null && publisher != null) {
                publisher.publish(parent, new PublishUpdateDisplayData(data));
            }
        }
    }
}
