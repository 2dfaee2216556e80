package org.ganworkbook.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class PanelsTest {

    private static BufferedImage filled(int w, int h, Color c) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(c);
        g.fillRect(0, 0, w, h);
        g.dispose();
        return img;
    }

    @Test
    void rowPlacesPicturesLeftToRightWithAGap() {
        BufferedImage out = Panels.row(filled(10, 8, Color.RED), filled(20, 5, Color.BLUE));
        assertEquals(20 + Panels.GAP + 20, out.getWidth(), "cells are as wide as the widest picture");
        assertEquals(8, out.getHeight());
        assertEquals(Color.RED.getRGB(), out.getRGB(0, 0));
        assertEquals(Color.WHITE.getRGB(), out.getRGB(15, 0), "rest of the first cell is background");
        assertEquals(Color.BLUE.getRGB(), out.getRGB(20 + Panels.GAP, 0));
        assertEquals(Color.WHITE.getRGB(), out.getRGB(20 + Panels.GAP, 6), "below the shorter picture");
    }

    @Test
    void gridWrapsIntoRows() {
        List<BufferedImage> four = List.of(filled(4, 4, Color.RED), filled(4, 4, Color.GREEN),
                filled(4, 4, Color.BLUE), filled(4, 4, Color.BLACK));
        BufferedImage out = Panels.grid(2, four);
        assertEquals(8 + Panels.GAP, out.getWidth());
        assertEquals(8 + Panels.GAP, out.getHeight());
        assertEquals(Color.BLUE.getRGB(), out.getRGB(0, 4 + Panels.GAP));
        assertEquals(Color.BLACK.getRGB(), out.getRGB(4 + Panels.GAP, 4 + Panels.GAP));
        assertEquals(4, Panels.column(filled(4, 4, Color.RED), filled(4, 4, Color.RED)).getWidth());
    }

    @Test
    void emptyInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Panels.grid(2, List.of()));
        assertThrows(IllegalArgumentException.class, () -> Panels.grid(0, List.of(filled(2, 2, Color.RED))));
    }
}
