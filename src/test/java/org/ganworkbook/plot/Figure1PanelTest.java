package org.ganworkbook.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class Figure1PanelTest {

    private static final double[] X = grid(-3, 3, 121);

    private static double[] grid(double lo, double hi, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = lo + (hi - lo) * i / (n - 1);
        }
        return x;
    }

    private static double[] gaussian(double mean, double sd) {
        double[] p = new double[X.length];
        for (int i = 0; i < p.length; i++) {
            double u = (X[i] - mean) / sd;
            p[i] = Math.exp(-0.5 * u * u) / (sd * Math.sqrt(2 * Math.PI));
        }
        return p;
    }

    private static int count(BufferedImage img, Color c, int yFrom, int yTo) {
        int n = 0;
        for (int y = Math.max(0, yFrom); y < Math.min(img.getHeight(), yTo); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xFFFFFF) == (c.getRGB() & 0xFFFFFF)) {
                    n++;
                }
            }
        }
        return n;
    }

    private static int dark(BufferedImage img, int yFrom, int yTo) {
        int n = 0;
        for (int y = yFrom; y < yTo; y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                if (((rgb >> 16) & 0xFF) < 120 && ((rgb >> 8) & 0xFF) < 120 && (rgb & 0xFF) < 120) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void drawsTheThreeCurvesInThePapersColours() {
        double[] d = new double[X.length];
        java.util.Arrays.fill(d, 0.5);
        BufferedImage img = Figure1Panel.of(X).title("(d)").data(gaussian(0, 1)).generator(gaussian(0.5, 1))
                .discriminator(d).render();
        assertEquals(Charts.WIDTH, img.getWidth());
        assertEquals(Charts.HEIGHT, img.getHeight());
        assertTrue(count(img, Figure1Panel.GENERATOR_COLOR, 0, img.getHeight()) > 100, "green p_g");
        assertTrue(count(img, Figure1Panel.DISCRIMINATOR_COLOR, 0, img.getHeight()) > 100, "blue D");
    }

    @Test
    void arrowsAppearOnlyBelowTheCurvesAndOnlyWhenAMappingIsGiven() {
        Figure1Panel base = Figure1Panel.of(X).data(gaussian(0, 1)).generator(gaussian(0, 1)).size(500, 400);
        double[] z = grid(-Math.sqrt(3), Math.sqrt(3), 15);
        double[] gz = z.clone();
        BufferedImage without = base.render();
        BufferedImage with = base.mapping(z, gz, -Math.sqrt(3), Math.sqrt(3)).render();
        // the lower part of the plot (the band for z and the arrows) is about rows 200..330 of 400
        int darkWithout = dark(without, 220, 320);
        int darkWith = dark(with, 220, 320);
        assertTrue(darkWith > darkWithout + 500, "arrows and the z line add dark pixels: " + darkWith + " vs " + darkWithout);
    }

    @Test
    void aCollapsedGeneratorSendsEveryArrowToOnePoint() {
        double[] z = grid(-1, 1, 21);
        double[] spread = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            spread[i] = 2.9 * z[i]; // over the whole x range [-3, 3]
        }
        double[] collapsed = new double[z.length]; // G(z) = 0 for every z
        Figure1Panel base = Figure1Panel.of(X).size(500, 400);
        BufferedImage a = base.mapping(z, spread, -1, 1).render();
        BufferedImage b = base.mapping(z, collapsed, -1, 1).render();
        // just under the x line the collapsed arrows crowd into the middle: the outer thirds stay empty
        int xLine = findXLine(b);
        int outerA = darkColumns(a, xLine + 4, xLine + 10, true);
        int outerB = darkColumns(b, xLine + 4, xLine + 10, true);
        assertTrue(outerA > 0, "spread arrows reach the outer thirds");
        assertEquals(0, outerB, "collapsed arrows leave the outer thirds empty near the x line");
    }

    /** Row of the long black x line (the first row from the top with a run of dark pixels over half the width). */
    private static int findXLine(BufferedImage img) {
        for (int y = 40; y < img.getHeight(); y++) {
            int run = 0;
            for (int x = 0; x < img.getWidth(); x++) {
                run = (img.getRGB(x, y) & 0xFFFFFF) < 0x404040 ? run + 1 : run;
            }
            if (run > img.getWidth() / 2) {
                return y;
            }
        }
        throw new AssertionError("no x line found");
    }

    private static int darkColumns(BufferedImage img, int yFrom, int yTo, boolean outerThirds) {
        int n = 0;
        int w = img.getWidth();
        for (int x = 80; x < w - 30; x++) {
            boolean outer = x < 80 + (w - 110) / 4 || x > w - 30 - (w - 110) / 4;
            if (outer != outerThirds) {
                continue;
            }
            for (int y = yFrom; y < yTo; y++) {
                if ((img.getRGB(x, y) & 0xFFFFFF) < 0x808080) {
                    n++;
                    break;
                }
            }
        }
        return n;
    }

    @Test
    void aDashedCurveStaysDashedOnAFineGrid() {
        double[] fine = grid(-3, 3, 2001); // about 4 points per pixel
        double[] half = new double[fine.length];
        java.util.Arrays.fill(half, 0.5);
        BufferedImage img = Figure1Panel.of(fine).discriminator(half).yMax(1).render();
        // the row through D = 1/2 with the most blue pixels: dashes alternate with gaps along it
        int bestRow = -1;
        int bestCount = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            int n = count(img, Figure1Panel.DISCRIMINATOR_COLOR, y, y + 1);
            if (n > bestCount) {
                bestCount = n;
                bestRow = y;
            }
        }
        int runs = 0;
        boolean inside = false;
        for (int x = 0; x < img.getWidth(); x++) {
            boolean blue = (img.getRGB(x, bestRow) & 0xFFFFFF) == (Figure1Panel.DISCRIMINATOR_COLOR.getRGB() & 0xFFFFFF);
            if (blue && !inside) {
                runs++;
            }
            inside = blue;
        }
        assertTrue(runs > 20, "expected many separate dashes along D = 1/2, found " + runs);
    }

    @Test
    void badInputIsRejectedWithAMessage() {
        assertThrows(IllegalArgumentException.class, () -> Figure1Panel.of(new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> Figure1Panel.of(new double[] {0, 2, 1}));
        assertThrows(IllegalArgumentException.class, () -> Figure1Panel.of(X).data(new double[3]));
        double[] nan = new double[X.length];
        nan[5] = Double.NaN;
        var e = assertThrows(IllegalArgumentException.class, () -> Figure1Panel.of(X).generator(nan));
        assertTrue(e.getMessage().contains("p_g"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Figure1Panel.of(X).data(gaussian(0, 1)).data(gaussian(0, 1)));
        assertThrows(IllegalArgumentException.class, () -> Figure1Panel.of(X).mapping(new double[2], new double[3], 0, 1));
        assertThrows(IllegalArgumentException.class, () -> Figure1Panel.of(X).mapping(new double[2], new double[2], 1, 1));
        assertThrows(IllegalArgumentException.class, () -> Figure1Panel.of(X).yMax(0));
    }

    @Test
    void aFixedYMaxKeepsTheScaleWhenCurvesGrow() {
        BufferedImage low = Figure1Panel.of(X).generator(gaussian(0, 1)).yMax(3).render();
        BufferedImage high = Figure1Panel.of(X).generator(gaussian(0, 0.15)).yMax(3).render();
        assertEquals(low.getHeight(), high.getHeight());
        // a narrower p_g peaks higher on the same scale, so green reaches further up
        assertTrue(topmost(high, Figure1Panel.GENERATOR_COLOR) < topmost(low, Figure1Panel.GENERATOR_COLOR));
    }

    private static int topmost(BufferedImage img, Color c) {
        for (int y = 0; y < img.getHeight(); y++) {
            if (count(img, c, y, y + 1) > 0) {
                return y;
            }
        }
        return img.getHeight();
    }
}
