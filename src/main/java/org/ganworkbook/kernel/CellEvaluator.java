package org.ganworkbook.kernel;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
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
 * {@code SourceCodeAnalysis.analyzeCompletion}, and the snippets run one after the other
 * ({@link JShellSession}). Declarations persist across cells. If the last snippet is an expression,
 * its value is rendered and returned. A snippet that does not compile or throws ends the cell with a
 * {@link CellException}.
 *
 * <p><b>Threads.</b> JShell is used from one thread only, the <i>runner</i>; each snippet runs on a
 * thread JShell starts in a child of the runner's thread group, and threads the cell starts join that
 * group. {@link #evaluate} blocks the calling thread until the cell ends or is given up.
 *
 * <p><b>Interrupt.</b> {@link #interrupt()} (from any thread) first calls {@link Thread#interrupt()} on
 * every thread of the cell, which stops code that checks for interrupts (the GAN trainer does, once
 * per minibatch, and leaves the model consistent). If the cell still runs after the grace period
 * ({@value #DEFAULT_INTERRUPT_GRACE_MS} ms), JShell's stop is used ({@code ThreadDeath} on JDK 17, stop
 * checks woven into the snippet code on JDK 22+). If even that has not ended the cell after
 * {@value #DEFAULT_GIVE_UP_MS} ms, {@link #evaluate} returns anyway with an "Interrupted" error and
 * stopping goes on in the background; later cells report the kernel as busy until the cell ends. So
 * the caller always gets an answer, within well under a second.
 */
public final class CellEvaluator implements AutoCloseable {

    /** Default time between the thread interrupt and JShell's stop. */
    public static final long DEFAULT_INTERRUPT_GRACE_MS = 300;
    /** Default time after which an interrupted cell that is still running is given up. */
    public static final long DEFAULT_GIVE_UP_MS = 650;

    /**
     * How long a cell the {@link MemoryGuard} stopped may take to end before the client is answered anyway
     * (with the same {@code OutOfMemoryError}). Longer than {@link #DEFAULT_GIVE_UP_MS}: at a nearly full heap
     * the stop takes effect only after the collection under way, which took 0.7 s on two loaded cores
     * (load 9.7, the kernel protocol test) where the interrupt's 650 ms ran out.
     */
    static final long MEMORY_GIVE_UP_MS = 10_000;
    /** How long the next cell waits for a given-up cell to end before it fails with {@code KernelBusy}. */
    static final long STUCK_CELL_WAIT_MS = 3000;

    private final Renderer renderer;
    private final CellOutput output;
    private final Duration interruptGrace;
    private final Duration giveUpAfter;
    private final List<Path> initialClasspath;
    /** Every open evaluator, told when the {@link MemoryGuard} sees the heap nearly full. */
    private static final List<CellEvaluator> OPEN = new CopyOnWriteArrayList<>();
    /** The JVM's one guard, installed with the first evaluator (null where the JVM cannot watch its heap). */
    private static volatile MemoryGuard guard; // read by the guard's own thread
    private static boolean guardTried;

    private final ThreadGroup cellThreads = new CellThreadGroup();
    private final ExecutorService runner;
    private final ScheduledExecutorService interrupter;
    private final AtomicBoolean started = new AtomicBoolean();
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private final AtomicReference<CellRun> current = new AtomicReference<>();
    private volatile Thread runnerThread;
    private volatile JShellSession session;
    /** The cell the runner is executing, if any (also after {@link #evaluate} gave it up). */
    private volatile CellRun executing;

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
        /** Why the {@link MemoryGuard} stopped this cell, or null. */
        volatile String memoryStop;
        volatile ScheduledFuture<?> retries;

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
        this(renderer, output, classpath, Duration.ofMillis(DEFAULT_INTERRUPT_GRACE_MS), Duration.ofMillis(DEFAULT_GIVE_UP_MS));
    }

    /** As {@link #CellEvaluator(Renderer, CellOutput, List)}, with explicit interrupt timings. */
    public CellEvaluator(Renderer renderer, CellOutput output, List<Path> classpath,
                         Duration interruptGrace, Duration giveUpAfter) {
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.output = Objects.requireNonNull(output, "output");
        this.interruptGrace = interruptGrace;
        this.giveUpAfter = giveUpAfter;
        this.initialClasspath = List.copyOf(classpath);
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
        watchMemory(this);
    }

    private static synchronized void watchMemory(CellEvaluator evaluator) {
        OPEN.add(evaluator);
        if (!guardTried) {
            guardTried = true;
            try {
                guard = MemoryGuard.start(CellEvaluator::anyCellRunning, used -> OPEN.forEach(e -> e.stopForMemory(used)));
            } catch (RuntimeException | LinkageError e) {
                KernelLog.warn("cannot watch the heap (" + e + "): a runaway allocation may leave the kernel unanswering");
            }
        }
    }

    private static boolean anyCellRunning() {
        for (CellEvaluator e : OPEN) {
            if (e.executing != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * Called by the {@link MemoryGuard} when a full garbage collection left the heap nearly full: stops the
     * running cell at once (no grace period), to be reported as an {@code OutOfMemoryError}.
     */
    void stopForMemory(double used) {
        CellRun run = executing;
        if (run == null || run.isFinished() || run.memoryStop != null || guard == null) {
            return;
        }
        run.memoryStop = String.format("the heap was %.0f%% full right after a full garbage collection, so the kernel "
                + "stopped the cell before it filled the last %d MB the kernel keeps for itself",
                100 * used, guard.reserved() >> 20);
        run.interrupted = true;
        interruptCellThreads();
        stopNow();
        KernelLog.info(String.format("heap %.0f%% full after a full collection: cell stopped", 100 * used));
        interrupter.schedule(() -> giveUp(run), Math.max(giveUpAfter.toMillis(), MEMORY_GIVE_UP_MS), TimeUnit.MILLISECONDS);
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
                long t0 = System.nanoTime();
                session = new JShellSession(renderer, initialClasspath, () -> {
                    CellRun run = executing;
                    return run != null && run.interrupted;
                });
                KernelLog.info(String.format("JShell ready in %.0f ms", (System.nanoTime() - t0) / 1e6));
                HeapReserve.rearm();
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
            runner.execute(() -> runOnRunner(run, source));
            return run.result.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof CellException cellException ? cellException : internalError(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CellException.interrupted("the kernel was asked to stop");
        } finally {
            current.compareAndSet(run, null);
        }
    }

    private void runOnRunner(CellRun run, SourceText source) {
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
            if (!ready.isDone() || ready.isCompletedExceptionally()) {
                throw new IllegalStateException("JShell did not start; see the kernel log");
            }
            value = session.runCell(source, () -> run.interrupted, () -> run.memoryStop);
        } catch (Throwable t) {
            failure = t;
            if (HeapReserve.isOutOfMemory(t)) {
                HeapReserve.release();
                failure = new CellException("OutOfMemoryError", "Java heap space",
                        List.of("OutOfMemoryError: Java heap space (the kernel ran out of memory outside the cell's code)"));
            }
        } finally {
            // the runner is free before the caller hears the result
            executing = null;
            run.finished.countDown();
            ScheduledFuture<?> retries = run.retries;
            if (retries != null) {
                retries.cancel(false);
            }
        }
        HeapReserve.rearm(); // a no-op unless an earlier cell ran out of memory and it could not be taken back then
        if (failure == null) {
            run.result.complete(value);
        } else {
            run.result.completeExceptionally(failure instanceof CellException ? failure : internalError(failure));
        }
    }

    /** If a given-up cell still runs, tries once more to stop it; fails if it will not stop. */
    private void waitForStuckCell() throws CellException {
        CellRun stuck = executing;
        if (stuck == null) {
            return;
        }
        // A given-up cell is often about to end (on a loaded machine, one interrupted while JShell still
        // compiled it ends once the compiler is done): wait for it a while, stopping it again now and then,
        // before telling the user the kernel is busy.
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STUCK_CELL_WAIT_MS);
        try {
            do {
                stopNow();
                if (stuck.finished.await(250, TimeUnit.MILLISECONDS)) {
                    return;
                }
            } while (System.nanoTime() < deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String message = "an earlier cell is still running: it ignored the interrupt and could not be stopped "
                + "(for example a loop inside library code that never checks Thread.interrupted()). "
                + "Interrupt again, or restart the kernel.";
        throw new CellException("KernelBusy", message, List.of("KernelBusy: " + message));
    }

    private static CellException internalError(Throwable t) {
        String message = "internal kernel error: " + t;
        KernelLog.warn(message);
        return new CellException("KernelError", message, List.of(message));
    }

    /**
     * Stops the running cell, if any: interrupts its threads now, uses JShell's stop after the grace
     * period, gives the cell up after the give-up time. Returns at once; safe from any thread.
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
        interrupter.schedule(() -> giveUp(run), giveUpAfter.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void giveUp(CellRun run) {
        if (run.isFinished()) {
            return;
        }
        String stillRuns = "the cell did not stop and still runs in the background; later cells wait for it (restart"
                + " the kernel if it never ends)";
        if (run.memoryStop != null) {
            KernelLog.warn("cell stopped for memory did not end within " + MEMORY_GIVE_UP_MS + " ms; answering the "
                    + "client and still trying to stop it");
            String evalue = "Java heap space (" + run.memoryStop + "); " + stillRuns;
            run.result.completeExceptionally(new CellException("OutOfMemoryError", evalue,
                    List.of("OutOfMemoryError: " + evalue)));
        } else {
            KernelLog.warn("cell did not stop within " + giveUpAfter.toMillis() + " ms; answering the client and "
                    + "still trying to stop it");
            run.result.completeExceptionally(CellException.interrupted(stillRuns));
        }
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
        JShellSession s = session;
        if (s != null) {
            s.stop();
        }
    }

    /** Completion candidates at {@code cursor}, or null if none (or JShell is busy). */
    public Completion complete(String code, int cursor) {
        return onRunner(() -> Completer.complete(session.analysis(), code, cursor), null);
    }

    /** Signature and documentation of what is at {@code cursor}, or null if nothing is found. */
    public String inspect(String code, int cursor) {
        return onRunner(() -> Completer.inspect(session.analysis(), code, cursor), null);
    }

    /**
     * Whether {@code code} is complete: {@code "complete"}, {@code "incomplete"}, {@code "invalid"} or
     * {@code "unknown"} (the values of Jupyter's {@code is_complete_reply}).
     */
    public String isComplete(String code) {
        return onRunner(() -> Completer.isComplete(session.analysis(), code), "unknown");
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
        if (executing != null || !awaitReady(Duration.ofSeconds(20)) || session == null) {
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
            JShellSession s = session;
            if (s != null) {
                s.close();
            }
        });
        try {
            closing.get(1, TimeUnit.SECONDS);
        } catch (Exception e) {
            KernelLog.debug("JShell close: " + e);
        }
        runner.shutdownNow();
        interrupter.shutdownNow();
        OPEN.remove(this);
        Notebook.unbind(output);
    }
}
