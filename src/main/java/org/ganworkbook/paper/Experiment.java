package org.ganworkbook.paper;

import org.ganworkbook.data.DataFileException;
import org.ganworkbook.data.LabeledImages;
import org.ganworkbook.data.Mnist;
import org.ganworkbook.data.OlivettiFaces;
import org.ganworkbook.data.Splits;
import org.ganworkbook.data.Tfd;
import org.ganworkbook.gan.GanConfig;
import org.ganworkbook.gan.TwoStageGan;
import org.ganworkbook.data.DataDirs;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One of the paper's experiments (and the workbook's face runs) as the command line and notebooks 07/08
 * run it: a name, the {@link GanConfig}, the data its generator imitates and how they load, the run's
 * default length, and Table 1's evaluation protocol for it.
 *
 * <pre>{@code
 * Experiment mnist = Experiment.named("paper-mnist");     // or Experiment.PAPER_MNIST
 * ExperimentData data = mnist.load();                     // MNIST: 50k train, 10k valid, 10k test
 * GanTrainer trainer = GanTrainer.create(mnist.config(), GanData.of(data.train()), 2014L);
 * trainer.trainEpochs(mnist.defaultEpochs());
 * }</pre>
 * A checkpoint names its experiment by its config's name ({@link #of(GanConfig)}), so {@code sample} and
 * {@code evaluate} know which data to compare a generator with.
 *
 * @param config        every hyperparameter; its name is the experiment's
 * @param defaultEpochs epochs of a run when no length is given: the paper's where it has one
 * @param protocol      how Table 1 scores this experiment's generator
 * @param loader        loads the data ({@link #load(Path, Path)})
 */
public record Experiment(GanConfig config, int defaultEpochs, EvaluationProtocol protocol, Loader loader) {

    /** Epochs of an Olivetti run when no length is given (about 3,000 updates; the paper has no face run this small). */
    public static final int OLIVETTI_EPOCHS = 500;

    /** Epochs of the MNIST run when no length is given: {@code mnist.yaml} sets no stopping rule. */
    public static final int MNIST_EPOCHS = 1000;

    /** The released {@code mnist.yaml} on MNIST (Figure 2a, Table 1). */
    public static final Experiment PAPER_MNIST = new Experiment(GanConfig.paperMnist(), MNIST_EPOCHS,
            EvaluationProtocol.HELD_OUT_SPLIT, Experiment::mnist);
    /** Stage 1 of the released TFD run ({@code pretrain.yaml}); needs your TFD file. */
    public static final Experiment PAPER_TFD_PRETRAIN = new Experiment(GanConfig.paperTfdPretrain(),
            TwoStageGan.PAPER_TFD_PRETRAIN_EPOCHS, EvaluationProtocol.FOLDS, Experiment::tfd);
    /** Stage 2 of the released TFD run ({@code train.yaml}, on stage 1's generator; Figure 2b, Table 1). */
    public static final Experiment PAPER_TFD_TRAIN = new Experiment(GanConfig.paperTfdTrain(),
            TwoStageGan.PAPER_TFD_TRAIN_EPOCHS, EvaluationProtocol.FOLDS, Experiment::tfd);
    /** The TFD recipe scaled down to the 64×64 Olivetti faces ({@link GanConfig#olivetti()}). */
    public static final Experiment OLIVETTI = new Experiment(GanConfig.olivetti(), OLIVETTI_EPOCHS,
            EvaluationProtocol.FOLDS, Experiment::olivetti);
    /** The MNIST config on the Olivetti faces at 32×32 with their mirror images (notebook 08). */
    public static final Experiment OLIVETTI_32 = new Experiment(GanConfig.olivetti32(), OLIVETTI_EPOCHS,
            EvaluationProtocol.FOLDS, Experiment::olivetti32);

    private static final List<Experiment> ALL = List.of(PAPER_MNIST, PAPER_TFD_PRETRAIN, PAPER_TFD_TRAIN, OLIVETTI,
            OLIVETTI_32);

    /** Loads an experiment's data; {@code dataDir} and {@code tfdFile} may be null (the defaults). */
    @FunctionalInterface
    public interface Loader {
        ExperimentData load(Path dataDir, Path tfdFile);
    }

    public Experiment {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(loader, "loader");
        if (defaultEpochs < 1) {
            throw new IllegalArgumentException("defaultEpochs must be >= 1, got " + defaultEpochs);
        }
    }

    /** Every experiment, in the order the command line lists them. */
    public static List<Experiment> all() {
        return ALL;
    }

    /** Their names, e.g. for {@code --config}. */
    public static List<String> names() {
        return ALL.stream().map(Experiment::name).toList();
    }

    /**
     * The experiment called {@code name}.
     *
     * @throws IllegalArgumentException if there is none, naming those that exist
     */
    public static Experiment named(String name) {
        Objects.requireNonNull(name, "name");
        for (Experiment e : ALL) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown experiment '" + name + "'; known: " + String.join(", ", names()));
    }

    /**
     * The experiment a config (e.g. a checkpoint's) belongs to, by its name.
     *
     * @throws IllegalArgumentException if the config's name is none of the experiments', naming those that exist
     */
    public static Experiment of(GanConfig config) {
        try {
            return named(config.name());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the config '" + config.name() + "' is none of the experiments ("
                    + String.join(", ", names()) + "), so its data set is not known; train it with --config NAME"
                    + " (or load its data yourself)", e);
        }
    }

    /** The name, as {@code --config} takes it and checkpoints store it (the config's name). */
    public String name() {
        return config.name();
    }

    /** The data from the default places ({@code $GANWB_DATA} or the project's {@code data/}; TFD from {@link Tfd#locate()}). */
    public ExperimentData load() {
        return load(null, null);
    }

    /**
     * The data this experiment's generator imitates, and the splits it is scored on.
     *
     * @param dataDir the data folder (null: {@link DataDirs#resolve(Path) the default})
     * @param tfdFile the TFD file, for the TFD experiments (null: {@link Tfd#locate()})
     * @throws DataFileException if the files are missing or damaged, saying how to get them
     */
    public ExperimentData load(Path dataDir, Path tfdFile) {
        return loader.load(dataDir, tfdFile);
    }

    private static ExperimentData mnist(Path dataDir, Path tfdFile) {
        Splits mnist = Mnist.load(DataDirs.resolve(dataDir));
        return new ExperimentData(mnist.toString(), mnist.train().images(), List.of(mnist),
                EvaluationProtocol.HELD_OUT_SPLIT);
    }

    private static ExperimentData tfd(Path dataDir, Path tfdFile) {
        Path file = tfdFile != null ? tfdFile : Tfd.locate().orElseThrow(
                () -> new DataFileException(Tfd.FILE_NAME + " was not found. " + Tfd.HOW_TO));
        Tfd tfd = Tfd.load(file);
        LabeledImages unlabeled = tfd.part(Tfd.Part.UNLABELED, 0);
        return new ExperimentData("TFD " + file + ": unlabeled part of fold 0, " + unlabeled.size() + " images",
                unlabeled.images(), tfd.folds(), EvaluationProtocol.FOLDS);
    }

    private static ExperimentData olivetti(Path dataDir, Path tfdFile) {
        List<Splits> folds = OlivettiFaces.folds(OlivettiFaces.load(DataDirs.resolve(dataDir)));
        return new ExperimentData("Olivetti faces: " + folds.get(0).train().size() + " training images (people 0.."
                + (OlivettiFaces.TRAIN_PEOPLE - 1) + ")", folds.get(0).train().images(), folds, EvaluationProtocol.FOLDS);
    }

    private static ExperimentData olivetti32(Path dataDir, Path tfdFile) {
        int small = GanConfig.OLIVETTI_32_SIDE;
        List<Splits> folds = OlivettiFaces.folds(OlivettiFaces.load(DataDirs.resolve(dataDir))
                .downscale(OlivettiFaces.SIDE / small));
        LabeledImages train = folds.get(0).train().withMirrors();
        return new ExperimentData("Olivetti faces at " + small + "x" + small + ": " + train.size()
                + " training images (people 0.." + (OlivettiFaces.TRAIN_PEOPLE - 1) + " and their mirror images)",
                train.images(), folds, EvaluationProtocol.FOLDS);
    }

    @Override
    public String toString() {
        return "Experiment " + name() + ": " + defaultEpochs + " epochs by default, scored "
                + (protocol == EvaluationProtocol.HELD_OUT_SPLIT ? "on one held-out split" : "over folds") + "\n" + config;
    }

}
