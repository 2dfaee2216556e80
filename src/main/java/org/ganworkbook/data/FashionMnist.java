package org.ganworkbook.data;

import java.nio.file.Path;
import java.util.List;

/**
 * Fashion-MNIST (Zalando, 2017): 28x28 grayscale photos of clothing in 10 classes, in MNIST's file
 * format, as a harder drop-in for MNIST. Not in the paper; the workbook uses it for exercises.
 * Split like MNIST: train = the first 50,000 training images, valid = the other 10,000, test =
 * the 10,000 test images; pixels divided by 255.
 *
 * <p>Files come from the Debian package {@code dataset-fashion-mnist}
 * ({@code /usr/share/datasets/fashion-mnist/*.gz}) or from {@code <dataDir>/fashion-mnist/}.
 * The checksums are those of the uncompressed files shipped by that package.
 */
public final class FashionMnist {

    /** Where the Debian package installs the files. */
    public static final Path DEBIAN_DIR = Path.of("/usr/share/datasets/fashion-mnist");

    /** Training images. */
    public static final DataFile TRAIN_IMAGES = new DataFile("train-images-idx3-ubyte", 47_040_016,
            "f4a8712d7a061bf5bd6d2ca38dc4d50a", "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888");
    /** Training labels. */
    public static final DataFile TRAIN_LABELS = new DataFile("train-labels-idx1-ubyte", 60_008,
            "9018921c3c673c538a1fc5bad174d6f9", "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9");
    /** Test images. */
    public static final DataFile TEST_IMAGES = new DataFile("t10k-images-idx3-ubyte", 7_840_016,
            "8181f5470baa50b63fa0f6fddb340f0a", "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b");
    /** Test labels. */
    public static final DataFile TEST_LABELS = new DataFile("t10k-labels-idx1-ubyte", 10_008,
            "15d484375f8d13e6eb1aabb0c3f46965", "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34");

    /** What to do when a file is missing or damaged. */
    public static final String FIX = "Fix: install the Debian package dataset-fashion-mnist "
            + "(`sudo apt-get install dataset-fashion-mnist`, or `./environment/setup.sh --with-fashion-mnist`), "
            + "or copy the four IDX files from github.com/zalandoresearch/fashion-mnist (plain or .gz) into "
            + "the fashion-mnist folder of the data directory.";

    /** The data set. */
    public static final IdxDataset DATASET = new IdxDataset("Fashion-MNIST", "fashion-mnist",
            TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS, Mnist.TRAIN_SIZE,
            List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                    "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"),
            List.of(DEBIAN_DIR), FIX);

    private FashionMnist() {
    }

    /** @return the three splits, using the data directory {@link DataDirs#resolve()} picks */
    public static Splits load() {
        return load(DataDirs.resolve());
    }

    /**
     * @param dataDir the data directory; {@code dataDir/fashion-mnist/} is searched before {@link #DEBIAN_DIR}
     * @return the three splits
     * @throws DataFileException if a file is missing or fails its checksum
     */
    public static Splits load(Path dataDir) {
        return DATASET.load(dataDir);
    }
}
