package org.ganworkbook.kernel;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Captures the JVM's {@code System.out} and {@code System.err} and forwards what cells write, in
 * order and while they run, to an {@link OutputSink}; displays go through the same ordered path so
 * text printed before a {@code display(...)} appears above it.
 *
 * <p>Writers (the cell's thread, threads it started, library code) only append to an in-memory
 * buffer; a daemon thread hands the buffer to the sink every {@link #FLUSH_INTERVAL_MS} ms, and
 * {@link #flush()} does so at once (the kernel calls it before a cell's result). A writer that
 * produces more than {@link #MAX_PENDING_BYTES} between two flushes sends the text itself, which
 * bounds memory when a cell prints in a tight loop.
 *
 * <p>Consecutive writes to the same stream are merged into one message; a write to the other stream
 * starts a new one, so stdout and stderr interleave as written.
 */
public final class CellOutput implements AutoCloseable {

    /** How often pending text is sent while a cell runs. */
    public static final long FLUSH_INTERVAL_MS = 100;
    /** Pending text above which the writing thread sends it itself. */
    static final int MAX_PENDING_BYTES = 256 * 1024;

    private final OutputSink sink;
    private final PrintStream out;
    private final PrintStream err;
    private final Thread flusher;
    /** Pending outputs (byte segments of a stream, or displays), oldest first; guarded by itself. */
    private final ArrayDeque<Object> pending = new ArrayDeque<>();
    private int pendingBytes;
    /** Held while taking from {@link #pending} and sending, so sends never reorder. */
    private final Object sendLock = new Object();
    private volatile boolean closed;
    private PrintStream savedOut;
    private PrintStream savedErr;
    private InputStream savedIn;

    /**
     * @param sink receives the outputs; called from the flusher thread or from whichever thread
     *             calls {@link #flush()} or writes a display, never from two threads at once
     */
    public CellOutput(OutputSink sink) {
        this.sink = Objects.requireNonNull(sink, "sink");
        this.out = new PrintStream(new Capture(OutputSink.STDOUT), true, StandardCharsets.UTF_8);
        this.err = new PrintStream(new Capture(OutputSink.STDERR), true, StandardCharsets.UTF_8);
        this.flusher = new Thread(this::flushLoop, "ganwb-output-flusher");
        this.flusher.setDaemon(true);
        this.flusher.start();
    }

    /** The stream that replaces {@code System.out}. */
    public PrintStream stdout() {
        return out;
    }

    /** The stream that replaces {@code System.err}. */
    public PrintStream stderr() {
        return err;
    }

    /**
     * Makes this object the JVM's {@code System.out}/{@code System.err} and gives {@code System.in}
     * an empty stream (a cell that reads input gets end-of-file instead of blocking the kernel).
     * {@link #close()} restores the previous streams.
     */
    public synchronized void installAsSystemStreams() {
        if (savedOut == null) {
            savedOut = System.out;
            savedErr = System.err;
            savedIn = System.in;
        }
        System.setOut(out);
        System.setErr(err);
        System.setIn(InputStream.nullInputStream());
    }

    /** Queues a new display after everything written so far. */
    public void display(DisplayData data) {
        enqueue(new Display(data, false));
    }

    /** Queues an update of an existing display after everything written so far. */
    public void updateDisplay(DisplayData data) {
        enqueue(new Display(data, true));
    }

    private void enqueue(Display display) {
        synchronized (pending) {
            pending.addLast(display);
        }
        flush();
    }

    /** Sends everything written so far to the sink, in order, before returning. */
    public void flush() {
        synchronized (sendLock) {
            List<Object> batch = new ArrayList<>();
            synchronized (pending) {
                while (!pending.isEmpty()) {
                    Object head = pending.peekFirst();
                    if (head instanceof Segment segment && pending.size() == 1) {
                        // the newest segment may end inside a multi-byte character: keep that tail
                        String text = segment.takeCompleteText();
                        if (!text.isEmpty()) {
                            batch.add(new Text(segment.stream, text));
                        }
                        if (segment.bytes.size() == 0) {
                            pending.removeFirst();
                        }
                        break;
                    }
                    pending.removeFirst();
                    batch.add(head instanceof Segment segment ? new Text(segment.stream, segment.takeAllText()) : head);
                }
                pendingBytes = pending.isEmpty() ? 0 : ((pending.peekLast() instanceof Segment s) ? s.bytes.size() : 0);
            }
            for (Object item : batch) {
                send(item);
            }
        }
    }

    private void send(Object item) {
        try {
            if (item instanceof Text text) {
                if (!text.text.isEmpty()) {
                    sink.stream(text.stream, text.text);
                }
            } else if (item instanceof Display display) {
                if (display.update) {
                    sink.updateDisplay(display.data);
                } else {
                    sink.display(display.data);
                }
            }
        } catch (RuntimeException e) {
            KernelLog.warn("could not forward output: " + e);
        }
    }

    private void append(String stream, byte[] bytes, int offset, int length) {
        if (length <= 0) {
            return;
        }
        boolean tooMuch;
        synchronized (pending) {
            Object last = pending.peekLast();
            Segment segment;
            if (last instanceof Segment s && s.stream.equals(stream)) {
                segment = s;
            } else {
                segment = new Segment(stream);
                pending.addLast(segment);
            }
            segment.bytes.write(bytes, offset, length);
            pendingBytes += length;
            tooMuch = pendingBytes > MAX_PENDING_BYTES;
        }
        if (tooMuch) {
            flush();
        }
    }

    private void flushLoop() {
        while (!closed) {
            try {
                Thread.sleep(FLUSH_INTERVAL_MS);
                flush();
            } catch (InterruptedException e) {
                return;
            } catch (Throwable t) {
                // keep forwarding output even after an OutOfMemoryError in the middle of a flush
                KernelLog.warn("output flusher: " + t);
            }
        }
    }

    /** Flushes, stops the flusher thread and restores the streams {@link #installAsSystemStreams()} replaced. */
    @Override
    public synchronized void close() {
        flush();
        closed = true;
        flusher.interrupt();
        if (savedOut != null) {
            System.setOut(savedOut);
            System.setErr(savedErr);
            System.setIn(savedIn);
            savedOut = null;
        }
    }

    /** Length of the longest prefix of {@code b[0, len)} that ends on a UTF-8 character boundary. */
    static int completeUtf8Prefix(byte[] b, int len) {
        for (int i = len - 1; i >= Math.max(0, len - 4); i--) {
            int v = b[i] & 0xFF;
            if ((v & 0xC0) == 0x80) {
                continue; // continuation byte: look further back for the lead byte
            }
            int need = v < 0x80 ? 1 : (v & 0xE0) == 0xC0 ? 2 : (v & 0xF0) == 0xE0 ? 3 : (v & 0xF8) == 0xF0 ? 4 : 1;
            return i + need > len ? i : len;
        }
        return len;
    }

    /** Bytes one stream wrote since the last flush. */
    private static final class Segment {
        final String stream;
        final Bytes bytes = new Bytes();

        Segment(String stream) {
            this.stream = stream;
        }

        String takeAllText() {
            String text = new String(bytes.buffer(), 0, bytes.size(), StandardCharsets.UTF_8);
            bytes.reset();
            return text;
        }

        String takeCompleteText() {
            int n = completeUtf8Prefix(bytes.buffer(), bytes.size());
            String text = new String(bytes.buffer(), 0, n, StandardCharsets.UTF_8);
            bytes.dropFirst(n);
            return text;
        }
    }

    /** A byte buffer whose array can be read without copying. */
    private static final class Bytes extends ByteArrayOutputStream {
        byte[] buffer() {
            return buf;
        }

        void dropFirst(int n) {
            System.arraycopy(buf, n, buf, 0, count - n);
            count -= n;
        }
    }

    private record Text(String stream, String text) {
    }

    private record Display(DisplayData data, boolean update) {
    }

    /** The OutputStream behind one of the two PrintStreams. */
    private final class Capture extends OutputStream {
        private final String stream;

        Capture(String stream) {
            this.stream = stream;
        }

        @Override
        public void write(int b) {
            append(stream, new byte[]{(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            append(stream, b, off, len);
        }

        @Override
        public void flush() {
            // sending is timed by the flusher thread; PrintStream's per-line flushes would flood the client
        }
    }
}
