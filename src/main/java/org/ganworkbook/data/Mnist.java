package org.ganworkbook.data;

import java.nio.file.Path;
import java.util.List;

/**
 * MNIST handwritten digits with the split of the paper's code (§5; {@code mnist.yaml}): train = the
 * first 50,000 images of the official training file in file order, valid = the other 10,000,
 * test = the official 10,000 test images. 28x28 pixels, each byte divided by 255 (not binarized).
 *
 * <pre>{@code
 * Splits mnist = Mnist.load();            // data directory from DataDirs
 * FMatrixRMaj xReal = mnist.train().images();   // [50000, 784]
 * }</pre>
 *
 * <p>Loading only reads local files and checks their MD5 and SHA-256; {@link DataFetcher} downloads
 * them (the project's setup runs it).
 */
public final class Mnist {

    /** Images in the paper's training split. */
    public static final int TRAIN_SIZE = 50_000;
    /** Images in the held-out split (training file items 50,000..59,999). */
    public static final int VALID_SIZE = 10_000;
    /** Images in the official test set. */
    public static final int TEST_SIZE = 10_000;

    /** Checksums of the uncompressed files, as distributed since 1998 (torchvision lists the same MD5s). */
    public static final DataFile TRAIN_IMAGES = new DataFile("train-images-idx3-ubyte", 47_040_016,
            "6bbc9ace898e44ae57da46a324031adb", "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db");
    /** Training labels. */
    public static final DataFile TRAIN_LABELS = new DataFile("train-labels-idx1-ubyte", 60_008,
            "a25bea736e30d166cdddb491f175f624", "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5");
    /** Test images. */
    public static final DataFile TEST_IMAGES = new DataFile("t10k-images-idx3-ubyte", 7_840_016,
            "2646ac647ad5339dbf082846283269ea", "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7");
    /** Test labels. */
    public static final DataFile TEST_LABELS = new DataFile("t10k-labels-idx1-ubyte", 10_008,
            "27ae3e4e09519cfbb04c329615203637", "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2");

    /** What to do when a file is missing or damaged. */
    public static final String FIX = "Fix: run ./environment/setup.sh in the project folder (or "
            + "`java -jar target/gan-workbook.jar data fetch`); it downloads MNIST once and verifies it.";

    /** The data set: folder {@code mnist/} of the data directory. */
    public static final IdxDataset DATASET = new IdxDataset("MNIST", "mnist",
            TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS, TRAIN_SIZE,
            List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), List.of(), FIX);

    private Mnist() {
    }

    /** @return the three splits, from the data directory {@link DataDirs#resolve()} picks */
    public static Splits load() {
        return load(DataDirs.resolve());
    }

    /**
     * @param dataDir the data directory; files are read from {@code dataDir/mnist/}
     * @return the three splits
     * @throws DataFileException if a file is missing or fails its checksum
     */
    public static Splits load(Path dataDir) {
        return DATASET.load(dataDir);
    }
}
