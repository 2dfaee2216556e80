package org.ganworkbook.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Puts several pictures into one, on a white background: the composite frame a notebook shows with
 * {@code display(...)} and replaces with {@code updateDisplay(id, ...)} while a model trains, or the four
 * panels of Figure 1 side by side.
 *
 * <pre>{@code
 * var id = display(Panels.row(figure1Panel, lossChart));
 * ... updateDisplay(id, Panels.row(figure1Panel, lossChart));
 * }</pre>
 *
 * Cells of a grid are as large as the largest picture; smaller pictures sit in the top-left corner of their
 * cell. The pictures are not modified.
 */
public final class Panels {

    /** Pixels between neighbouring pictures. */
    public static final int GAP = 6;

    private Panels() {
    }

    /** The pictures left to right in one row. */
    public static BufferedImage row(BufferedImage... images) {
        return grid(Math.max(1, images.length), List.of(images));
    }

    /** The pictures top to bottom in one column. */
    public static BufferedImage column(BufferedImage... images) {
        return grid(1, List.of(images));
    }

    /**
     * The pictures in reading order, {@code columns} per row.
     *
     * @throws IllegalArgumentException if there are no pictures or columns &lt; 1
     */
    public static BufferedImage grid(int columns, List<BufferedImage> images) {
        if (images.isEmpty()) {
            throw new IllegalArgumentException("nothing to arrange: give at least one picture");
        }
        if (columns < 1) {
            throw new IllegalArgumentException("columns must be >= 1, got " + columns);
        }
        int cellW = 0;
        int cellH = 0;
        for (BufferedImage img : images) {
            if (img == null) {
                throw new IllegalArgumentException("a picture is null");
            }
            cellW = Math.max(cellW, img.getWidth());
            cellH = Math.max(cellH, img.getHeight());
        }
        int cols = Math.min(columns, images.size());
        int rows = (images.size() + cols - 1) / cols;
        BufferedImage out = new BufferedImage(cols * cellW + (cols - 1) * GAP, rows * cellH + (rows - 1) * GAP,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            for (int i = 0; i < images.size(); i++) {
                int r = i / cols;
                int c = i % cols;
                g.drawImage(images.get(i), c * (cellW + GAP), r * (cellH + GAP), null);
            }
        } finally {
            g.dispose();
        }
        return out;
    }
}
