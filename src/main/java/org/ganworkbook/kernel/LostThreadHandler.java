package org.ganworkbook.kernel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.IntConsumer;

/**
 * What the kernel does when one of jeromq's threads ends with an uncaught exception: {@link #protect()} sets it
 * as their own handler once the sockets exist (not as the JVM's default handler, which JShell replaces when it
 * starts, and which jeromq's I/O thread would not consult first anyway).
 *
 * <p>The kernel talks to Jupyter through jeromq, a pure-Java ZeroMQ whose I/O thread ({@code iothread-N})
 * and reaper ({@code reaper-N}) catch only {@link RuntimeException}s. When a cell fills the heap faster than
 * the {@link MemoryGuard} can stop it, the thread that allocates next meets an {@link OutOfMemoryError}; if
 * that is the I/O thread (a heartbeat arrived at that moment), it ends, and with it every socket: the process
 * lives on but never answers again, and the notebook hangs with the cell "running" (seen once in about 200
 * runaway allocations on a heap of 512 MB with the machine loaded). No thread can replace it in the same
 * context, so the kernel then exits with {@value #EXIT_CODE}: Jupyter sees the kernel die and restarts it
 * ("The kernel appears to have died. It will restart automatically."), which loses the kernel's variables,
 * as any restart does, but leaves the user with a working notebook instead of a hanging one.
 */
final class LostThreadHandler implements Thread.UncaughtExceptionHandler {

    /** The exit code after the messaging threads died (EX_SOFTWARE of sysexits.h). */
    static final int EXIT_CODE = 70;

    private final IntConsumer halt;

    /** The kernel's: halts the JVM. */
    LostThreadHandler() {
        this(code -> Runtime.getRuntime().halt(code));
    }

    /** With an explicit halt (tests). */
    LostThreadHandler(IntConsumer halt) {
        this.halt = Objects.requireNonNull(halt, "halt");
    }

    /**
     * Makes a new handler the own handler of every live jeromq thread (call once the sockets are bound).
     *
     * @return the names of the threads it was set on
     */
    static List<String> protect() {
        LostThreadHandler handler = new LostThreadHandler();
        List<String> names = new ArrayList<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (isMessagingThread(thread)) {
                thread.setUncaughtExceptionHandler(handler);
                names.add(thread.getName());
            }
        }
        Collections.sort(names);
        return names;
    }

    /** True for jeromq's own threads, without which no message reaches or leaves the kernel. */
    static boolean isMessagingThread(Thread thread) {
        String name = thread.getName();
        return name.startsWith("iothread-") || name.startsWith("reaper-");
    }

    @Override
    public void uncaughtException(Thread thread, Throwable e) {
        try {
            HeapReserve.release(); // a few MB so that the last words below can be written
            KernelLog.warn("ZeroMQ thread " + thread.getName() + " died of " + e + ": the kernel can no longer "
                    + "send or receive messages; exiting (code " + EXIT_CODE + ") so that Jupyter restarts it");
        } catch (Throwable ignored) {
            // with the heap full even the message may fail; the exit must not
        }
        halt.accept(EXIT_CODE);
    }
}
