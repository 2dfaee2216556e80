package org.ganworkbook.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.ganworkbook.data.Mnist;
import org.ganworkbook.data.Splits;
import org.ganworkbook.gan.Checkpoint;
import org.ganworkbook.gan.CheckpointException;
import org.ganworkbook.gan.GanConfig;
import org.ganworkbook.gan.GanData;
import org.ganworkbook.gan.GanTrainer;
import org.ganworkbook.gan.StopReason;
import org.ganworkbook.gan.TrainingListener;
import org.ganworkbook.gan.TrainingRecord;
import org.ganworkbook.gan.TrainingResult;
import org.ganworkbook.linalg.Gemm;
import org.ganworkbook.workbook.DataDirs;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code gan-workbook train}: the paper's MNIST run, headless. Writes into {@code --out}:
 * {@code checkpoint.ckpt} (after every epoch and when stopped; atomically), {@code epoch-NNNN.ckpt}
 * every {@code --keep-every} epochs, {@code config.txt}, and {@code steps.csv} / {@code epochs.csv}
 * (the training history). {@code --resume} continues from {@code checkpoint.ckpt} bit-identically, also
 * after a {@code kill -9}; Ctrl-C stops between two iterations, saves, and exits.
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a GAN with the paper's settings (default: the released mnist.yaml).",
                "Checkpoints every epoch into --out; --resume continues exactly; Ctrl-C or SIGTERM saves and exits."})
final class TrainCommand implements Callable<Integer> {

    static final String LATEST = "checkpoint.ckpt";
    static final String CSV_HEADER = "step,epoch,steps,dLoss,gLoss,dReal,dFake,lr,momentum,itPerSec,wallSeconds";

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for checkpoints and logs.")
    Path out;

    @Option(names = "--config", defaultValue = "paper-mnist", paramLabel = "NAME",
            description = "Experiment: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
            completionCandidates = ConfigNames.class)
    String configName;

    @Option(names = "--epochs", defaultValue = "1000", paramLabel = "N",
            description = "Train until N epochs are done in all (default: ${DEFAULT-VALUE}; the paper sets no limit).")
    int epochs;

    @Option(names = "--seed", defaultValue = "2014", paramLabel = "S", description = "Seed of a new run (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--resume", description = "Continue the run in --out from its last checkpoint.")
    boolean resume;

    @Option(names = "--keep-every", defaultValue = "10", paramLabel = "N",
            description = "Also keep epoch-NNNN.ckpt every N epochs, for choosing a checkpoint later (0 = never; default: ${DEFAULT-VALUE}).")
    int keepEvery;

    @Option(names = "--data", paramLabel = "DIR", description = "Data folder (default: $GANWB_DATA, else <project>/data).")
    Path dataDir;

    @Option(names = "--train-size", paramLabel = "N",
            description = "Train on the first N of the 50,000 training images only (quick tests; NOT the paper's setup).")
    Integer trainSize;

    @Option(names = "--record-every", defaultValue = "25", paramLabel = "N",
            description = "Iterations per line of steps.csv (default: ${DEFAULT-VALUE}).")
    int recordEvery;

    @Option(names = "--progress", defaultValue = "auto", paramLabel = "MODE",
            description = "bar, lines (one line per epoch, for logs) or auto (bar on a terminal; default).")
    String progress;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Names of the configs this command knows. */
    static final class ConfigNames extends ArrayList<String> {
        ConfigNames() {
            super(List.of("paper-mnist"));
        }
    }

    static GanConfig config(String name) {
        if (name.equals("paper-mnist")) {
            return GanConfig.paperMnist();
        }
        throw new CommandLine.ParameterException(new CommandLine(new TrainCommand()),
                "unknown config '" + name + "'; known: " + new ConfigNames());
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        GanConfig config = config(configName);
        Path latest = out.resolve(LATEST);
        Splits mnist = Mnist.load(DataDirs.resolve(dataDir));
        GanData data = GanData.of(trainSize == null ? mnist.train().images() : mnist.train().head(trainSize).images());
        GanTrainer trainer;
        if (resume) {
            if (!Files.exists(latest)) {
                stderr.println("ERROR: --resume, but " + latest + " does not exist. Start without --resume.");
                return 1;
            }
            Checkpoint ck;
            try {
                ck = Checkpoint.read(latest);
                ck.requireConfig(config);
                trainer = ck.trainer(data);
            } catch (CheckpointException e) {
                stderr.println("ERROR: " + e.getMessage());
                return 1;
            }
            truncateCsv(out.resolve("steps.csv"), ck.step());
            truncateCsv(out.resolve("epochs.csv"), ck.step());
            stdout.println("resuming " + ck);
        } else {
            if (Files.exists(latest)) {
                stderr.println("ERROR: " + latest + " exists already. Add --resume to continue that run, or choose"
                        + " another --out folder.");
                return 1;
            }
            Files.createDirectories(out);
            trainer = GanTrainer.create(config, data, seed);
            Files.writeString(out.resolve("config.txt"), config + "\nseed " + seed + "\ndata " + data + "\n",
                    StandardCharsets.UTF_8);
        }
        trainer.recordEvery(recordEvery);
        stdout.println(trainer.config());
        stdout.println("seed " + trainer.seed() + "; " + mnist + "; " + trainer.iterationsPerEpoch()
                + " iterations per epoch; GEMM " + Gemm.describe());
        stdout.flush();

        int remaining = epochs - (trainer.epoch() - 1);
        if (remaining <= 0) {
            stdout.println("already " + (trainer.epoch() - 1) + " epochs done; nothing to do (raise --epochs)");
            return 0;
        }
        boolean bar = progress.equals("bar") || (progress.equals("auto") && System.console() != null);
        long totalSteps = (long) epochs * trainer.iterationsPerEpoch();
        ProgressBar pb = bar ? new ProgressBarBuilder().setTaskName("train").setInitialMax(totalSteps)
                .setStyle(ProgressBarStyle.ASCII).showSpeed().setUnit(" it", 1).setUpdateIntervalMillis(500)
                .startsFrom(trainer.step(), Duration.ofMillis((long) (trainer.wallSeconds() * 1000))).build() : null;
        CountDownLatch saved = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            trainer.requestStop(); // Ctrl-C: finish the iteration, save below, then let the JVM exit
            try {
                saved.await(120, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "ganwb-save-on-exit");
        Runtime.getRuntime().addShutdownHook(hook);
        trainer.addListener(new Logger(trainer, pb, stdout, epochs));
        TrainingResult result;
        try {
            result = trainer.trainEpochs(remaining);
        } finally {
            if (pb != null) {
                pb.close();
            }
        }
        try {
            if (result.reason() == StopReason.DIVERGED) {
                stderr.println("ERROR: training diverged: " + result.message());
                if (!trainer.isBroken()) {
                    trainer.save(latest);
                }
                return 3;
            }
            trainer.save(latest);
            stdout.println(result.reason() == StopReason.COMPLETED ? "done: " + result.message()
                    : "stopped at step " + trainer.step() + " (epoch " + trainer.epoch() + "); saved " + latest
                    + "; continue with --resume");
            return result.reason() == StopReason.COMPLETED ? 0 : 130;
        } finally {
            stdout.flush();
            saved.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook is running and returns now that the checkpoint is saved
            }
        }
    }

