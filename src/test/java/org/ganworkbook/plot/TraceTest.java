package org.ganworkbook.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceTest {

    /** Pixels that are clearly coloured (not grey, white or black), in the left 3/4 of the picture: the plot
     *  area without the legend (which sits top right and carries each series' colour). */
    private static int colouredPixels(BufferedImage img) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth() * 3 / 4; x++) {
                int rgb = img.getRGB(x, y);
                int r = (rgb >> 16) & 0xff, g = (rgb >> 8) & 0xff, b = rgb & 0xff;
                if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 60) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void recordsPointsAndGivesThemBack() {
        Trace t = Trace.of("iteration", "JSD", "mean D(x)");
        t.add(0, 0.6, 0.5).add(25, 0.4, 0.55);
        assertEquals(2, t.size());
        assertEquals(List.of("JSD", "mean D(x)"), t.names());
        assertArrayEquals(new double[] {0, 25}, t.x());
        assertArrayEquals(new double[] {0.6, 0.4}, t.y("JSD"));
        assertArrayEquals(new double[] {0.5, 0.55}, t.y("mean D(x)"));
    }

    @Test
    void aWrongNumberOfValuesIsRejectedSayingHowManyAreNeeded() {
        Trace t = Trace.of("iteration", "JSD", "mean D(x)");
        var e = assertThrows(IllegalArgumentException.class, () -> t.add(1, 0.5));
        assertTrue(e.getMessage().contains("needs 2 y values, got 1"), e.getMessage());
        assertTrue(e.getMessage().contains("[JSD, mean D(x)]"), e.getMessage());
        assertEquals(0, t.size(), "a rejected point is not recorded");
        assertThrows(IllegalArgumentException.class, () -> t.add(1, 0.5, 0.5, 0.5));
        var unknown = assertThrows(IllegalArgumentException.class, () -> t.y("jsd"));
        assertTrue(unknown.getMessage().contains("no series 'jsd'"), unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Trace.of("x"));
        assertThrows(IllegalArgumentException.class, () -> Trace.of("x", "a", "a"));
        assertThrows(IllegalArgumentException.class, () -> t.add(Double.NaN, 1, 2));
    }

    @Test
    void badAxisRangesAreRejected() {
        Trace t = Trace.of("x", "y");
        assertThrows(IllegalArgumentException.class, () -> t.yRange(1, 0));
        assertThrows(IllegalArgumentException.class, () -> t.yRange(0, Double.NaN));
        var e = assertThrows(IllegalArgumentException.class, () -> t.logY(0, 1));
        assertTrue(e.getMessage().contains("0 < min < max"), e.getMessage());
    }

    @Test
    void noPointsGiveAnEmptyFrameAndOnePointIsVisible() {
        for (boolean log : new boolean[] {false, true}) {
            Trace t = Trace.of("iteration", "saturating", "non-saturating").title("D(G(z))");
            if (log) {
                t.logY(1e-5, 1);
            } else {
                t.yRange(0, 1);
            }
            BufferedImage empty = t.image();
            assertEquals(Charts.WIDTH, empty.getWidth());
            assertEquals(Charts.HEIGHT, empty.getHeight());
            assertEquals(0, colouredPixels(empty), "nothing is drawn without points (log " + log + ")");
            t.add(0, 0.3, 0.6);
            BufferedImage one = t.image();
            assertTrue(colouredPixels(one) > 20, "one point shows as markers (log " + log + "): "
                    + colouredPixels(one) + " coloured pixels");
            t.add(25, 0.2, 0.5);
            assertTrue(colouredPixels(t.image()) > 100, "two points are joined by lines (log " + log + ")");
        }
    }

    @Test
    void aLogAxisDrawsZeroAtItsLowerEndAndKeepsTheRecordedValue() {
        Trace t = Trace.of("iteration", "D(G(z))").logY(1e-5, 1);
        t.add(0, 0.5).add(25, 0.0).add(50, 1e-30);
        BufferedImage img = t.image();
        assertTrue(colouredPixels(img) > 100, "the clamped points are drawn");
        assertArrayEquals(new double[] {0.5, 0.0, 1e-30}, t.y("D(G(z))"));
        // the line reaches the bottom of the plot area: coloured pixels in the lowest fifth of the plot
        int low = 0;
        for (int y = img.getHeight() * 3 / 5; y < img.getHeight() * 17 / 20; y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                int r = (rgb >> 16) & 0xff, g = (rgb >> 8) & 0xff, b = rgb & 0xff;
                if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 60) {
                    low++;
                }
            }
        }
        assertTrue(low > 20, "values below the axis are drawn at its lower end, got " + low + " low pixels");
    }

    private static int darkGreyPixels(BufferedImage img) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                int r = (rgb >> 16) & 0xff, g = (rgb >> 8) & 0xff, b = rgb & 0xff;
                if (Math.abs(r - 64) < 12 && Math.abs(g - 64) < 12 && Math.abs(b - 64) < 12) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void aMarkedStretchIsDrawnAsTwoDashedLinesWithItsLabel() {
        Trace plain = Trace.of("iteration", "JSD").yRange(0, 1);
        Trace marked = Trace.of("iteration", "JSD").yRange(0, 1);
        for (int step = 0; step <= 200; step += 25) {
            plain.add(step, 0.5);
            marked.add(step, 0.5);
        }
        marked.mark("G frozen", 50, 150);
        assertEquals(List.of(new Trace.Mark("G frozen", 50, 150)), marked.marks());
        int extra = darkGreyPixels(marked.image()) - darkGreyPixels(plain.image());
        // two dashed lines across a plot area of about 300 pixels, half of each drawn, plus the label
        assertTrue(extra > 200, "the mark adds dark grey pixels: " + extra);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> marked.mark("back", 150, 50));
        assertTrue(e.getMessage().contains("fromX <= toX"), e.getMessage());
    }
}
