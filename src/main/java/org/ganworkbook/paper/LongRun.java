package org.ganworkbook.paper;

import org.ejml.data.FMatrixRMaj;
import org.ganworkbook.plot.Charts;
import org.ganworkbook.plot.ImageGrid;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A long command-line run of the paper's MNIST config, as notebook 07 shows it: the held-out curve (from
 * {@value HeldOutLog#FILE}, or an older folder's {@value HeldOutLog#LEGACY}), the seconds per epoch (from
 * {@code epochs.csv}), the curve against the paper's 225 ± 2, and filmstrips of fixed noise vectors. Reads only;
 * never writes into the run folder.
 *
 * <p>{@link #reference()} is the curve measured on the workbook's own reference run ({@code train --config
 * paper-mnist --seed 2014}, 2 cores, {@code OPENBLAS_NUM_THREADS=1}, stopped at epoch 561), for machines
 * without a run of their own.
 */
public final class LongRun {

    /** One held-out score. */
    public record Point(int epoch, double score, double standardError) {
    }

    /** The paper's Table 1 MNIST number for adversarial nets and its standard error. */
    public static final double PAPER = 225;
    public static final double PAPER_SE = 2;

    private LongRun() {
    }

    /** The held-out curve of a run folder (empty if it has none), by epoch. */
    public static List<Point> curve(Path runDir) throws IOException {
        List<Point> points = new ArrayList<>();
        Path csv = runDir.resolve(HeldOutLog.FILE);
        if (Files.exists(csv)) {
            List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
            for (int i = 1; i < lines.size(); i++) {
                try {
                    HeldOutLog.Row r = HeldOutLog.Row.parse(lines.get(i));
                    points.add(new Point(r.epoch(), r.score(), r.standardError()));
                } catch (RuntimeException torn) {
                    // a torn last line of a run being written; train repairs it on resume
                }
            }
        } else if (Files.exists(runDir.resolve(HeldOutLog.LEGACY))) {
            for (HeldOutLog.Row r : HeldOutLog.readLegacy(runDir.resolve(HeldOutLog.LEGACY), 0)) {
                points.add(new Point(r.epoch(), r.score(), r.standardError()));
            }
        }
        points.sort((a, b) -> Integer.compare(a.epoch(), b.epoch()));
        return points;
    }

