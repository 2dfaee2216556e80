package org.ganworkbook.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.ejml.data.FMatrixRMaj;
import org.ganworkbook.gan.Checkpoint;
import org.ganworkbook.gan.CheckpointException;
import org.ganworkbook.gan.GanConfig;
import org.ganworkbook.gan.GanData;
import org.ganworkbook.gan.GanTrainer;
import org.ganworkbook.gan.StopReason;
import org.ganworkbook.gan.TrainingListener;
import org.ganworkbook.gan.TrainingRecord;
import org.ganworkbook.gan.TrainingResult;
import org.ganworkbook.gan.TwoStageGan;
import org.ganworkbook.eval.ParzenConfig;
import org.ganworkbook.linalg.Gemm;
import org.ganworkbook.paper.EvaluationProtocol;
import org.ganworkbook.paper.Experiment;
import org.ganworkbook.paper.ExperimentData;
import org.ganworkbook.paper.HeldOutMonitor;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code gan-workbook train}: the paper's MNIST run, its two-stage TFD run, or the small Olivetti run,
 * headless. Writes into {@code --out}:
 * {@code checkpoint.ckpt} (after every epoch and when stopped; atomically), {@code epoch-NNNN.ckpt}
 * every {@code --keep-every} epochs, {@code config.txt}, and {@code steps.csv} / {@code epochs.csv}
 * (the training history). {@code --resume} continues from {@code checkpoint.ckpt} bit-identically, also
 * after a {@code kill -9}; Ctrl-C stops between two iterations, saves, and exits.
 *
 * <p>The paper's TFD experiment is two runs: {@code --config paper-tfd-pretrain} (50 epochs), then
 * {@code --config paper-tfd-train --pretrained <stage 1's checkpoint.ckpt>} (22 epochs), which puts a new
 * front end before stage 1's trained generator ({@link TwoStageGan}).
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a GAN with the paper's settings (default: the released mnist.yaml).",
                "Checkpoints every epoch into --out; --resume continues exactly; Ctrl-C or SIGTERM saves and exits.",
                "TFD (licence holders): --config paper-tfd-pretrain --tfd TFD_48x48.mat, then",
                "--config paper-tfd-train --tfd TFD_48x48.mat --pretrained <stage 1>/checkpoint.ckpt."})
final class TrainCommand extends CliCommand {

    static final String LATEST = "checkpoint.ckpt";
    static final String CSV_HEADER = "step,epoch,steps,dLoss,gLoss,dReal,dFake,lr,momentum,itPerSec,wallSeconds";

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for checkpoints and logs.")
    Path out;

    @Option(names = "--config", defaultValue = "paper-mnist", paramLabel = "NAME",
            description = "Experiment: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
            completionCandidates = ExperimentNames.class)
    String configName;

    @Option(names = "--epochs", paramLabel = "N",
            description = "Train until N epochs are done in all (default: the paper's 50 and 22 for the TFD stages,"
                    + " " + Experiment.OLIVETTI_EPOCHS + " for olivetti and olivetti-32, " + Experiment.MNIST_EPOCHS
                    + " for MNIST, where the paper"
                    + " sets no limit).")
    Integer epochs;

    @CommandLine.Mixin
    DataOptions dataOptions;

    @Option(names = "--pretrained", paramLabel = "CKPT",
            description = "paper-tfd-train only: the checkpoint of the finished paper-tfd-pretrain run.")
    Path pretrained;

    @Option(names = "--seed", defaultValue = "2014", paramLabel = "S", description = "Seed of a new run (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--resume", description = "Continue the run in --out from its last checkpoint.")
    boolean resume;

    @Option(names = "--keep-every", defaultValue = "10", paramLabel = "N",
            description = "Also keep epoch-NNNN.ckpt every N epochs, for choosing a checkpoint later (0 = never; default: ${DEFAULT-VALUE}).")
    int keepEvery;


    @Option(names = "--train-size", paramLabel = "N",
            description = "Train on the first N training images only (quick tests; NOT the paper's setup).")
    Integer trainSize;

    @Option(names = "--record-every", defaultValue = "25", paramLabel = "N",
            description = "Iterations per line of steps.csv (default: ${DEFAULT-VALUE}).")
    int recordEvery;

    @Option(names = "--progress", defaultValue = "auto", paramLabel = "MODE",
            description = "bar, lines (one line per epoch, for logs) or auto (bar on a terminal; default).")
    String progress;

