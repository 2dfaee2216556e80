package org.ganworkbook.kernel;

import jdk.jshell.DeclarationSnippet;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.VarSnippet;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Evaluates notebook cells with JShell, in this JVM, and stops them on request. Knows nothing of
 * Jupyter's protocol, so it can be tested on its own.
 *
 * <p><b>Cells.</b> A cell is cut into magic lines and code; code is cut into snippets with JShell's
 * {@link SourceCodeAnalysis#analyzeCompletion}, and snippets run one after the other. Declarations
 * persist across cells. If the last snippet is an expression, its value is rendered and returned.
 * A snippet that does not compile or throws ends the cell with a {@link CellException}.
 *
 * <p><b>Threads.</b> JShell is used from one thread only, the <i>runner</i>; each snippet runs on a
 * thread JShell starts in a child of the runner's thread group, and threads the cell starts join that
 * group. {@link #evaluate} blocks the calling thread until the cell ends or is given up.
 *
 * <p><b>Interrupt.</b> {@link #interrupt()} (from any thread) first calls {@link Thread#interrupt()} on
 * every thread of the cell, which stops code that checks for interrupts (the GAN trainer does, once
 * per minibatch, and leaves the model consistent). If the cell still runs after
 * {@link #interruptGrace}, JShell's stop is used ({@code ThreadDeath} on JDK 17, stop checks in the
 * snippet code on JDK 22+). If even that has not ended the cell after {@link #giveUpAfter},
 * {@link #evaluate} returns anyway with an "Interrupted" error and keeps stopping the cell in the
 * background; later cells report the kernel as busy until it ends. In every case the caller gets an
 * answer within {@code giveUpAfter}.
 */
public final class CellEvaluator implements AutoCloseable {

    /** Imports every cell sees: JShell's defaults plus {@code java.time}, like JJava, and the notebook API. */
    public static final List<String> STARTUP_IMPORTS = List.of(
            "import java.io.*;",
            "import java.math.*;",
            "import java.net.*;",
            "import java.nio.file.*;",
            "import java.time.*;",
            "import java.util.*;",
            "import java.util.concurrent.*;",
            "import java.util.function.*;",
            "import java.util.prefs.*;",
            "import java.util.regex.*;",
            "import java.util.stream.*;",
            "import static org.ganworkbook.kernel.Notebook.*;");

    /** Default time between the thread interrupt and JShell's stop. */
    public static final Duration DEFAULT_INTERRUPT_GRACE = Duration.ofMillis(300);
    /** Default time after which an interrupted cell that is still running is given up. */
    public static final Duration DEFAULT_GIVE_UP_AFTER = Duration.ofMillis(650);

    private final Renderer renderer;
    private final CellOutput output;
    private final Duration interruptGrace;
    private final Duration giveUpAfter;
    private final ThreadGroup cellThreads = new CellThreadGroup();
    private final ExecutorService runner;
    private final ScheduledExecutorService interrupter;
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private final AtomicReference<CellRun> current = new AtomicReference<>();
    private final List<Path> initialClasspath;
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile Thread runnerThread;
    /** The cell the runner is executing, if any (also after {@link #evaluate} gave it up). */
    private volatile CellRun executing;

    // confined to the runner thread
    private JShell shell;
    private SourceCodeAnalysis analysis;
    private CellExecutionControl control;
    private final Map<String, CellErrors.Origin> origins = new HashMap<>();

    /**
     * The thread group of the runner; JShell's snippet threads and the threads cells start live in
     * child groups. An exception that ends a thread a cell started is printed to the cell's stderr
     * (JShell on JDK 17 installs a default handler that would swallow it silently).
     */
    private static final class CellThreadGroup extends ThreadGroup {
        CellThreadGroup() {
            super("ganwb-cells");
        }

        @Override
        @SuppressWarnings("removal")
        public void uncaughtException(Thread thread, Throwable e) {
            if (e instanceof ThreadDeath) {
                return; // a thread stopped by an interrupt
            }
            System.err.print("Exception in thread \"" + thread.getName() + "\" ");
            e.printStackTrace(System.err);
        }
    }

    /** One evaluation of one cell. */
    private static final class CellRun {
        final CompletableFuture<DisplayData> result = new CompletableFuture<>();
        final CountDownLatch finished = new CountDownLatch(1);
        volatile boolean started;
        volatile boolean interrupted;
        volatile ScheduledFuture<?> retries;
        final List<DeclarationSnippet> declared = new ArrayList<>();

        boolean isFinished() {
            return finished.getCount() == 0;
        }
    }

    /**
     * Prepares an evaluator; JShell itself starts on a background thread at {@link #start()} or at the
     * first request.
     *
     * @param renderer  turns values into display data
     * @param output    where {@code display(...)} sends its data; its streams should be {@code System.out}/{@code err}
     * @param classpath extra class path entries (directories or jars) for cells, besides the JVM's own
     */
    public CellEvaluator(Renderer renderer, CellOutput output, List<Path> classpath) {
        this(renderer, output, classpath, DEFAULT_INTERRUPT_GRACE, DEFAULT_GIVE_UP_AFTER);
    }

    /** As {@link #CellEvaluator(Renderer, CellOutput, List)}, with explicit interrupt timings. */
    public CellEvaluator(Renderer renderer, CellOutput output, List<Path> classpath,
                         Duration interruptGrace, Duration giveUpAfter) {
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.output = Objects.requireNonNull(output, "output");
        this.interruptGrace = interruptGrace;
        this.giveUpAfter = giveUpAfter;
        this.runner = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(cellThreads, task, "ganwb-cell-runner");
            thread.setDaemon(true);
            runnerThread = thread;
            return thread;
        });
        this.interrupter = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "ganwb-interrupter");
            thread.setDaemon(true);
            return thread;
        });
        Notebook.bind(renderer, output);
        this.initialClasspath = List.copyOf(classpath);
    }

    /**
     * Starts JShell on the runner thread and returns at once; {@link #evaluate} and the analysis
     * methods call it too, so calling it early only saves time. Later calls do nothing.
     */
    public void start() {
        if (!started.compareAndSet(false, true)) {
            return;
        }
        runner.execute(() -> {
            try {
                startShell(initialClasspath);
                ready.complete(null);
            } catch (Throwable t) {
                KernelLog.warn("JShell did not start: " + t);
                ready.completeExceptionally(t);
            }
        });
    }

    /** Waits until JShell has started (at most {@code timeout}); true if it has. */
    public boolean awaitReady(Duration timeout) {
        start();
        try {
            ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void startShell(List<Path> classpath) {
        long t0 = System.nanoTime();
        CellExecutionControl.Provider provider = new CellExecutionControl.Provider();
        shell = JShell.builder()
                .executionEngine(provider, Map.of())
                .compilerOptions("-proc:none")
                .build();
        control = provider.control();
        control.setCancelled(() -> {
            CellRun run = executing;
            return run != null && run.interrupted;
        });
        analysis = shell.sourceCodeAnalysis();
        for (Path path : classpath) {
            shell.addToClasspath(path.toString());
        }
        for (String imp : STARTUP_IMPORTS) {
            requireValid(shell.eval(imp), imp);
        }
        // compile and run one throw-away snippet so the first cell does not pay for warming javac up
        List<SnippetEvent> warm = shell.eval("int $ganwbWarmUp = 1;");
        warm.forEach(e -> shell.drop(e.snippet()));
        KernelLog.info(String.format("JShell ready in %.0f ms (Java %s)", (System.nanoTime() - t0) / 1e6,
                System.getProperty("java.version")));
    }

    private static void requireValid(List<SnippetEvent> events, String source) {
        for (SnippetEvent event : events) {
            if (event.status() == Snippet.Status.REJECTED) {
                throw new IllegalStateException("start-up snippet rejected: " + source);
            }
        }
    }

    /**
     * Evaluates one cell and returns its last expression's rendered value (null if the cell does not end
     * with an expression). Blocks until the cell ends, fails or is interrupted.
     *
     * @param code       the cell's text, magics included
     * @param cellNumber the execution count, used to name the cell in error messages
     * @throws CellException if a snippet does not compile, throws, or the cell was interrupted
     */
    public DisplayData evaluate(String code, int cellNumber) throws CellException {
        start();
        waitForStuckCell();
        CellRun run = new CellRun();
        if (!current.compareAndSet(null, run)) {
            throw new IllegalStateException("a cell is already being evaluated");
        }
        try {
            SourceText source = new SourceText("cell [" + cellNumber + "]", code);
            runner.execute(() -> {
                if (run.interrupted) {
                    run.finished.countDown();
                    run.result.completeExceptionally(CellException.interrupted("the cell was interrupted before it started"));
                    return;
                }
                executing = run;
                run.started = true;
                DisplayData value = null;
                Throwable failure = null;
                try {
                    value = runCell(source, run);
                } catch (Throwable t) {
                    failure = t;
                } finally {
                    // the runner is free before the caller hears the result
                    executing = null;
                    run.finished.countDown();
                    ScheduledFuture<?> retries = run.retries;
                    if (retries != null) {
                        retries.cancel(false);
                    }
                }
                if (failure == null) {
                    run.result.complete(value);
                } else {
                    run.result.completeExceptionally(failure instanceof CellException ? failure : internalError(failure));
                }
            });
            return run.result.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof CellException cellException) {
                throw cellException;
            }
            throw internalError(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CellException.interrupted("the kernel was asked to stop");
        } finally {
            current.compareAndSet(run, null);
        }
    }

    /** If a given-up cell still runs, tries once more to stop it; fails if it will not stop. */
    private void waitForStuckCell() throws CellException {
        CellRun stuck = executing;
        if (stuck == null) {
            return;
        }
        stopNow();
        try {
            if (stuck.finished.await(500, TimeUnit.MILLISECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String message = "an earlier cell is still running: it ignored the interrupt and could not be stopped "
                + "(for example a loop inside library code that never checks Thread.interrupted()). "
                + "Interrupt again, or restart the kernel.";
        throw new CellException("KernelBusy", message, List.of("KernelBusy: " + message));
    }

    private DisplayData runCell(SourceText source, CellRun run) throws CellException {
        Notebook.startCell();
        DisplayData value = runSource(source, run);
        List<DeclarationSnippet> unresolved = run.declared.stream()
                .filter(s -> shell.status(s) == Snippet.Status.RECOVERABLE_DEFINED
                        || shell.status(s) == Snippet.Status.RECOVERABLE_NOT_DEFINED)
                .toList();
        if (!unresolved.isEmpty()) {
            throw CellErrors.unresolved(unresolved, s -> shell.unresolvedDependencies(s).toList(), origins::get);
        }
        return value;
    }

    /** Runs the magics and code of {@code source} in order; returns the last expression's value. */
    private DisplayData runSource(SourceText source, CellRun run) throws CellException {
        DisplayData value = null;
        for (CellSource.Part part : CellSource.split(source.text())) {
            checkInterrupted(run);
            if (part.magic()) {
                value = null;
                Magics.run(part.text(), new Magics.Host() {
                    @Override
                    public void addToClasspath(Path path) {
                        shell.addToClasspath(path.toString());
                        KernelLog.info("class path += " + path);
                    }

                    @Override
                    public void evaluate(SourceText loaded) throws CellException {
                        runSource(loaded, run);
                    }
                });
            } else {
                value = runCode(part.text(), part.offset(), source, run);
            }
        }
        return value;
    }

    private DisplayData runCode(String code, int offset, SourceText source, CellRun run) throws CellException {
        String remaining = code;
        int position = offset;
        DisplayData value = null;
        while (!remaining.isBlank()) {
            checkInterrupted(run);
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            String snippet;
            String next;
            switch (info.completeness()) {
                case EMPTY:
                    return value;
                case COMPLETE:
                case COMPLETE_WITH_SEMI:
                    snippet = info.source();
                    next = info.remaining();
                    break;
                default:
                    // incomplete or unparsable: let the compiler say what is wrong
                    snippet = remaining;
                    next = "";
                    break;
            }
            // JShell numbers stack-trace lines from the snippet's first non-blank character
            int blank = snippet.length() - snippet.stripLeading().length();
            value = runSnippet(snippet.substring(blank), new CellErrors.Origin(source, position + blank), run);
            position += remaining.length() - next.length();
            remaining = next;
        }
        return value;
    }

    private DisplayData runSnippet(String source, CellErrors.Origin origin, CellRun run) throws CellException {
        List<SnippetEvent> events = shell.eval(source);
        SnippetEvent main = events.stream().filter(e -> e.causeSnippet() == null).findFirst()
                .orElse(events.isEmpty() ? null : events.get(0));
        if (main == null) {
            return null;
        }
        Snippet snippet = main.snippet();
        origins.put(snippet.id(), origin);
        checkInterrupted(run);
        if (main.status() == Snippet.Status.REJECTED) {
            throw CellErrors.compilation(shell.diagnostics(snippet).toList(), origin, source);
        }
        if (main.exception() != null) {
            throw CellErrors.runtime(main.exception(), origins::get, hintFor(main.exception()));
        }
        if (snippet instanceof DeclarationSnippet declaration && !(snippet instanceof VarSnippet v
                && v.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND)) {
            run.declared.add(declaration);
            return null;
        }
        return valueOf(main);
    }

    /** The rendered value of an expression snippet, or null if it has none to show. */
    private DisplayData valueOf(SnippetEvent event) throws CellException {
        Snippet snippet = event.snippet();
        if (!snippet.subKind().hasValue() || !snippet.subKind().isExecutable()) {
            return null;
        }
        VarSnippet variable = null;
        if (snippet instanceof VarSnippet v) {
            variable = v;
        } else if (snippet instanceof ExpressionSnippet expression) {
            variable = shell.variables().filter(v -> v.name().equals(expression.name())).findFirst().orElse(null);
        }
        if (variable == null) {
            return event.value() == null ? null : new DisplayData(event.value());
        }
        Object value;
        try {
            shell.varValue(variable);
            value = control.takeCapturedValue();
        } catch (RuntimeException e) {
            return event.value() == null ? null : new DisplayData(event.value());
        }
        if (Notebook.isIssuedId(value)) {
            return null; // the cell ended with display(...): its id is not worth showing
        }
        if (value != null && value.getClass().isArray()) {
            return new DisplayData(event.value()); // JShell's "int[3] { 1, 2, 3 }" beats "[I@1b6d3586"
        }
        try {
            return Notebook.render(renderer, value);
        } catch (RuntimeException | LinkageError e) {
            String message = "could not show the value of type " + value.getClass().getName() + ": " + e;
            throw new CellException(e.getClass().getSimpleName(), message, List.of(message));
        }
    }

    private static String hintFor(jdk.jshell.JShellException exception) {
        if (exception instanceof jdk.jshell.EvalException eval
                && "java.lang.OutOfMemoryError".equals(eval.getExceptionClassName())) {
            return String.format("The kernel's heap is capped at %.1f GB (-Xmx in its kernel.json); "
                    + "the cell's objects were released and the kernel keeps running.",
                    Runtime.getRuntime().maxMemory() / 1e9);
        }
        return null;
    }

    private static void checkInterrupted(CellRun run) throws CellException {
        if (run.interrupted) {
            throw CellException.interrupted("the cell was stopped at the user's request");
        }
    }

    private static CellException internalError(Throwable t) {
        String message = "internal kernel error: " + t;
        KernelLog.warn(message);
        return new CellException("KernelError", message, List.of(message));
    }

    /**
     * Stops the running cell, if any: interrupts its threads now, uses JShell's stop after the grace
     * period, gives the cell up after {@code giveUpAfter}. Returns at once; safe from any thread.
     */
    public void interrupt() {
        CellRun run = current.get();
        if (run == null || run.result.isDone()) {
            return;
        }
        if (!run.started) {
            run.interrupted = true;
            run.result.completeExceptionally(CellException.interrupted("the cell was interrupted before it started"));
            return;
        }
        if (run.interrupted) {
            stopNow(); // a second interrupt does not wait for the grace period
            return;
        }
        run.interrupted = true;
        interruptCellThreads();
        interrupter.schedule(() -> {
            if (!run.isFinished()) {
                KernelLog.info("cell ignored the interrupt for " + interruptGrace.toMillis() + " ms: stopping it");
                stopNow();
            }
        }, interruptGrace.toMillis(), TimeUnit.MILLISECONDS);
        interrupter.schedule(() -> {
            if (!run.isFinished()) {
                KernelLog.warn("cell did not stop within " + giveUpAfter.toMillis() + " ms; answering the client "
                        + "and still trying to stop it");
                run.result.completeExceptionally(CellException.interrupted("the cell did not stop and still runs in "
                        + "the background; later cells wait for it (restart the kernel if it never ends)"));
                run.retries = interrupter.scheduleWithFixedDelay(() -> {
                    if (!run.isFinished()) {
                        interruptCellThreads();
                        stopNow();
                    }
                }, 1, 1, TimeUnit.SECONDS);
                if (run.isFinished()) {
                    run.retries.cancel(false);
                }
            }
        }, giveUpAfter.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Interrupts every thread of the cell (the snippet's and those it started), not the runner. */
    private void interruptCellThreads() {
        Thread[] threads = new Thread[cellThreads.activeCount() + 16];
        int n = cellThreads.enumerate(threads, true);
        for (int i = 0; i < n; i++) {
            if (threads[i] != runnerThread) {
                threads[i].interrupt();
            }
        }
    }

    private void stopNow() {
        JShell s = shell;
        if (s == null) {
            return;
        }
        try {
            s.stop();
        } catch (Throwable t) {
            KernelLog.warn("JShell stop failed: " + t);
        }
    }

    /** Completion candidates at {@code cursor}, or null if none (or JShell is busy). */
    public Completion complete(String code, int cursor) {
        return onRunner(() -> Completer.complete(analysis, code, cursor), null);
    }

    /** Signature and documentation of what is at {@code cursor}, or null if nothing is found. */
    public String inspect(String code, int cursor) {
        return onRunner(() -> Completer.inspect(analysis, code, cursor), null);
    }

    /**
     * Whether {@code code} is complete: {@code "complete"}, {@code "incomplete"}, {@code "invalid"} or
     * {@code "unknown"} (the values of Jupyter's {@code is_complete_reply}).
     */
    public String isComplete(String code) {
        return onRunner(() -> Completer.isComplete(analysis, code), "unknown");
    }

    /**
     * Candidates for the text between {@code start} and {@code end}.
     *
     * @param matches the candidates, best first
     * @param start   first replaced character
     * @param end     one past the last replaced character
     */
    public record Completion(List<String> matches, int start, int end) {
    }

    private <T> T onRunner(Callable<T> task, T fallback) {
        if (executing != null || !ready.isDone() && !awaitReady(Duration.ofSeconds(20))) {
            return fallback;
        }
        Future<T> future = runner.submit(task);
        try {
            return future.get(5, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            future.cancel(false);
            return fallback;
        } catch (ExecutionException e) {
            KernelLog.warn("analysis failed: " + e.getCause());
            return fallback;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fallback;
        }
    }

    /** Closes JShell and stops the evaluator's threads; a running cell is stopped first. */
    @Override
    public void close() {
        interrupt();
        stopNow();
        Future<?> closing = runner.submit(() -> {
            if (shell != null) {
                shell.close();
            }
        });
        try {
            closing.get(1, TimeUnit.SECONDS);
        } catch (Exception e) {
            KernelLog.debug("JShell close: " + e);
        }
        runner.shutdownNow();
        interrupter.shutdownNow();
        Notebook.unbind(output);
    }
}