    /** Median wall seconds per epoch from a run's {@code epochs.csv} (its last column); NaN without one. */
    public static double secondsPerEpoch(Path runDir) throws IOException {
        Path file = runDir.resolve("epochs.csv");
        if (!Files.exists(file)) {
            return Double.NaN;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Double> d = new ArrayList<>();
        double prev = Double.NaN;
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",");
            double wall = Double.parseDouble(f[f.length - 1]);
            if (!Double.isNaN(prev) && wall > prev) {
                d.add(wall - prev); // a resumed run's first epoch has no predecessor in the same process: skipped
            }
            prev = wall;
        }
        return median(d);
    }

    /** The reference run's held-out curve (see class comment). */
    public static List<Point> reference() {
        List<Point> points = new ArrayList<>();
        for (String line : referenceLines()) {
            if (!line.startsWith("#") && !line.startsWith("epoch") && !line.isBlank()) {
                String[] f = line.split(",");
                points.add(new Point(Integer.parseInt(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2])));
            }
        }
        return points;
    }

    /** The reference run's median seconds per epoch. */
    public static double referenceSecondsPerEpoch() {
        for (String line : referenceLines()) {
            if (line.startsWith("# secondsPerEpoch ")) {
                return Double.parseDouble(line.substring("# secondsPerEpoch ".length()).trim().split(" ")[0]);
            }
        }
        throw new IllegalStateException("reference-run.csv has no secondsPerEpoch line");
    }

    /**
     * Slope of a straight line fitted to the points of the last {@code window} epochs, in nats per 100 epochs.
     *
     * @return the slope, or NaN when fewer than 2 points (of different epochs) lie in the window, or the curve
     *         is empty: no line can be fitted then
     */
    public static double slopePer100(List<Point> curve, int window) {
        if (curve.isEmpty()) {
            return Double.NaN;
        }
        int last = curve.get(curve.size() - 1).epoch();
        double[] x = curve.stream().filter(p -> p.epoch() >= last - window).mapToDouble(Point::epoch).toArray();
        double[] y = curve.stream().filter(p -> p.epoch() >= last - window).mapToDouble(Point::score).toArray();
        if (x.length < 2) {
            return Double.NaN;
        }
        double mx = Arrays.stream(x).average().orElse(Double.NaN);
        double my = Arrays.stream(y).average().orElse(Double.NaN);
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        return sxx > 0 ? 100 * sxy / sxx : Double.NaN;
    }

    /**
     * What a straight line says about reaching the paper's {@value #PAPER} nats, as one sentence for notebook 07.
     * The extrapolation is stated only when it means something: the curve is still below {@value #PAPER} and
     * rising ({@code 0 < slopePer100}). Otherwise it says that the run is already there, that there is no pace
     * to extrapolate (NaN: fewer than 2 points in the window), or that the curve is not rising.
     *
     * @param last            the latest point of the curve
     * @param slopePer100     {@link #slopePer100} over the last {@code window} epochs
     * @param window          the window the slope was fitted over, in epochs (for the text)
     * @param secondsPerEpoch the run's seconds per epoch (for the time it would take)
     */
    public static String outlook(Point last, double slopePer100, int window, double secondsPerEpoch) {
        if (last.score() >= PAPER) {
            return String.format(Locale.ROOT, "At %.1f nats the run is already at or above the paper's %.0f.",
                    last.score(), PAPER);
        }
        if (Double.isNaN(slopePer100)) {
            return String.format(Locale.ROOT, "Fewer than 2 held-out scores lie in its last %d epochs: too few to"
                    + " say at what pace it is rising.", window);
        }
        if (slopePer100 <= 0) {
            return String.format(Locale.ROOT, "Over its last %d epochs it did not rise (%.1f nats per 100 epochs):"
                    + " at that pace it does not reach %.0f.", window, slopePer100, PAPER);
        }
        double epochs = last.epoch() + (PAPER - last.score()) / slopePer100 * 100;
        return String.format(Locale.ROOT, "Over its last %d epochs it rose %.1f nats per 100 epochs; a straight line"
                + " at that pace meets %.0f near epoch %.0f (%s of training in all); a curve that flattens takes"
                + " longer, if it gets there.", window, slopePer100, PAPER, epochs, hours(secondsPerEpoch * epochs));
    }

    /** The held-out curve as a chart, with the paper's 225 ± 2 as a grey band. */
    public static BufferedImage chart(List<Point> curve, String title) {
        XYChart chart = Charts.lineChart(title, "epoch", "held-out log-likelihood (nats)");
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSE);
        double x0 = 0;
        double x1 = Math.max(1, curve.get(curve.size() - 1).epoch());
        XYSeries band = chart.addSeries("paper, test set: 225 ± 2", new double[]{x0, x1, x1, x0},
                new double[]{PAPER - PAPER_SE, PAPER - PAPER_SE, PAPER + PAPER_SE, PAPER + PAPER_SE});
        band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        band.setFillColor(new Color(150, 150, 150, 120));
        band.setLineColor(new Color(120, 120, 120));
        band.setMarker(SeriesMarkers.NONE);
        XYSeries s = chart.addSeries("held-out valid[1000:10000]", curve.stream().mapToDouble(Point::epoch).toArray(),
                curve.stream().mapToDouble(Point::score).toArray());
        s.setMarker(SeriesMarkers.CIRCLE);
        return Charts.image(chart);
    }

    /**
     * A filmstrip: one row per frame (a label, then the frame's first {@code columns} images), frames top to
     * bottom in the order given.
     *
     * @param frames [n ≥ columns, side²] images per frame; not modified
     */
    public static BufferedImage filmstrip(List<String> labels, List<FMatrixRMaj> frames, int columns, int scale) {
        int side = (int) Math.round(Math.sqrt(frames.get(0).numCols));
        ImageGrid grid = ImageGrid.square(side).columns(columns).scale(scale);
        int labelWidth = 130;
        int rowHeight = grid.height(columns);
        BufferedImage out = new BufferedImage(labelWidth + grid.width(columns), rowHeight * frames.size(),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        for (int i = 0; i < frames.size(); i++) {
            g.drawImage(grid.render(frames.get(i), 0, columns), labelWidth, i * rowHeight, null);
            g.setColor(Color.BLACK);
            g.drawString(labels.get(i), 6, i * rowHeight + rowHeight / 2 + 5);
        }
        g.dispose();
        return out;
    }

    /** Hours as "h:mm". */
    public static String hours(double seconds) {
        long m = Math.round(seconds / 60);
        return String.format(Locale.ROOT, "%d h %02d min", m / 60, m % 60);
    }

    private static List<String> referenceLines() {
        try (InputStream in = LongRun.class.getResourceAsStream("reference-run.csv")) {
            if (in == null) {
                throw new IllegalStateException("reference-run.csv is missing from the jar");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read reference-run.csv", e);
        }
    }

    private static double median(List<Double> v) {
        if (v.isEmpty()) {
            return Double.NaN;
        }
        List<Double> s = new ArrayList<>(v);
        s.sort(null);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }
}
