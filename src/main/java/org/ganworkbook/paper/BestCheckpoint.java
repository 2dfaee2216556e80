package org.ganworkbook.paper;

import org.ganworkbook.gan.Checkpoint;
import org.ganworkbook.gan.GanTrainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code best.ckpt} of a run folder: the checkpoint with the highest held-out score in the run's
 * {@link HeldOutLog} (never the test set). A new score replaces it only if strictly higher than the score
 * of the epoch that {@code best.ckpt} holds now, so ties keep the earlier checkpoint. Writes are atomic
 * ({@link Checkpoint#write}), and happen before the score's row is appended: after a {@code kill -9} the
 * file is never behind the log.
 *
 * <p>At start ({@link #reconcile}): a {@code best.ckpt} from an older run folder (chosen by
 * {@code evaluate --select}) is kept if its epoch's score is the best known; if a better-scored epoch's
 * {@code epoch-NNNN.ckpt} is still there, that one is copied over it; a {@code best.ckpt} whose epoch the log
 * does not know counts as unscored and the next evaluation replaces it.
 */
public final class BestCheckpoint {

    /** File name in the run folder. */
    public static final String FILE = "best.ckpt";

    private final Path file;
    private int epoch;
    private double score;

    private BestCheckpoint(Path file, int epoch, double score) {
        this.file = file;
        this.epoch = epoch;
        this.score = score;
    }

    /** Reads what {@code best.ckpt} holds (if anything) and brings it in line with {@code log}. */
    public static BestCheckpoint reconcile(Path runDir, HeldOutLog log) throws IOException {
        Path file = runDir.resolve(FILE);
        int epoch = -1;
        double score = Double.NEGATIVE_INFINITY;
        if (Files.isRegularFile(file)) {
            epoch = Checkpoint.read(file).completedEpochs();
            Optional<HeldOutLog.Row> row = log.row(epoch);
            if (row.isPresent() && !Double.isNaN(row.get().score())) {
                score = row.get().score();
            }
        }
        BestCheckpoint best = new BestCheckpoint(file, epoch, score);
        Optional<HeldOutLog.Row> top = log.best();
        if (top.isPresent() && top.get().score() > score) {
            Path kept = runDir.resolve(String.format(Locale.ROOT, "epoch-%04d.ckpt", top.get().epoch()));
            if (Files.isRegularFile(kept) && Checkpoint.read(kept).completedEpochs() == top.get().epoch()) {
                Path tmp = file.resolveSibling(FILE + ".tmp");
                Files.copy(kept, tmp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                best.epoch = top.get().epoch();
                best.score = top.get().score();
            }
        }
        return best;
    }

    /** True if {@code candidate} would replace the current best (strictly higher; NaN never does). */
    public boolean improves(double candidate) {
        return candidate > score;
    }

    /** Saves {@code trainer} as the new best if {@code candidate} improves; returns whether it did. */
    public boolean offer(GanTrainer trainer, double candidate) throws IOException {
        if (!improves(candidate)) {
            return false;
        }
        trainer.save(file);
        epoch = trainer.epoch() - 1;
        score = candidate;
        return true;
    }

    /** Epochs completed by the checkpoint in {@code best.ckpt}, or -1 if there is none. */
    public int epoch() {
        return epoch;
    }

    /** Its held-out score, or −∞ if it has none. */
    public double score() {
        return score;
    }

    /** The file. */
    public Path file() {
        return file;
    }
}
