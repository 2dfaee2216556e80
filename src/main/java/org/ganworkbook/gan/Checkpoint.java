package org.ganworkbook.gan;

import org.ganworkbook.nn.Mlp;
import org.ganworkbook.nn.Parameter;
import org.ganworkbook.optim.Sgd;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.CRC32C;

/**
 * Everything a GAN run needs to continue bit-identically: the config, the data's fingerprint, the seed,
 * the counters (iteration, epoch, iteration in epoch, training time), every parameter of G and D and
 * every momentum velocity. The random streams derive from (seed, iteration) and (seed, epoch), so no
 * random generator state is stored.
 *
 * <p>File format (version {@value #VERSION}, little-endian):
 * <pre>
 *   8 bytes   magic "GANWBCKP"
 *   int       format version
 *   long      payload length L
 *   L bytes   payload: strings (int length + UTF-8) config text, data fingerprint, architecture;
 *             long seed, long step, int epoch, int iterationInEpoch, double wallSeconds;
 *             for G then D: int parameter count, then per parameter: name, int rows, int cols,
 *             rows·cols floats of values, rows·cols floats of velocity
 *   int       CRC32C of the payload
 * </pre>
 * A file that is truncated, damaged, of another format, or from another config or data set is refused
 * with a {@link CheckpointException} saying which. {@link #write} is atomic: it writes a temporary file in
 * the same folder, forces it to disk, then renames it over the target, so a crash leaves either the old
 * or the new checkpoint, never half of one.
 */
public final class Checkpoint {

    static final byte[] MAGIC = "GANWBCKP".getBytes(StandardCharsets.US_ASCII);
    /** The format version this code writes and reads. */
    public static final int VERSION = 1;
    private static final int HEADER = 8 + 4 + 8;

    private final GanConfig config;
    private final String configText;
    private final String dataFingerprint;
    private final String architecture;
    private final long seed;
    private final long step;
    private final int epoch;
    private final int iterationInEpoch;
    private final double wallSeconds;
    private final List<float[][]> generator;     // per parameter: {values, velocity}
    private final List<float[][]> discriminator;
    private final Path source;

    private Checkpoint(GanConfig config, String configText, String dataFingerprint, String architecture, long seed,
                       long step, int epoch, int iterationInEpoch, double wallSeconds, List<float[][]> generator,
                       List<float[][]> discriminator, Path source) {
        this.config = config;
        this.configText = configText;
        this.dataFingerprint = dataFingerprint;
        this.architecture = architecture;
        this.seed = seed;
        this.step = step;
        this.epoch = epoch;
        this.iterationInEpoch = iterationInEpoch;
        this.wallSeconds = wallSeconds;
        this.generator = generator;
        this.discriminator = discriminator;
        this.source = source;
    }

    /** Writes the trainer's state to {@code file} atomically (see class doc). Creates missing folders. */
    public static void write(Path file, GanTrainer trainer) throws IOException {
        GanConfig config = trainer.config();
        byte[][] strings = {
                utf8(ConfigCodec.encode(config)),
                utf8(trainer.data().fingerprint()),
                utf8(config.architecture(trainer.data().dim()))};
        List<Parameter> gp = trainer.generator().parameters();
        List<Parameter> dp = trainer.discriminator().parameters();
        long size = 0;
        for (byte[] s : strings) {
            size += 4 + s.length;
        }
        size += 8 + 8 + 4 + 4 + 8;
        size += netSize(gp) + netSize(dp);
        if (size > Integer.MAX_VALUE - HEADER - 4) {
            throw new IOException("the model is too large for this checkpoint format (" + size + " bytes)");
        }
        ByteBuffer buf = ByteBuffer.allocate((int) (HEADER + size + 4)).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(MAGIC).putInt(VERSION).putLong(size);
        for (byte[] s : strings) {
            buf.putInt(s.length).put(s);
        }
        buf.putLong(trainer.seed()).putLong(trainer.step()).putInt(trainer.epoch()).putInt(trainer.iterationInEpoch())
                .putDouble(trainer.wallSeconds());
        putNet(buf, gp, trainer.generatorOptimizer());
        putNet(buf, dp, trainer.discriminatorOptimizer());
        CRC32C crc = new CRC32C();
        crc.update(buf.array(), HEADER, (int) size);
        buf.putInt((int) crc.getValue());
        writeAtomically(file, buf.array());
    }

