package org.ganworkbook.kernel;

import org.dflib.jjava.jupyter.channels.JupyterSocket;
import org.dflib.jjava.jupyter.messages.ContentType;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageContext;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends a cell's iopub messages (status, input, streams, displays, result, error) from one thread, in
 * the order they were queued.
 *
 * <p>Cell threads never touch the socket: they only queue. That keeps the order of a cell's outputs
 * (the client must see every stream message before the {@code idle} status that ends the cell), and it
 * means a cell thread stopped by {@code ThreadDeath} in the middle of a {@code display(...)} cannot leave
 * half a multipart message on the socket.
 */
final class IopubPublisher {

    private final JupyterSocket iopub;
    /** Messages waiting at most; a cell that prints faster than they can be sent waits for room. */
    static final int CAPACITY = 256;

    private final LinkedBlockingQueue<Message<?>> queue = new LinkedBlockingQueue<>(CAPACITY);
    private final Thread sender;
    /** Messages queued and not yet handed to the socket. */
    private final AtomicInteger unsent = new AtomicInteger();

    IopubPublisher(JupyterSocket iopub) {
        this.iopub = iopub;
        this.sender = new Thread(this::sendLoop, "ganwb-iopub");
        this.sender.setDaemon(true);
        this.sender.start();
    }

    /** Queues {@code content} as a message whose parent is {@code parent}; waits while the queue is full. */
    <T extends ContentType<T>> void publish(MessageContext parent, T content) {
        Message<T> message = new Message<>(parent, content.getType(), content);
        unsent.incrementAndGet();
        try {
            queue.put(message);
        } catch (InterruptedException e) {
            unsent.decrementAndGet();
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until every queued message has been handed to the socket, at most {@code millis} ms. */
    boolean awaitDrained(long millis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (unsent.get() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private void sendLoop() {
        while (true) {
            try {
                Message<?> message = queue.take();
                try {
                    iopub.sendMessage(message);
                } finally {
                    unsent.decrementAndGet();
                }
            } catch (InterruptedException e) {
                return;
            } catch (Throwable t) {
                // an OutOfMemoryError while serialising one message must not end the kernel's output,
                // nor may logging it (which allocates too)
                try {
                    KernelLog.warn("iopub send failed: " + t);
                } catch (Throwable ignored) {
                    // the message is lost; the loop goes on
                }
            }
        }
    }
}
