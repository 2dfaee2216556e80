package org.ganworkbook.gan;

import org.ejml.data.FMatrixRMaj;
import org.ganworkbook.nn.BiasInit;
import org.ganworkbook.nn.BinaryCrossEntropy;
import org.ganworkbook.nn.LayerSpec;
import org.ganworkbook.nn.Mlp;
import org.ganworkbook.nn.Mode;
import org.ganworkbook.nn.ParamGrads;
import org.ganworkbook.nn.Parameter;
import org.ganworkbook.nn.Workspace;
import org.ganworkbook.optim.Sgd;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.random.RandomGenerator;

/**
 * Trains a GAN: Algorithm 1 of Goodfellow et al. 2014 (§4), in the released code's simultaneous form
 * or the paper's sequential one, for any G and D built from {@link GanConfig}'s layer specs, any noise
 * prior, and data from a training set or an endless sampler ({@link GanData}).
 *
 * <p>One iteration with {@link UpdateOrder#SIMULTANEOUS} (the released code, paper-setup §0), on a
 * minibatch of m real examples x and m noise vectors z, with a = D's logits:
 * <pre>
 *   xFake = G(z);  a = D([x; xFake]) with new dropout masks per row          (one forward pass)
 *   dLoss = w·mean softplus(−a_real) + w·mean softplus(a_fake)               (w = 0.5)
 *   gLoss = mean softplus(−a_fake) = −mean log D(G(z))                       (or log(1 − D(G(z))))
 *   g_D = ∂dLoss/∂θ_D,  g_G = ∂gLoss/∂θ_G through the same dropped-out D      (pre-update θ for both)
 *   v ← μ·v − η·g;  θ ← θ + v   for D and G together; then max column norms
 * </pre>
 * With {@link UpdateOrder#SEQUENTIAL}: k times (fresh minibatch and noise, D update), then fresh noise and
 * a G update through the updated D. η is the config's schedule at the iteration's index; μ is the
 * schedule at the current epoch.
 *
 * <p>Epochs: a training set is reshuffled every epoch and cut into ⌈N/m⌉ minibatches; an iteration uses
 * one (simultaneous) or k (sequential) of them, so an epoch of MNIST with m = 100 is 500 iterations.
 *
 * <p>Determinism: given the seed, everything random comes from streams derived from (seed, iteration) and
 * (seed, epoch) ({@link Seeds}); a run is reproducible bit for bit with the same matrix backend and thread
 * settings, and a run resumed from a checkpoint ({@link #save}, {@link #load}) continues exactly as the
 * uninterrupted one.
 *
 * <p>Stopping: between two iterations (never inside an update) the trainer stops if the thread is
 * interrupted (the flag stays set; a notebook's "interrupt kernel" does this), if {@link #requestStop()} was
 * called, or if a loss is NaN/infinite. In that last case the diverging update is not applied; if the
 * parameters themselves were already non-finite, the trainer is marked {@link #isBroken() broken} and
 * refuses to go on. Nothing is printed.
 *
 * <p>Not thread-safe: one thread trains; listeners run on it ({@link TrainingListener}).
 */
public final class GanTrainer {

    /** Default iterations between two step records. */
    public static final int DEFAULT_RECORD_EVERY = 50;

    private GanConfig config;
    private final GanData data;
    private final long seed;
    private final int dim;
    private final Mlp g;
    private final Mlp d;
    private final Sgd gSgd;
    private final Sgd dSgd;

    // counters: the whole resumable state besides parameters and velocities
    private long step;
    private int epoch = 1;
    private int iterationInEpoch;
    private double wallSeconds;

    // buffers, sized for the config's batch size
    private int capacity;
    private Workspace gWork;
    private Workspace dWork;
    private float[] z;
    private float[] dIn;
    private float[] dGrad;
    private float[] gGrad;
    private float[] dxFake;
    private int[] order;
    private int orderEpoch = -1;

    private final TrainingHistory history;
    private final List<TrainingListener> listeners = new CopyOnWriteArrayList<>();
    private int recordEvery = DEFAULT_RECORD_EVERY;
    private volatile boolean stopRequested;
    private String broken;
    private final Stats recordStats = new Stats();
    private final Stats epochStats = new Stats();

    // the last iteration's numbers (NaN = not computed)
    private double lastDLoss;
    private double lastGLoss;
    private double lastDReal;
    private double lastDFake;

