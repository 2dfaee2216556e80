package org.ganworkbook.gan;

import org.ganworkbook.nn.LayerSpec;
import org.ganworkbook.nn.Mlp;

import java.util.List;
import java.util.Objects;

/**
 * The released code's two-stage generator for TFD (paper-setup §2; the paper itself never mentions it).
 * Stage 1 ({@link #pretrain()}) trains a whole GAN for {@link #pretrainEpochs()} epochs. Stage 2
 * ({@link #train()}) builds a deeper G whose first {@link #frontLayers()} layers are new and whose remaining
 * layers are exactly stage 1's generator layers, started from their trained values (pylearn2
 * {@code adversarial.add_layers(mlp, "pretrain.pkl", start_layer=0)}), and a fresh D, and trains all of
 * it for {@link #trainEpochs()} epochs. In effect the new front learns a better input distribution for the
 * pretrained generator.
 *
 * <pre>{@code
 * TwoStageGan tfd = TwoStageGan.paperTfd();
 * GanTrainer stage1 = GanTrainer.create(tfd.pretrain(), data, seed);
 * stage1.trainEpochs(tfd.pretrainEpochs());
 * GanTrainer stage2 = tfd.startTraining(stage1.generator(), data, seed + 1);
 * stage2.trainEpochs(tfd.trainEpochs());
 * }</pre>
 *
 * @param pretrain       stage 1's config
 * @param pretrainEpochs stage 1's length (pretrain.yaml: 50)
 * @param train          stage 2's config: new front layers, then stage 1's generator layers (same specs)
 * @param trainEpochs    stage 2's length (train.yaml: 22)
 */
public record TwoStageGan(GanConfig pretrain, int pretrainEpochs, GanConfig train, int trainEpochs) {

    /** Epochs of {@code pretrain.yaml}. */
    public static final int PAPER_TFD_PRETRAIN_EPOCHS = 50;
    /** Epochs of {@code train.yaml}. */
    public static final int PAPER_TFD_TRAIN_EPOCHS = 22;

    /** Checks that stage 2's generator ends in stage 1's generator and that their inputs connect. */
    public TwoStageGan {
        Objects.requireNonNull(pretrain, "pretrain");
        Objects.requireNonNull(train, "train");
        if (pretrainEpochs < 0 || trainEpochs < 0) {
            throw new IllegalArgumentException("epochs must be >= 0, got " + pretrainEpochs + " and " + trainEpochs);
        }
        List<LayerSpec> tail = pretrain.generator();
        List<LayerSpec> g = train.generator();
        int front = g.size() - tail.size();
        if (front < 1 || !g.subList(front, g.size()).equals(tail)) {
            throw new IllegalArgumentException("stage 2's generator must be new front layers followed by exactly stage"
                    + " 1's generator layers; got " + g.size() + " layers for stage 2 and " + tail.size() + " for stage 1");
        }
        if (g.get(front - 1).units() != pretrain.latentDim()) {
            throw new IllegalArgumentException("the front end gives " + g.get(front - 1).units() + " values, but stage 1's"
                    + " generator takes z of length " + pretrain.latentDim());
        }
    }

    /** The paper's TFD run: {@link GanConfig#paperTfdPretrain()} for 50 epochs, then {@link GanConfig#paperTfdTrain()} for 22. */
    public static TwoStageGan paperTfd() {
        return new TwoStageGan(GanConfig.paperTfdPretrain(), PAPER_TFD_PRETRAIN_EPOCHS, GanConfig.paperTfdTrain(),
                PAPER_TFD_TRAIN_EPOCHS);
    }

    /** Layers in front of the pretrained ones (TFD: 2). */
    public int frontLayers() {
        return train.generator().size() - pretrain.generator().size();
    }

    /** The same stages with other lengths (e.g. a short run in CI). */
    public TwoStageGan withEpochs(int pretrainEpochs, int trainEpochs) {
        return new TwoStageGan(pretrain, pretrainEpochs, train, trainEpochs);
    }

    /**
     * Stage 2's trainer: G and D initialised from {@code seed} as {@link #train()} specifies, then the
     * pretrained generator's parameters copied into G's last layers. Momentum velocities start at 0 and the
     * schedules at step 0 (as a new pylearn2 run does).
     *
     * @param pretrainedGenerator stage 1's trained G (e.g. {@code stage1.generator()} or
     *                            {@code Checkpoint.read(file).generator()}); not modified
     * @throws IllegalArgumentException if it does not have stage 1's architecture
     */
    public GanTrainer startTraining(Mlp pretrainedGenerator, GanData data, long seed) {
        if (pretrainedGenerator.inputSize() != pretrain.latentDim()
                || pretrainedGenerator.layers().size() != pretrain.generator().size()) {
            throw new IllegalArgumentException("the pretrained generator (" + pretrainedGenerator.inputSize() + " inputs, "
                    + pretrainedGenerator.layers().size() + " layers) is not stage 1's (" + pretrain.latentDim()
                    + " inputs, " + pretrain.generator().size() + " layers: " + pretrain.name() + ")");
        }
        GanTrainer trainer = GanTrainer.create(train, data, seed);
        trainer.generator().copyLayersFrom(pretrainedGenerator, frontLayers());
        return trainer;
    }

    @Override
    public String toString() {
        return "TwoStageGan: stage 1 " + pretrain.name() + " for " + pretrainEpochs + " epochs, then stage 2 "
                + train.name() + " for " + trainEpochs + " epochs (" + frontLayers()
                + " new front layers before stage 1's generator; D re-initialised)\n" + pretrain + "\n" + train;
    }
}
