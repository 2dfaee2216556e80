package org.ganworkbook.kernel;

import com.google.gson.JsonObject;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Records the kernel's class-data-sharing start-up archive: a scripted session with the kernel, run once by
 * {@link KernelspecInstaller} under {@code -XX:ArchiveClassesAtExit}, loads the classes a kernel start, its
 * first cells and its renderers need. The archive, passed to the kernel with {@code -XX:SharedArchiveFile},
 * makes later starts and first cells faster.
 *
 * <p>The kernel runs in this JVM; the workbook's Jupyter client ({@link JupyterWire}, DEALER sockets on the
 * shell and control channels) sends it {@code kernel_info}, a few cells and {@code shutdown}, each after
 * the reply to the one before; the kernel's own
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
        JupyterWire.Connection connection = JupyterWire.Connection.onFreePorts("gan-workbook");
        Files.writeString(connectionFile, connection.toJson());

        Thread kernel = new Thread(() -> {
            try {
                WorkbookKernel.main(new String[]{connectionFile.toString()});
            } catch (Exception e) {
                KernelLog.warn("recorded kernel failed: " + e);
                System.exit(3);
            }
        }, "ganwb-cds-kernel");
        kernel.start();

        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(120_000);
            } catch (InterruptedException e) {
                return;
            }
            KernelLog.warn("recorded session did not finish in 120 s");
            Runtime.getRuntime().halt(4); // halt: no archive is written for a failed run
        }, "ganwb-cds-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();

        PrintStream console = System.err; // the kernel is about to replace System.err
        try {
            ZContext context = new ZContext();
            JupyterWire wire = new JupyterWire(connection.key(), "gan-workbook-cds");
            ZMQ.Socket shell = JupyterWire.Connection.connect(context, SocketType.DEALER, connection.shellPort());
            ZMQ.Socket control = JupyterWire.Connection.connect(context, SocketType.DEALER, connection.controlPort());
            request(context, wire, shell, "kernel_info_request", new JsonObject());
            for (String cell : CELLS) {
                JsonObject execute = new JsonObject();
                execute.addProperty("code", cell);
                execute.addProperty("silent", false);
                execute.addProperty("store_history", true);
                execute.add("user_expressions", new JsonObject());
                execute.addProperty("allow_stdin", false);
                execute.addProperty("stop_on_error", false);
                request(context, wire, shell, "execute_request", execute);
            }
            JsonObject shutdown = new JsonObject();
            shutdown.addProperty("restart", false);
            request(context, wire, control, "shutdown_request", shutdown);
        } catch (Exception | Error e) {
            console.println("recorded session failed: " + e);
            e.printStackTrace(console);
            Runtime.getRuntime().halt(5);
        }
        kernel.join(); // the kernel ends the JVM with System.exit(0)
    }

    /** Sends a request on {@code socket} and waits (at most 60 s) for the reply to it; its content does not matter here. */
    private static void request(ZContext context, JupyterWire wire, ZMQ.Socket socket, String type, JsonObject content) {
        String id = wire.send(socket, type, content);
        ZMQ.Poller poller = context.createPoller(1);
        poller.register(socket, ZMQ.Poller.POLLIN);
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            poller.poll(100);
            for (JupyterWire.Message m; (m = wire.receive(socket)) != null; ) {
                if (id.equals(m.parentId())) {
                    poller.close();
                    return;
                }
            }
        }
        throw new IllegalStateException("no reply to " + type + " within 60 s");
    }
}
