package org.ganworkbook.cli;

import org.ejml.data.FMatrixRMaj;
import org.ganworkbook.data.DataFileException;
import org.ganworkbook.data.LabeledImages;
import org.ganworkbook.data.Mnist;
import org.ganworkbook.data.OlivettiFaces;
import org.ganworkbook.data.Splits;
import org.ganworkbook.data.Tfd;
import org.ganworkbook.gan.GanConfig;
import org.ganworkbook.gan.TwoStageGan;
import org.ganworkbook.workbook.DataDirs;
import picocli.CommandLine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The experiments the commands know, and the data each one's generator imitates. The data are chosen
 * by the generator's output size, so a checkpoint alone says which data set to sample against and
 * evaluate on: 784 = MNIST (train 50k; Parzen on valid/test), 2304 = TFD (unlabeled part of fold 0;
 * Parzen over the 5 folds), 4096 = Olivetti faces (30 training people; Parzen over 5 folds of the other 10),
 * 1024 = the same faces at 32×32, trained with their mirror images.
 */
final class Experiments {

    static final String PAPER_MNIST = "paper-mnist";
    static final String PAPER_TFD_PRETRAIN = "paper-tfd-pretrain";
    static final String PAPER_TFD_TRAIN = "paper-tfd-train";
    static final String OLIVETTI = "olivetti";
    static final String OLIVETTI_32 = "olivetti-32";

    /** Epochs of an Olivetti run when --epochs is not given. */
    static final int OLIVETTI_EPOCHS = 500;

    private Experiments() {
    }

    /** Names for {@code --config}. */
    static final class Names extends ArrayList<String> {
        Names() {
            super(List.of(PAPER_MNIST, PAPER_TFD_PRETRAIN, PAPER_TFD_TRAIN, OLIVETTI, OLIVETTI_32));
        }
    }

    static GanConfig config(String name) {
        return switch (name) {
            case PAPER_MNIST -> GanConfig.paperMnist();
            case PAPER_TFD_PRETRAIN -> GanConfig.paperTfdPretrain();
            case PAPER_TFD_TRAIN -> GanConfig.paperTfdTrain();
            case OLIVETTI -> GanConfig.olivetti();
            case OLIVETTI_32 -> GanConfig.olivetti32();
            default -> throw new CommandLine.ParameterException(new CommandLine(new TrainCommand()),
                    "unknown config '" + name + "'; known: " + new Names());
        };
    }

    /** The run length used when {@code --epochs} is not given: the paper's where it has one. */
    static int defaultEpochs(String name) {
        return switch (name) {
            case PAPER_TFD_PRETRAIN -> TwoStageGan.PAPER_TFD_PRETRAIN_EPOCHS;
            case PAPER_TFD_TRAIN -> TwoStageGan.PAPER_TFD_TRAIN_EPOCHS;
            case OLIVETTI, OLIVETTI_32 -> OLIVETTI_EPOCHS;
            default -> 1000; // mnist.yaml has no stopping rule
        };
    }

    /**
     * A data set as the commands use it.
     *
     * @param description for the log
     * @param train       what G imitates and the nearest-neighbour search runs over
     * @param mnist       MNIST's three splits (Parzen on valid/test), or null
     * @param folds       the face sets' folds (Parzen per fold), or null
     */
    record Data(String description, FMatrixRMaj train, Splits mnist, List<Splits> folds) {
    }

    /**
     * The data for a generator with {@code dim} outputs.
     *
     * @param dataDir the data folder (null: the default)
     * @param tfdFile the TFD file (null: {@link Tfd#locate()})
     */
    static Data forDimension(int dim, Path dataDir, Path tfdFile) {
        Path data = DataDirs.resolve(dataDir);
        if (dim == 28 * 28) {
            Splits mnist = Mnist.load(data);
            return new Data(mnist.toString(), mnist.train().images(), mnist, null);
        }
        if (dim == Tfd.SIDE * Tfd.SIDE) {
            Path file = tfdFile != null ? tfdFile : Tfd.locate().orElseThrow(
                    () -> new DataFileException(Tfd.FILE_NAME + " was not found. " + Tfd.HOW_TO));
            Tfd tfd = Tfd.load(file);
            LabeledImages unlabeled = tfd.part(Tfd.Part.UNLABELED, 0);
            return new Data("TFD " + file + ": unlabeled part of fold 0, " + unlabeled.size() + " images",
                    unlabeled.images(), null, tfd.folds());
        }
        if (dim == OlivettiFaces.SIDE * OlivettiFaces.SIDE) {
            List<Splits> folds = OlivettiFaces.folds(OlivettiFaces.load(data));
            return new Data("Olivetti faces: " + folds.get(0).train().size() + " training images (people 0.."
                    + (OlivettiFaces.TRAIN_PEOPLE - 1) + ")", folds.get(0).train().images(), null, folds);
        }
        int small = GanConfig.OLIVETTI_32_SIDE;
        if (dim == small * small) {
            List<Splits> folds = OlivettiFaces.folds(OlivettiFaces.load(data).downscale(OlivettiFaces.SIDE / small));
            LabeledImages train = folds.get(0).train().withMirrors();
            return new Data("Olivetti faces at " + small + "x" + small + ": " + train.size()
                    + " training images (people 0.." + (OlivettiFaces.TRAIN_PEOPLE - 1) + " and their mirror images)",
                    train.images(), null, folds);
        }
        throw new IllegalArgumentException("no data set has " + dim + " values per example (MNIST 784, TFD 2304,"
                + " Olivetti 4096, Olivetti at 32x32 1024)");
    }
}