    private GanTrainer(GanConfig config, GanData data, long seed, Mlp g, Mlp d) {
        this.config = config;
        this.data = data;
        this.seed = seed;
        this.dim = data.dim();
        this.g = g;
        this.d = d;
        this.gSgd = new Sgd(g.parameters());
        this.dSgd = new Sgd(d.parameters());
        this.history = new TrainingHistory(config, seed);
        allocate(config.batchSize());
    }

    /**
     * A new run: G and D initialised from the seed (G's output biases from the data's per-pixel means if
     * the config says so), velocities 0, at iteration 0 of epoch 1.
     *
     * @param config the experiment, e.g. {@link GanConfig#paperMnist()}
     * @param data   the real examples; their dimension must equal G's output size
     * @param seed   the seed every random choice of the run derives from
     */
    public static GanTrainer create(GanConfig config, GanData data, long seed) {
        checkCompatible(config, data);
        List<LayerSpec> gSpecs = new ArrayList<>(config.generator());
        if (config.generatorBiasFromData()) {
            if (!(data instanceof GanData.Matrix m)) {
                throw new IllegalArgumentException("the config sets G's output bias from the data's per-pixel means,"
                        + " which needs a training set (GanData.of(matrix)); got " + data
                        + ". Use config.withGeneratorBiasFromData(false).");
            }
            int last = gSpecs.size() - 1;
            LayerSpec out = gSpecs.get(last);
            gSpecs.set(last, out.withInit(out.init().withBiasInit(
                    BiasInit.logitOfMarginals(m.x().data, m.x().numRows, m.x().numCols))));
        }
        SplittableRandom init = Seeds.init(seed);
        Mlp g = Mlp.build(config.latentDim(), gSpecs, init);
        Mlp d = Mlp.build(data.dim(), config.discriminator(), init);
        return new GanTrainer(config, data, seed, g, d);
    }

    /** {@link #create(GanConfig, GanData, long)} with the seed drawn from {@code rng}. */
    public static GanTrainer create(GanConfig config, GanData data, RandomGenerator rng) {
        return create(config, data, rng.nextLong());
    }

    /** A trainer with given networks and state, for {@link Checkpoint}. */
    static GanTrainer restore(GanConfig config, GanData data, long seed, Mlp g, Mlp d) {
        checkCompatible(config, data);
        return new GanTrainer(config, data, seed, g, d);
    }

    private static void checkCompatible(GanConfig config, GanData data) {
        if (config.dataDim() != data.dim()) {
            throw new IllegalArgumentException("G makes " + config.dataDim() + " values per example but the data have "
                    + data.dim() + "; the config (" + config.name() + ") and the data do not match");
        }
        if (data.batchesPerEpoch(config.batchSize()) < batchesPerIteration(config)) {
            throw new IllegalArgumentException("an epoch of " + data + " has " + data.batchesPerEpoch(config.batchSize())
                    + " minibatches of " + config.batchSize() + ", fewer than the " + batchesPerIteration(config)
                    + " one iteration needs");
        }
    }

    private void allocate(int m) {
        capacity = m;
        gWork = g.newWorkspace(m);
        dWork = d.newWorkspace(2 * m);
        z = new float[m * config.latentDim()];
        dIn = new float[2 * m * dim];
        dGrad = new float[2 * m];
        gGrad = new float[m];
        dxFake = new float[m * dim];
    }

    // ------------------------------------------------------------------ training

    /**
     * Trains until {@code epochs} epochs have ended (a partly done current epoch counts as one), or until
     * it is stopped. Returns why it returned.
     */
    public TrainingResult trainEpochs(int epochs) {
        if (epochs < 0) {
            throw new IllegalArgumentException("epochs must be >= 0, got " + epochs);
        }
        return run(Long.MAX_VALUE, epochs);
    }

