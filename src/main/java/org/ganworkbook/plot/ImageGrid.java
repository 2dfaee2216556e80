package org.ganworkbook.plot;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.ejml.data.FMatrixRMaj;

/**
 * Tiles grayscale images with values in [0, 1] (0 = black, 1 = white) into one picture: a grid of
 * {@code columns} tiles per row, each tile upscaled {@code scale} times by nearest neighbour, with
 * {@code padding} pixels of {@code background} gray between and around the tiles. Chosen tiles can
 * be outlined in colour, as paper Figure 2 outlines the training image nearest to a sample.
 *
 * <pre>{@code
 * BufferedImage sheet = ImageGrid.square(28).columns(10).scale(2).render(xFake);   // rows of [n, 784]
 * }</pre>
 *
 * <p>Immutable: every {@code with}-style method returns a new grid. The result is
 * {@code TYPE_BYTE_GRAY}, or {@code TYPE_INT_RGB} when a tile is highlighted. Values outside [0, 1]
 * are clipped; a NaN is an error (it usually means training diverged).
 */
public final class ImageGrid {

    private final int tileHeight;
    private final int tileWidth;
    private final int columns;
    private final int scale;
    private final int padding;
    private final float background;
    private final int[] highlighted;
    private final Color highlightColor;

    private ImageGrid(int tileHeight, int tileWidth, int columns, int scale, int padding, float background,
                      int[] highlighted, Color highlightColor) {
        this.tileHeight = positive(tileHeight, "tile height");
        this.tileWidth = positive(tileWidth, "tile width");
        this.columns = positive(columns, "columns");
        this.scale = positive(scale, "scale");
        if (padding < 0) {
            throw new IllegalArgumentException("padding must be >= 0, got " + padding);
        }
        if (!(background >= 0f && background <= 1f)) {
            throw new IllegalArgumentException("background must be a gray level in [0, 1], got " + background);
        }
        this.padding = padding;
        this.background = background;
        this.highlighted = highlighted;
        this.highlightColor = highlightColor;
    }

    /** @return a grid of {@code height x width} tiles: 10 columns, scale 2, padding 2, background 0.5 */
    public static ImageGrid of(int height, int width) {
        return new ImageGrid(height, width, 10, 2, 2, 0.5f, new int[0], Color.YELLOW);
    }

    /** @return {@link #of(int, int)} for square tiles, e.g. {@code square(28)} for MNIST */
    public static ImageGrid square(int side) {
        return of(side, side);
    }

    /** @return this grid with {@code columns} tiles per row */
    public ImageGrid columns(int columns) {
        return new ImageGrid(tileHeight, tileWidth, columns, scale, padding, background, highlighted, highlightColor);
    }

    /** @return this grid with every image pixel drawn as a {@code scale x scale} block */
    public ImageGrid scale(int scale) {
        return new ImageGrid(tileHeight, tileWidth, columns, scale, padding, background, highlighted, highlightColor);
    }

    /** @return this grid with {@code padding} output pixels between and around tiles */
    public ImageGrid padding(int padding) {
        return new ImageGrid(tileHeight, tileWidth, columns, scale, padding, background, highlighted, highlightColor);
    }

    /** @return this grid with the padding drawn in gray level {@code background} (0 black, 1 white) */
    public ImageGrid background(float background) {
        return new ImageGrid(tileHeight, tileWidth, columns, scale, padding, background, highlighted, highlightColor);
    }

    /**
     * Outlines tiles: the border fills the padding around each chosen tile, or, with no padding,
     * covers the tile's outermost {@code scale} pixels.
     *
     * @param color the border colour
     * @param tiles indices of the tiles (in rendering order, row by row) to outline
     * @return this grid with those tiles outlined (replacing any earlier choice)
     */
    public ImageGrid highlight(Color color, int... tiles) {
        Objects.requireNonNull(color, "color");
        for (int t : tiles) {
            if (t < 0) {
                throw new IllegalArgumentException("tile index must be >= 0, got " + t);
            }
        }
        return new ImageGrid(tileHeight, tileWidth, columns, scale, padding, background, tiles.clone(), color);
    }

    /** @return the picture of every row of {@code images} ({@code [n, height * width]}). Not modified. */
    public BufferedImage render(FMatrixRMaj images) {
        return render(images, 0, images.numRows);
    }

    /** @return the picture of rows {@code from .. to-1} of {@code images}. Not modified. */
    public BufferedImage render(FMatrixRMaj images, int from, int to) {
        checkLength(images.numCols, "each matrix row");
        Objects.checkFromToIndex(from, to, images.numRows);
        int d = tileHeight * tileWidth;
        return draw(to - from, (tile, pixel) -> images.data[(from + tile) * d + pixel]);
    }

