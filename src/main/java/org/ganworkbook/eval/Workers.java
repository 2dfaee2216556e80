package org.ganworkbook.eval;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A few threads for the per-row work after each distance product: the calling thread plus
 * {@code threads - 1} daemon workers, alive for one evaluation ({@link #close()} stops them).
 *
 * <p>Rows are split into contiguous slices, one per thread. Every row is computed by one thread in one
 * fixed order, so results do not depend on the thread count.
 */
final class Workers implements AutoCloseable {

    /** Work on rows {@code [from, to)}. */
    @FunctionalInterface
    interface RangeTask {
        void run(int from, int to);
    }

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final int threads;
    private final ExecutorService pool;

    private Workers(int threads) {
        this.threads = threads;
        if (threads == 1) {
            pool = null;
        } else {
            int id = POOLS.incrementAndGet();
            AtomicInteger count = new AtomicInteger();
            pool = Executors.newFixedThreadPool(threads - 1, r -> {
                Thread t = new Thread(r, "ganwb-eval-" + id + "-" + count.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }
    }

    static Workers start(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("need at least 1 thread, got " + threads);
        }
        return new Workers(threads);
    }

    /** Default thread count: one per available processor. */
    static int defaultThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Runs {@code task} on slices of {@code [0, count)}, one slice per thread (the caller takes the
     * first), and returns when all are done. Waits for every slice even if interrupted (the slices write
     * into shared buffers), then restores the interrupt flag for the caller's next check.
     */
    void forEachSlice(int count, RangeTask task) {
        int parts = Math.min(threads, count);
        if (parts <= 1) {
            task.run(0, count);
            return;
        }
        Future<?>[] futures = new Future<?>[parts - 1];
        for (int p = 1; p < parts; p++) {
            int from = (int) ((long) count * p / parts);
            int to = (int) ((long) count * (p + 1) / parts);
            futures[p - 1] = pool.submit(() -> task.run(from, to));
        }
        Throwable failure = null;
        try {
            task.run(0, (int) ((long) count / parts));
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        boolean interrupted = false;
        for (Future<?> f : futures) {
            while (true) {
                try {
                    f.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause();
                    }
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure instanceof RuntimeException re) {
            throw re;
        } else if (failure instanceof Error err) {
            throw err;
        } else if (failure != null) {
            throw new IllegalStateException("evaluation worker failed", failure);
        }
    }

    /**
     * Throws {@link CancellationException} (and keeps the thread's interrupt flag set) if the calling
     * thread was interrupted; {@code what} says what stopped and how far it got.
     */
    static void checkInterrupt(String what) {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException(what + " (the thread was interrupted; no partial result is returned)");
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
