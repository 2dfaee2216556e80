package org.ganworkbook.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;

class IdxFileTest {

    @Test
    void parsesDimensionsAndMapsBytesToUnitInterval() {
        byte[] bytes = TinyIdx.idx(0, 3, 2, 2);
        bytes[16] = 0;
        bytes[17] = (byte) 255;
        bytes[18] = (byte) 128;
        IdxFile f = IdxFile.parse("x", bytes, 3);
        assertArrayEquals(new int[] {3, 2, 2}, f.dims());
        assertEquals(3, f.count());
        assertEquals(4, f.itemSize());
        FMatrixRMaj m = f.unitFloats(0, 3);
        assertEquals(3, m.numRows);
        assertEquals(4, m.numCols);
        assertEquals(0f, m.get(0, 0));
        assertEquals(1f, m.get(0, 1));
        assertEquals(128f / 255f, m.get(0, 2));
        for (int i = 0; i < m.data.length; i++) {
            float v = m.data[i];
            assertEquals((bytes[16 + i] & 0xFF) / 255f, v, "element " + i);
        }
    }

    @Test
    void rangeOfItemsStartsAtTheRightItem() {
        byte[] bytes = TinyIdx.idx(5, 4, 1, 3);
        FMatrixRMaj tail = IdxFile.parse("x", bytes, 3).unitFloats(2, 4);
        assertEquals(2, tail.numRows);
        assertEquals((bytes[16 + 6] & 0xFF) / 255f, tail.get(0, 0)); // header 16 bytes, item 2 starts at element 6
        int[] labels = IdxFile.parse("y", TinyIdx.labels(12), 1).unsignedInts(9, 12);
        assertArrayEquals(new int[] {9, 0, 1}, labels);
    }

    @Test
    void wrongMagicNumberIsRejectedWithBothNumbers() {
        byte[] labels = TinyIdx.labels(5);
        DataFileException e = assertThrows(DataFileException.class, () -> IdxFile.parse("t10k-labels", labels, 3));
        assertTrue(e.getMessage().contains("t10k-labels"), e.getMessage());
        assertTrue(e.getMessage().contains("0x00000801") && e.getMessage().contains("0x00000803"), e.getMessage());

        byte[] gzipLike = TinyIdx.idx(0, 2, 2, 2);
        gzipLike[0] = 0x1f;
        gzipLike[1] = (byte) 0x8b;
        e = assertThrows(DataFileException.class, () -> IdxFile.parse("images", gzipLike, 3));
        assertTrue(e.getMessage().contains("still compressed"), e.getMessage());
    }

    @Test
    void truncatedPayloadAndHeaderAreRejected() {
        byte[] full = TinyIdx.idx(0, 3, 2, 2);
        DataFileException e = assertThrows(DataFileException.class,
                () -> IdxFile.parse("imgs", Arrays.copyOf(full, full.length - 1), 3));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        assertTrue(e.getMessage().contains(String.valueOf(full.length)), e.getMessage());
        e = assertThrows(DataFileException.class, () -> IdxFile.parse("imgs", Arrays.copyOf(full, 9), 3));
        assertTrue(e.getMessage().contains("header"), e.getMessage());
        byte[] longer = Arrays.copyOf(full, full.length + 3);
        e = assertThrows(DataFileException.class, () -> IdxFile.parse("imgs", longer, 3));
        assertTrue(e.getMessage().contains("needs " + full.length), e.getMessage());
    }

    @Test
    void outOfRangeItemsAreRejected() {
        IdxFile f = IdxFile.parse("x", TinyIdx.idx(0, 3, 2, 2), 3);
        assertThrows(IndexOutOfBoundsException.class, () -> f.unitFloats(2, 4));
        assertThrows(IndexOutOfBoundsException.class, () -> f.unitFloats(-1, 1));
    }
}
