package org.ganworkbook.gan;

import org.ganworkbook.nn.Activation;
import org.ganworkbook.nn.BiasInit;
import org.ganworkbook.nn.DenseSpec;
import org.ganworkbook.nn.Dropout;
import org.ganworkbook.nn.LayerSpec;
import org.ganworkbook.nn.MaxoutSpec;
import org.ganworkbook.nn.WeightInit;
import org.ganworkbook.optim.ExponentialDecay;
import org.ganworkbook.optim.MomentumRamp;
import org.ganworkbook.sampling.NoisePrior;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Every hyperparameter of one GAN experiment, as data (Goodfellow et al. 2014, §4 Algorithm 1 and §5).
 * {@link #paperMnist()} mirrors the authors' released {@code mnist.yaml} value for value; {@link #toString()}
 * prints the whole config, and every run records it (checkpoints store it and refuse another one).
 *
 * @param name                    a short label, printed and stored in checkpoints
 * @param latentDim               length of z
 * @param noise                   the prior p_z, i.i.d. per coordinate of z
 * @param generator               G's layers, from z to x (G never has dropout in the paper)
 * @param discriminator           D's layers, from x to one sigmoid unit (its logit feeds the losses)
 * @param generatorBiasFromData   if true, G's output biases start at logit(per-pixel training mean), clipped
 *                                to [1e-7, 1 - 1e-7] (pylearn2 {@code init_sigmoid_bias_from_marginals});
 *                                needs a data matrix
 * @param batchSize               m: real examples per D step, and noise vectors per step
 * @param learningRate            η per iteration (shared by D and G), decayed after every iteration
 * @param momentum                μ per epoch (plain momentum, shared by D and G)
 * @param k                       D steps per G step (Algorithm 1); 1 for simultaneous updates
 * @param updateOrder             simultaneous (released code) or sequential (Algorithm 1)
 * @param generatorLoss           non-saturating −log D(G(z)) (released code) or saturating log(1 − D(G(z)))
 * @param discriminatorLossWeight multiplies D's loss: 0.5 in the released code, which halves
 *                                BCE(real, 1) + BCE(fake, 0)
 * @param frozen                  which player is held fixed (none in the paper's runs)
 */
public record GanConfig(String name, int latentDim, NoisePrior noise, List<LayerSpec> generator,
                        List<LayerSpec> discriminator, boolean generatorBiasFromData, int batchSize,
                        ExponentialDecay learningRate, MomentumRamp momentum, int k, UpdateOrder updateOrder,
                        GeneratorLoss generatorLoss, float discriminatorLossWeight, Frozen frozen) {

    /** Checks every field; the message says what to change. */
    public GanConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(noise, "noise");
        Objects.requireNonNull(learningRate, "learningRate");
        Objects.requireNonNull(momentum, "momentum");
        Objects.requireNonNull(updateOrder, "updateOrder");
        Objects.requireNonNull(generatorLoss, "generatorLoss");
        Objects.requireNonNull(frozen, "frozen");
        generator = List.copyOf(generator);
        discriminator = List.copyOf(discriminator);
        if (latentDim < 1) {
            throw new IllegalArgumentException("latentDim must be >= 1, got " + latentDim);
        }
        if (generator.isEmpty() || discriminator.isEmpty()) {
            throw new IllegalArgumentException("G and D need at least one layer each");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        }
        if (k < 1) {
            throw new IllegalArgumentException("k (D steps per G step) must be >= 1, got " + k
                    + "; to train G alone use withFrozen(Frozen.DISCRIMINATOR)");
        }
        if (updateOrder == UpdateOrder.SIMULTANEOUS && k != 1) {
            throw new IllegalArgumentException("simultaneous updates take one D step per G step (k = 1), got k = " + k
                    + "; use withUpdateOrder(UpdateOrder.SEQUENTIAL) for Algorithm 1 with k > 1");
        }
        if (!(discriminatorLossWeight > 0f) || !Float.isFinite(discriminatorLossWeight)) {
            throw new IllegalArgumentException("discriminatorLossWeight must be finite and > 0, got "
                    + discriminatorLossWeight);
        }
        LayerSpec dOut = discriminator.get(discriminator.size() - 1);
        if (!(dOut instanceof DenseSpec dense) || dense.units() != 1 || dense.activation() != Activation.SIGMOID) {
            throw new IllegalArgumentException("D must end in one sigmoid unit (the losses take its logit), got "
                    + describe(dOut));
        }
        if (generatorBiasFromData) {
            LayerSpec gOut = generator.get(generator.size() - 1);
            if (!(gOut instanceof DenseSpec g) || g.activation() != Activation.SIGMOID) {
                throw new IllegalArgumentException("generatorBiasFromData sets logit(data mean) biases, which only"
                        + " suit a sigmoid output layer; G ends in " + describe(gOut));
            }
        }
    }

    /** D loss weight of the released code: 0.5·(BCE real + BCE fake). */
    public static final float PAPER_D_LOSS_WEIGHT = 0.5f;

    /**
     * The MNIST experiment of the released code ({@code mnist.yaml}, paper-setup §0-§1):
     * <ul>
     *   <li>z ~ U(−√3, √3)^100;</li>
     *   <li>G: 100 → 1200 ReLU → 1200 ReLU → 784 sigmoid, weights U(±.05), output bias = logit of the
     *       per-pixel training mean, no dropout;</li>
     *   <li>D: 784 → maxout 240×5 → maxout 240×5 → 1 sigmoid, weights U(±.005), dropout on every layer's
     *       input (h0: keep .8, ×1.25; h1 and y: keep .5, ×2);</li>
     *   <li>batch 100; η = .1 shared, divided by 1.000004 after every minibatch, floor 1e−6; μ = .5 → .7
     *       linearly over epochs 1..250;</li>
     *   <li>simultaneous updates (k = 1), D loss halved, G loss −log D(G(z)).</li>
     * </ul>
     */
    public static GanConfig paperMnist() {
        List<LayerSpec> g = List.of(
                DenseSpec.of(1200, Activation.RELU).withIrange(0.05f),
                DenseSpec.of(1200, Activation.RELU).withIrange(0.05f),
                DenseSpec.of(784, Activation.SIGMOID).withIrange(0.05f));
        List<LayerSpec> d = List.of(
                MaxoutSpec.of(240, 5).withIrange(0.005f).withInputDropout(Dropout.of(0.8f, 1.25f)),
                MaxoutSpec.of(240, 5).withIrange(0.005f).withInputDropout(Dropout.of(0.5f, 2f)),
                DenseSpec.of(1, Activation.SIGMOID).withIrange(0.005f).withInputDropout(Dropout.of(0.5f, 2f)));
        return new GanConfig("paper-mnist", 100, NoisePrior.uniformPaper(), g, d, true, 100,
                ExponentialDecay.paper(0.1f), MomentumRamp.paper(), 1, UpdateOrder.SIMULTANEOUS,
                GeneratorLoss.NON_SATURATING, PAPER_D_LOSS_WEIGHT, Frozen.NONE);
    }

    /** {@code max_col_norm} of every G and D layer in the TFD configs. */
    public static final float TFD_MAX_COL_NORM = 1.9365f;

    /**
     * Stage 1 of the paper's TFD experiment ({@code tfd_pretrain/pretrain.yaml}, paper-setup §2; 50 epochs,
     * see {@link TwoStageGan#paperTfd()}):
     * <ul>
     *   <li>z ~ N(0, 1)^100 (the yaml sets no noise, so the code's default, Gaussian);</li>
     *   <li>G: 100 → 8000 ReLU (U(±.05)) → 8000 sigmoid (U(±.05), bias −2) → 2304 sigmoid (sparse init: 100
     *       N(0, 1) incoming weights per unit, bias = logit of the per-pixel training mean);</li>
     *   <li>D: 2304 → maxout 1200×5 → maxout 1200×5 → 1 sigmoid, U(±.005), dropout as for MNIST;</li>
     *   <li>max column norm 1.9365 on every layer of G and D, applied after every update;</li>
     *   <li>batch 100; η = .05 shared, divided by 1.000004 per step, floor 1e−6; μ = .5 → .7 over epochs
     *       1..250; simultaneous updates, D loss halved, G loss −log D(G(z)).</li>
     * </ul>
     */
    public static GanConfig paperTfdPretrain() {
        float c = TFD_MAX_COL_NORM;
        List<LayerSpec> g = List.of(
                DenseSpec.of(8000, Activation.RELU).withIrange(0.05f).withMaxColNorm(c),
                DenseSpec.of(8000, Activation.SIGMOID).withIrange(0.05f).withBiasInit(BiasInit.constant(-2f))
                        .withMaxColNorm(c),
                DenseSpec.of(2304, Activation.SIGMOID).withWeightInit(WeightInit.sparse(100)).withMaxColNorm(c));
        return new GanConfig("paper-tfd-pretrain", 100, NoisePrior.gaussian(), g, tfdDiscriminator(), true, 100,
                ExponentialDecay.paper(0.05f), MomentumRamp.paper(), 1, UpdateOrder.SIMULTANEOUS,
                GeneratorLoss.NON_SATURATING, PAPER_D_LOSS_WEIGHT, Frozen.NONE);
    }

    /**
     * Stage 2 of the paper's TFD experiment ({@code tfd_pretrain/train.yaml}; 22 epochs): a new front end
     * z(100, N(0, 1)) → 8000 ReLU (U(±.05)) → 100 sigmoid (U(±.05), bias −2), followed by <em>all three</em>
     * layers of the stage-1 generator, which start from their trained values and keep training
     * ({@link TwoStageGan#startTraining}); the 5-layer G is 100 → 8000 → 100 → 8000 → 8000 → 2304. D is
     * built afresh with stage 1's architecture; optimizer settings as stage 1, momentum back at .5.
     * The last three layer specs here only give shapes: their values come from stage 1 (so G's output bias
     * is not set from the data again).
     */
    public static GanConfig paperTfdTrain() {
        float c = TFD_MAX_COL_NORM;
        GanConfig pretrain = paperTfdPretrain();
        List<LayerSpec> g = new ArrayList<>(List.of(
                DenseSpec.of(8000, Activation.RELU).withIrange(0.05f).withMaxColNorm(c),
                DenseSpec.of(pretrain.latentDim(), Activation.SIGMOID).withIrange(0.05f)
                        .withBiasInit(BiasInit.constant(-2f)).withMaxColNorm(c)));
        g.addAll(pretrain.generator());
        return pretrain.withName("paper-tfd-train").withGenerator(g).withGeneratorBiasFromData(false);
    }

    private static List<LayerSpec> tfdDiscriminator() {
        float c = TFD_MAX_COL_NORM;
        return List.of(
                MaxoutSpec.of(1200, 5).withIrange(0.005f).withInputDropout(Dropout.of(0.8f, 1.25f)).withMaxColNorm(c),
                MaxoutSpec.of(1200, 5).withIrange(0.005f).withInputDropout(Dropout.of(0.5f, 2f)).withMaxColNorm(c),
                DenseSpec.of(1, Activation.SIGMOID).withIrange(0.005f).withInputDropout(Dropout.of(0.5f, 2f))
                        .withMaxColNorm(c));
    }

    /**
     * A small GAN for the Olivetti faces (64×64 = 4096 values, 300 training faces) that trains on a 2-core CPU
     * in minutes. It is {@link #paperTfdPretrain()} with the same recipe (Gaussian z of 100, ReLU then sigmoid
     * hidden layers of G with the second's biases at −2, a sparse-init sigmoid output with data-mean biases,
     * maxout D with dropout on every input, max column norm 1.9365 on every layer, η = .05 decayed per step,
     * μ = .5 → .7, simultaneous updates) and these changes:
     * <ul>
     *   <li>G 100 → 512 → 512 → 4096 and D 4096 → maxout 128×5 → maxout 128×5 → 1 instead of 8000 and
     *       1200×5 units: about 5M multiply-adds per face and network pass instead of about 100M (TFD config on 48×48);</li>
     *   <li>minibatches of {@value #OLIVETTI_BATCH} instead of 100, so one pass over 300 faces is 6 updates,
     *       not 3;</li>
     *   <li>D's weights start at U(±{@value #OLIVETTI_D_IRANGE}) instead of U(±.005). With the tiny start D's
     *       output stayed at ½ for ~400 updates (its gradients are products of tiny weights; measured on the
     *       Olivetti faces with these sizes), a large part of a few-minute run; with .05 it moves within ~100.</li>
     * </ul>
     */
    public static GanConfig olivetti() {
        float c = TFD_MAX_COL_NORM;
        float dInit = OLIVETTI_D_IRANGE;
        List<LayerSpec> g = List.of(
                DenseSpec.of(OLIVETTI_G_UNITS, Activation.RELU).withIrange(0.05f).withMaxColNorm(c),
                DenseSpec.of(OLIVETTI_G_UNITS, Activation.SIGMOID).withIrange(0.05f).withBiasInit(BiasInit.constant(-2f))
                        .withMaxColNorm(c),
                DenseSpec.of(4096, Activation.SIGMOID).withWeightInit(WeightInit.sparse(100)).withMaxColNorm(c));
        List<LayerSpec> d = List.of(
                MaxoutSpec.of(OLIVETTI_D_UNITS, 5).withIrange(dInit).withInputDropout(Dropout.of(0.8f, 1.25f))
                        .withMaxColNorm(c),
                MaxoutSpec.of(OLIVETTI_D_UNITS, 5).withIrange(dInit).withInputDropout(Dropout.of(0.5f, 2f))
                        .withMaxColNorm(c),
                DenseSpec.of(1, Activation.SIGMOID).withIrange(dInit).withInputDropout(Dropout.of(0.5f, 2f))
                        .withMaxColNorm(c));
        return new GanConfig("olivetti", 100, NoisePrior.gaussian(), g, d, true, OLIVETTI_BATCH,
                ExponentialDecay.paper(0.05f), MomentumRamp.paper(), 1, UpdateOrder.SIMULTANEOUS,
                GeneratorLoss.NON_SATURATING, PAPER_D_LOSS_WEIGHT, Frozen.NONE);
    }

    private static final int OLIVETTI_G_UNITS = 512;
    private static final int OLIVETTI_D_UNITS = 128;
    private static final int OLIVETTI_BATCH = 50;
    private static final float OLIVETTI_D_IRANGE = 0.05f;

    /** Side of the downscaled Olivetti faces that {@link #olivetti32()} draws (64×64 averaged in 2×2 blocks). */
    public static final int OLIVETTI_32_SIDE = 32;

    /**
     * The released MNIST config on Olivetti faces downscaled to 32×32: {@link #paperMnist()} value for value
     * (uniform z of 100, G 100 → 1200 ReLU → 1200 ReLU → sigmoid with data-mean output biases, maxout D 240×5
     * twice with U(±.005) weights and dropout, batch 100, η = .1, μ = .5 → .7, simultaneous updates), except
     * that G's output layer has 32 × 32 = 1024 units instead of 784. Meant to be trained on the 300 training
     * faces plus their mirror images ({@code faces.downscale(2)}, {@code withMirrors()}), 600 examples,
     * 6 updates per epoch. Unlike {@link #olivetti()} (the TFD recipe at 64×64), whose samples collapse to one
     * face, this one keeps some variety after ~2,000 updates (notebook 08).
     */
    public static GanConfig olivetti32() {
        return paperMnist().withDataDim(OLIVETTI_32_SIDE * OLIVETTI_32_SIDE).withName("olivetti-32");
    }

    /**
     * A small 1-D game for Figure 1 and the theory notebooks: z ~ U(−√3, √3) (one coordinate),
     * G: 1 → 32 ReLU → 32 ReLU → 1 linear, D: 1 → maxout 32×3 → maxout 32×3 → sigmoid (no dropout),
     * batch 64, constant η = .05 and μ = .5, Algorithm 1 (sequential) with k = 3 D steps per G step,
     * non-saturating G loss. Use with {@link GanData#of(org.ganworkbook.sampling.DataSampler, int)}.
     * (With k = 1 and these rates, G overtakes D on N(4, 0.5): D stays at 1/2 while G's spread is about
     * 0.78; three D steps keep D near its optimum, as Proposition 2 assumes, and G's spread comes out
     * at 0.5.)
     */
    public static GanConfig toy1d() {
        List<LayerSpec> g = List.of(
                DenseSpec.of(32, Activation.RELU).withIrange(0.5f),
                DenseSpec.of(32, Activation.RELU).withIrange(0.2f),
                DenseSpec.of(1, Activation.IDENTITY).withIrange(0.2f));
        List<LayerSpec> d = List.of(
                MaxoutSpec.of(32, 3).withIrange(0.5f),
                MaxoutSpec.of(32, 3).withIrange(0.2f),
                DenseSpec.of(1, Activation.SIGMOID).withIrange(0.2f));
        return new GanConfig("toy-1d", 1, NoisePrior.uniformPaper(), g, d, false, 64,
                constantLearningRate(0.05f), constantMomentum(0.5f), 3, UpdateOrder.SEQUENTIAL,
                GeneratorLoss.NON_SATURATING, PAPER_D_LOSS_WEIGHT, Frozen.NONE);
    }

    /**
     * A 2-D game for mode collapse on a ring of Gaussians: z ~ N(0, I_8), G: 8 → 128 ReLU → 128 ReLU →
     * 2 linear, D: 2 → maxout 64×3 → maxout 64×3 → sigmoid (no dropout), batch 128, constant η = .02
     * and μ = .5, Algorithm 1 (sequential, k = 1), non-saturating G loss.
     */
    public static GanConfig toyRing() {
        List<LayerSpec> g = List.of(
                DenseSpec.of(128, Activation.RELU).withIrange(0.3f),
                DenseSpec.of(128, Activation.RELU).withIrange(0.1f),
                DenseSpec.of(2, Activation.IDENTITY).withIrange(0.1f));
        List<LayerSpec> d = List.of(
                MaxoutSpec.of(64, 3).withIrange(0.5f),
                MaxoutSpec.of(64, 3).withIrange(0.1f),
                DenseSpec.of(1, Activation.SIGMOID).withIrange(0.1f));
        return new GanConfig("toy-ring", 8, NoisePrior.gaussian(), g, d, false, 128,
                constantLearningRate(0.02f), constantMomentum(0.5f), 1, UpdateOrder.SEQUENTIAL,
                GeneratorLoss.NON_SATURATING, PAPER_D_LOSS_WEIGHT, Frozen.NONE);
    }

    /** A learning rate that never decays. */
    public static ExponentialDecay constantLearningRate(float lr) {
        return new ExponentialDecay(lr, 1.0, 0.0);
    }

    /** A momentum that never changes. */
    public static MomentumRamp constantMomentum(float mu) {
        return new MomentumRamp(mu, mu, 1, 1);
    }

    public GanConfig withName(String name) {
        return toBuilder().name(name).build();
    }

    /** Another z length (G's first layer takes it as input). */
    public GanConfig withLatentDim(int latentDim) {
        return toBuilder().latentDim(latentDim).build();
    }

    public GanConfig withNoise(NoisePrior noise) {
        return toBuilder().noise(noise).build();
    }

    public GanConfig withGenerator(List<? extends LayerSpec> generator) {
        return toBuilder().generator(generator).build();
    }

    /**
     * The same config for data of another size: G's output layer gets {@code pixels} units, everything else
     * (its init, activation, column limit) is kept. D's input size follows from the data.
     */
    public GanConfig withDataDim(int pixels) {
        if (pixels < 1) {
            throw new IllegalArgumentException("pixels must be >= 1, got " + pixels);
        }
        List<LayerSpec> g = new ArrayList<>(generator);
        LayerSpec last = g.get(g.size() - 1);
        if (!(last instanceof DenseSpec d)) {
            throw new IllegalArgumentException("G's output layer must be dense to resize it, got " + describe(last));
        }
        g.set(g.size() - 1, d.withUnits(pixels));
        return withGenerator(g);
    }

    public GanConfig withDiscriminator(List<? extends LayerSpec> discriminator) {
        return toBuilder().discriminator(discriminator).build();
    }

    public GanConfig withGeneratorBiasFromData(boolean fromData) {
        return toBuilder().generatorBiasFromData(fromData).build();
    }

    public GanConfig withBatchSize(int batchSize) {
        return toBuilder().batchSize(batchSize).build();
    }

    public GanConfig withLearningRate(ExponentialDecay learningRate) {
        return toBuilder().learningRate(learningRate).build();
    }

    /** A constant learning rate η (no decay). */
    public GanConfig withLearningRate(float lr) {
        return withLearningRate(constantLearningRate(lr));
    }

    public GanConfig withMomentum(MomentumRamp momentum) {
        return toBuilder().momentum(momentum).build();
    }

    /** A constant momentum μ. */
    public GanConfig withMomentum(float mu) {
        return withMomentum(constantMomentum(mu));
    }

    /** k D steps per G step; k > 1 needs sequential updates. */
    public GanConfig withK(int k) {
        return toBuilder().k(k).build();
    }

    public GanConfig withUpdateOrder(UpdateOrder updateOrder) {
        return toBuilder().updateOrder(updateOrder).build();
    }

    public GanConfig withGeneratorLoss(GeneratorLoss generatorLoss) {
        return toBuilder().generatorLoss(generatorLoss).build();
    }

    public GanConfig withDiscriminatorLossWeight(float weight) {
        return toBuilder().discriminatorLossWeight(weight).build();
    }

    public GanConfig withFrozen(Frozen frozen) {
        return toBuilder().frozen(frozen).build();
    }

    /** A builder holding this config's values, to change several at once ({@code c.toBuilder().k(3).batchSize(64).build()}). */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.name = name;
        b.latentDim = latentDim;
        b.noise = noise;
        b.generator = generator;
        b.discriminator = discriminator;
        b.generatorBiasFromData = generatorBiasFromData;
        b.batchSize = batchSize;
        b.learningRate = learningRate;
        b.momentum = momentum;
        b.k = k;
        b.updateOrder = updateOrder;
        b.generatorLoss = generatorLoss;
        b.discriminatorLossWeight = discriminatorLossWeight;
        b.frozen = frozen;
        return b;
    }

    /**
     * A config under construction: start from an existing one ({@link #toBuilder()}), change what differs,
     * {@link #build()} checks it. A new hyperparameter is one record component, one field and setter here,
     * one line of {@link #toString()} and one of the checkpoint codec.
     */
    public static final class Builder {
        private String name;
        private int latentDim;
        private NoisePrior noise;
        private List<LayerSpec> generator;
        private List<LayerSpec> discriminator;
        private boolean generatorBiasFromData;
        private int batchSize;
        private ExponentialDecay learningRate;
        private MomentumRamp momentum;
        private int k;
        private UpdateOrder updateOrder;
        private GeneratorLoss generatorLoss;
        private float discriminatorLossWeight;
        private Frozen frozen;

        private Builder() {
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder latentDim(int latentDim) {
            this.latentDim = latentDim;
            return this;
        }

        public Builder noise(NoisePrior noise) {
            this.noise = noise;
            return this;
        }

        public Builder generator(List<? extends LayerSpec> generator) {
            this.generator = List.copyOf(generator);
            return this;
        }

        public Builder discriminator(List<? extends LayerSpec> discriminator) {
            this.discriminator = List.copyOf(discriminator);
            return this;
        }

        public Builder generatorBiasFromData(boolean generatorBiasFromData) {
            this.generatorBiasFromData = generatorBiasFromData;
            return this;
        }

        public Builder batchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        public Builder learningRate(ExponentialDecay learningRate) {
            this.learningRate = learningRate;
            return this;
        }

        public Builder momentum(MomentumRamp momentum) {
            this.momentum = momentum;
            return this;
        }

        public Builder k(int k) {
            this.k = k;
            return this;
        }

        public Builder updateOrder(UpdateOrder updateOrder) {
            this.updateOrder = updateOrder;
            return this;
        }

        public Builder generatorLoss(GeneratorLoss generatorLoss) {
            this.generatorLoss = generatorLoss;
            return this;
        }

        public Builder discriminatorLossWeight(float discriminatorLossWeight) {
            this.discriminatorLossWeight = discriminatorLossWeight;
            return this;
        }

        public Builder frozen(Frozen frozen) {
            this.frozen = frozen;
            return this;
        }

        /** The config; the record's constructor checks every field. */
        public GanConfig build() {
            return new GanConfig(name, latentDim, noise, generator, discriminator, generatorBiasFromData, batchSize, learningRate, momentum, k, updateOrder, generatorLoss, discriminatorLossWeight, frozen);
        }
    }

    /** The same config with pylearn2's {@code max_col_norm} set on every layer of G and D (TFD: 1.9365). */
    public GanConfig withMaxColNorm(float norm) {
        return withGenerator(maxColNorm(generator, norm)).withDiscriminator(maxColNorm(discriminator, norm));
    }

    private static List<LayerSpec> maxColNorm(List<LayerSpec> specs, float norm) {
        List<LayerSpec> out = new ArrayList<>();
        for (LayerSpec s : specs) {
            out.add(s.withInit(s.init().withMaxColNorm(norm)));
        }
        return out;
    }

    /**
     * The shapes that parameters depend on, e.g.
     * {@code G 100-1200 relu-1200 relu-784 sigmoid; D 784-240x5 maxout-240x5 maxout-1 sigmoid}.
     * Two configs with the same architecture can share parameters (and checkpoints).
     */
    public String architecture(int dataDim) {
        StringBuilder sb = new StringBuilder("G ").append(latentDim);
        for (LayerSpec s : generator) {
            sb.append('-').append(s.shape());
        }
        sb.append("; D ").append(dataDim);
        for (LayerSpec s : discriminator) {
            sb.append('-').append(s.shape());
        }
        return sb.toString();
    }

    /** Output size of G, which must equal the data dimension. */
    public int dataDim() {
        return generator.get(generator.size() - 1).units();
    }

    /** η of the iteration with 0-based index {@code step}. */
    public float learningRateAt(long step) {
        return learningRate.learningRate(step);
    }

    /** μ during epoch {@code epoch} (1 = the first). */
    public float momentumAt(int epoch) {
        return momentum.momentum(epoch);
    }

    static String describe(LayerSpec s) {
        return s.describe();
    }

    /** The whole config, one setting per line (printed with every run). */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("GanConfig ").append(name).append('\n');
        line(sb, "noise", "z ~ " + noise + "^" + latentDim + " (" + noise.description() + ")");
        for (int i = 0; i < generator.size(); i++) {
            String layer = (i == generator.size() - 1 ? "y" : "h" + i) + ": " + describe(generator.get(i));
            if (i == generator.size() - 1 && generatorBiasFromData) {
                layer += " -> set to logit(per-pixel training mean), clipped at 1e-7";
            }
            line(sb, i == 0 ? "generator" : "", layer);
        }
        for (int i = 0; i < discriminator.size(); i++) {
            String layer = (i == discriminator.size() - 1 ? "y" : "h" + i) + ": " + describe(discriminator.get(i));
            line(sb, i == 0 ? "discriminator" : "", layer);
        }
        line(sb, "batch size", batchSize + " real examples and " + batchSize + " noise vectors per step");
        ExponentialDecay lr = learningRate;
        line(sb, "learning rate", lr.decay() == 1.0 ? "constant " + lr.initial()
                : lr.initial() + ", divided by " + lr.decay() + " after every step, floor " + lr.minLr()
                + " (shared by D and G)");
        MomentumRamp mu = momentum;
        line(sb, "momentum", mu.initial() == mu.finalMomentum() ? "constant " + mu.initial() + " (plain)"
                : mu.initial() + " -> " + mu.finalMomentum() + " linearly over epochs " + mu.start() + ".."
                + mu.saturate() + " (plain, shared by D and G)");
        line(sb, "updates", updateOrder == UpdateOrder.SIMULTANEOUS
                ? "simultaneous: one forward pass, both gradients at the pre-update parameters (k = 1)"
                : "sequential (Algorithm 1): k = " + k + " D step(s) on fresh minibatches, then a G step on fresh noise");
        line(sb, "D loss", discriminatorLossWeight + " * (BCE(D(x), 1) + BCE(D(G(z)), 0))");
        line(sb, "G loss", generatorLoss == GeneratorLoss.NON_SATURATING
                ? "-log D(G(z)) (non-saturating)" : "log(1 - D(G(z))) (saturating, minimax)");
        line(sb, "frozen", frozen == Frozen.NONE ? "none" : frozen.name().toLowerCase(Locale.ROOT)
                + " (not updated)");
        return sb.toString().stripTrailing();
    }

    private static void line(StringBuilder sb, String key, String value) {
        sb.append(String.format(Locale.ROOT, "  %-14s %s%n", key, value));
    }
}
