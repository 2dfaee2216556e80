package org.ganworkbook.kernel;

import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.JupyterSocket;
import org.dflib.jjava.jupyter.channels.ShellChannel;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.zeromq.ZMQ;

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

    /** Milliseconds unsent messages are kept when sockets close. */
    static final int LINGER_MS = 500;

    WorkbookConnection(KernelConnectionProperties properties) throws NoSuchAlgorithmException, InvalidKeyException {
        super(properties);
        for (JupyterSocket socket : new JupyterSocket[]{heartbeat, shell, control, stdin, iopub}) {
            socket.setLinger(LINGER_MS);
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
