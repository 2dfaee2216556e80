package org.ganworkbook.kernel;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A dead ZeroMQ thread ends the kernel (so Jupyter restarts it); only jeromq's threads are given the handler. That the
 * kernel installs it where jeromq takes it, the kernel protocol test checks on the real kernel.
 */
class LostThreadHandlerTest {

    private final List<Integer> halts = new ArrayList<>();
    private final LostThreadHandler handler = new LostThreadHandler(halts::add);

    private void dieIn(String threadName, RuntimeException error) throws InterruptedException {
        dieIn(threadName, () -> {
            throw error;
        });
    }

    private void dieIn(String threadName, Error error) throws InterruptedException {
        dieIn(threadName, () -> {
            throw error;
        });
    }

    private void dieIn(String threadName, Runnable body) throws InterruptedException {
        Thread thread = new Thread(body, threadName);
        thread.setUncaughtExceptionHandler(handler);
        thread.start();
        thread.join(10_000);
        assertFalse(thread.isAlive());
    }

    @Test
    void theIoThreadDyingOfOutOfMemoryHaltsTheKernelWithItsExitCode() throws InterruptedException {
        dieIn("iothread-2", new OutOfMemoryError("Java heap space"));
        assertEquals(List.of(LostThreadHandler.EXIT_CODE), halts);
        dieIn("reaper-1", new IllegalStateException("anything"));
        assertEquals(List.of(LostThreadHandler.EXIT_CODE, LostThreadHandler.EXIT_CODE), halts);
    }

    @Test
    void onlyJeromqsThreadNamesCountAsMessagingThreads() {
        assertTrue(LostThreadHandler.isMessagingThread(new Thread(() -> { }, "iothread-2")));
        assertTrue(LostThreadHandler.isMessagingThread(new Thread(() -> { }, "reaper-1")));
        assertFalse(LostThreadHandler.isMessagingThread(new Thread(() -> { }, "worker")));
        assertFalse(LostThreadHandler.isMessagingThread(new Thread(() -> { }, "iothreads-of-my-own-pool")));
    }
}
