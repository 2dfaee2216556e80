package org.ganworkbook.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ganworkbook.theory.Game1d;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * One panel in the style of the paper's Figure 1 (Goodfellow et al. 2014, §4): over a 1-D x axis, the data
 * density p_data (black, dotted), the generator's density p_g (green, solid) and the discriminator D(x)
 * (blue, dashed); below them, a horizontal line for the noise domain z and arrows showing how x = G(z) maps
 * it onto the x line. Where the arrow heads bunch together p_g is high; where they spread out it is low.
 *
 * <pre>{@code
 * Figure1Panel.of(grid.points()).title("(a)")
 *     .data(grid.pdf(pData)).generator(pG.densities-on-grid).discriminator(dOnGrid)
 *     .mapping(arrows.z(), arrows.x(), -Math.sqrt(3), Math.sqrt(3))
 *     .render()
 * }</pre>
 *
 * <p>Every part is optional. The z interval [zMin, zMax] is drawn across the full width of the plot (an
 * affine map), so equally spaced z give equally spaced arrow tails, as in the paper where z is sampled
 * uniformly. Arrows whose x falls outside the plotted range end at its edge. The picture is XChart for the
 * curves and Java2D for the arrows, drawn at the chart's own screen coordinates. Immutable: each
 * {@code with}-style method returns a new panel; arrays are not copied and must not change before
 * {@link #render()}.
 */
public final class Figure1Panel {

    /** Colour of p_data (the paper draws it black). */
    public static final Color DATA_COLOR = Color.BLACK;
    /** Colour of p_g (green in the paper). */
    public static final Color GENERATOR_COLOR = new Color(0, 150, 0);
    /** Colour of D(x) (blue in the paper). */
    public static final Color DISCRIMINATOR_COLOR = new Color(20, 60, 220);

    /** Stroke of p_data: short dots. */
    public static final BasicStroke DOTTED = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
            new float[] {2f, 3f}, 0f);
    /** Stroke of D(x): long dashes. */
    public static final BasicStroke DASHED = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
            new float[] {9f, 5f}, 0f);
    /** Stroke of p_g and of other solid curves. */
    public static final BasicStroke SOLID = new BasicStroke(2f);

    /** An extra named curve with its own colour and stroke (e.g. D* next to a trained D). */
    public record Curve(String name, double[] y, Color color, BasicStroke stroke) {
    }

    private final double[] x;
    private final String title;
    private final List<Curve> curves;
    private final double[] arrowZ;
    private final double[] arrowX;
    private final double zMin;
    private final double zMax;
    private final int width;
    private final int height;
    private final double yMax;

    private Figure1Panel(double[] x, String title, List<Curve> curves, double[] arrowZ, double[] arrowX,
                         double zMin, double zMax, int width, int height, double yMax) {
        this.x = x;
        this.title = title;
        this.curves = curves;
        this.arrowZ = arrowZ;
        this.arrowX = arrowX;
        this.zMin = zMin;
        this.zMax = zMax;
        this.width = width;
        this.height = height;
        this.yMax = yMax;
    }

    /**
     * An empty panel over the increasing x values (the grid every curve is given on).
     *
     * @throws IllegalArgumentException if fewer than 2 points or not strictly increasing
     */
    public static Figure1Panel of(double[] x) {
        if (x.length < 2) {
            throw new IllegalArgumentException("a panel needs at least 2 x values, got " + x.length);
        }
        for (int i = 1; i < x.length; i++) {
            if (!(x[i] > x[i - 1])) {
                throw new IllegalArgumentException("x must be strictly increasing; x[" + (i - 1) + "]=" + x[i - 1]
                        + ", x[" + i + "]=" + x[i]);
            }
        }
        return new Figure1Panel(x, "", List.of(), null, null, 0, 0, Charts.WIDTH, Charts.HEIGHT, Double.NaN);
    }

    /**
     * The panel of a 1-D game snapshot: its p_data, p_g, D and z-to-x arrows (add D* with {@link #curve} if
     * wanted).
     */
    public static Figure1Panel of(Game1d game) {
        return of(game.x()).data(game.pData()).generator(game.pG()).discriminator(game.d())
                .mapping(game.arrowZ(), game.arrowX(), game.zMin(), game.zMax());
    }

    /** The panel's title, e.g. "(a) step 200". */
    public Figure1Panel title(String newTitle) {
        return new Figure1Panel(x, newTitle == null ? "" : newTitle, curves, arrowZ, arrowX, zMin, zMax, width, height,
                yMax);
    }

    /** p_data on the grid: black, dotted, named "p_data". */
    public Figure1Panel data(double[] pData) {
        return curve("p_data", pData, DATA_COLOR, DOTTED);
    }

    /** p_g on the grid: green, solid, named "p_g". */
    public Figure1Panel generator(double[] pG) {
        return curve("p_g", pG, GENERATOR_COLOR, SOLID);
    }

    /** D(x) on the grid: blue, dashed, named "D(x)". */
    public Figure1Panel discriminator(double[] d) {
        return discriminator("D(x)", d);
    }

    /** A discriminator on the grid in D's style (blue, dashed) under another name, e.g. "D*(x)" for the optimal one. */
    public Figure1Panel discriminator(String name, double[] d) {
        return curve(name, d, DISCRIMINATOR_COLOR, DASHED);
    }

    /** Any further curve on the grid, drawn after the ones before it (strokes: {@link #SOLID}, {@link #DASHED}, {@link #DOTTED} or your own). */
    public Figure1Panel curve(String name, double[] y, Color color, BasicStroke stroke) {
        if (y.length != x.length) {
            throw new IllegalArgumentException("curve '" + name + "' has " + y.length + " values but the grid has "
                    + x.length);
        }
        for (int i = 0; i < y.length; i++) {
            if (!Double.isFinite(y[i])) {
                throw new IllegalArgumentException("curve '" + name + "' is " + y[i] + " at x=" + x[i]
                        + "; every value must be finite");
            }
        }
        for (Curve c : curves) {
            if (c.name().equals(name)) {
                throw new IllegalArgumentException("the panel already has a curve named '" + name + "'");
            }
        }
        List<Curve> more = new ArrayList<>(curves);
        more.add(new Curve(name, y, color, stroke));
        return new Figure1Panel(x, title, List.copyOf(more), arrowZ, arrowX, zMin, zMax, width, height, yMax);
    }

    /**
     * The z-to-x arrows: arrow i goes from z[i] on the z line to xOfZ[i] = G(z[i]) on the x line; the z line
     * shows [zMin, zMax] stretched over the plot's width.
     */
    public Figure1Panel mapping(double[] z, double[] xOfZ, double zLow, double zHigh) {
        if (z.length != xOfZ.length) {
            throw new IllegalArgumentException("z and G(z) need the same length, got " + z.length + " and " + xOfZ.length);
        }
        if (!(zLow < zHigh) || !Double.isFinite(zLow) || !Double.isFinite(zHigh)) {
            throw new IllegalArgumentException("need finite zMin < zMax, got " + zLow + ", " + zHigh);
        }
        for (int i = 0; i < z.length; i++) {
            if (!Double.isFinite(z[i]) || !Double.isFinite(xOfZ[i])) {
                throw new IllegalArgumentException("arrow " + i + " is (" + z[i] + " -> " + xOfZ[i] + "); both ends must be finite");
            }
        }
        return new Figure1Panel(x, title, curves, z, xOfZ, zLow, zHigh, width, height, yMax);
    }

    /** Picture size in pixels (default {@link Charts#WIDTH} x {@link Charts#HEIGHT}). */
    public Figure1Panel size(int newWidth, int newHeight) {
        if (newWidth < 100 || newHeight < 100) {
            throw new IllegalArgumentException("a panel needs at least 100 x 100 pixels, got " + newWidth + " x " + newHeight);
        }
        return new Figure1Panel(x, title, curves, arrowZ, arrowX, zMin, zMax, newWidth, newHeight, yMax);
    }

    /**
     * Fixes the top of the y axis (default: the larger of 1 and the tallest curve, plus 5%), so that the
     * frames of a live plot keep one scale.
     */
    public Figure1Panel yMax(double top) {
        if (!(top > 0) || !Double.isFinite(top)) {
            throw new IllegalArgumentException("yMax must be finite and > 0, got " + top);
        }
        return new Figure1Panel(x, title, curves, arrowZ, arrowX, zMin, zMax, width, height, top);
    }

    /** Draws the panel. */
    public BufferedImage render() {
        double top = Double.isNaN(yMax) ? 1.05 * tallest() : yMax;
        boolean arrows = arrowZ != null;
        double band = arrows ? 0.4 * top : 0; // room below y = 0 for the z line and the arrows
        XYChart chart = Charts.lineChart(title, "x", "density  /  D(x)");
        var styler = chart.getStyler();
        styler.setChartTitleVisible(!title.isEmpty());
        styler.setXAxisMin(x[0]).setXAxisMax(x[x.length - 1]);
        styler.setYAxisMin(-band).setYAxisMax(top);
        styler.setPlotGridLinesVisible(false);
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setLegendLayout(Styler.LegendLayout.Horizontal);
        // a blank label (not an empty one: XChart cannot lay out "") for the ticks of the arrow band
        styler.setyAxisTickLabelsFormattingFunction(v -> v < -1e-9 * top ? " " : String.format(Locale.ROOT, "%.2f", v));
        if (curves.isEmpty()) {
            XYSeries s = chart.addSeries(" ", new double[] {x[0], x[x.length - 1]}, new double[] {0, 0});
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(Color.WHITE).setShowInLegend(false);
            styler.setLegendVisible(false);
        }
        List<Curve> overlays = new ArrayList<>();
        for (Curve c : curves) {
            // XChart strokes each segment on its own, restarting the dash pattern, so a dashed curve with
            // many points looks solid; such curves get a one-point series (for the legend) and are drawn
            // below as one Java2D path
            boolean dashed = c.stroke().getDashArray() != null;
            XYSeries s = dashed
                    ? chart.addSeries(c.name(), new double[] {x[0]}, new double[] {c.y()[0]})
                    : chart.addSeries(c.name(), x, c.y());
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(c.color()).setLineStyle(c.stroke());
            if (dashed) {
                overlays.add(c);
            }
        }
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            Charts.withRoundTicks(chart, () -> {
                chart.paint(g, width, height);
                return null;
            });
            drawOverlays(g, chart, overlays, -band, top);
            if (arrows) {
                drawMapping(g, chart, band);
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    private double tallest() {
        double m = 1;
        for (Curve c : curves) {
            for (double v : c.y()) {
                m = Math.max(m, v);
            }
        }
        return m;
    }

    /** Dashed and dotted curves as single paths, clipped to the plot area. */
    private void drawOverlays(Graphics2D g, XYChart chart, List<Curve> overlays, double yLow, double yHigh) {
        if (overlays.isEmpty()) {
            return;
        }
        double left = chart.getScreenXFromChart(x[0]);
        double right = chart.getScreenXFromChart(x[x.length - 1]);
        double bottom = chart.getScreenYFromChart(yLow);
        double upper = chart.getScreenYFromChart(yHigh);
        java.awt.Shape oldClip = g.getClip();
        g.clip(new java.awt.geom.Rectangle2D.Double(left, upper, right - left, bottom - upper));
        for (Curve c : overlays) {
            Path2D.Double path = new Path2D.Double();
            for (int i = 0; i < x.length; i++) {
                double sx = chart.getScreenXFromChart(x[i]);
                double sy = chart.getScreenYFromChart(c.y()[i]);
                if (i == 0) {
                    path.moveTo(sx, sy);
                } else {
                    path.lineTo(sx, sy);
                }
            }
            g.setColor(c.color());
            g.setStroke(c.stroke());
            g.draw(path);
        }
        g.setClip(oldClip);
    }

    /** The x line at y = 0, the z line lower down, and one arrow per (z, G(z)), in screen coordinates. */
    private void drawMapping(Graphics2D g, XYChart chart, double band) {
        double xLo = x[0];
        double xHi = x[x.length - 1];
        double left = chart.getScreenXFromChart(xLo);
        double right = chart.getScreenXFromChart(xHi);
        double yX = chart.getScreenYFromChart(0);
        double yZ = chart.getScreenYFromChart(-0.8 * band);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1.5f));
        g.draw(new Line2D.Double(left, yX, right, yX));
        g.draw(new Line2D.Double(left, yZ, right, yZ));
        g.setFont(new Font(Font.SANS_SERIF, Font.ITALIC, 14));
        g.drawString("x", (float) (left + 5), (float) (yX - 5));
        g.drawString("z", (float) (left + 5), (float) (yZ - 5));
        g.setColor(new Color(60, 60, 60));
        g.setStroke(new BasicStroke(1.1f));
        for (int i = 0; i < arrowZ.length; i++) {
            double sz = left + (arrowZ[i] - zMin) / (zMax - zMin) * (right - left);
            double xi = Math.min(Math.max(arrowX[i], xLo), xHi);
            double sx = chart.getScreenXFromChart(xi);
            arrow(g, sz, yZ, sx, yX);
        }
    }

    private static void arrow(Graphics2D g, double x0, double y0, double x1, double y1) {
        g.draw(new Line2D.Double(x0, y0, x1, y1));
        double len = Math.hypot(x1 - x0, y1 - y0);
        if (len < 1) {
            return;
        }
        double ux = (x1 - x0) / len;
        double uy = (y1 - y0) / len;
        double head = Math.min(7, 0.4 * len);
        double w = 0.45 * head;
        Path2D.Double tip = new Path2D.Double();
        tip.moveTo(x1, y1);
        tip.lineTo(x1 - head * ux - w * uy, y1 - head * uy + w * ux);
        tip.lineTo(x1 - head * ux + w * uy, y1 - head * uy - w * ux);
        tip.closePath();
        g.fill(tip);
    }
}
