package org.ganworkbook.data;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.ejml.data.FMatrixRMaj;

/**
 * One file in the IDX format of the MNIST distribution: a 4-byte magic number (two zero bytes,
 * the element type, the number of dimensions), the dimensions as big-endian 32-bit integers, then
 * the elements in row-major order. MNIST and Fashion-MNIST use unsigned bytes (type {@code 0x08}):
 * images have three dimensions {@code [n, rows, cols]}, labels one {@code [n]}.
 *
 * @param name the file's name, for error messages
 * @param dims the dimensions
 * @param bytes the whole file; elements start at {@link #offset()}
 */
public record IdxFile(String name, int[] dims, byte[] bytes) {

    private static final int UNSIGNED_BYTE = 0x08;

    /** Pixel byte b maps to b / 255 (float32), as in the authors' data pipeline. */
    private static final float[] UNIT = new float[256];

    static {
        for (int b = 0; b < 256; b++) {
            UNIT[b] = b / 255f;
        }
    }

    /**
     * Parses the header of an IDX file of unsigned bytes and checks that the payload has exactly the
     * size the header promises.
     *
     * @param name the file's name, for messages
     * @param bytes the file's contents. Not modified (kept by reference).
     * @param expectedDims the number of dimensions this file must have (3 for images, 1 for labels)
     * @return the parsed file
     * @throws DataFileException if the magic number, the dimensions or the length are wrong
     */
    public static IdxFile parse(String name, byte[] bytes, int expectedDims) {
        if (bytes.length < 4) {
            throw new DataFileException(name + " is not an IDX file: it has only " + bytes.length + " bytes.");
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        int magic = buf.getInt();
        int expectedMagic = (UNSIGNED_BYTE << 8) | expectedDims;
        if (magic != expectedMagic) {
            throw new DataFileException(String.format(
                    "%s is not an IDX file of unsigned bytes with %d dimension(s): its magic number is 0x%08X,"
                            + " expected 0x%08X. Is it a %s file, or still compressed?",
                    name, expectedDims, magic, expectedMagic, expectedDims == 3 ? "labels" : "images"));
        }
        if (bytes.length < 4 + 4 * expectedDims) {
            throw new DataFileException(name + " is truncated inside its header (" + bytes.length + " bytes).");
        }
        int[] dims = new int[expectedDims];
        long elements = 1;
        for (int i = 0; i < expectedDims; i++) {
            dims[i] = buf.getInt();
            if (dims[i] <= 0) {
                throw new DataFileException(name + " has a non-positive dimension in its header: " + Arrays.toString(dims));
            }
            elements *= dims[i];
        }
        long expectedLength = 4L + 4L * expectedDims + elements;
        if (bytes.length != expectedLength) {
            throw new DataFileException(name + " has " + bytes.length + " bytes, but its header "
                    + Arrays.toString(dims) + " needs " + expectedLength
                    + (bytes.length < expectedLength ? " (truncated)." : "."));
        }
        return new IdxFile(name, dims, bytes);
    }

    /** @return index of the first element in {@link #bytes()} */
    public int offset() {
        return 4 + 4 * dims.length;
    }

    /** @return the number of items (the first dimension) */
    public int count() {
        return dims[0];
    }

    /** @return elements per item (rows x cols for images, 1 for labels) */
    public int itemSize() {
        int s = 1;
        for (int i = 1; i < dims.length; i++) {
            s *= dims[i];
        }
        return s;
    }

    /**
     * Copies items {@code from .. to-1} into a float32 matrix, one item per row, each byte divided by 255.
     *
     * @return a new {@code [to - from, itemSize]} matrix with values in [0, 1]
     */
    public FMatrixRMaj unitFloats(int from, int to) {
        checkRange(from, to);
        int d = itemSize();
        FMatrixRMaj m = new FMatrixRMaj(to - from, d);
        int src = offset() + from * d;
        float[] dst = m.data;
        for (int i = 0, n = (to - from) * d; i < n; i++) {
            dst[i] = UNIT[bytes[src + i] & 0xFF];
        }
        return m;
    }

    /** @return items {@code from .. to-1} as unsigned integers (for label files) */
    public int[] unsignedInts(int from, int to) {
        checkRange(from, to);
        int[] out = new int[to - from];
        int src = offset() + from * itemSize();
        for (int i = 0; i < out.length; i++) {
            out[i] = bytes[src + i] & 0xFF;
        }
        return out;
    }

    private void checkRange(int from, int to) {
        if (from < 0 || to > count() || from > to) {
            throw new IndexOutOfBoundsException("items " + from + ".." + to + " of " + name + ", which has " + count());
        }
    }
}
