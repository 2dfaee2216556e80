package org.ganworkbook.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Needs the real MNIST files (./environment/setup.sh fetches them). */
class MnistTest {

    private static Path dataDir;
    private static Splits mnist;

    @TempDir
    Path tmp;

    @BeforeAll
    static void load() {
        dataDir = DataDirs.resolve();
        try {
            mnist = Mnist.load(dataDir);
        } catch (DataFileException e) {
            throw new AssertionError("MNIST is needed for these tests: run ./environment/setup.sh first.\n"
                    + e.getMessage(), e);
        }
    }

    @Test
    void splitsHaveThePaperSizes() {
        assertEquals(Mnist.TRAIN_SIZE, mnist.train().size());
        assertEquals(Mnist.VALID_SIZE, mnist.valid().size());
        assertEquals(Mnist.TEST_SIZE, mnist.test().size());
        assertEquals(784, mnist.train().images().numCols);
        assertEquals(28, mnist.test().height());
        assertEquals(28, mnist.test().width());
        assertEquals(10, mnist.numClasses());
    }

    @Test
    void pixelsAreBytesDividedBy255() {
        for (LabeledImages split : new LabeledImages[] {mnist.train(), mnist.valid(), mnist.test()}) {
            float min = Float.MAX_VALUE;
            float max = -Float.MAX_VALUE;
            for (float v : split.images().data) {
                min = Math.min(min, v);
                max = Math.max(max, v);
                float scaled = v * 255f;
                if (Math.abs(scaled - Math.round(scaled)) > 1e-3f) {
                    throw new AssertionError("pixel " + v + " is not a byte / 255");
                }
            }
            assertEquals(0f, min);
            assertEquals(1f, max);
        }
    }

    @Test
    void trainIsTheFileHeadAndValidItsTailInFileOrder() {
        Path dir = Mnist.DATASET.dir(dataDir);
        IdxFile raw = IdxFile.parse("train", new FileVerifier(null).readVerified(Mnist.TRAIN_IMAGES,
                dir.resolve(Mnist.TRAIN_IMAGES.name()), ""), 3);
        assertArrayEquals(raw.unitFloats(0, 1).data, mnist.train().image(0));
        assertArrayEquals(raw.unitFloats(49_999, 50_000).data, mnist.train().image(49_999));
        assertArrayEquals(raw.unitFloats(50_000, 50_001).data, mnist.valid().image(0));
        assertArrayEquals(raw.unitFloats(59_999, 60_000).data, mnist.valid().image(9_999));
    }

    @Test
    void firstLabelsAreTheWellKnownOnes() {
        assertArrayEquals(new int[] {5, 0, 4, 1, 9, 2}, Arrays.copyOf(mnist.train().labels(), 6));
        assertArrayEquals(new int[] {7, 2, 1, 0, 4, 1}, Arrays.copyOf(mnist.test().labels(), 6));
    }

    @Test
    void labelsBelongToTheirImages() {
        // Class means of the training split classify held-out digits well only if every image carries its
        // own label; shifting the labels by one place must break it.
        float[][] means = classMeans(mnist.train(), mnist.train().labels());
        double aligned = accuracy(means, mnist.valid(), mnist.valid().labels());
        int[] shifted = new int[mnist.valid().size()];
        for (int i = 0; i < shifted.length; i++) {
            shifted[i] = mnist.valid().labels()[(i + 1) % shifted.length];
        }
        double misaligned = accuracy(means, mnist.valid(), shifted);
        assertTrue(aligned > 0.75, "nearest-class-mean accuracy " + aligned);
        assertTrue(misaligned < 0.2, "accuracy with shifted labels " + misaligned);
    }

    @Test
    void everyClassIsPresentInEverySplit() {
        for (LabeledImages split : new LabeledImages[] {mnist.train(), mnist.valid(), mnist.test()}) {
            int[] counts = split.countsPerClass(10);
            assertEquals(split.size(), Arrays.stream(counts).sum());
            assertTrue(Arrays.stream(counts).min().getAsInt() > split.size() / 20, Arrays.toString(counts));
        }
    }