    /** Trains {@code steps} more iterations, or until it is stopped. */
    public TrainingResult trainSteps(long steps) {
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be >= 0, got " + steps);
        }
        return run(steps, Integer.MAX_VALUE);
    }

    private TrainingResult run(long maxSteps, int maxEpochs) {
        if (broken != null) {
            throw new IllegalStateException("this trainer cannot go on: " + broken);
        }
        stopRequested = false;
        long startStep = step;
        int epochsEnded = 0;
        long runStart = System.nanoTime();
        double wallAtStart = wallSeconds;
        try {
            while (step - startStep < maxSteps && epochsEnded < maxEpochs) {
                if (Thread.currentThread().isInterrupted()) {
                    return result(StopReason.INTERRUPTED, startStep, "interrupted at step " + step + " (epoch " + epoch
                            + "); the model is consistent (the last update completed); training can continue");
                }
                if (stopRequested) {
                    return result(StopReason.STOP_REQUESTED, startStep, "stopped on request at step " + step
                            + " (epoch " + epoch + ")");
                }
                if (iterationInEpoch >= iterationsPerEpoch()) {
                    endEpoch(); // only after a config change shortened the epoch
                    epochsEnded++;
                    continue;
                }
                long t0 = System.nanoTime();
                String failure = iterate();
                long t1 = System.nanoTime();
                wallSeconds = wallAtStart + (t1 - runStart) / 1e9;
                if (failure != null) {
                    return result(StopReason.DIVERGED, startStep, failure);
                }
                step++;
                iterationInEpoch++;
                double seconds = (t1 - t0) / 1e9;
                recordStats.add(lastDLoss, lastGLoss, lastDReal, lastDFake, seconds);
                epochStats.add(lastDLoss, lastGLoss, lastDReal, lastDFake, seconds);
                if (step % recordEvery == 0) {
                    TrainingRecord r = recordStats.record(step, epoch, learningRateAt(step - 1), momentum(), wallSeconds);
                    recordStats.clear();
                    history.addStep(r);
                    for (TrainingListener l : listeners) {
                        l.onRecord(r, this);
                    }
                }
                if (iterationInEpoch >= iterationsPerEpoch()) {
                    endEpoch();
                    epochsEnded++;
                }
                wallSeconds = wallAtStart + (System.nanoTime() - runStart) / 1e9;
            }
            return result(StopReason.COMPLETED, startStep, "trained " + (step - startStep) + " steps; now at step "
                    + step + " (epoch " + epoch + ", iteration " + iterationInEpoch + " of " + iterationsPerEpoch() + ")");
        } finally {
            wallSeconds = wallAtStart + (System.nanoTime() - runStart) / 1e9;
        }
    }

    private void endEpoch() {
        TrainingRecord r = epochStats.record(step, epoch, step > 0 ? learningRateAt(step - 1) : learningRateAt(0),
                momentum(), wallSeconds);
        epochStats.clear();
        epoch++;
        iterationInEpoch = 0;
        history.addEpoch(r);
        for (TrainingListener l : listeners) {
            l.onEpoch(r, this);
        }
    }

    private TrainingResult result(StopReason reason, long startStep, String message) {
        return new TrainingResult(reason, step - startStep, step, epoch, message);
    }

    /** One iteration; returns null, or why it was not applied (a non-finite loss). */
    private String iterate() {
        lastDLoss = Double.NaN;
        lastGLoss = Double.NaN;
        lastDReal = Double.NaN;
        lastDFake = Double.NaN;
        SplittableRandom rng = Seeds.step(seed, step);
        float lr = learningRateAt(step);
        float mu = momentum();
        Frozen frozen = config.frozen();
        if (config.updateOrder() == UpdateOrder.SIMULTANEOUS) {
            return simultaneous(rng, lr, mu, frozen.trainsDiscriminator(), frozen.trainsGenerator());
        }
        if (frozen.trainsDiscriminator()) {
            double dLossSum = 0;
            double realSum = 0;
            double fakeSum = 0;
            for (int j = 0; j < config.k(); j++) {
                int m = realBatch(iterationInEpoch * config.k() + j, rng);
                fakeBatch(m, rng);
                System.arraycopy(gWork.output(), 0, dIn, m * dim, m * dim);
                d.forward(dWork, dIn, 0, 2 * m, Mode.TRAIN, rng);
                float[] a = dWork.preActivation();
                double dLoss = discriminatorLoss(a, m);
                if (!Double.isFinite(dLoss)) {
                    return diverged("D loss", dLoss, lr);
                }
                dLossSum += dLoss;
                realSum += meanSigmoid(a, 0, m);
                fakeSum += meanSigmoid(a, m, m);
                d.backwardFromPreActivation(dWork, dGrad, 0, 2 * m, ParamGrads.SET, null);
                Sgd.step(dSgd, null, lr, mu);
                d.applyMaxColNorm();
            }
            lastDLoss = dLossSum / config.k();
            lastDReal = realSum / config.k();
            lastDFake = fakeSum / config.k();
        }
        if (frozen.trainsGenerator()) {
            int m = config.batchSize();
            float[] xFake = fakeBatch(m, rng);
            d.forward(dWork, xFake, 0, m, Mode.TRAIN, rng);
            float[] a = dWork.preActivation();
            double gLoss = generatorLoss(a, 0, m);
            if (!Double.isFinite(gLoss)) {
                return diverged("G loss", gLoss, lr);
            }
            lastGLoss = gLoss;
            if (!frozen.trainsDiscriminator()) {
                lastDFake = meanSigmoid(a, 0, m);
            }
            d.backwardFromPreActivation(dWork, gGrad, 0, m, ParamGrads.SKIP, dxFake);
            g.backward(gWork, dxFake, 0, m, ParamGrads.SET, null);
            Sgd.step(gSgd, null, lr, mu);
            g.applyMaxColNorm();
        }
        return null;
    }

    /** The released code's step: one forward pass, both gradients at the pre-update parameters. */
    private String simultaneous(SplittableRandom rng, float lr, float mu, boolean trainD, boolean trainG) {
        int m = realBatch(iterationInEpoch, rng);
        float[] xFake = fakeBatch(m, rng);
        System.arraycopy(xFake, 0, dIn, m * dim, m * dim);
        d.forward(dWork, dIn, 0, 2 * m, Mode.TRAIN, rng);
        float[] a = dWork.preActivation();
        double dLoss = discriminatorLoss(a, m);
        double gLoss = generatorLoss(a, m, m);
        lastDReal = meanSigmoid(a, 0, m);
        lastDFake = meanSigmoid(a, m, m);
        if (!Double.isFinite(dLoss)) {
            return diverged("D loss", dLoss, lr);
        }
        if (!Double.isFinite(gLoss)) {
            return diverged("G loss", gLoss, lr);
        }
        lastDLoss = dLoss;
        lastGLoss = gLoss;
        if (trainD) {
            d.backwardFromPreActivation(dWork, dGrad, 0, 2 * m, ParamGrads.SET, null);
        }
        if (trainG) {
            d.backwardFromPreActivation(dWork, gGrad, m, m, ParamGrads.SKIP, dxFake);
            g.backward(gWork, dxFake, 0, m, ParamGrads.SET, null);
        }
        Sgd.step(trainD ? dSgd : gSgd, trainD && trainG ? gSgd : null, lr, mu);
        if (trainD) {
            d.applyMaxColNorm();
        }
        if (trainG) {
            g.applyMaxColNorm();
        }
        return null;
    }

    /** Fills dIn[0, m·dim) with minibatch {@code b} of the epoch; returns m. */
    private int realBatch(int b, SplittableRandom rng) {
        int m = config.batchSize();
        if (data instanceof GanData.Matrix matrix) {
            if (orderEpoch != epoch) {
                order = matrix.permutation(Seeds.shuffle(seed, epoch));
                orderEpoch = epoch;
            }
            int rows = matrix.rowsInBatch(b, m);
            matrix.gather(order, b, m, rows, dIn);
            return rows;
        }
        ((GanData.Sampler) data).sampler().sampleRows(dIn, 0, m, rng);
        return m;
    }

    /** z ~ p_z for m rows, then G(z) in the G workspace (training mode); returns G's output array. */
    private float[] fakeBatch(int m, SplittableRandom rng) {
        config.noise().sample(z, 0, m * config.latentDim(), rng);
        return g.forward(gWork, z, 0, m, Mode.TRAIN, rng);
    }

    /** D loss on logits a[0, 2m) (real rows first); writes its gradient to dGrad. */
    private double discriminatorLoss(float[] a, int m) {
        float w = config.discriminatorLossWeight();
        return BinaryCrossEntropy.loss(a, 0, m, 1f, w, dGrad, 0) + BinaryCrossEntropy.loss(a, m, m, 0f, w, dGrad, m);
    }

    /** G loss on fake logits a[off, off + m); writes its gradient to gGrad. */
    private double generatorLoss(float[] a, int off, int m) {
        return config.generatorLoss() == GeneratorLoss.NON_SATURATING
                ? BinaryCrossEntropy.loss(a, off, m, 1f, 1f, gGrad, 0)     // −log σ(a)
                : BinaryCrossEntropy.loss(a, off, m, 0f, -1f, gGrad, 0);   // log(1 − σ(a)) = −softplus(a)
    }

    private static double meanSigmoid(float[] a, int off, int n) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += BinaryCrossEntropy.sigmoid(a[off + i]);
        }
        return sum / n;
    }

    private String diverged(String which, double value, float lr) {
        String where = String.format(Locale.ROOT, "step %d (epoch %d): the %s is %s (learning rate %.4g, momentum %.3f)",
                step, epoch, which, value, lr, momentum());
        String bad = firstNonFinite();
        if (bad != null) {
            broken = where + "; the parameters were already non-finite (" + bad + ") after the previous update."
                    + " The model is not usable: load an earlier checkpoint, and lower the learning rate";
            return broken;
        }
        return where + ". That update was not applied: the model is the last finite one (after step " + step
                + "). Try a lower learning rate";
    }

    private String firstNonFinite() {
        for (Mlp net : List.of(g, d)) {
            for (Parameter p : net.parameters()) {
                float[] v = p.value();
                for (int i = 0; i < v.length; i++) {
                    if (!Float.isFinite(v[i])) {
                        return (net == g ? "G " : "D ") + p.name() + "[" + i + "] = " + v[i];
                    }
                }
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ state

    /** Minibatches one iteration takes from the data: k (sequential) or 1 (simultaneous). */
    private static int batchesPerIteration(GanConfig c) {
        return c.updateOrder() == UpdateOrder.SEQUENTIAL ? c.k() : 1;
    }

    /** Iterations in an epoch: ⌊minibatches per epoch / minibatches per iteration⌋ (500 for paper MNIST). */
    public int iterationsPerEpoch() {
        return data.batchesPerEpoch(config.batchSize()) / batchesPerIteration(config);
    }

    /** η of iteration {@code t} (0-based). */
    private float learningRateAt(long t) {
        return config.learningRateAt(t);
    }

    /** η the next iteration will use. */
    public float learningRate() {
        return learningRateAt(step);
    }

    /** μ of the current epoch. */
    public float momentum() {
        return config.momentumAt(epoch);
    }

    /** Iterations completed since the start of the run. */
    public long step() {
        return step;
    }

    /** The current epoch, counting from 1. */
    public int epoch() {
        return epoch;
    }

    /** Iterations completed in the current epoch. */
    public int iterationInEpoch() {
        return iterationInEpoch;
    }

    /** Training time of the run so far, in seconds (continued across resumes). */
    public double wallSeconds() {
        return wallSeconds;
    }

    public GanConfig config() {
        return config;
    }

    /**
     * Changes hyperparameters between two train calls (e.g. freeze D for a while, another learning rate
     * or loss form). The networks must stay the same: latent size and layer shapes may not change.
     */
    public void setConfig(GanConfig newConfig) {
        String now = config.architecture(dim);
        String next = newConfig.architecture(dim);
        if (!now.equals(next)) {
            throw new IllegalArgumentException("the new config has other networks (" + next + ") than this trainer ("
                    + now + "); start a new trainer for another architecture");
        }
        checkCompatible(newConfig, data);
        this.config = newConfig;
        if (newConfig.batchSize() != capacity) {
            allocate(newConfig.batchSize());
        }
    }

    public GanData data() {
        return data;
    }

    public long seed() {
        return seed;
    }

    /** G, the generator (its parameters are live: training changes them). */
    public Mlp generator() {
        return g;
    }

    /** D, the discriminator (live). */
    public Mlp discriminator() {
        return d;
    }

    /** D's training workspace (the last iteration's activations and dropout masks), for tests. */
    Workspace discriminatorWorkspace() {
        return dWork;
    }

    /** G's training workspace, for tests. */
    Workspace generatorWorkspace() {
        return gWork;
    }

    Sgd generatorOptimizer() {
        return gSgd;
    }

    Sgd discriminatorOptimizer() {
        return dSgd;
    }

    void restoreCounters(long step, int epoch, int iterationInEpoch, double wallSeconds) {
        this.step = step;
        this.epoch = epoch;
        this.iterationInEpoch = iterationInEpoch;
        this.wallSeconds = wallSeconds;
    }

    public TrainingHistory history() {
        return history;
    }

    /** The numbers of the last completed iteration, e.g. for a progress bar (NaN = not computed). */
    public TrainingRecord lastIteration() {
        return new TrainingRecord(step, epoch, 1, lastDLoss, lastGLoss, lastDReal, lastDFake,
                step > 0 ? learningRateAt(step - 1) : learningRateAt(0), momentum(), Double.NaN, wallSeconds);
    }

    public void addListener(TrainingListener listener) {
        listeners.add(listener);
    }

    public void removeListener(TrainingListener listener) {
        listeners.remove(listener);
    }

    /** Iterations between two step records (and {@link TrainingListener#onRecord} calls). */
    public int recordEvery() {
        return recordEvery;
    }

    /** Sets the iterations between two step records; returns this trainer. */
    public GanTrainer recordEvery(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("recordEvery must be >= 1, got " + n);
        }
        this.recordEvery = n;
        return this;
    }

    /** Asks the running train call to return before its next iteration (any thread may call it). */
    public void requestStop() {
        stopRequested = true;
    }

    /** True if a parameter became NaN or infinite; the trainer then refuses to train. */
    public boolean isBroken() {
        return broken != null;
    }

    // ------------------------------------------------------------------ using the model

    /** n noise vectors z ~ p_z as rows of a new [n, latentDim] matrix. */
    public FMatrixRMaj noise(int n, RandomGenerator rng) {
        return Samples.noise(config.noise(), n, config.latentDim(), rng);
    }

    /** G(z) for the rows of {@code z} ([n, latentDim]; not modified), without dropout: a new [n, dim] matrix. */
    public FMatrixRMaj generate(FMatrixRMaj z) {
        return Samples.generate(g, z);
    }

    /** n samples G(z), z ~ p_z, as rows of a new [n, dim] matrix. */
    public FMatrixRMaj sample(int n, RandomGenerator rng) {
        return generate(noise(n, rng));
    }

    /** D(x) in evaluation mode (no dropout) for the rows of {@code x} ([n, dim]; not modified). */
    public double[] discriminate(FMatrixRMaj x) {
        FMatrixRMaj out = d.predict(x);
        double[] p = new double[out.numRows];
        for (int i = 0; i < p.length; i++) {
            p[i] = out.data[i];
        }
        return p;
    }

    // ------------------------------------------------------------------ checkpoints

    /** Writes a checkpoint of everything needed to continue bit-identically ({@link Checkpoint}). */
    public void save(Path file) throws IOException {
        Checkpoint.write(file, this);
    }

    /**
     * Continues a run from a checkpoint written by {@link #save}. {@code data} must be the data it was
     * trained on (checked by fingerprint). The config is the checkpoint's own.
     */
    public static GanTrainer load(Path file, GanData data) throws IOException {
        return Checkpoint.read(file).trainer(data);
    }

    @Override
    public String toString() {
        return "GanTrainer[" + config.name() + ", seed " + seed + ", step " + step + ", epoch " + epoch + " ("
                + iterationInEpoch + "/" + iterationsPerEpoch() + "), " + data + (broken != null ? ", BROKEN" : "") + "]";
    }

    /** Sums over a stretch of iterations, skipping NaN (not computed) values. */
    private static final class Stats {
        final double[] sum = new double[4];
        final int[] count = new int[4];
        int steps;
        double seconds;

        void add(double dLoss, double gLoss, double dReal, double dFake, double s) {
            put(0, dLoss);
            put(1, gLoss);
            put(2, dReal);
            put(3, dFake);
            steps++;
            seconds += s;
        }

        private void put(int i, double v) {
            if (!Double.isNaN(v)) {
                sum[i] += v;
                count[i]++;
            }
        }

        double mean(int i) {
            return count[i] == 0 ? Double.NaN : sum[i] / count[i];
        }

        TrainingRecord record(long step, int epoch, float lr, float mu, double wall) {
            return new TrainingRecord(step, epoch, steps, mean(0), mean(1), mean(2), mean(3), lr, mu,
                    seconds > 0 ? steps / seconds : Double.NaN, wall);
        }

        void clear() {
            java.util.Arrays.fill(sum, 0);
            java.util.Arrays.fill(count, 0);
            steps = 0;
            seconds = 0;
        }
    }
}
