package org.ganworkbook.kernel;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The client side of Jupyter's wire protocol (messaging spec 5.3): a message is a multipart ZeroMQ
 * message {@code [identities..., "<IDS|MSG>", signature, header, parent_header, metadata, content,
 * buffers...]} whose signature is the HMAC-SHA256 (hex) of the four JSON frames under the connection
 * key. {@link #send} signs, {@link #receive} checks the signature and drops messages that fail it.
 *
 * <p>The one Java client of the protocol in the workbook: the grader's {@code RunningKernel} runs submissions
 * through it, and {@link CdsArchiveRecorder} scripts the session the start-up archive is recorded from.
 * {@link Connection} picks the ports and key of a connection file.
 */
public final class JupyterWire {

    private static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.UTF_8);

    private final Mac mac;
    private final String username;
    private final String session = UUID.randomUUID().toString();

    /**
     * A received message.
     *
     * @param header       its header ({@code msg_id}, {@code msg_type}, ...)
     * @param parentHeader the header of the request it answers (empty for none)
     * @param content      the content
     */
    public record Message(JsonObject header, JsonObject parentHeader, JsonObject content) {
        /** Its {@code msg_type}, or "" if it has none. */
        public String type() {
            JsonElement t = header.get("msg_type");
            return t == null ? "" : t.getAsString();
        }

        /** The {@code msg_id} of the request this message belongs to, or null. */
        public String parentId() {
            JsonElement id = parentHeader.get("msg_id");
            return id == null || id.isJsonNull() ? null : id.getAsString();
        }
    }

    /**
     * @param key      the connection file's key (messages are signed with HMAC-SHA256 under it)
     * @param username the {@code username} of the requests' headers (who is asking, for the kernel's logs)
     */
    public JupyterWire(String key, String username) {
        this.username = username;
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("cannot sign Jupyter messages: " + e, e);
        }
    }

    /** Sends a request; returns its {@code msg_id}. */
    public String send(ZMQ.Socket socket, String type, JsonObject content) {
        String id = UUID.randomUUID().toString();
        JsonObject header = new JsonObject();
        header.addProperty("msg_id", id);
        header.addProperty("session", session);
        header.addProperty("username", username);
        header.addProperty("date", Instant.now().toString());
        header.addProperty("msg_type", type);
        header.addProperty("version", "5.3");
        byte[][] frames = {
            header.toString().getBytes(StandardCharsets.UTF_8),
            "{}".getBytes(StandardCharsets.UTF_8),
            "{}".getBytes(StandardCharsets.UTF_8),
            content.toString().getBytes(StandardCharsets.UTF_8),
        };
        socket.send(DELIMITER, ZMQ.SNDMORE);
        socket.send(sign(frames), ZMQ.SNDMORE);
        for (int i = 0; i < frames.length; i++) {
            socket.send(frames[i], i + 1 < frames.length ? ZMQ.SNDMORE : 0);
        }
        return id;
    }

    /** The next message waiting on {@code socket}, or null if none is (never blocks); badly signed ones are skipped. */
    public Message receive(ZMQ.Socket socket) {
        while (true) {
            byte[] first = socket.recv(ZMQ.DONTWAIT);
            if (first == null) {
                return null;
            }
            List<byte[]> frames = new ArrayList<>();
            frames.add(first);
            while (socket.hasReceiveMore()) {
                frames.add(socket.recv(0));
            }
            Message m = decode(frames);
            if (m != null) {
                return m;
            }
        }
    }

    private Message decode(List<byte[]> frames) {
        int d = 0;
        while (d < frames.size() && !java.util.Arrays.equals(frames.get(d), DELIMITER)) {
            d++;
        }
        if (frames.size() < d + 6) {
            return null;
        }
        byte[][] signed = {frames.get(d + 2), frames.get(d + 3), frames.get(d + 4), frames.get(d + 5)};
        byte[] expected = sign(signed);
        if (!MessageDigest.isEqual(expected, frames.get(d + 1))) {
            return null;
        }
        try {
            return new Message(object(signed[0]), object(signed[1]), object(signed[3]));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static JsonObject object(byte[] frame) {
        JsonElement e = JsonParser.parseString(new String(frame, StandardCharsets.UTF_8));
        return e.isJsonObject() ? e.getAsJsonObject() : new JsonObject();
    }

    private byte[] sign(byte[][] frames) {
        synchronized (mac) {
            for (byte[] f : frames) {
                mac.update(f);
            }
            return HexFormat.of().formatHex(mac.doFinal()).getBytes(StandardCharsets.US_ASCII);
        }
    }

    /**
     * What a kernel's connection file holds: five TCP ports on 127.0.0.1 and the signing key.
     *
     * @param kernelName the kernelspec's name, written as {@code kernel_name}
     */
    public record Connection(int shellPort, int iopubPort, int stdinPort, int controlPort, int hbPort, String key,
                             String kernelName) {

        /** Five ports free on the loopback interface just now, and a new random key. */
        public static Connection onFreePorts(String kernelName) throws IOException {
            List<ServerSocket> sockets = new ArrayList<>();
            try {
                int[] ports = new int[5];
                for (int i = 0; i < ports.length; i++) {
                    ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                    sockets.add(s);
                    ports[i] = s.getLocalPort();
                }
                String key = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
                return new Connection(ports[0], ports[1], ports[2], ports[3], ports[4], key, kernelName);
            } finally {
                for (ServerSocket s : sockets) {
                    s.close();
                }
            }
        }

        /** The connection file's JSON. */
        public String toJson() {
            JsonObject c = new JsonObject();
            c.addProperty("transport", "tcp");
            c.addProperty("ip", "127.0.0.1");
            c.addProperty("shell_port", shellPort);
            c.addProperty("iopub_port", iopubPort);
            c.addProperty("stdin_port", stdinPort);
            c.addProperty("control_port", controlPort);
            c.addProperty("hb_port", hbPort);
            c.addProperty("key", key);
            c.addProperty("signature_scheme", "hmac-sha256");
            c.addProperty("kernel_name", kernelName);
            return c.toString();
        }

        /** A socket of {@code type} connected to {@code port} on 127.0.0.1, with no linger on close. */
        public static ZMQ.Socket connect(ZContext context, SocketType type, int port) {
            ZMQ.Socket s = context.createSocket(type);
            s.setLinger(0);
            s.connect("tcp://127.0.0.1:" + port);
            return s;
        }
    }
}