    @Option(names = "--heldout-every", defaultValue = "" + HeldOutMonitor.DEFAULT_EVERY, paramLabel = "N",
            description = "MNIST: every N epochs score valid[1000:10000] (sigma chosen on valid[0:1000], never the test"
                    + " set) into heldout.csv, keep best.ckpt by it, save fixed-z/epoch-NNNN.png (0 = never; default:"
                    + " ${DEFAULT-VALUE}, under 5 %% of the training time).")
    int heldoutEvery;

    @Option(names = "--heldout-samples", defaultValue = "10000", paramLabel = "N",
            description = "Generator samples per held-out score (the protocol's ${DEFAULT-VALUE}; fewer only for quick tests).")
    int heldoutSamples;

    private HeldOutMonitor monitor;

    /** Names for {@code --config}. */
    static final class ExperimentNames extends ArrayList<String> {
        ExperimentNames() {
            super(Experiment.names());
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = out();
        PrintWriter stderr = err();
        Experiment experiment;
        try {
            experiment = Experiment.named(configName);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        GanConfig config = experiment.config();
        int epochs = this.epochs != null ? this.epochs : experiment.defaultEpochs();
        boolean stageTwo = experiment == Experiment.PAPER_TFD_TRAIN;
        if (pretrained != null && !stageTwo) {
            stderr.println("ERROR: --pretrained is for --config " + Experiment.PAPER_TFD_TRAIN.name() + " only.");
            return 2;
        }
        if (stageTwo && pretrained == null && !resume) {
            stderr.println("ERROR: --config " + Experiment.PAPER_TFD_TRAIN.name() + " builds on the generator of a finished "
                    + Experiment.PAPER_TFD_PRETRAIN.name() + " run: add --pretrained <that run's folder>/" + LATEST + ".");
            return 2;
        }
        Path latest = out.resolve(LATEST);
        ExperimentData training = dataOptions.load(experiment);
        GanData data = GanData.of(trainSize == null ? training.train() : firstRows(training.train(), trainSize));
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
            String origin = "";
            if (stageTwo) {
                Checkpoint stage1 = Checkpoint.read(pretrained);
                stage1.requireConfig(GanConfig.paperTfdPretrain());
                trainer = TwoStageGan.paperTfd().startTraining(stage1.generator(), data, seed);
                origin = "pretrained generator layers from " + pretrained.toAbsolutePath() + " (" + stage1 + ")\n";
                stdout.println("stage 2: new front layers before the generator of " + stage1);
            } else {
                trainer = GanTrainer.create(config, data, seed);
            }
            Files.writeString(out.resolve("config.txt"), config + "\nseed " + seed + "\ndata " + training.description()
                    + "\n" + origin, StandardCharsets.UTF_8);
        }
        trainer.recordEvery(recordEvery);
        stdout.println(trainer.config());
        stdout.println("seed " + trainer.seed() + "; " + training.description() + "; " + trainer.iterationsPerEpoch()
                + " iterations per epoch; GEMM " + Gemm.describe());
        stdout.flush();

        int remaining = epochs - (trainer.epoch() - 1);
        if (remaining <= 0) {
            stdout.println("already " + (trainer.epoch() - 1) + " epochs done; nothing to do (raise --epochs)");
            return 0;
        }
        boolean bar = progress.equals("bar") || (progress.equals("auto") && System.console() != null);
        if (heldoutEvery > 0 && training.protocol() == EvaluationProtocol.HELD_OUT_SPLIT) {
            monitor = new HeldOutMonitor(out, training.split(), ParzenConfig.paperMnist().withNumSamples(heldoutSamples),
                    heldoutEvery, HeldOutMonitor.DEFAULT_SEED, line -> {
                        if (!bar) {
                            stdout.println(line);
                            stdout.flush();
                        }
                    });
            monitor.start(trainer);
        }
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
        if (monitor != null) {
            trainer.addListener(monitor); // after Logger: checkpoint.ckpt is saved before the epoch is scored
        }
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
                        r.epoch(), r.dLoss(), r.gLoss(), r.dReal(), r.dFake())
                        + (monitor == null ? "" : " " + monitor.status()));
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
                if (monitor != null && !monitor.status().isEmpty()) {
                    stdout.println("  " + monitor.status());
                }
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

    /** The first {@code n} rows of {@code x} (all of them when {@code n} is at least the row count). */
    static FMatrixRMaj firstRows(FMatrixRMaj x, int n) {
        if (n < 1) {
            throw new CommandLine.ParameterException(new CommandLine(new TrainCommand()),
                    "--train-size must be at least 1, got " + n);
        }
        int rows = Math.min(n, x.numRows);
        FMatrixRMaj head = new FMatrixRMaj(rows, x.numCols);
        System.arraycopy(x.data, 0, head.data, 0, rows * x.numCols);
        return head;
    }
}
