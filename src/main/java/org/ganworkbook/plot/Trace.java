package org.ganworkbook.plot;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A live trace: named series y_1(x), ..., y_k(x) recorded over a shared x (an iteration count, a step),
 * drawn as a line chart. A training loop calls {@link #add} after each record and shows {@link #image()};
 * the notebook redraws it in place with the kernel's {@code updateDisplay}.
 *
 * <pre>{@code
 * Trace progress = Trace.of("iteration", "JSD(p_data || p_g)", "mean of D(x) over p_data")
 *         .title("progress").yRange(0, 1);
 * String id = display(progress.image());                  // 0 points: an empty frame
 * progress.add(trainer.step(), game.jsd(), game.meanDOnData());
 * updateDisplay(id, progress.image());
 * }</pre>
 *
 * <p>{@link #logY(double, double)} draws y on a logarithmic axis; values below its lower end (zero, or a
 * D(G(z)) of 1e-30) are drawn at the lower end, since a log axis cannot show them; the recorded values are
 * kept as they came. The picture works with any number of points: with none it is an empty frame with the
 * axes, with one the point is drawn as a marker. Not thread-safe: record and draw from one thread.
 */
public final class Trace {

    private final String xName;
    private final List<String> names;
    private final List<double[]> rows = new ArrayList<>();
    private String title = "";
    private String yTitle = "";
    private double yMin = Double.NaN;
    private double yMax = Double.NaN;
    private boolean logY;
    private final List<Mark> marks = new ArrayList<>();

    /** A labelled stretch of x, e.g. the iterations during which one player was frozen. */
    public record Mark(String label, double fromX, double toX) {
    }

    private Trace(String xName, List<String> names) {
        this.xName = xName;
        this.names = names;
    }

    /**
     * A trace with no points yet.
     *
     * @param xName       the x axis title, e.g. {@code "iteration"}
     * @param seriesNames one name per y series (the legend), at least one, no two alike
     */
    public static Trace of(String xName, String... seriesNames) {
        Objects.requireNonNull(xName, "xName");
        if (seriesNames == null || seriesNames.length == 0) {
            throw new IllegalArgumentException("a trace needs at least one series name, e.g. Trace.of(\"iteration\", \"loss\")");
        }
        List<String> names = List.of(seriesNames);
        if (names.stream().distinct().count() != names.size()) {
            throw new IllegalArgumentException("series names must differ, got " + names);
        }
        return new Trace(xName, names);
    }

    /** Sets the chart's title; returns this trace. */
    public Trace title(String title) {
        this.title = Objects.requireNonNull(title, "title");
        return this;
    }

    /** Sets the y axis title (default none); returns this trace. */
    public Trace yTitle(String yTitle) {
        this.yTitle = Objects.requireNonNull(yTitle, "yTitle");
        return this;
    }

    /** Fixes the y axis to [min, max] on a linear scale (default: fitted to the data); returns this trace. */
    public Trace yRange(double min, double max) {
        if (!(Double.isFinite(min) && Double.isFinite(max) && min < max)) {
            throw new IllegalArgumentException("need finite min < max for the y range, got [" + min + ", " + max + "]");
        }
        this.yMin = min;
        this.yMax = max;
        this.logY = false;
        return this;
    }

    /**
     * A logarithmic y axis over [min, max]; values below {@code min} are drawn at {@code min}, values above
     * {@code max} at {@code max}. Returns this trace.
     */
    public Trace logY(double min, double max) {
        if (!(min > 0 && Double.isFinite(max) && min < max)) {
            throw new IllegalArgumentException("a log axis needs 0 < min < max, got [" + min + ", " + max + "]");
        }
        this.yMin = min;
        this.yMax = max;
        this.logY = true;
        return this;
    }

    /**
     * Records one point: x and one y per series, in the order of {@link #names()}. Returns this trace.
     *
     * @throws IllegalArgumentException if the number of y values is not the number of series, or x is NaN
     */
    public Trace add(double x, double... y) {
        if (y.length != names.size()) {
            throw new IllegalArgumentException("this trace has " + names.size() + " series " + names + ", so add(x, y...) needs "
                    + names.size() + " y values, got " + y.length);
        }
        if (Double.isNaN(x)) {
            throw new IllegalArgumentException("x is NaN (series " + names + ")");
        }
        double[] row = new double[1 + y.length];
        row[0] = x;
        System.arraycopy(y, 0, row, 1, y.length);
        rows.add(row);
        return this;
    }

    /**
     * Marks the stretch {@code [fromX, toX]} of the x axis with {@code label} (e.g. "G frozen"): the picture
     * draws a dashed vertical line at each end and the label between them, at the top. Returns this trace.
     *
     * @throws IllegalArgumentException if either end is not finite or {@code fromX > toX}
     */
    public Trace mark(String label, double fromX, double toX) {
        if (!Double.isFinite(fromX) || !Double.isFinite(toX) || fromX > toX) {
            throw new IllegalArgumentException("a mark needs finite fromX <= toX, got [" + fromX + ", " + toX + "] for '"
                    + label + "'");
        }
        marks.add(new Mark(label, fromX, toX));
        return this;
    }

    /** The marked stretches, in the order they were added. */
    public List<Mark> marks() {
        return List.copyOf(marks);
    }

    /** The series names, in order. */
    public List<String> names() {
        return names;
    }

    /** Number of recorded points. */
    public int size() {
        return rows.size();
    }

    /** The recorded x values (a new array). */
    public double[] x() {
        return column(0);
    }

    /** The recorded values of series {@code name}, as added (a new array; not clamped). */
    public double[] y(String name) {
        int i = names.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no series '" + name + "'; this trace has " + names);
        }
        return column(i + 1);
    }

    private double[] column(int c) {
        double[] out = new double[rows.size()];
        for (int r = 0; r < out.length; r++) {
            out[r] = rows.get(r)[c];
        }
        return out;
    }

    /** The chart of everything recorded so far, {@link Charts#WIDTH} × {@link Charts#HEIGHT} pixels. */
    public BufferedImage image() {
        XYChart chart = Charts.lineChart(title, xName, yTitle);
        if (logY) {
            chart.getStyler().setYAxisLogarithmic(true);
        }
        if (!Double.isNaN(yMin)) {
            chart.getStyler().setYAxisMin(yMin).setYAxisMax(yMax);
        }
        double[] x = x();
        if (x.length == 0) {
            // XChart cannot draw a chart without data: an invisible point inside the y range, off the legend
            double y = logY ? Math.sqrt(yMin * yMax) : Double.isNaN(yMin) ? 0 : (yMin + yMax) / 2;
            XYSeries empty = chart.addSeries(" ", new double[] {0, 1}, new double[] {y, y});
            empty.setMarker(SeriesMarkers.NONE);
            empty.setLineColor(new java.awt.Color(0, 0, 0, 0));
            empty.setShowInLegend(false);
            chart.getStyler().setLegendVisible(false);
            return Charts.image(chart);
        }
        for (int i = 0; i < names.size(); i++) {
            double[] y = y(names.get(i));
            if (logY) {
                y = Arrays.stream(y).map(v -> Math.min(Math.max(v, yMin), yMax)).toArray();
            }
            XYSeries s = chart.addSeries(names.get(i), x, y);
            if (x.length == 1) {
                s.setMarker(SeriesMarkers.CIRCLE);
            }
        }
        if (x.length == 1) {
            chart.getStyler().setMarkerSize(8);
        }
        if (!marks.isEmpty()) {
            chart.getStyler().setAnnotationLineColor(java.awt.Color.DARK_GRAY);
            chart.getStyler().setAnnotationLineStroke(new java.awt.BasicStroke(1f, java.awt.BasicStroke.CAP_BUTT,
                    java.awt.BasicStroke.JOIN_MITER, 10f, new float[] {4f, 4f}, 0f));
            chart.getStyler().setAnnotationTextFontColor(java.awt.Color.DARK_GRAY);
        }
        double labelY = marks.isEmpty() ? 0 : labelY();
        for (Mark m : marks) {
            for (double at : new double[] {m.fromX(), m.toX()}) {
                chart.addAnnotation(new AnnotationLine(at, true, false));
            }
            chart.addAnnotation(new AnnotationText(m.label(), (m.fromX() + m.toX()) / 2, labelY, false));
        }
        return Charts.image(chart);
    }

    /** Height of the marks' labels: near the top of a fixed y range, else at the largest recorded value. */
    private double labelY() {
        if (Double.isNaN(yMin)) {
            double top = Double.NEGATIVE_INFINITY;
            for (double[] row : rows) {
                for (int i = 1; i < row.length; i++) {
                    top = Math.max(top, row[i]);
                }
            }
            return Double.isFinite(top) ? top : 1;
        }
        return logY ? Math.pow(yMax, 0.97) * Math.pow(yMin, 0.03) : yMax - 0.04 * (yMax - yMin);
    }

    /** e.g. {@code Trace(iteration; JSD, mean D(x); 12 points)}. */
    @Override
    public String toString() {
        return "Trace(" + xName + "; " + String.join(", ", names) + "; " + rows.size() + " points)";
    }
}
