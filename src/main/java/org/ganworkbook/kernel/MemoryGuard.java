package org.ganworkbook.kernel;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import java.util.function.LongSupplier;

/**
 * Stops a cell that is about to fill the heap, before it is full.
 *
 * <p>Cells run in the kernel's JVM, so a runaway allocation ({@code while (true) list.add(new long[1 << 17]);})
 * takes the heap the kernel's own threads need. Once the heap is full, the last moments before the cell's
 * {@link OutOfMemoryError} are spent in back-to-back garbage collections, and in that window any thread
 * that allocates meets an {@code OutOfMemoryError} too: the ZeroMQ and channel threads, the output
 * flusher, the handler JShell's snippet thread reports its death with. Whether the kernel still answers
 * afterwards is then a matter of luck ({@link HeapReserve} only helps once the cell's error is seen).
 *
 * <p>The JVM's own memory notifications come too late for this: they are checked at garbage
 * collections, and a runaway of large arrays (allocated straight into the old generation) triggers its
 * first one when the heap is already full. So a daemon thread reads the old generation's usage every
 * {@value #POLL_MS} ms while a cell runs (a counter read, no allocation to speak of). When it is above
 * {@link #threshold(long)} it asks for a full collection, and if the pool is still above the threshold
 * afterwards (live data, not garbage) it calls the listener, and the evaluator stops the cell at once
 * and reports an {@code OutOfMemoryError}. The margin ({@link #margin(long)}) is what the kernel keeps
 * for itself. A real {@code OutOfMemoryError} can still happen (one huge array, or an allocation faster
 * than {@value #POLL_MS} ms of margin) and is handled as before.
 */
final class MemoryGuard {

    /** How often the old generation's usage is read while a cell runs. */
    static final long POLL_MS = 2;
    /** How often it is read while no cell runs. */
    static final long IDLE_POLL_MS = 50;
    /** At most one forced collection per this many ms (a heap that stays just above the limit with garbage). */
    static final long MIN_GC_INTERVAL_MS = 250;

    private final LongSupplier used;
    private final Runnable collect;
    private final long max;
    private final long limit;
    private final BooleanSupplier cellRunning;
    private final DoubleConsumer onNearlyFull;
    private long lastForcedGc = Long.MIN_VALUE / 2;

    /**
     * A guard that is not started (tests call {@link #check()} themselves).
     *
     * @param used    bytes used in the old generation now
     * @param collect a full collection ({@code System::gc})
     * @param max     the old generation's size in bytes
     */
    MemoryGuard(LongSupplier used, Runnable collect, long max, BooleanSupplier cellRunning, DoubleConsumer onNearlyFull) {
        this.used = used;
        this.collect = collect;
        this.max = max;
        this.limit = threshold(max);
        this.cellRunning = cellRunning;
        this.onNearlyFull = onNearlyFull;
    }

    /**
     * Bytes of the old generation left free below its maximum: 1/16 of it, between 64 MB and 256 MB, and
     * never more than a quarter of it (64 MB at a heap of 512 MB or 1 GB, 192 MB at the kernel's usual 3 GB).
     * The margin is the time the guard has: a runaway of 1 MB arrays fills about 1.7 MB per ms here, so 32 MB
     * (the floor before) gave it under 20 ms, which a loaded machine (load 10 on 2 cores) did not always
     * schedule it within.
     */
    static long margin(long max) {
        return Math.max(Math.min(64L << 20, max / 4), Math.min(256L << 20, max / 16));
    }

    /** The usage limit for an old generation of {@code max} bytes: {@code max - margin(max)}. */
    static long threshold(long max) {
        return Math.max(0, max - margin(max));
    }

    /** Bytes above the limit: what the kernel keeps for itself. */
    long reserved() {
        return max - limit;
    }

    /**
     * Starts the guard's thread on the JVM's old generation.
     *
     * @param cellRunning  true while a cell runs (then the pool is read every {@value #POLL_MS} ms)
     * @param onNearlyFull called on the guard's thread with the used fraction of the pool when a full
     *                     collection left it above the limit; must return quickly
     * @return the guard, or null where the JVM has no old-generation pool with a known size
     */
    static MemoryGuard start(BooleanSupplier cellRunning, DoubleConsumer onNearlyFull) {
        MemoryPoolMXBean old = null;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            // the heap pool that supports a usage threshold is the old generation (G1 Old Gen, PS Old Gen,
            // Tenured Gen); eden and survivor spaces do not
            if (pool.getType() == MemoryType.HEAP && pool.isUsageThresholdSupported()) {
                old = pool;
            }
        }
        if (old == null) {
            return null;
        }
        long max = old.getUsage().getMax();
        if (max <= 0) {
            max = Runtime.getRuntime().maxMemory();
        }
        MemoryPoolMXBean pool = old;
        MemoryGuard guard = new MemoryGuard(() -> pool.getUsage().getUsed(), System::gc, max, cellRunning, onNearlyFull);
        Thread thread = new Thread(guard::watch, "ganwb-memory-guard");
        thread.setDaemon(true);
        thread.setPriority(Thread.MAX_PRIORITY);
        thread.start();
        return guard;
    }

    private void watch() {
        while (true) {
            boolean running;
            try {
                running = cellRunning.getAsBoolean();
                if (running) {
                    check();
                }
            } catch (OutOfMemoryError e) {
                // even this thread's few bytes could not be had: the heap is full, the cell must stop
                HeapReserve.release();
                running = true;
                report(1.0);
            } catch (RuntimeException e) {
                running = false;
            }
            try {
                TimeUnit.MILLISECONDS.sleep(running ? POLL_MS : IDLE_POLL_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /**
     * Reads the pool; over the limit, collects (at most once per {@value #MIN_GC_INTERVAL_MS} ms, unless the
     * pool is in the last half of the margin) and reports if it is still over.
     */
    void check() {
        long before = used.getAsLong();
        if (before <= limit) {
            return;
        }
        long now = System.nanoTime() / 1_000_000;
        // the interval spares a heap that garbage keeps just above the limit; it must not blind the guard to
        // a runaway whose first crossing was garbage (the collection freed it, and the runaway fills the
        // rest of the heap within the interval): in the last half of the margin it collects at every poll,
        // as the JVM itself would a moment later
        boolean lastHalf = before > limit + reserved() / 2;
        if (!lastHalf && now - lastForcedGc < MIN_GC_INTERVAL_MS) {
            return;
        }
        lastForcedGc = now;
        collect.run();
        long after = used.getAsLong();
        if (after > limit) {
            report(after / (double) max);
        }
    }

    private void report(double used) {
        try {
            onNearlyFull.accept(used);
        } catch (RuntimeException | OutOfMemoryError e) {
            // the evaluator's stop failed; the cell's own OutOfMemoryError is handled where it ends
        }
    }
}
