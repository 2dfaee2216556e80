package org.ganworkbook.paper;

import org.ganworkbook.data.Splits;
import org.ganworkbook.eval.ParzenConfig;
import org.ganworkbook.gan.GanTrainer;
import org.ganworkbook.gan.TrainingListener;
import org.ganworkbook.gan.TrainingRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Held-out monitoring while {@code train} runs, as the authors' lab stopped its runs (paper-setup §4, issue 13):
 * every {@code every} epochs the generator is scored by the selection half of the Parzen protocol —
 * {@link ParzenConfig#numSamples()} samples (10,000), sigma chosen on valid[0:1000], the mean log-likelihood of
 * valid[1000:10000] at that sigma — exactly what {@code evaluate --no-test} (and {@code evaluate --select}'s
 * choosing pass) computes, with the same noise seed, so its numbers can be checked there. The test set is never
 * read. Each score becomes a row of {@link HeldOutLog}; {@link BestCheckpoint} keeps {@code best.ckpt}; the
 * images of {@link FixedNoiseSheets}' fixed noise are saved as a sheet.
 *
 * <p>It changes nothing in the training: it draws its noise from its own {@link SplittableRandom} (the
 * training's streams are derived per iteration from the run's seed and are never touched), and runs G in
 * evaluation mode on workspaces of its own. A run resumed after a {@code kill -9} goes on with the same rows:
 * {@link #start} scores the resumed epoch if it is a monitoring epoch whose row was lost, and an epoch already
 * scored is never scored again. Time spent here is not counted in the trainer's it/s, but is in its wall time.
 */
public final class HeldOutMonitor implements TrainingListener {

    /** Default epochs between two evaluations (see README: under 5 % of the training time at this value). */
    public static final int DEFAULT_EVERY = 25;
    /** Default noise seed: that of {@code evaluate}, so the same samples are scored at every epoch. */
    public static final long DEFAULT_SEED = 2014;

    private final Path runDir;
    private final Splits splits;
    private final ParzenConfig protocol;
    private final int every;
    private final long noiseSeed;
    private final Consumer<String> lines;
    private HeldOutLog log;
    private BestCheckpoint best;
    private HeldOutLog.Row latest;

    /**
     * @param runDir    the run folder ({@code --out})
     * @param splits    the data set's splits; only {@code valid} is read (MNIST: 10,000 held-out images)
     * @param protocol  {@link ParzenConfig#paperMnist()} (fewer samples only for tests)
     * @param every     epochs between two evaluations, at least 1
     * @param noiseSeed seed of the generator samples, the same at every evaluation
     * @param lines     receives one line of text per evaluation (for a log); not called by the trainer's other work
     */
    public HeldOutMonitor(Path runDir, Splits splits, ParzenConfig protocol, int every, long noiseSeed,
                          Consumer<String> lines) {
        if (every < 1) {
            throw new IllegalArgumentException("every must be >= 1 epoch, got " + every);
        }
        this.runDir = runDir;
        this.splits = splits;
        this.protocol = protocol;
        this.every = every;
        this.noiseSeed = noiseSeed;
        this.lines = lines;
    }

    /**
     * Opens the log (repairing it, or importing {@value HeldOutLog#LEGACY} once), reconciles {@code best.ckpt},
     * and scores the trainer's current epoch if it is a monitoring epoch not scored yet (a row lost to a kill -9).
     * The untrained generator (epoch 0) is not scored: it draws the mean image, and scoring it would add an
     * evaluation to every short run.
     */
    public void start(GanTrainer trainer) throws IOException {
        int done = trainer.epoch() - 1;
        log = HeldOutLog.open(runDir, trainer.iterationsPerEpoch(), done);
        best = BestCheckpoint.reconcile(runDir, log);
        latest = log.rows().isEmpty() ? null : log.rows().get(log.rows().size() - 1);
        if (trainer.iterationInEpoch() == 0 && done > 0 && done % every == 0) { // epoch 0: the mean image, not scored
            monitor(trainer);
        }
    }

    @Override
    public void onEpoch(TrainingRecord record, GanTrainer trainer) {
        if ((trainer.epoch() - 1) % every == 0) {
            try {
                monitor(trainer);
            } catch (IOException e) {
                throw new UncheckedIOException("held-out monitoring cannot write in " + runDir, e);
            }
        }
    }

    /** Scores the trainer's generator now, unless this epoch has a row already; returns the row (new or old). */
    HeldOutLog.Row monitor(GanTrainer trainer) throws IOException {
        if (log == null) {
            throw new IllegalStateException("call start(trainer) before training");
        }
        int done = trainer.epoch() - 1;
        if (log.row(done).isPresent()) {
            return log.row(done).get();
        }
        ParzenEvaluation e = ParzenEvaluation.heldOutOnly(trainer.generator(), trainer.config().noise(), splits, protocol, new SplittableRandom(noiseSeed));
        if (e.heldOut() == null) {
            throw new IllegalStateException("no held-out images are left after the " + e.sigmaSelection().validationSize()
                    + " that choose sigma");
        }
        FixedNoiseSheets.write(runDir, done, FixedNoiseSheets.images(trainer.generator(), trainer.config().noise()));
        boolean better = best.offer(trainer, e.heldOutMean()); // before the row: the file is never behind the log
        HeldOutLog.Row row = new HeldOutLog.Row(done, trainer.step(), e.sigma(), e.heldOutMean(),
                e.heldOut().standardError(), e.numSamples(), e.sigmaSelection().validationSize(), e.heldOut().n(),
                e.wallTime().toNanos() / 1e9, "train");
        log.append(row);
        latest = row;
        lines.accept(String.format(Locale.ROOT, "held-out epoch %d: %.2f ± %.2f nats (sigma %.4f, %d samples, %d images,"
                        + " %.1f s)%s; %s", done, row.score(), row.standardError(), row.sigma(), row.samples(),
                row.scoredImages(), row.seconds(), better ? " NEW BEST, saved " + best.file().getFileName() : "",
                bestText()));
        return row;
    }

    /** "held-out 205.3 (best 205.3 @550)" for a progress bar; empty before the first score. */
    public String status() {
        if (latest == null) {
            return "";
        }
        return String.format(Locale.ROOT, "held-out %.1f @%d (best %s)", latest.score(), latest.epoch(),
                best.epoch() < 0 ? "none" : String.format(Locale.ROOT, "%.1f @%d", best.score(), best.epoch()));
    }

    private String bestText() {
        return best.epoch() < 0 ? "no best.ckpt yet"
                : String.format(Locale.ROOT, "best %.2f at epoch %d (%s)", best.score(), best.epoch(),
                best.file().getFileName());
    }

    /** The log (after {@link #start}). */
    public HeldOutLog log() {
        return log;
    }

    /** The best checkpoint's state (after {@link #start}). */
    public BestCheckpoint best() {
        return best;
    }
}