    @Test
    void corruptedCopyIsRefusedWithFileNameAndFix() throws IOException {
        Path dir = copyOfMnist();
        byte[] labels = Files.readAllBytes(dir.resolve("train-labels-idx1-ubyte"));
        labels[100] = (byte) ((labels[100] + 1) % 10);
        Files.write(dir.resolve("train-labels-idx1-ubyte"), labels);
        DataFileException e = assertThrows(DataFileException.class, () -> Mnist.load(tmp));
        String m = e.getMessage();
        assertTrue(m.contains(dir.resolve("train-labels-idx1-ubyte").toString()), m);
        assertTrue(m.contains("checksum") && m.contains(Mnist.TRAIN_LABELS.sha256()), m);
        assertTrue(m.contains("setup.sh") && m.contains("data fetch"), m);
    }

    @Test
    void truncatedCopyIsRefused() throws IOException {
        Path dir = copyOfMnist();
        Path images = dir.resolve("t10k-images-idx3-ubyte");
        byte[] head = Arrays.copyOf(Files.readAllBytes(images), 1_000_000);
        Files.delete(images);
        Files.write(images, head);
        DataFileException e = assertThrows(DataFileException.class, () -> Mnist.load(tmp));
        assertTrue(e.getMessage().contains("truncated") && e.getMessage().contains(images.toString()), e.getMessage());
    }

    @Test
    void missingFileMessageListsWhereItLookedAndTheFix() throws IOException {
        Path dir = copyOfMnist();
        Files.delete(dir.resolve("t10k-labels-idx1-ubyte"));
        DataFileException e = assertThrows(DataFileException.class, () -> Mnist.load(tmp));
        String m = e.getMessage();
        assertTrue(m.contains("t10k-labels-idx1-ubyte was not found") && m.contains(dir.toString()), m);
        assertTrue(m.contains(Mnist.FIX), m);
    }

    @Test
    void gzipCopiesLoadTheSame() throws IOException {
        Path dir = copyOfMnist();
        Path labels = dir.resolve("train-labels-idx1-ubyte");
        Files.write(dir.resolve("train-labels-idx1-ubyte.gz"), TinyIdx.gzip(Files.readAllBytes(labels)));
        Files.delete(labels);
        assertArrayEquals(mnist.train().labels(), Mnist.load(tmp).train().labels());
    }

    /** Links the real files into tmp/mnist (the test replaces the ones it damages). */
    private Path copyOfMnist() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("mnist"));
        for (DataFile f : Mnist.DATASET.files()) {
            Files.createSymbolicLink(dir.resolve(f.name()), Mnist.DATASET.dir(dataDir).resolve(f.name()).toAbsolutePath());
        }
        // Replace the small label files by real copies so that damaging them leaves the originals alone.
        for (DataFile f : new DataFile[] {Mnist.TRAIN_LABELS, Mnist.TEST_LABELS}) {
            Path link = dir.resolve(f.name());
            byte[] bytes = Files.readAllBytes(link);
            Files.delete(link);
            Files.write(link, bytes);
        }
        return dir;
    }

    private static float[][] classMeans(LabeledImages set, int[] labels) {
        int d = set.pixels();
        float[][] means = new float[10][d];
        int[] counts = new int[10];
        for (int i = 0; i < set.size(); i++) {
            counts[labels[i]]++;
            for (int j = 0; j < d; j++) {
                means[labels[i]][j] += set.images().data[i * d + j];
            }
        }
        for (int c = 0; c < 10; c++) {
            for (int j = 0; j < d; j++) {
                means[c][j] /= counts[c];
            }
        }
        return means;
    }

    private static double accuracy(float[][] means, LabeledImages set, int[] labels) {
        int d = set.pixels();
        int correct = 0;
        for (int i = 0; i < set.size(); i++) {
            int best = -1;
            double bestDist = Double.MAX_VALUE;
            for (int c = 0; c < 10; c++) {
                double dist = 0;
                for (int j = 0; j < d; j++) {
                    double diff = set.images().data[i * d + j] - means[c][j];
                    dist += diff * diff;
                }
                if (dist < bestDist) {
                    bestDist = dist;
                    best = c;
                }
            }
            if (best == labels[i]) {
                correct++;
            }
        }
        return correct / (double) set.size();
    }
}
