package org.ganworkbook.grading;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.zeromq.ZMQ;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
 */
final class JupyterWire {

    private static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.UTF_8);

    private final Mac mac;
    private final String session = UUID.randomUUID().toString();

    /**
     * A received message.
     *
     * @param header       its header ({@code msg_id}, {@code msg_type}, ...)
     * @param parentHeader the header of the request it answers (empty for none)
     * @param content      the content
     */
    record Message(JsonObject header, JsonObject parentHeader, JsonObject content) {
        String type() {
            JsonElement t = header.get("msg_type");
            return t == null ? "" : t.getAsString();
        }

        /** The {@code msg_id} of the request this message belongs to, or null. */
        String parentId() {
            JsonElement id = parentHeader.get("msg_id");
            return id == null || id.isJsonNull() ? null : id.getAsString();
        }
    }

    JupyterWire(String key) {
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("cannot sign Jupyter messages: " + e, e);
        }
    }

    /** Sends a request; returns its {@code msg_id}. */
    String send(ZMQ.Socket socket, String type, JsonObject content) {
        String id = UUID.randomUUID().toString();
        JsonObject header = new JsonObject();
        header.addProperty("msg_id", id);
        header.addProperty("session", session);
        header.addProperty("username", "gan-workbook-grader");
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
    Message receive(ZMQ.Socket socket) {
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
}
