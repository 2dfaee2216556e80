package org.ganworkbook.paper;

import org.ejml.data.FMatrixRMaj;
import org.ganworkbook.gan.Frozen;
import org.ganworkbook.gan.GanConfig;
import org.ganworkbook.gan.GanData;
import org.ganworkbook.gan.GanTrainer;
import org.ganworkbook.gan.TrainingResult;
import org.ganworkbook.sampling.GaussianMixture2d;
import org.ganworkbook.theory.ModeCoverage;
import org.ganworkbook.theory.SamplePile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * A GAN trained on a 2-D Gaussian mixture under one update schedule, with the numbers of mode collapse
 * recorded as it trains (notebook 06; paper §6, the "Helvetica scenario").
 *
 * <p>A {@link Schedule} says how many discriminator steps and generator steps make one round:
 * {@link Schedule#algorithm1(int)} is Algorithm 1 with k D steps per G step; {@link Schedule#staleDiscriminator(int)}
 * is one D step per g G steps (G "trained too much without updating D"); {@link Schedule#frozenDiscriminator()}
 * never updates D. Every {@code noteEvery} generator steps the run counts the modes covered by
 * {@link #SAMPLES} samples from the same z each time (so the count changes only when G does), adds the count
 * to its trace and the covered modes to the set of modes visited, and calls the listener (a live picture,
 * say). The run stops early, cleanly, when the thread is interrupted (the kernel's stop button).
 */
public final class MixtureRun {

    /** Samples behind every count, drawn from the same z each time. */
    public static final int SAMPLES = 2000;
    /** What "the same place" means for {@link #pile()}: a radius of 0.25 (5σ of the ring's modes). */
    public static final double PILE_RADIUS = 0.25;
    /** Grid points per side over which {@link #discriminatorPeak(double)} looks for D's maximum. */
    public static final int PEAK_GRID = 121;

    /** D steps and G steps per round; {@code dSteps = 0} freezes D. */
    public record Schedule(String name, int dSteps, int gSteps) {
        public Schedule {
            if (dSteps < 0 || gSteps < 1 || (dSteps > 1 && gSteps > 1)) {
                throw new IllegalArgumentException("a schedule is k >= 0 D steps per G step, or 1 D step per g >= 1 G "
                        + "steps; got " + dSteps + " D steps per " + gSteps + " G steps");
            }
        }

        /** Algorithm 1: k discriminator steps, then one generator step. */
        public static Schedule algorithm1(int k) {
            if (k < 1) {
                throw new IllegalArgumentException("k must be >= 1, got " + k);
            }
            return new Schedule("Algorithm 1, k = " + k, k, 1);
        }

        /** One discriminator step per {@code g} generator steps. */
        public static Schedule staleDiscriminator(int g) {
            return new Schedule("1 D step per " + g + " G steps", 1, g);
        }

        /** Only the generator trains; D stays as it is. */
        public static Schedule frozenDiscriminator() {
            return new Schedule("D frozen", 0, 1);
        }
    }

    private final GanTrainer trainer;
    private final GaussianMixture2d target;
    private final GanConfig base;
    private Schedule schedule;
    private final List<double[]> trace = new ArrayList<>();
    private final TreeSet<Integer> visited = new TreeSet<>();
    private long generatorSteps;

    private MixtureRun(GanTrainer trainer, GaussianMixture2d target, Schedule schedule) {
        this.trainer = trainer;
        this.target = target;
        this.base = trainer.config().withFrozen(Frozen.NONE);
        this.schedule = schedule;
    }

    /** A fresh GAN from {@code seed}, to be trained on samples of {@code target} under {@code schedule}. */
    public static MixtureRun start(GanConfig config, GaussianMixture2d target, Schedule schedule, long seed) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(schedule, "schedule");
        GanConfig named = config.withName(schedule.name() + ", seed " + seed);
        return new MixtureRun(GanTrainer.create(named, GanData.of(target, named.batchSize()), seed), target, schedule);
    }

    /** Goes on under another schedule (e.g. freeze D after a warm-up); the trace goes on too. */
    public MixtureRun switchTo(Schedule next) {
        this.schedule = Objects.requireNonNull(next, "schedule");
        return this;
    }

    /**
     * Trains {@code steps} more generator steps under the current schedule, noting the coverage every
     * {@code noteEvery} generator steps (and at the end) and calling {@code onNote} after each note.
     *
     * @return true if all steps ran, false if the run was interrupted or stopped
     */
    public boolean train(int steps, int noteEvery, Consumer<MixtureRun> onNote) {
        if (steps < 0 || noteEvery < 1) {
            throw new IllegalArgumentException("steps must be >= 0 and noteEvery >= 1, got " + steps + ", " + noteEvery);
        }
        Consumer<MixtureRun> listener = onNote == null ? r -> { } : onNote;
        long end = generatorSteps + steps;
        while (generatorSteps < end) {
            int chunk = (int) Math.min(noteEvery - generatorSteps % noteEvery, end - generatorSteps);
            if (!trainGeneratorSteps(chunk)) {
                note(listener);
                return false;
            }
            if (generatorSteps % noteEvery == 0 || generatorSteps == end) {
                note(listener);
            }
        }
        return true;
    }

    /**
     * Trains D alone for {@code steps} steps against the current G (G fixed): the inner loop of Algorithm 1
     * run on its own, which takes D towards D*_G = p_data / (p_data + p_g) (Proposition 1). Generator steps,
     * the trace and the schedule are unchanged.
     *
     * @return true if all steps ran, false if the run was interrupted or stopped
     */
    public boolean trainDiscriminatorAlone(int steps) {
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be >= 0, got " + steps);
        }
        trainer.setConfig(base.withK(1).withFrozen(Frozen.GENERATOR));
        return trainer.trainSteps(steps).completed();
    }

    private boolean trainGeneratorSteps(int steps) {
        if (schedule.dSteps() == 0) {
            trainer.setConfig(base.withFrozen(Frozen.DISCRIMINATOR));
            return advance(trainer.trainSteps(steps), steps);
        }
        if (schedule.gSteps() == 1) {
            trainer.setConfig(base.withK(schedule.dSteps()));
            return advance(trainer.trainSteps(steps), steps);
        }
        for (int done = 0; done < steps; ) {
            int g = Math.min(schedule.gSteps(), steps - done);
            if (generatorSteps % schedule.gSteps() == 0) {
                trainer.setConfig(base.withK(1).withFrozen(Frozen.GENERATOR));
                if (!trainer.trainSteps(1).completed()) {
                    return false;
                }
            }
            trainer.setConfig(base.withFrozen(Frozen.DISCRIMINATOR));
            if (!advance(trainer.trainSteps(g), g)) {
                return false;
            }
            done += g;
        }
        return true;
    }

    private boolean advance(TrainingResult result, int steps) {
        generatorSteps += result.completed() ? steps : 0;
        return result.completed();
    }

    private void note(Consumer<MixtureRun> listener) {
        ModeCoverage cov = coverage();
        trace.add(new double[] {generatorSteps, cov.modesCovered()});
        for (int k = 0; k < target.modes(); k++) {
            if (cov.isCovered(k)) {
                visited.add(k);
            }
        }
        listener.accept(this);
    }

    /** @return {@link #SAMPLES} samples G(z), always from the same z, as interleaved (x, y) */
    public float[] samples() {
        return trainer.sample(SAMPLES, new SplittableRandom(1)).data;
    }

    /** @return the modes {@link #samples()} cover now */
    public ModeCoverage coverage() {
        return ModeCoverage.of(samples(), target);
    }

    /** @return how much of {@link #samples()} sits in one pile of radius {@link #PILE_RADIUS} */
    public SamplePile pile() {
        return SamplePile.of(samples(), PILE_RADIUS);
    }

    /** @return the mean of D(G(z)) over {@link #samples()} */
    public double meanDOfSamples() {
        float[] xy = samples();
        double s = 0;
        for (double d : d(xy)) {
            s += d;
        }
        return s / (xy.length / 2);
    }

    /** @return D at each interleaved (x, y) of {@code xy} */
    public double[] d(float[] xy) {
        return trainer.discriminate(new FMatrixRMaj(xy.length / 2, 2, true, xy));
    }

    /**
     * Where D is highest on a {@link #PEAK_GRID}² grid over [-extent, extent]²: {x, y, D(x, y)}.
     */
    public double[] discriminatorPeak(double extent) {
        int n = PEAK_GRID;
        float[] xy = new float[2 * n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                xy[2 * (i * n + j)] = (float) (-extent + 2 * extent * j / (n - 1));
                xy[2 * (i * n + j) + 1] = (float) (-extent + 2 * extent * i / (n - 1));
            }
        }
        double[] d = d(xy);
        int best = 0;
        for (int q = 1; q < d.length; q++) {
            if (d[q] > d[best]) {
                best = q;
            }
        }
        return new double[] {xy[2 * best], xy[2 * best + 1], d[best]};
    }

    /** @return the share of {@link #samples()} within {@link #PILE_RADIUS} of D's peak over [-extent, extent]² */
    public double shareAtDiscriminatorPeak(double extent) {
        double[] peak = discriminatorPeak(extent);
        return pile().shareNear(peak[0], peak[1]);
    }

    /** @return the distance from the centre of the biggest {@link #pile()} to the nearest mode centre */
    public double pileToNearestMode() {
        SamplePile p = pile();
        int k = target.nearestMode(p.pileX(), p.pileY());
        return Math.hypot(p.pileX() - target.centreX(k), p.pileY() - target.centreY(k));
    }

    /**
     * @return the distance from the centre of the biggest {@link #pile()} to where D is highest on the
     *         grid over [-extent, extent]² ({@link #discriminatorPeak(double)})
     */
    public double pileToDiscriminatorPeak(double extent) {
        SamplePile p = pile();
        double[] peak = discriminatorPeak(extent);
        return Math.hypot(p.pileX() - peak[0], p.pileY() - peak[1]);
    }

    /** @return the modes covered at some note of this run */
    public int modesVisited() {
        return visited.size();
    }

    /** @return the mean number of modes covered over the second half of the notes */
    public double meanCoveredSecondHalf() {
        return trace.stream().skip(trace.size() / 2).mapToDouble(x -> x[1]).average().orElse(0);
    }

    /** @return the generator steps of each note */
    public double[] traceSteps() {
        return trace.stream().mapToDouble(x -> x[0]).toArray();
    }

    /** @return the modes covered at each note */
    public double[] traceModes() {
        return trace.stream().mapToDouble(x -> x[1]).toArray();
    }

    /** @return generator steps trained so far */
    public long generatorSteps() {
        return generatorSteps;
    }

    /** @return the run's name: schedule and seed */
    public String name() {
        return schedule.name() + ", seed " + trainer.seed();
    }

    /** @return the current schedule */
    public Schedule schedule() {
        return schedule;
    }

    /** @return the trainer (its G and D) */
    public GanTrainer trainer() {
        return trainer;
    }

    /** @return the target mixture */
    public GaussianMixture2d target() {
        return target;
    }

    /** @return the modes covered at each note, as an unmodifiable list of {G step, modes} rows */
    public List<double[]> trace() {
        return Collections.unmodifiableList(trace);
    }
}
