package org.ganworkbook.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;

class ImageGridTest {

    /** Two 2x3 images (height 2, width 3) with distinct pixel values. */
    private static FMatrixRMaj twoImages() {
        FMatrixRMaj m = new FMatrixRMaj(2, 6);
        for (int i = 0; i < 12; i++) {
            m.data[i] = i / 11f;
        }
        return m;
    }

    private static int gray(BufferedImage img, int x, int y) {
        return img.getRaster().getSample(x, y, 0);
    }

    @Test
    void layoutSizeFollowsColumnsScaleAndPadding() {
        ImageGrid g = ImageGrid.of(2, 3).columns(4).scale(3).padding(2);
        BufferedImage img = g.render(new FMatrixRMaj(10, 6));
        // 4 columns x 3 rows of 9x6 tiles, 2 pixels around and between
        assertEquals(4 * 9 + 5 * 2, img.getWidth());
        assertEquals(3 * 6 + 4 * 2, img.getHeight());
        assertEquals(g.width(10), img.getWidth());
        assertEquals(BufferedImage.TYPE_BYTE_GRAY, img.getType());
        // Fewer images than columns: the picture is only as wide as needed.
        assertEquals(2 * 9 + 3 * 2, g.render(new FMatrixRMaj(2, 6)).getWidth());
    }

    @Test
    void everyOutputPixelIsItsSourcePixelScaledUpByNearestNeighbour() {
        FMatrixRMaj m = twoImages();
        int scale = 2;
        int pad = 1;
        BufferedImage img = ImageGrid.of(2, 3).columns(2).scale(scale).padding(pad).background(0f).render(m);
        for (int t = 0; t < 2; t++) {
            int x0 = pad + t * (3 * scale + pad);
            for (int y = 0; y < 2 * scale; y++) {
                for (int x = 0; x < 3 * scale; x++) {
                    int expected = Math.round(m.data[t * 6 + (y / scale) * 3 + x / scale] * 255f);
                    assertEquals(expected, gray(img, x0 + x, pad + y), "tile " + t + " at " + x + "," + y);
                }
            }
        }
        // Padding has the background level.
        assertEquals(0, gray(img, 0, 0));
        assertEquals(0, gray(img, pad + 3 * scale, 1));
    }

    @Test
    void backgroundAndClippingUseTheGrayScale() {
        float[] img = {-0.5f, 0.5f, 2f, 1f};
        BufferedImage out = ImageGrid.of(2, 2).scale(1).padding(1).background(1f).render(img);
        assertEquals(255, gray(out, 0, 0));
        assertEquals(0, gray(out, 1, 1));
        assertEquals(128, gray(out, 2, 1));
        assertEquals(255, gray(out, 1, 2));
    }

    @Test
    void highlightedTilesGetAColouredFrameInThePadding() {
        BufferedImage img = ImageGrid.of(2, 3).columns(2).scale(2).padding(2).background(0f)
                .highlight(Color.YELLOW, 1).render(twoImages());
        assertEquals(BufferedImage.TYPE_INT_RGB, img.getType());
        int yellow = Color.YELLOW.getRGB() & 0xFFFFFF;
        int tw = 6;
        int x1 = 2 + tw + 2; // left edge of tile 1
        // Frame: the padding ring around tile 1.
        assertEquals(yellow, img.getRGB(x1 - 1, 3) & 0xFFFFFF);
        assertEquals(yellow, img.getRGB(x1 + 2, 0) & 0xFFFFFF);
        assertEquals(yellow, img.getRGB(x1 + tw, 5) & 0xFFFFFF);
        // Tile 1's own pixels and tile 0's surroundings stay gray.
        int inside = img.getRGB(x1, 2) & 0xFFFFFF;
        assertEquals(inside & 0xFF, (inside >> 8) & 0xFF);
        assertEquals(Math.round(twoImages().data[6] * 255f), inside & 0xFF);
        assertEquals(0, img.getRGB(0, 0) & 0xFFFFFF);
    }

    @Test
    void highlightWithoutPaddingCoversTheTileEdge() {
        BufferedImage img = ImageGrid.of(2, 3).columns(2).scale(2).padding(0)
                .highlight(Color.RED, 0).render(twoImages());
        int red = Color.RED.getRGB() & 0xFFFFFF;
        assertEquals(red, img.getRGB(0, 0) & 0xFFFFFF);
        assertEquals(red, img.getRGB(5, 3) & 0xFFFFFF);
        assertTrue((img.getRGB(6, 0) & 0xFFFFFF) != red, "tile 1 is not framed");
    }

    @Test
    void badInputIsExplained() {
        assertThrows(IllegalArgumentException.class, () -> ImageGrid.square(28).render(new FMatrixRMaj(3, 100)));
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> ImageGrid.of(1, 2).render(new float[] {0.1f, Float.NaN}));
        assertTrue(nan.getMessage().contains("NaN"), nan.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ImageGrid.of(1, 2).highlight(Color.RED, 5)
                .render(new float[] {0f, 1f}));
        assertThrows(IllegalArgumentException.class, () -> ImageGrid.of(1, 2).columns(0));
        assertThrows(IllegalArgumentException.class, () -> ImageGrid.of(1, 2).background(1.5f));
    }

    @Test
    void rowRangeSelectsTiles() {
        FMatrixRMaj m = twoImages();
        BufferedImage second = ImageGrid.of(2, 3).scale(1).padding(0).render(m, 1, 2);
        assertEquals(3, second.getWidth());
        assertEquals(Math.round(m.data[6] * 255f), gray(second, 0, 0));
    }
}
