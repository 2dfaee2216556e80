package org.ganworkbook.kernel;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A dead ZeroMQ thread ends the kernel (so Jupyter restarts it); any other thread's death is only printed. That the
 * kernel installs it where jeromq takes it, the kernel protocol test checks on the real kernel.
 */
class LostThreadHandlerTest {

    private final List<Integer> halts = new ArrayList<>();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final LostThreadHandler handler = new LostThreadHandler(halts::add,
            () -> new PrintStream(printed, true, StandardCharsets.UTF_8));

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
    void anotherThreadsDeathIsPrintedAsTheJvmWouldAndTheKernelGoesOn() throws InterruptedException {
        dieIn("worker", new IllegalStateException("boom"));
        assertTrue(halts.isEmpty());
        String text = printed.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("Exception in thread \"worker\" java.lang.IllegalStateException: boom"), text);
        dieIn("iothreads-of-my-own-pool", new OutOfMemoryError("not jeromq's")); // only jeromq's names count
        assertTrue(halts.isEmpty());
    }
}
