package org.ganworkbook.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Small IDX files and data-set descriptions for tests that must not depend on the real MNIST. */
final class TinyIdx {

    private TinyIdx() {
    }

    /** @return an IDX file of unsigned bytes with the given dimensions; element i is {@code (seed + 7 i) mod 256} */
    static byte[] idx(int seed, int... dims) {
        int n = 1;
        for (int d : dims) {
            n *= d;
        }
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + n);
        b.putInt(0x0800 | dims.length);
        for (int d : dims) {
            b.putInt(d);
        }
        for (int i = 0; i < n; i++) {
            b.put((byte) (seed + 7 * i));
        }
        return b.array();
    }

    /** @return labels 0..9 repeating, as an IDX file of {@code n} items */
    static byte[] labels(int n) {
        ByteBuffer b = ByteBuffer.allocate(8 + n);
        b.putInt(0x0801).putInt(n);
        for (int i = 0; i < n; i++) {
            b.put((byte) (i % 10));
        }
        return b.array();
    }

    static DataFile spec(String name, byte[] contents) {
        return new DataFile(name, contents.length, FileVerifier.md5Hex(contents), FileVerifier.sha256Hex(contents));
    }

    static byte[] gzip(byte[] contents) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(out)) {
            gz.write(contents);
        }
        return out.toByteArray();
    }

    /** A four-file data set of 4x3 images: 12 training images (8 train + 4 valid) and 5 test images. */
    static final class Set {
        final byte[] trainImages = idx(1, 12, 4, 3);
        final byte[] trainLabels = labels(12);
        final byte[] testImages = idx(2, 5, 4, 3);
        final byte[] testLabels = labels(5);
        final IdxDataset dataset = new IdxDataset("Tiny", "tiny",
                spec("train-images-idx3-ubyte", trainImages), spec("train-labels-idx1-ubyte", trainLabels),
                spec("t10k-images-idx3-ubyte", testImages), spec("t10k-labels-idx1-ubyte", testLabels),
                8, List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), List.of(),
                "Fix: regenerate the tiny files.");

        byte[][] contents() {
            return new byte[][] {trainImages, trainLabels, testImages, testLabels};
        }

        /** Writes the four files (plain) into {@code dir} and returns it. */
        Path writeTo(Path dir) throws IOException {
            Files.createDirectories(dir);
            List<DataFile> files = dataset.files();
            for (int i = 0; i < 4; i++) {
                Files.write(dir.resolve(files.get(i).name()), contents()[i]);
            }
            return dir;
        }
    }
}
