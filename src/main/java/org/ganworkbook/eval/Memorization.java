package org.ganworkbook.eval;

import org.ejml.data.FMatrixRMaj;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Has the generator memorised its training set? Figure 2 of Goodfellow et al. 2014 answers with one
 * nearest training image per row of samples; on a small data set (Olivetti: 300 training faces) a number
 * is more convincing. Three sets of Euclidean pixel distances to the nearest training image:
 * <ul>
 *   <li>{@code samples}: generator samples (a memorising G puts them at about 0: copies);</li>
 *   <li>{@code heldOut}: real images the GAN never saw (what "new" looks like);</li>
 *   <li>{@code training}: each training image to the nearest <em>other</em> training image (leave one out:
 *       how close two different real photos come, e.g. of the same person).</li>
 * </ul>
 * A sample closer to its nearest training image than almost any two training images are to each other
 * ({@link #copyThreshold()}: the 5th percentile of {@code training}) is counted as a near-copy.
 *
 * @param samples          per sample, the distance to its nearest training image
 * @param heldOut          per held-out image, the distance to its nearest training image
 * @param training         per training image, the distance to its nearest other training image
 * @param sampleNeighbours per sample, the index of its nearest training image
 */
public record Memorization(double[] samples, double[] heldOut, double[] training, int[] sampleNeighbours) {

    /** Percentile of the leave-one-out distances below which a sample counts as a near-copy. */
    public static final double COPY_PERCENTILE = 5;

    public Memorization {
        samples = samples.clone();
        heldOut = heldOut.clone();
        training = training.clone();
        sampleNeighbours = sampleNeighbours.clone();
    }

    /**
     * Measures the three sets of distances (exact, {@link NearestNeighbours}).
     *
     * @param training the training images [n, d], n ≥ 2; not modified
     * @param samples  generator samples [m, d]; not modified
     * @param heldOut  images the model never trained on [h, d]; not modified
     */
    public static Memorization of(FMatrixRMaj training, FMatrixRMaj samples, FMatrixRMaj heldOut) {
        if (training.numRows < 2) {
            throw new IllegalArgumentException("need at least 2 training images for leave-one-out distances");
        }
        NearestNeighbours search = NearestNeighbours.of(training);
        Neighbour[] s = search.nearest(samples);
        Neighbour[] h = search.nearest(heldOut);
        Neighbour[][] t = search.nearest(training, 2);
        double[] loo = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            // the nearest is the image itself (distance 0) unless an exact duplicate came first
            loo[i] = (t[i][0].index() == i ? t[i][1] : t[i][0]).distance();
        }
        return new Memorization(distances(s), distances(h), loo, Arrays.stream(s).mapToInt(Neighbour::index).toArray());
    }

    /** Per sample, the distance to its nearest training image (a copy). */
    @Override
    public double[] samples() {
        return samples.clone();
    }

    /** Per held-out image, the distance to its nearest training image (a copy). */
    @Override
    public double[] heldOut() {
        return heldOut.clone();
    }

    /** Per training image, the distance to its nearest other training image (a copy). */
    @Override
    public double[] training() {
        return training.clone();
    }

    /** Per sample, its nearest training image (a copy). */
    @Override
    public int[] sampleNeighbours() {
        return sampleNeighbours.clone();
    }

    private static double[] distances(Neighbour[] n) {
        return Arrays.stream(n).mapToDouble(Neighbour::distance).toArray();
    }

    /** The {@code p}-th percentile (0..100) of {@code values}, by linear interpolation (numpy's default). */
    public static double percentile(double[] values, double p) {
        if (values.length == 0 || !(p >= 0 && p <= 100)) {
            throw new IllegalArgumentException("need values and a percentile in [0, 100], got " + values.length
                    + " values and " + p);
        }
        double[] v = values.clone();
        Arrays.sort(v);
        double pos = p / 100 * (v.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, v.length - 1);
        return v[lo] + (pos - lo) * (v[hi] - v[lo]);
    }

    /** Distance below which a sample counts as a near-copy: the 5th percentile of the training distances. */
    public double copyThreshold() {
        return percentile(training, COPY_PERCENTILE);
    }

    /** Share of samples nearer to a training image than {@link #copyThreshold()}. */
    public double nearCopyShare() {
        double t = copyThreshold();
        return Arrays.stream(samples).filter(d -> d < t).count() / (double) samples.length;
    }

    /** How many different training images are the nearest one to some sample (1 = every sample looks alike). */
    public int distinctNeighbours() {
        return (int) Arrays.stream(sampleNeighbours).distinct().count();
    }

    /**
     * Histograms of the three sets over common bins from 0 to the largest distance: the bin centres, and per
     * set (samples, held-out, training) the share of its values in each bin.
     */
    public Histogram histogram(int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be >= 1, got " + bins);
        }
        double max = 0;
        for (double[] set : new double[][]{samples, heldOut, training}) {
            for (double d : set) {
                max = Math.max(max, d);
            }
        }
        double width = max > 0 ? max * 1.0001 / bins : 1;
        double[] centres = new double[bins];
        for (int b = 0; b < bins; b++) {
            centres[b] = (b + 0.5) * width;
        }
        Map<String, double[]> shares = new LinkedHashMap<>();
        shares.put("samples to training", shares(samples, bins, width));
        shares.put("held-out faces to training", shares(heldOut, bins, width));
        shares.put("training to other training", shares(training, bins, width));
        return new Histogram(centres, shares);
    }

    private static double[] shares(double[] values, int bins, double width) {
        double[] s = new double[bins];
        for (double d : values) {
            s[Math.min(bins - 1, (int) (d / width))] += 1.0 / values.length;
        }
        return s;
    }

    /**
     * Binned distances.
     *
     * @param centres bin centres
     * @param shares  per set, the share of its values in each bin
     */
    public record Histogram(double[] centres, Map<String, double[]> shares) {
    }

    /** One row per set: count, 5th / 50th / 95th percentile, mean; then the near-copy numbers in the title. */
    public Table table() {
        String[] names = {"samples to nearest training image", "held-out images to nearest training image",
                "training images to nearest other training image"};
        double[][] sets = {samples, heldOut, training};
        DoubleColumn p5 = DoubleColumn.create("5th percentile");
        DoubleColumn median = DoubleColumn.create("median");
        DoubleColumn p95 = DoubleColumn.create("95th percentile");
        IntColumn count = IntColumn.create("count");
        for (double[] set : sets) {
            count.append(set.length);
            p5.append(round(percentile(set, 5)));
            median.append(round(percentile(set, 50)));
            p95.append(round(percentile(set, 95)));
        }
        return Table.create(String.format(java.util.Locale.ROOT,
                "Euclidean pixel distances; near-copies (below %.2f): %.1f%% of samples; %d different training images"
                        + " are nearest to some sample",
                copyThreshold(), 100 * nearCopyShare(), distinctNeighbours()),
                StringColumn.create("distance", names), count, p5, median, p95);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT,
                "Memorization[median distance to the nearest training image: samples %.2f, held-out %.2f; training"
                        + " to other training %.2f; near-copies %.1f%% of %d samples (below %.2f); %d distinct"
                        + " nearest training images]",
                percentile(samples, 50), percentile(heldOut, 50), percentile(training, 50), 100 * nearCopyShare(),
                samples.length, copyThreshold(), distinctNeighbours());
    }
}