    /** Writes history and checkpoints as training goes. */
    private final class Logger implements TrainingListener {
        private final GanTrainer trainer;
        private final ProgressBar bar;
        private final PrintWriter stdout;
        private final int totalEpochs;

        Logger(GanTrainer trainer, ProgressBar bar, PrintWriter stdout, int totalEpochs) {
            this.trainer = trainer;
            this.bar = bar;
            this.stdout = stdout;
            this.totalEpochs = totalEpochs;
        }

        @Override
        public void onRecord(TrainingRecord r, GanTrainer t) {
            appendCsv(out.resolve("steps.csv"), r);
            if (bar != null) {
                bar.stepTo(r.step());
                bar.setExtraMessage(String.format(Locale.ROOT, "epoch %d dLoss %.3f gLoss %.3f D(x) %.2f D(G(z)) %.2f",
                        r.epoch(), r.dLoss(), r.gLoss(), r.dReal(), r.dFake()));
            }
        }

        @Override
        public void onEpoch(TrainingRecord r, GanTrainer t) {
            appendCsv(out.resolve("epochs.csv"), r);
            try {
                Path latest = out.resolve(LATEST);
                t.save(latest);
                int done = t.epoch() - 1;
                if (keepEvery > 0 && done % keepEvery == 0) {
                    Path keep = out.resolve(String.format(Locale.ROOT, "epoch-%04d.ckpt", done));
                    Files.deleteIfExists(keep);
                    Files.createLink(keep, latest);
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("cannot write the checkpoint in " + out, e);
            }
            if (bar == null) {
                double perEpoch = r.steps() / r.itersPerSecond();
                double eta = (totalEpochs - r.epoch()) * (r.wallSeconds() / Math.max(1, r.epoch()));
                stdout.printf(Locale.ROOT, "epoch %d/%d step %d: dLoss %.4f gLoss %.4f D(x) %.3f D(G(z)) %.3f lr %.5f"
                                + " momentum %.4f | %.1f it/s, %.1f s/epoch, %s elapsed, ETA %s%n",
                        r.epoch(), totalEpochs, r.step(), r.dLoss(), r.gLoss(), r.dReal(), r.dFake(), r.learningRate(),
                        r.momentum(), r.itersPerSecond(), perEpoch, clock(r.wallSeconds()), clock(eta));
                stdout.flush();
            }
        }
    }

    static String clock(double seconds) {
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }

    static void appendCsv(Path file, TrainingRecord r) {
        try {
            boolean fresh = !Files.exists(file);
            String line = String.format(Locale.ROOT, "%d,%d,%d,%s,%s,%s,%s,%s,%s,%.3f,%.3f%n", r.step(), r.epoch(), r.steps(),
                    r.dLoss(), r.gLoss(), r.dReal(), r.dFake(), r.learningRate(), r.momentum(), r.itersPerSecond(),
                    r.wallSeconds());
            Files.writeString(file, (fresh ? CSV_HEADER + "\n" : "") + line, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot append to " + file, e);
        }
    }

    /** Drops history lines after {@code step} (they will be recomputed, identically, after a resume). */
    static void truncateCsv(Path file, long step) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        List<String> keep = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.startsWith("step") || line.isBlank()) {
                keep.add(line);
                continue;
            }
            long s = Long.parseLong(line.substring(0, line.indexOf(',')));
            if (s <= step) {
                keep.add(line);
            }
        }
        Files.write(file, keep, StandardCharsets.UTF_8);
    }
}
