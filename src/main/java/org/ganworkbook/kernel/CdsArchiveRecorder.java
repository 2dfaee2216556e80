package org.ganworkbook.kernel;

import org.dflib.jjava.jupyter.channels.JupyterSocket;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.dflib.jjava.jupyter.messages.request.KernelInfoRequest;
import org.dflib.jjava.jupyter.messages.request.ShutdownRequest;
import org.slf4j.helpers.NOPLogger;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/**
 * Records the kernel's class-data-sharing start-up archive: a scripted session with the kernel, run once by
 * {@link KernelspecInstaller} under {@code -XX:ArchiveClassesAtExit}, loads the classes a kernel start, its
 * first cells and its renderers need. The archive, passed to the kernel with {@code -XX:SharedArchiveFile},
 * makes later starts and first cells faster.
 *
 * <p>The kernel runs in this JVM, a minimal client (the same jjava message classes, a DEALER socket)
 * sends it {@code kernel_info}, a few cells and {@code shutdown}; the kernel's own
 * {@code System.exit(0)} ends the run, which is when the JVM writes the archive. Exit status 0 means
 * the session went through.
 */
final class CdsArchiveRecorder {

    /** Cells that touch what notebooks use first: values, output, images, tables, charts, errors. */
    private static final String[] CELLS = {
            "int answer = 6 * 7;\nanswer",
            "System.out.println(\"printed\"); System.err.println(\"warned\");",
            "var img = new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB);\n"
                    + "String id = display(img);\nupdateDisplay(id, html(\"<b>done</b>\"));",
            "tech.tablesaw.api.Table.create(\"t\", tech.tablesaw.api.DoubleColumn.create(\"x\", 1.0, 2.0))",
            "org.knowm.xchart.QuickChart.getChart(\"c\", \"x\", \"y\", \"s\", new double[] {0, 1}, new double[] {1, 0})",
            "int broken = notDeclared + 1;",
            "Integer.parseInt(\"not a number\")",
    };

    private CdsArchiveRecorder() {
    }

    public static void main(String[] args) throws Exception {
        Path connectionFile = Files.createTempFile("ganwb-cds-", ".json");
        connectionFile.toFile().deleteOnExit();
        String key = UUID.randomUUID().toString();
        int[] ports = freePorts(5);
        String json = String.format("{\"shell_port\": %d, \"iopub_port\": %d, \"stdin_port\": %d, \"control_port\": %d, "
                        + "\"hb_port\": %d, \"ip\": \"127.0.0.1\", \"key\": \"%s\", \"transport\": \"tcp\", "
                        + "\"signature_scheme\": \"hmac-sha256\", \"kernel_name\": \"gan-workbook\"}",
                ports[0], ports[1], ports[2], ports[3], ports[4], key);
        Files.writeString(connectionFile, json);
        KernelConnectionProperties properties = KernelConnectionProperties.parse(json);

        Thread kernel = new Thread(() -> {
            try {
                WorkbookKernel.main(new String[]{connectionFile.toString()});
            } catch (Exception e) {
                KernelLog.warn("training kernel failed: " + e);
                System.exit(3);
            }
        }, "ganwb-training-kernel");
        kernel.start();

        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(120_000);
            } catch (InterruptedException e) {
                return;
            }
            KernelLog.warn("training session did not finish in 120 s");
            Runtime.getRuntime().halt(4); // halt: no archive is written for a failed run
        }, "ganwb-training-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();

        PrintStream console = System.err; // the kernel is about to replace System.err
        try {
            ZMQ.Context context = ZMQ.context(1);
            HMACGenerator hmac = properties.createHMACGenerator();
            String session = UUID.randomUUID().toString();
            Client shell = new Client(context, hmac, "tcp://127.0.0.1:" + properties.getShellPort());
            Client control = new Client(context, hmac, "tcp://127.0.0.1:" + properties.getControlPort());

            shell.request(new Message<>(new Header<>(session, MessageType.KERNEL_INFO_REQUEST), new KernelInfoRequest()));
            for (String cell : CELLS) {
                ExecuteRequest execute = new ExecuteRequest(cell, false, true, Map.of(), false, false);
                shell.request(new Message<>(new Header<>(session, MessageType.EXECUTE_REQUEST), execute));
            }
            control.request(new Message<>(new Header<>(session, MessageType.SHUTDOWN_REQUEST), ShutdownRequest.SHUTDOWN));
        } catch (Exception | Error e) {
            console.println("training session failed: " + e);
            e.printStackTrace(console);
            Runtime.getRuntime().halt(5);
        }
        kernel.join(); // the kernel ends the JVM with System.exit(0)
    }

    private static int[] freePorts(int n) throws IOException {
        int[] ports = new int[n];
        ServerSocket[] sockets = new ServerSocket[n];
        for (int i = 0; i < n; i++) {
            sockets[i] = new ServerSocket(0);
            ports[i] = sockets[i].getLocalPort();
        }
        for (ServerSocket socket : sockets) {
            socket.close();
        }
        return ports;
    }

    /** The client end of a shell or control channel. */
    private static final class Client extends JupyterSocket {
        private final ZMQ.Poller poller;

        Client(ZMQ.Context context, HMACGenerator hmac, String address) {
            super(context, SocketType.DEALER, hmac, NOPLogger.NOP_LOGGER);
            connect(address);
            poller = context.poller(1);
            poller.register(this, ZMQ.Poller.POLLIN);
        }

        @Override
        public void bind(KernelConnectionProperties connProps) {
            throw new UnsupportedOperationException("client socket");
        }

        /** Sends {@code message} and waits for its reply. */
        void request(Message<?> message) {
            sendMessage(message);
            if (poller.poll(60_000) <= 0) {
                throw new IllegalStateException("no reply to " + message.getHeader().getType().getName());
            }
            // the reply's content does not matter here (and jjava cannot parse error replies client-side)
            do {
                recv();
            } while (hasReceiveMore());
        }
    }
}