    /** @return the picture of the given images, each {@code height * width} values. Not modified. */
    public BufferedImage render(List<float[]> images) {
        for (int i = 0; i < images.size(); i++) {
            checkLength(images.get(i).length, "image " + i);
        }
        return draw(images.size(), (tile, pixel) -> images.get(tile)[pixel]);
    }

    /** @return the picture of the given images, each {@code height * width} values. Not modified. */
    public BufferedImage render(float[]... images) {
        return render(Arrays.asList(images));
    }

    /** @return the width in pixels of a picture of {@code n} tiles */
    public int width(int n) {
        int cols = Math.max(1, Math.min(columns, n));
        return cols * tileWidth * scale + (cols + 1) * padding;
    }

    /** @return the height in pixels of a picture of {@code n} tiles */
    public int height(int n) {
        int rows = Math.max(1, (n + columns - 1) / columns);
        return rows * tileHeight * scale + (rows + 1) * padding;
    }

    @FunctionalInterface
    private interface Pixels {
        float get(int tile, int pixel);
    }

    private BufferedImage draw(int n, Pixels pixels) {
        if (n == 0) {
            throw new IllegalArgumentException("no images to draw");
        }
        for (int t : highlighted) {
            if (t >= n) {
                throw new IllegalArgumentException("highlighted tile " + t + " does not exist: there are " + n + " images");
            }
        }
        int w = width(n);
        int h = height(n);
        int[] gray = new int[w * h];
        Arrays.fill(gray, toByte(background, -1, -1));
        int tw = tileWidth * scale;
        int th = tileHeight * scale;
        for (int t = 0; t < n; t++) {
            int x0 = padding + (t % columns) * (tw + padding);
            int y0 = padding + (t / columns) * (th + padding);
            for (int y = 0; y < th; y++) {
                int rowStart = (y / scale) * tileWidth;
                int out = (y0 + y) * w + x0;
                for (int x = 0; x < tw; x++) {
                    gray[out + x] = toByte(pixels.get(t, rowStart + x / scale), t, rowStart + x / scale);
                }
            }
        }
        if (highlighted.length == 0) {
            BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
            img.getRaster().setSamples(0, 0, w, h, 0, gray);
            return img;
        }
        int[] rgb = new int[gray.length];
        for (int i = 0; i < gray.length; i++) {
            rgb[i] = gray[i] << 16 | gray[i] << 8 | gray[i];
        }
        int ring = padding > 0 ? padding : 0;
        int inset = padding > 0 ? 0 : scale;
        for (int t : highlighted) {
            int x0 = padding + (t % columns) * (tw + padding) - ring;
            int y0 = padding + (t / columns) * (th + padding) - ring;
            fillFrame(rgb, w, x0, y0, tw + 2 * ring, th + 2 * ring, Math.max(ring, inset), highlightColor.getRGB() & 0xFFFFFF);
        }
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, w, h, rgb, 0, w);
        return img;
    }

    /** Paints the {@code thickness}-wide border of the rectangle at (x0, y0) of size fw x fh. */
    private static void fillFrame(int[] rgb, int w, int x0, int y0, int fw, int fh, int thickness, int color) {
        for (int y = y0; y < y0 + fh; y++) {
            for (int x = x0; x < x0 + fw; x++) {
                boolean edge = y < y0 + thickness || y >= y0 + fh - thickness
                        || x < x0 + thickness || x >= x0 + fw - thickness;
                if (edge) {
                    rgb[y * w + x] = color;
                }
            }
        }
    }

    private static int toByte(float v, int tile, int pixel) {
        if (Float.isNaN(v)) {
            throw new IllegalArgumentException("image " + tile + " has NaN at pixel " + pixel
                    + "; the values to draw must be numbers in [0, 1] (did training diverge?)");
        }
        float c = v < 0f ? 0f : Math.min(v, 1f);
        return Math.round(c * 255f);
    }

    private void checkLength(int length, String what) {
        if (length != tileHeight * tileWidth) {
            throw new IllegalArgumentException(what + " has " + length + " values, but " + tileHeight + "x"
                    + tileWidth + " tiles need " + tileHeight * tileWidth + "; use ImageGrid.of(height, width)");
        }
    }

    private static int positive(int v, String what) {
        if (v <= 0) {
            throw new IllegalArgumentException(what + " must be positive, got " + v);
        }
        return v;
    }

    @Override
    public String toString() {
        return "ImageGrid[" + tileHeight + "x" + tileWidth + " tiles, " + columns + " columns, scale " + scale
                + ", padding " + padding + ", background " + background
                + (highlighted.length > 0 ? ", highlight " + Arrays.toString(highlighted) : "") + "]";
    }
}