    private static long netSize(List<Parameter> params) {
        long size = 4;
        for (Parameter p : params) {
            size += 4 + utf8(p.name()).length + 8 + 8L * p.size();
        }
        return size;
    }

    private static void putNet(ByteBuffer buf, List<Parameter> params, Sgd sgd) {
        buf.putInt(params.size());
        for (int i = 0; i < params.size(); i++) {
            Parameter p = params.get(i);
            byte[] name = utf8(p.name());
            buf.putInt(name.length).put(name).putInt(p.rows()).putInt(p.cols());
            buf.asFloatBuffer().put(p.value());
            buf.position(buf.position() + 4 * p.size());
            buf.asFloatBuffer().put(sgd.velocity(i));
            buf.position(buf.position() + 4 * p.size());
        }
    }

    /**
     * Temp file in the same folder, fsync, rename over the target, fsync the folder. The temp file is
     * created owner-only ({@code rw-------}); it is opened to {@code rw-r--r--} first, like any file a
     * program writes, so the checkpoint can be read by other users (a shared run folder, a notebook server).
     */
    static void writeAtomically(Path file, byte[] bytes) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException notPosix) {
                // not a POSIX file system: keep its default permissions
            }
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer b = ByteBuffer.wrap(bytes);
                while (b.hasRemaining()) {
                    ch.write(b);
                }
                ch.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // some systems cannot open a folder for syncing; the rename is still atomic
        }
    }

    /**
     * Reads and checks a checkpoint.
     *
     * @throws CheckpointException if the file is not a checkpoint, is of another version, is truncated or
     *                             fails its checksum
     * @throws IOException         if it cannot be read at all
     */
    public static Checkpoint read(Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new CheckpointException(file + ": no such checkpoint file");
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < HEADER) {
            throw new CheckpointException(file + " is not a GAN Workbook checkpoint: only " + bytes.length + " bytes");
        }
        byte[] magic = new byte[MAGIC.length];
        buf.get(magic);
        if (!java.util.Arrays.equals(magic, MAGIC)) {
            throw new CheckpointException(file + " is not a GAN Workbook checkpoint (it does not start with "
                    + new String(MAGIC, StandardCharsets.US_ASCII) + ")");
        }
        int version = buf.getInt();
        if (version != VERSION) {
            throw new CheckpointException(file + " is a checkpoint of format version " + version + "; this version of"
                    + " the workbook reads version " + VERSION);
        }
        long size = buf.getLong();
        long expected = HEADER + size + 4;
        if (size < 0 || bytes.length != expected) {
            throw new CheckpointException(file + " is " + (bytes.length < expected ? "truncated" : "too long")
                    + ": " + bytes.length + " bytes, the header says " + expected + ". Use an earlier checkpoint.");
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, HEADER, (int) size);
        int stored = ByteBuffer.wrap(bytes, HEADER + (int) size, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        if (stored != (int) crc.getValue()) {
            throw new CheckpointException(file + " is damaged: its checksum does not match its contents."
                    + " Use an earlier checkpoint.");
        }
        try {
            String configText = string(buf);
            String fingerprint = string(buf);
            String architecture = string(buf);
            long seed = buf.getLong();
            long step = buf.getLong();
            int epoch = buf.getInt();
            int iterationInEpoch = buf.getInt();
            double wall = buf.getDouble();
            List<float[][]> g = net(buf);
            List<float[][]> d = net(buf);
            GanConfig config = ConfigCodec.decode(configText);
            return new Checkpoint(config, configText, fingerprint, architecture, seed, step, epoch, iterationInEpoch,
                    wall, g, d, file);
        } catch (RuntimeException e) {
            throw new CheckpointException(file + " passed its checksum but could not be decoded: " + e.getMessage());
        }
    }

    private static List<float[][]> net(ByteBuffer buf) {
        int n = buf.getInt();
        List<float[][]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            string(buf); // name, checked through the architecture
            int rows = buf.getInt();
            int cols = buf.getInt();
            float[] value = new float[Math.multiplyExact(rows, cols)];
            float[] velocity = new float[value.length];
            buf.asFloatBuffer().get(value);
            buf.position(buf.position() + 4 * value.length);
            buf.asFloatBuffer().get(velocity);
            buf.position(buf.position() + 4 * value.length);
            out.add(new float[][]{value, velocity});
        }
        return out;
    }

    /** The run's config, as stored. */
    public GanConfig config() {
        return config;
    }

    public long seed() {
        return seed;
    }

    /** Iterations completed when the checkpoint was written. */
    public long step() {
        return step;
    }

    /** The current epoch (1 = the first) when it was written. */
    public int epoch() {
        return epoch;
    }

    public int iterationInEpoch() {
        return iterationInEpoch;
    }

    /** Epochs fully done: {@code epoch − 1}. */
    public int completedEpochs() {
        return epoch - 1;
    }

    public double wallSeconds() {
        return wallSeconds;
    }

    /** The data fingerprint stored with it ({@link GanData#fingerprint()}). */
    public String dataFingerprint() {
        return dataFingerprint;
    }

    /**
     * Fails unless this checkpoint was written with {@code expected} (same text form); the message names
     * both configs and the first setting that differs.
     */
    public void requireConfig(GanConfig expected) {
        String want = ConfigCodec.encode(expected);
        if (want.equals(configText)) {
            return;
        }
        String[] a = configText.split("\n");
        String[] b = want.split("\n");
        String diff = "";
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            String x = i < a.length ? a[i] : "(nothing)";
            String y = i < b.length ? b[i] : "(nothing)";
            if (!x.equals(y)) {
                diff = "; first difference: checkpoint has '" + abbreviate(x) + "', this run has '" + abbreviate(y) + "'";
                break;
            }
        }
        int dim = expected.dataDim();
        throw new CheckpointException(source + " was written by config '" + config.name() + "' (" + architecture
                + ") but this run uses config '" + expected.name() + "' (" + expected.architecture(dim) + ")" + diff
                + ". Resume with the checkpoint's own config, or start a new run in another folder.");
    }

    private static String abbreviate(String s) {
        return s.length() <= 120 ? s : s.substring(0, 117) + "...";
    }

    /** A trainer that continues this run on {@code data} (which must be the data it was trained on). */
    public GanTrainer trainer(GanData data) {
        String fingerprint = data.fingerprint();
        if (!fingerprint.equals(dataFingerprint)) {
            throw new CheckpointException(source + " was trained on other data (" + dataFingerprint + ") than given ("
                    + fingerprint + ")");
        }
        Mlp g = Mlp.build(config.latentDim(), config.generator(), new SplittableRandom(0));
        Mlp d = Mlp.build(data.dim(), config.discriminator(), new SplittableRandom(0));
        GanTrainer t = GanTrainer.restore(config, data, seed, g, d);
        fill("G", g, t.generatorOptimizer(), generator);
        fill("D", d, t.discriminatorOptimizer(), discriminator);
        t.restoreCounters(step, epoch, iterationInEpoch, wallSeconds);
        return t;
    }

    /** G alone with the stored parameters (for sampling and evaluation; no data needed). */
    public Mlp generator() {
        Mlp g = Mlp.build(config.latentDim(), config.generator(), new SplittableRandom(0));
        fill("G", g, null, generator);
        return g;
    }

    /** D alone with the stored parameters. */
    public Mlp discriminator() {
        Mlp d = Mlp.build(config.dataDim(), config.discriminator(), new SplittableRandom(0));
        fill("D", d, null, discriminator);
        return d;
    }

    private void fill(String which, Mlp net, Sgd sgd, List<float[][]> stored) {
        List<Parameter> ps = net.parameters();
        if (ps.size() != stored.size()) {
            throw new CheckpointException(source + ": " + which + " has " + stored.size() + " parameters stored but its"
                    + " config builds " + ps.size());
        }
        for (int i = 0; i < ps.size(); i++) {
            float[][] s = stored.get(i);
            Parameter p = ps.get(i);
            if (s[0].length != p.size()) {
                throw new CheckpointException(source + ": " + which + " " + p + " has " + s[0].length
                        + " values stored");
            }
            System.arraycopy(s[0], 0, p.value(), 0, p.size());
            if (sgd != null) {
                System.arraycopy(s[1], 0, sgd.velocity(i), 0, p.size());
            }
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String string(ByteBuffer buf) {
        int n = buf.getInt();
        if (n < 0 || n > buf.remaining()) {
            throw new IllegalStateException("string length " + n + " out of range");
        }
        byte[] b = new byte[n];
        buf.get(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "Checkpoint[" + (source != null ? source + ", " : "") + config.name() + ", seed " + seed + ", step " + step
                + ", epoch " + epoch + " (" + iterationInEpoch + " iterations in), " + String.format("%.0f", wallSeconds)
                + " s of training]";
    }
}
