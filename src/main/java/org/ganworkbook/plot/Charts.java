package org.ganworkbook.plot;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * XChart charts in one call, as pictures: a notebook cell ends with {@code Charts.lines(...)} and the
 * kernel shows a PNG. For anything more, build the chart with {@link #lineChart} or
 * {@link #barChart}, adjust it, and finish with {@link #image}. Never opens a window (works headless).
 *
 * <pre>{@code
 * Charts.lines("Losses", "step", "nats", steps, Map.of("dLoss", dLoss, "gLoss", gLoss))
 * }</pre>
 */
public final class Charts {

    /** Default picture width in pixels. */
    public static final int WIDTH = 640;
    /** Default picture height in pixels. */
    public static final int HEIGHT = 400;

    private Charts() {
    }

    /** @return an empty line chart in the workbook's style (no markers, legend inside, top right) */
    public static XYChart lineChart(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        chart.getStyler().setMarkerSize(0);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        return chart;
    }

    /** @return an empty bar chart in the workbook's style */
    public static CategoryChart barChart(String title, String xTitle, String yTitle) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        return chart;
    }

    /**
     * Draws one line per entry of {@code series} against the shared {@code x}.
     *
     * @param x the x values. Not modified.
     * @param series name to y values (each as long as {@code x}), drawn in iteration order. Not modified.
     * @return the chart as a picture
     */
    public static BufferedImage lines(String title, String xTitle, String yTitle, double[] x,
                                      Map<String, double[]> series) {
        XYChart chart = lineChart(title, xTitle, yTitle);
        series.forEach((name, y) -> {
            if (y.length != x.length) {
                throw new IllegalArgumentException("series '" + name + "' has " + y.length + " values but x has " + x.length);
            }
            chart.addSeries(name, x, y).setMarker(SeriesMarkers.NONE);
        });
        if (series.size() == 1) {
            chart.getStyler().setLegendVisible(false);
        }
        return image(chart);
    }

    /**
     * Draws grouped bars: one group per category, one bar per entry of {@code series}.
     *
     * @param categories the labels along x
     * @param series name to one value per category, drawn in iteration order. Not modified.
     * @return the chart as a picture
     */
    public static BufferedImage bars(String title, String xTitle, String yTitle, List<String> categories,
                                     Map<String, double[]> series) {
        CategoryChart chart = barChart(title, xTitle, yTitle);
        series.forEach((name, y) -> {
            if (y.length != categories.size()) {
                throw new IllegalArgumentException("series '" + name + "' has " + y.length + " values but there are "
                        + categories.size() + " categories");
            }
            chart.addSeries(name, categories, java.util.Arrays.stream(y).boxed().toList());
        });
        if (series.size() == 1) {
            chart.getStyler().setLegendVisible(false);
        }
        return image(chart);
    }

    /**
     * @return the chart rendered at its own size (XChart's {@code BitmapEncoder}). An XY chart keeps round
     *     x tick values (see {@link #withRoundTicks}).
     */
    public static BufferedImage image(Chart<?, ?> chart) {
        Objects.requireNonNull(chart, "chart");
        if (chart instanceof XYChart xy) {
            return withRoundTicks(xy, () -> BitmapEncoder.getBufferedImage(xy));
        }
        return BitmapEncoder.getBufferedImage(chart);
    }

    /** Name of the invisible helper series of {@link #withRoundTicks}. */
    static final String TICK_HELPER = "\u200bticks";

    /**
     * Runs {@code render} with round x ticks. XChart puts the x ticks of a chart whose x values are all
     * equally spaced (any {@code Grid1d}) on every j-th data value, which gives labels like -4.16, -3.32;
     * for other x values it picks round steps. So while {@code render} runs, the chart holds one invisible
     * one-point series (no line, no marker, not in the legend) between its first two x values; it is
     * removed afterwards, so the chart is left as it was.
     */
    static <T> T withRoundTicks(XYChart chart, java.util.function.Supplier<T> render) {
        XYSeries first = null;
        for (XYSeries s : chart.getSeriesMap().values()) {
            if (s.getXData().length >= 2 && Double.isFinite(s.getXData()[0]) && Double.isFinite(s.getXData()[1])
                    && Double.isFinite(s.getYData()[0])) {
                first = s;
                break;
            }
        }
        if (first == null || chart.getSeriesMap().containsKey(TICK_HELPER)) {
            return render.get();
        }
        double[] x = first.getXData();
        XYSeries helper = chart.addSeries(TICK_HELPER, new double[] {x[0] + 0.37 * (x[1] - x[0])},
                new double[] {first.getYData()[0]});
        helper.setMarker(SeriesMarkers.NONE);
        helper.setShowInLegend(false);
        try {
            return render.get();
        } finally {
            chart.removeSeries(TICK_HELPER);
        }
    }
}
