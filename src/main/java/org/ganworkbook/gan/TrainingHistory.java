package org.ganworkbook.gan;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The record of a training run: one {@link TrainingRecord} every {@link GanTrainer#recordEvery()}
 * iterations and one per epoch, with the config and seed they came from. {@link #steps()} and
 * {@link #epochs()} give them as Tablesaw tables (columns {@code step, epoch, steps, dLoss, gLoss,
 * dReal, dFake, lr, momentum, itPerSec, wallSeconds}); a NaN cell means "not computed".
 *
 * <p>A trainer resumed from a checkpoint starts a new history at the checkpoint's step; the command line
 * also appends every record to a CSV file next to its checkpoints, so nothing is lost.
 */
public final class TrainingHistory {

    private final GanConfig config;
    private final long seed;
    private final List<TrainingRecord> stepRecords = new ArrayList<>();
    private final List<TrainingRecord> epochRecords = new ArrayList<>();

    TrainingHistory(GanConfig config, long seed) {
        this.config = config;
        this.seed = seed;
    }

    void addStep(TrainingRecord r) {
        stepRecords.add(r);
    }

    void addEpoch(TrainingRecord r) {
        epochRecords.add(r);
    }

    /** The config of the run (at its start). */
    public GanConfig config() {
        return config;
    }

    /** The seed of the run. */
    public long seed() {
        return seed;
    }

    /** Records every N iterations (read-only view). */
    public List<TrainingRecord> stepRecords() {
        return Collections.unmodifiableList(stepRecords);
    }

    /** One record per completed epoch (read-only view). */
    public List<TrainingRecord> epochRecords() {
        return Collections.unmodifiableList(epochRecords);
    }

    /** The records every N iterations as a table. */
    public Table steps() {
        return table("Training every N steps (" + config.name() + ", seed " + seed + ")", stepRecords);
    }

    /** The per-epoch records as a table. */
    public Table epochs() {
        return table("Training per epoch (" + config.name() + ", seed " + seed + ")", epochRecords);
    }

    /** One quantity of the step records, e.g. {@code column(TrainingRecord::dLoss)}, for plotting. */
    public double[] stepColumn(ToDoubleFunction<TrainingRecord> f) {
        return stepRecords.stream().mapToDouble(f).toArray();
    }

    /** One quantity of the epoch records. */
    public double[] epochColumn(ToDoubleFunction<TrainingRecord> f) {
        return epochRecords.stream().mapToDouble(f).toArray();
    }

    /** Records as a table with one row per record. */
    public static Table table(String name, List<TrainingRecord> records) {
        int n = records.size();
        long[] step = new long[n];
        int[] epoch = new int[n];
        int[] steps = new int[n];
        double[] dLoss = new double[n];
        double[] gLoss = new double[n];
        double[] dReal = new double[n];
        double[] dFake = new double[n];
        float[] lr = new float[n];
        float[] mu = new float[n];
        double[] speed = new double[n];
        double[] wall = new double[n];
        for (int i = 0; i < n; i++) {
            TrainingRecord r = records.get(i);
            step[i] = r.step();
            epoch[i] = r.epoch();
            steps[i] = r.steps();
            dLoss[i] = r.dLoss();
            gLoss[i] = r.gLoss();
            dReal[i] = r.dReal();
            dFake[i] = r.dFake();
            lr[i] = r.learningRate();
            mu[i] = r.momentum();
            speed[i] = r.itersPerSecond();
            wall[i] = r.wallSeconds();
        }
        return Table.create(name,
                LongColumn.create("step", step), IntColumn.create("epoch", epoch), IntColumn.create("steps", steps),
                shown(DoubleColumn.create("dLoss", dLoss), "0.0000"), shown(DoubleColumn.create("gLoss", gLoss), "0.0000"),
                shown(DoubleColumn.create("dReal", dReal), "0.0000"), shown(DoubleColumn.create("dFake", dFake), "0.0000"),
                shown(FloatColumn.create("lr", lr), "0.000000"), shown(FloatColumn.create("momentum", mu), "0.0000"),
                shown(DoubleColumn.create("itPerSec", speed), "0.0"), shown(DoubleColumn.create("wallSeconds", wall), "0.0"));
    }

    /** The column printed with a fixed pattern (the values keep their full precision). */
    private static <C extends tech.tablesaw.api.NumberColumn<?, ?>> C shown(C column, String pattern) {
        column.setPrintFormatter(new NumberColumnFormatter(
                new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(java.util.Locale.ROOT))));
        return column;
    }

    @Override
    public String toString() {
        String last = epochRecords.isEmpty()
                ? (stepRecords.isEmpty() ? "nothing recorded yet" : "last: " + stepRecords.get(stepRecords.size() - 1))
                : "last epoch: " + epochRecords.get(epochRecords.size() - 1);
        return "TrainingHistory[" + config.name() + ", seed " + seed + ", " + stepRecords.size() + " step records, "
                + epochRecords.size() + " epoch records; " + last + "]";
    }
}
