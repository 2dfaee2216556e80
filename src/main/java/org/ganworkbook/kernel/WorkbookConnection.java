package org.ganworkbook.kernel;

import org.dflib.jjava.jupyter.channels.HeartbeatChannel;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.JupyterSocket;
import org.dflib.jjava.jupyter.channels.Loop;
import org.dflib.jjava.jupyter.channels.ShellChannel;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.zeromq.ZMQ;

import java.lang.reflect.Field;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;

/**
 * jjava-jupyter's connection (five sockets, one polling thread each for shell, control and heartbeat),
 * with access to the shell socket for reading requests that queued up behind a failed cell, and a
 * bounded linger so that closing never waits on a client that went away.
 *
 * <p>The shell and control channels each create a reply environment per message, so a reply always
 * goes back with the routing and parent header of its own request: an interrupt request on control
 * cannot capture the reply of the cell running on shell (the failure that made rapaio's interrupted
 * cells never finish).
 */
final class WorkbookConnection extends JupyterConnection {

    /** Pause of a channel loop after an error before it polls again. */
    private static final long ERROR_PAUSE_MS = 20;

    /** Milliseconds unsent messages are kept when sockets close. */
    static final int LINGER_MS = 500;

    WorkbookConnection(KernelConnectionProperties properties) throws NoSuchAlgorithmException, InvalidKeyException {
        super(properties);
        for (JupyterSocket socket : new JupyterSocket[]{heartbeat, shell, control, stdin, iopub}) {
            socket.setLinger(LINGER_MS);
        }
    }

    @Override
    public void connect() {
        super.connect();
        keepLoopAliveOnError(ShellChannel.class, "ioloop", shell);
        keepLoopAliveOnError(ShellChannel.class, "ioloop", control);
        keepLoopAliveOnError(HeartbeatChannel.class, "pulse", heartbeat);
    }

    /**
     * jjava's channel loops end their thread on any {@link Error}. When a cell exhausts the heap, the
     * control or heartbeat thread can be the one that meets the {@link OutOfMemoryError}; without this
     * the kernel would survive the cell but no longer answer interrupts (or look dead to Jupyter). The
     * loops are private fields of jjava-jupyter 1.0-a6, hence reflection; if they move, the kernel
     * still works, only without this safety net (and says so in its log).
     */
    private static void keepLoopAliveOnError(Class<?> type, String field, Object channel) {
        try {
            Field f = type.getDeclaredField(field);
            f.setAccessible(true);
            Loop loop = (Loop) f.get(channel);
            if (loop != null) {
                loop.onError(t -> {
                    try {
                        KernelLog.warn(loop.getName() + " survived " + t);
                    } catch (Throwable ignored) {
                        // logging allocates; with the heap full it fails too, and must not end the loop
                    }
                    return ERROR_PAUSE_MS;
                });
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            KernelLog.warn("cannot protect the " + field + " loop against errors: " + e);
        }
    }

    /** The shell channel's socket (for use on the shell thread only). */
    ShellChannel shellChannel() {
        return shell;
    }

    /** True if a shell request is waiting to be read (shell thread only). */
    boolean hasPendingShellRequest() {
        return (shell.getEvents() & ZMQ.Poller.POLLIN) != 0;
    }
}
