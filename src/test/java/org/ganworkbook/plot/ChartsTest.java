package org.ganworkbook.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChartsTest {

    private static int distinctColours(BufferedImage img) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                colours.add(img.getRGB(x, y));
            }
        }
        return colours.size();
    }

    @Test
    void linesDrawsEverySeriesAtTheDefaultSize() {
        double[] x = {0, 1, 2, 3};
        Map<String, double[]> series = new LinkedHashMap<>();
        series.put("dLoss", new double[] {0.9, 0.8, 0.7, 0.69});
        series.put("gLoss", new double[] {0.5, 0.6, 0.65, 0.69});
        BufferedImage img = Charts.lines("Losses", "step", "nats", x, series);
        assertEquals(Charts.WIDTH, img.getWidth());
        assertEquals(Charts.HEIGHT, img.getHeight());
        assertTrue(distinctColours(img) > 4, "a chart has text, axes and two lines");
    }

    @Test
    void barsDrawsCategories() {
        BufferedImage img = Charts.bars("Counts", "digit", "images", List.of("0", "1", "2"),
                Map.of("train", new double[] {3, 5, 4}));
        assertEquals(Charts.WIDTH, img.getWidth());
        assertTrue(distinctColours(img) > 3);
    }

    @Test
    void imageLeavesTheChartAsItWas() {
        var chart = Charts.lineChart("t", "x", "y");
        double[] x = {-5, -2.5, 0, 2.5, 5};
        chart.addSeries("s", x, new double[] {1, 2, 3, 2, 1});
        BufferedImage img = Charts.image(chart);
        assertEquals(Charts.WIDTH, img.getWidth());
        assertEquals(Set.of("s"), chart.getSeriesMap().keySet(), "the tick helper series is removed again");
        // the helper never shows: the same chart without it renders the same legend-free line
        chart.getStyler().setLegendVisible(false);
        BufferedImage a = Charts.image(chart);
        BufferedImage b = Charts.image(chart);
        assertEquals(a.getRGB(300, 200), b.getRGB(300, 200));
    }

    @Test
    void anEmptyChartStillRenders() {
        assertEquals(Charts.HEIGHT, Charts.image(Charts.lineChart("empty", "x", "y")).getHeight());
    }

    @Test
    void mismatchedLengthsAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> Charts.lines("t", "x", "y", new double[] {1, 2}, Map.of("a", new double[] {1})));
        assertThrows(IllegalArgumentException.class,
                () -> Charts.bars("t", "x", "y", List.of("a", "b"), Map.of("s", new double[] {1})));
    }
}
