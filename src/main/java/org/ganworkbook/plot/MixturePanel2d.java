package org.ganworkbook.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Locale;
import org.ganworkbook.sampling.GaussianMixture2d;

/**
 * One picture of a 2-D game (Goodfellow et al. 2014, §6, the "Helvetica scenario"): the modes of a target
 * mixture as circles of radius 3 sigma, generator samples as dots, and optionally the discriminator D(x)
 * as a shaded background (white where D = 0, blue where D = 1). Mode collapse is visible at a glance:
 * circles without dots.
 *
 * <pre>{@code
 * MixturePanel2d.of(GaussianMixture2d.ring8(), 3.0).samples(xy).discriminator(trainer::discriminate)
 *         .title("step 2000: 8 of 8 modes").render();
 * }</pre>
 *
 * The view is the square [-extent, extent]^2. Immutable: each setter returns a new panel; inputs are copied
 * or only read.
 */
public final class MixturePanel2d {

    /** Default picture size in pixels (square). */
    public static final int SIZE = 420;
    /** Background cells per side when D is drawn. */
    public static final int D_CELLS = 84;

    /** D at many points at once: rows (x, y) interleaved in {@code xy} ([n, 2]), one D value per row. */
    @FunctionalInterface
    public interface BatchDiscriminator {
        /** D(x) for each row of {@code xy} (interleaved x, y; not modified). */
        double[] apply(float[] xy);
    }

    private final GaussianMixture2d target;
    private final double extent;
    private final String title;
    private final float[] samples;
    private final double[] dCells;
    private final int size;

    private MixturePanel2d(GaussianMixture2d target, double extent, String title, float[] samples, double[] dCells,
                           int size) {
        this.target = target;
        this.extent = extent;
        this.title = title;
        this.samples = samples;
        this.dCells = dCells;
        this.size = size;
    }

    /** An empty panel of the square [-extent, extent]^2 with the target's modes drawn. */
    public static MixturePanel2d of(GaussianMixture2d target, double extent) {
        if (target == null) {
            throw new IllegalArgumentException("target must not be null");
        }
        if (!(extent > 0) || !Double.isFinite(extent)) {
            throw new IllegalArgumentException("extent must be finite and > 0, got " + extent);
        }
        return new MixturePanel2d(target, extent, "", new float[0], null, SIZE);
    }

    /** The title above the picture. */
    public MixturePanel2d title(String newTitle) {
        return new MixturePanel2d(target, extent, newTitle == null ? "" : newTitle, samples, dCells, size);
    }

    /** Generator samples, rows (x, y) interleaved ([n, 2]; copied). */
    public MixturePanel2d samples(float[] xy) {
        if (xy.length % 2 != 0) {
            throw new IllegalArgumentException("samples must be (x, y) pairs: got an odd length " + xy.length);
        }
        return new MixturePanel2d(target, extent, title, xy.clone(), dCells, size);
    }

    /** Shades the background by D, evaluated once at the centres of {@link #D_CELLS}^2 cells. */
    public MixturePanel2d discriminator(BatchDiscriminator d) {
        float[] xy = new float[2 * D_CELLS * D_CELLS];
        for (int row = 0; row < D_CELLS; row++) {
            for (int col = 0; col < D_CELLS; col++) {
                int i = row * D_CELLS + col;
                xy[2 * i] = (float) cellCentre(col);
                xy[2 * i + 1] = (float) -cellCentre(row);   // row 0 at the top
            }
        }
        double[] values = d.apply(xy);
        if (values == null || values.length != D_CELLS * D_CELLS) {
            throw new IllegalArgumentException("D must return one value per point: expected " + D_CELLS * D_CELLS);
        }
        return new MixturePanel2d(target, extent, title, samples, values.clone(), size);
    }

    /** The same panel drawn with {@code pixels} per side. */
    public MixturePanel2d size(int pixels) {
        if (pixels < 100) {
            throw new IllegalArgumentException("size must be >= 100 pixels, got " + pixels);
        }
        return new MixturePanel2d(target, extent, title, samples, dCells, pixels);
    }

    private double cellCentre(int index) {
        return -extent + (index + 0.5) * 2 * extent / D_CELLS;
    }

    /** Pixel column of x (also the pixel row of -y, shifted by the title band). */
    double toPixel(double v) {
        return (v + extent) / (2 * extent) * size;
    }

    /** Draws the picture: a title band of 28 pixels above a size x size square. */
    public BufferedImage render() {
        int band = 28;
        BufferedImage img = new BufferedImage(size, size + band, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, size, size + band);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(title, Math.max(4, (size - g.getFontMetrics().stringWidth(title)) / 2), 19);
        g.translate(0, band);
        if (dCells != null) {
            double cell = (double) size / D_CELLS;
            for (int row = 0; row < D_CELLS; row++) {
                for (int col = 0; col < D_CELLS; col++) {
                    double d = Math.max(0, Math.min(1, dCells[row * D_CELLS + col]));
                    g.setColor(new Color((int) Math.round(255 - 175 * d), (int) Math.round(255 - 125 * d), 255));
                    g.fillRect((int) Math.floor(col * cell), (int) Math.floor(row * cell),
                            (int) Math.ceil(cell) + 1, (int) Math.ceil(cell) + 1);
                }
            }
        }
        g.setColor(new Color(0, 150, 0));
        g.setStroke(new BasicStroke(1.5f));
        for (int k = 0; k < target.modes(); k++) {
            double r = 3 * target.sigma(k) / (2 * extent) * size;
            double cx = toPixel(target.centreX(k));
            double cy = toPixel(-target.centreY(k));
            double shown = Math.max(r, 4);
            g.drawOval((int) Math.round(cx - shown), (int) Math.round(cy - shown), (int) Math.round(2 * shown),
                    (int) Math.round(2 * shown));
        }
        g.setColor(new Color(0, 0, 0, 90));
        for (int i = 0; i + 1 < samples.length; i += 2) {
            double px = toPixel(samples[i]);
            double py = toPixel(-samples[i + 1]);
            g.fillRect((int) Math.round(px) - 1, (int) Math.round(py) - 1, 2, 2);
        }
        g.setColor(Color.GRAY);
        g.drawRect(0, 0, size - 1, size - 1);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.drawString(String.format(Locale.ROOT, "[-%.3g, %.3g]²", extent, extent), 4, size - 5);
        if (dCells != null) {
            g.drawString("background: D(x), white 0 .. blue 1", size - 200, size - 5);
        }
        g.dispose();
        return img;
    }
}
