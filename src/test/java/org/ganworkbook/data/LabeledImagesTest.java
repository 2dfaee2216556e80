package org.ganworkbook.data;

import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link LabeledImages#downscale(int)} and {@link LabeledImages#withMirrors()} on hand-made 4×4 images. */
class LabeledImagesTest {

    /** Two 4×4 images; pixel (r, c) of image n is (16n + 4r + c) / 32. */
    private static LabeledImages twoImages() {
        FMatrixRMaj m = new FMatrixRMaj(2, 16);
        for (int i = 0; i < 32; i++) {
            m.data[i] = i / 32f;
        }
        return new LabeledImages(m, new int[] {3, 7}, 4, 4);
    }

    @Test
    void downscaleAveragesEachBlock() {
        LabeledImages small = twoImages().downscale(2);
        assertEquals(2, small.height());
        assertEquals(2, small.width());
        assertArrayEquals(new int[] {3, 7}, small.labels());
        // top-left block of image 0: pixels 0, 1, 4, 5 -> mean 2.5 / 32
        assertEquals(2.5f / 32, small.images().get(0, 0), 1e-6f);
        // bottom-right block of image 1: 16 + (10, 11, 14, 15) -> mean 28.5 / 32
        assertEquals(28.5f / 32, small.images().get(1, 3), 1e-6f);
        LabeledImages same = twoImages().downscale(1);
        assertArrayEquals(twoImages().images().data, same.images().data);
    }

    @Test
    void downscaleRejectsAFactorThatDoesNotDivideTheSize() {
        var e = assertThrows(IllegalArgumentException.class, () -> twoImages().downscale(3));
        assertTrue(e.getMessage().contains("divide"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> twoImages().downscale(0));
    }

    @Test
    void mirrorsFollowTheOriginalsFlippedLeftToRight() {
        LabeledImages x = twoImages();
        LabeledImages both = x.withMirrors();
        assertEquals(4, both.size());
        assertArrayEquals(new int[] {3, 7, 3, 7}, both.labels());
        for (int n = 0; n < 2; n++) {
            assertArrayEquals(x.image(n), both.image(n));
            float[] flipped = both.image(2 + n);
            for (int r = 0; r < 4; r++) {
                for (int c = 0; c < 4; c++) {
                    assertEquals(x.images().get(n, r * 4 + c), flipped[r * 4 + 3 - c], "image " + n + " (" + r + "," + c + ")");
                }
            }
        }
        // mirroring twice gives the originals back
        LabeledImages twice = both.range(2, 4).withMirrors().range(2, 4);
        assertArrayEquals(x.images().data, twice.images().data);
    }
}
