package org.ganworkbook.linalg;

import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A few daemon worker threads that run the strips of one matrix product next to the calling thread,
 * without allocating and with a short hand-off: a worker that has just finished spins for a moment
 * (products come in quick succession during training) before it parks.
 *
 * <p>One product at a time uses the workers; a second caller meanwhile (another thread, or a strip that
 * itself calls in) simply computes all of its strips itself. The caller waits for every strip even if interrupted (a product is never left
 * half written), and its interrupt flag is left as it was.
 */
final class StripPool {

    /** The work of one product, cut into numbered strips. */
    interface Strips {
        void run(int strip);
    }

    /** How long an idle worker keeps spinning before it parks. */
    private static final long SPIN_NANOS = 50_000;

    private final Worker[] workers;
    private final AtomicBoolean inUse = new AtomicBoolean();

    StripPool(int threads, String name) {
        workers = new Worker[Math.max(0, threads - 1)];
        for (int i = 0; i < workers.length; i++) {
            workers[i] = new Worker();
            Thread t = new Thread(workers[i], name + "-" + (i + 1));
            t.setDaemon(true);
            workers[i].thread = t;
            t.start();
        }
    }

    /**
     * Runs {@code body} over [0, total) cut into contiguous ranges of at least {@code grain} (at most one per
     * thread), the first on the calling thread, as {@link #invoke} does with the strips of a product.
     */
    void forRanges(long total, long grain, Gemm.RangeBody body) {
        // as many ranges as threads, each at least grain long
        int parts = (int) Math.max(1, Math.min(threads(), total / grain));
        if (parts <= 1) {
            if (total > 0) {
                body.run(0, total);
            }
            return;
        }
        long chunk = (total + parts - 1) / parts;
        invoke(index -> {
            long from = index * chunk;
            long to = Math.min(total, from + chunk);
            if (from < to) {
                body.run(from, to);
            }
        }, parts);
    }

    /** Threads available to one product, the caller included. */
    int threads() {
        return workers.length + 1;
    }

    /**
     * Runs {@code strips.run(0 .. count-1)}: strip 0 on the calling thread, the others on workers (or all on
     * the caller if the pool is busy). Rethrows the first failure after every strip has finished.
     */
    void invoke(Strips strips, int count) {
        if (count <= 1 || workers.length == 0 || !inUse.compareAndSet(false, true)) {
            for (int i = 0; i < count; i++) {
                strips.run(i);
            }
            return;
        }
        try {
            int handed = Math.min(count - 1, workers.length);
            for (int w = 0; w < handed; w++) {
                workers[w].assign(strips, w + 1);
            }
            Throwable failure = null;
            try {
                strips.run(0);
                for (int i = handed + 1; i < count; i++) {
                    strips.run(i); // more strips than threads: the caller takes the rest
                }
            } catch (RuntimeException | Error e) {
                failure = e;
            }
            for (int w = 0; w < handed; w++) {
                Throwable f = workers[w].await();
                if (failure == null) {
                    failure = f;
                }
            }
            rethrow(failure);
        } finally {
            inUse.set(false);
        }
    }

    /** Throws {@code failure} as it is (unchecked), or wrapped if checked; nothing if null. */
    private static void rethrow(Throwable failure) {
        if (failure instanceof RuntimeException re) {
            throw re;
        } else if (failure instanceof Error err) {
            throw err;
        } else if (failure != null) {
            throw new IllegalStateException("a parallel strip failed", failure);
        }
    }

    private static final class Worker implements Runnable {
        private static final int IDLE = 0, ASSIGNED = 1, DONE = 2;
        Thread thread;
        private volatile int state = IDLE;
        private volatile boolean parked;
        private Strips strips;
        private int strip;
        private Throwable failure;

        void assign(Strips s, int index) {
            strips = s;
            strip = index;
            failure = null;
            state = ASSIGNED; // volatile write publishes the fields above
            if (parked) {
                LockSupport.unpark(thread);
            }
        }

        Throwable await() {
            int spins = 0;
            while (state != DONE) {
                if (++spins < 10_000) {
                    Thread.onSpinWait();
                } else {
                    Thread.yield();
                }
            }
            Throwable f = failure;
            strips = null;
            state = IDLE;
            return f;
        }

        @Override
        public void run() {
            while (true) {
                long spinUntil = System.nanoTime() + SPIN_NANOS;
                while (state != ASSIGNED) {
                    if (System.nanoTime() < spinUntil) {
                        Thread.onSpinWait();
                    } else {
                        parked = true;
                        if (state != ASSIGNED) {
                            LockSupport.park(this);
                        }
                        parked = false;
                    }
                }
                try {
                    strips.run(strip);
                } catch (Throwable t) {
                    failure = t;
                }
                state = DONE;
            }
        }
    }
}
