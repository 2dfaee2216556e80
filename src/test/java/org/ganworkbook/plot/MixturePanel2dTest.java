package org.ganworkbook.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.Color;
import java.awt.image.BufferedImage;
import org.ganworkbook.sampling.GaussianMixture2d;
import org.junit.jupiter.api.Test;

class MixturePanel2dTest {

    private static final int BAND = 28;

    @Test
    void samplesAreDrawnWhereTheyAreAndTheBackgroundFollowsD() {
        var ring = GaussianMixture2d.ring8();
        // one sample at (1.5, -1.5); D = 1 where x > 0, 0 elsewhere
        var panel = MixturePanel2d.of(ring, 3.0).samples(new float[] {1.5f, -1.5f}).discriminator(xy -> {
            double[] d = new double[xy.length / 2];
            for (int i = 0; i < d.length; i++) {
                d[i] = xy[2 * i] > 0 ? 1 : 0;
            }
            return d;
        });
        BufferedImage img = panel.render();
        assertEquals(MixturePanel2d.SIZE, img.getWidth());
        assertEquals(MixturePanel2d.SIZE + BAND, img.getHeight());
        // (1.5, -1.5) is 3/4 across and 3/4 down the square
        int px = (int) Math.round(0.75 * MixturePanel2d.SIZE);
        Color dot = new Color(img.getRGB(px, BAND + px));
        Color blue = new Color(img.getRGB(px, BAND + MixturePanel2d.SIZE / 4));   // (1.5, 1.5): D = 1, no sample
        Color white = new Color(img.getRGB(MixturePanel2d.SIZE / 4, BAND + MixturePanel2d.SIZE / 4));   // D = 0
        assertEquals(new Color(80, 130, 255), blue);
        assertEquals(Color.WHITE, white);
        assertNotEquals(blue, dot);
        assertEquals(true, dot.getRed() < blue.getRed() && dot.getBlue() < 255, "a dark dot over the blue: " + dot);
    }

    @Test
    void pixelMappingPutsTheOriginInTheMiddle() {
        var panel = MixturePanel2d.of(GaussianMixture2d.ring8(), 2.5).size(200);
        assertEquals(100.0, panel.toPixel(0), 1e-12);
        assertEquals(0.0, panel.toPixel(-2.5), 1e-12);
        assertEquals(200.0, panel.toPixel(2.5), 1e-12);
    }

    @Test
    void badInputIsRefused() {
        var ring = GaussianMixture2d.ring8();
        assertThrows(IllegalArgumentException.class, () -> MixturePanel2d.of(ring, 0));
        assertThrows(IllegalArgumentException.class, () -> MixturePanel2d.of(ring, 3).samples(new float[3]));
        assertThrows(IllegalArgumentException.class, () -> MixturePanel2d.of(ring, 3).discriminator(xy -> new double[1]));
        assertThrows(IllegalArgumentException.class, () -> MixturePanel2d.of(ring, 3).size(10));
    }
}
