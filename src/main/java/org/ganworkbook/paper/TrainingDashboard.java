package org.ganworkbook.paper;

import org.ejml.data.FMatrixRMaj;
import org.ganworkbook.gan.GanTrainer;
import org.ganworkbook.gan.TrainingHistory;
import org.ganworkbook.gan.TrainingListener;
import org.ganworkbook.gan.TrainingRecord;
import org.ganworkbook.plot.Charts;
import org.ganworkbook.plot.ImageGrid;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * One picture of a training run for a live notebook display: the two losses, the mean outputs D(x) and
 * D(G(z)) (both against iterations, from the trainer's step records), and G's samples for a fixed set of
 * noise vectors, so the same z can be watched turning into digits epoch after epoch.
 *
 * <pre>{@code
 * var dashboard = new TrainingDashboard(trainer, 30, new SplittableRandom(7));
 * String id = display(dashboard.frame());
 * trainer.addListener(dashboard.listener(frame -> updateDisplay(id, frame), 4));
 * trainer.trainEpochs(10);
 * }</pre>
 * The sample grid is redrawn after every epoch (and by {@link #frame()}); the curves every few records.
 * Only for generators of square grayscale images (MNIST).
 */
public final class TrainingDashboard {

    private static final int CHART_W = 420;
    private static final int CHART_H = 300;

    private final GanTrainer trainer;
    private final FMatrixRMaj z;
    private final int side;
    private BufferedImage samples;
    private String samplesLabel;

    /**
     * @param trainer the run to show (read, never changed)
     * @param count   fixed noise vectors to follow (e.g. 30, drawn in rows of 10)
     * @param rng     draws them once
     */
    public TrainingDashboard(GanTrainer trainer, int count, RandomGenerator rng) {
        this.trainer = trainer;
        this.z = trainer.noise(count, rng);
        int dim = trainer.generator().outputSize();
        this.side = (int) Math.round(Math.sqrt(dim));
        if (side * side != dim) {
            throw new IllegalArgumentException("the dashboard draws square images; G makes " + dim + " values");
        }
    }

    /** The current picture (redraws the samples). */
    public BufferedImage frame() {
        samples = null;
        return compose();
    }

    /**
     * A listener that hands a new picture to {@code show} every {@code everyRecords} step records and after
     * every epoch (with fresh samples).
     */
    public TrainingListener listener(Consumer<BufferedImage> show, int everyRecords) {
        if (everyRecords < 1) {
            throw new IllegalArgumentException("everyRecords must be >= 1, got " + everyRecords);
        }
        return new TrainingListener() {
            private int records;

            @Override
            public void onRecord(TrainingRecord record, GanTrainer t) {
                if (++records % everyRecords == 0) {
                    show.accept(compose());
                }
            }

            @Override
            public void onEpoch(TrainingRecord record, GanTrainer t) {
                samples = null;
                show.accept(compose());
            }
        };
    }

    private BufferedImage compose() {
        if (samples == null) {
            samples = ImageGrid.square(side).columns(10).scale(1).padding(1).render(trainer.generate(z));
            samplesLabel = samplesLabel();
        }
        TrainingHistory h = trainer.history();
        double[] step = h.stepColumn(TrainingRecord::step);
        XYChart losses = chart("Losses (per " + trainer.recordEvery() + " iterations)", "nats");
        XYChart outputs = chart("Mean D outputs (training pass)", "D");
        if (step.length >= 1) {
            double[] x = step.length == 1 ? new double[]{step[0], step[0]} : step;
            losses.addSeries("dLoss", x, pad(h.stepColumn(TrainingRecord::dLoss), x.length)).setMarker(SeriesMarkers.NONE);
            losses.addSeries("gLoss", x, pad(h.stepColumn(TrainingRecord::gLoss), x.length)).setMarker(SeriesMarkers.NONE);
            losses.addSeries("log 2", new double[]{x[0], x[x.length - 1]}, new double[]{Math.log(2), Math.log(2)})
                    .setMarker(SeriesMarkers.NONE).setLineColor(Color.GRAY);
            outputs.addSeries("D(x)", x, pad(h.stepColumn(TrainingRecord::dReal), x.length)).setMarker(SeriesMarkers.NONE);
            outputs.addSeries("D(G(z))", x, pad(h.stepColumn(TrainingRecord::dFake), x.length)).setMarker(SeriesMarkers.NONE);
            outputs.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
        } else {
            losses.addSeries("dLoss", new double[]{0}, new double[]{Math.log(2)}).setMarker(SeriesMarkers.NONE);
            outputs.addSeries("D(x)", new double[]{0}, new double[]{0.5}).setMarker(SeriesMarkers.NONE);
        }
        BufferedImage a = Charts.image(losses);
        BufferedImage b = Charts.image(outputs);
        int gridScale = Math.max(1, (CHART_H - 30) / samples.getHeight());
        int sw = samples.getWidth() * gridScale;
        int sh = samples.getHeight() * gridScale;
        BufferedImage out = new BufferedImage(2 * CHART_W + sw + 20, CHART_H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.drawImage(a, 0, 0, null);
        g.drawImage(b, CHART_W, 0, null);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g.drawImage(samples, 2 * CHART_W + 10, 24, sw, sh, null);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        g.drawString(samplesLabel, 2 * CHART_W + 10, 16);
        g.dispose();
        return out;
    }

    /** What the grid shows and when it was drawn, e.g. "... after epoch 2 (step 100)", "... epoch 3, iteration 30 (step 130)". */
    String samplesLabel() {
        GanTrainer t = trainer;
        String when = t.iterationInEpoch() == 0
                ? (t.epoch() == 1 ? "before training" : "after epoch " + (t.epoch() - 1))
                : "epoch " + t.epoch() + ", iteration " + t.iterationInEpoch();
        return "G(z) for " + z.numRows + " fixed z, " + when + " (step " + t.step() + ")";
    }

    private static XYChart chart(String title, String yTitle) {
        XYChart c = new XYChartBuilder().width(CHART_W).height(CHART_H).title(title).xAxisTitle("iteration")
                .yAxisTitle(yTitle).build();
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        c.getStyler().setMarkerSize(0);
        c.getStyler().setChartBackgroundColor(Color.WHITE);
        c.getStyler().setChartTitleFont(c.getStyler().getChartTitleFont().deriveFont(13f));
        return c;
    }

    private static double[] pad(double[] y, int n) {
        if (y.length == n) {
            return y;
        }
        double[] out = new double[n];
        java.util.Arrays.fill(out, y.length > 0 ? y[0] : Double.NaN);
        return out;
    }
}
