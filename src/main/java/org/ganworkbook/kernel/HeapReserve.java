package org.ganworkbook.kernel;

/**
 * Memory the kernel keeps back for itself, so that it can still answer after a cell has filled the heap.
 *
 * <p>Cells run in the kernel's own JVM (JShell's local execution), so a runaway allocation fills the
 * heap the kernel's threads need too: the ZeroMQ I/O thread, the control and heartbeat channels and
 * the iopub sender. A thread of those that meets an {@link OutOfMemoryError} ends, and the kernel
 * then hangs (it no longer answers interrupts, cells or heartbeats) even though the cell's error was
 * caught. Holding a reserve that is {@linkplain #release() released} the moment a cell's
 * {@code OutOfMemoryError} is seen leaves those threads room until the cell's memory is given back
 * ({@link JShellSession} clears the variables the cell declared), after which the reserve is
 * {@linkplain #rearm() taken} again.
 *
 * <p>Size: 1/32 of the heap cap, between 4 and 64 MB (32 MB at the kernel's usual 1 GB).
 */
final class HeapReserve {

    /** Bytes held back: maxMemory / 32, clamped to [4 MB, 64 MB]. */
    static final int SIZE = (int) Math.max(4L << 20, Math.min(64L << 20, Runtime.getRuntime().maxMemory() / 32));

    private static volatile byte[] reserve;

    private HeapReserve() {
    }

    /** Takes the reserve if it is not held; true if it is held afterwards. Never throws. */
    static boolean rearm() {
        if (reserve != null) {
            return true;
        }
        try {
            reserve = new byte[SIZE];
            return true;
        } catch (OutOfMemoryError e) {
            return false;
        }
    }

    /** Gives the reserve back to the heap (allocates nothing; safe to call while the heap is full). */
    static void release() {
        reserve = null;
    }

    /** True if the reserve is held. */
    static boolean armed() {
        return reserve != null;
    }

    /** True if {@code t} or one of its causes is an {@link OutOfMemoryError}. */
    static boolean isOutOfMemory(Throwable t) {
        for (int depth = 0; t != null && depth < 10; depth++, t = t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                return true;
            }
        }
        return false;
    }
}
