package org.ganworkbook.gan;

import org.ganworkbook.nn.BinaryCrossEntropy;
import org.ganworkbook.nn.Mlp;
import org.ganworkbook.nn.Mode;
import org.ganworkbook.nn.ParamGrads;
import org.ganworkbook.nn.Parameter;
import org.ganworkbook.nn.Workspace;
import org.ganworkbook.numeric.FiniteDifferences;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The trainer's step against the math: gradients of one step against finite differences of the losses
 * (both G loss forms, through D's dropout), and which parameters each update order uses.
 */
class GanTrainerMathTest {

    static final long SEED = 21L;

    /** The losses of iteration 0, recomputed from scratch with the same minibatch, z and dropout masks. */
    static final class StepZero {
        final GanConfig config;
        final Mlp g;
        final Mlp d;
        final float[] xReal;
        final int m;

        StepZero(GanConfig config, GanTrainer fresh) {
            this.config = config;
            this.g = fresh.generator();
            this.d = fresh.discriminator();
            this.m = config.batchSize();
            GanData.Matrix data = (GanData.Matrix) fresh.data();
            int[] order = data.permutation(Seeds.shuffle(SEED, 1));
            xReal = new float[m * TinyGan.DIM];
            data.gather(order, 0, m, m, xReal);
        }

        /** {dLoss, gLoss} at the current parameters of g and d. */
        double[] losses() {
            SplittableRandom rng = Seeds.step(SEED, 0);
            float[] z = new float[m * config.latentDim()];
            config.noise().sample(z, 0, z.length, rng);
            Workspace gw = g.newWorkspace(m);
            Workspace dw = d.newWorkspace(2 * m);
            float[] xFake = g.forward(gw, z, 0, m, Mode.TRAIN, rng);
            float[] in = new float[2 * m * TinyGan.DIM];
            System.arraycopy(xReal, 0, in, 0, xReal.length);
            System.arraycopy(xFake, 0, in, xReal.length, xReal.length);
            d.forward(dw, in, 0, 2 * m, Mode.TRAIN, rng);
            float[] a = dw.preActivation();
            double real = 0;
            double fake = 0;
            double gain = 0;
            for (int i = 0; i < m; i++) {
                real += BinaryCrossEntropy.softplus(-a[i]);
                fake += BinaryCrossEntropy.softplus(a[m + i]);
                gain += BinaryCrossEntropy.softplus(-a[m + i]);
            }
            double w = config.discriminatorLossWeight();
            double dLoss = w * real / m + w * fake / m;
            double gLoss = config.generatorLoss() == GeneratorLoss.NON_SATURATING ? gain / m : -fake / m;
            return new double[]{dLoss, gLoss};
        }
    }

    @ParameterizedTest
    @EnumSource(GeneratorLoss.class)
    void oneStepsGradientsMatchFiniteDifferences(GeneratorLoss form) {
        GanConfig config = TinyGan.config().withGeneratorLoss(form);
        GanTrainer stepped = GanTrainer.create(config, TinyGan.gandata(), SEED);
        stepped.trainSteps(1); // leaves the step's gradients in the parameters
        StepZero zero = new StepZero(config, GanTrainer.create(config, TinyGan.gandata(), SEED));
        double[] at = zero.losses();
        assertEquals(at[0], stepped.lastIteration().dLoss(), 1e-9, "the trainer's D loss is 0.5 (BCE real + BCE fake)");
        assertEquals(at[1], stepped.lastIteration().gLoss(), 1e-9, "the trainer's G loss has the " + form + " form");
        check("D", zero.d.parameters(), stepped.discriminator().parameters(), () -> zero.losses()[0]);
        check("G", zero.g.parameters(), stepped.generator().parameters(), () -> zero.losses()[1]);
    }

    /** Finite differences of {@code loss} over {@code params} against the stepped trainer's gradients. */
    private static void check(String net, List<Parameter> params, List<Parameter> withGrads,
                              java.util.function.DoubleSupplier loss) {
        double h = 1e-3;
        int bad = 0;
        int checked = 0;
        StringBuilder worst = new StringBuilder();
        for (int p = 0; p < params.size(); p++) {
            float[] x = params.get(p).value();
            float[] grad = withGrads.get(p).grad();
            for (int i = 0; i < x.length; i += Math.max(1, x.length / 25)) {
                double numeric = FiniteDifferences.partial(x, i, loss, h);
                double err = Math.abs(numeric - grad[i]) / Math.max(Math.abs(numeric) + Math.abs(grad[i]), 1e-3);
                checked++;
                if (err > 2e-2) {
                    bad++;
                    worst.append(String.format(" %s[%d] analytic %.6g numeric %.6g;", params.get(p).name(), i, grad[i],
                            numeric));
                }
            }
        }
        // a step across a maxout or ReLU kink can spoil a coordinate; a wrong sign or factor spoils all
        assertTrue(bad <= checked / 20, net + ": " + bad + " of " + checked + " coordinates off:" + worst);
        assertTrue(checked > 40, "checked " + checked);
    }

    @Test
    void simultaneousUsesThePreUpdateDiscriminatorForG() {
        GanConfig config = TinyGan.config().withLearningRate(0.5f); // a big D step: its effect is visible
        GanTrainer stepped = GanTrainer.create(config, TinyGan.gandata(), SEED);
        stepped.trainSteps(1);
        GanTrainer fresh = GanTrainer.create(config, TinyGan.gandata(), SEED);
        StepZero zero = new StepZero(config, fresh);
        // G's gradient recomputed with D at its initial parameters: bit-identical to the trainer's
        List<float[]> pre = generatorGradient(zero, fresh.discriminator());
        List<float[]> post = generatorGradient(zero, stepped.discriminator());
        for (int i = 0; i < pre.size(); i++) {
            assertArrayEquals(pre.get(i), stepped.generator().parameters().get(i).grad(), "G grad " + i);
        }
        assertFalse(java.util.Arrays.equals(pre.get(0), post.get(0)), "D's update changes G's gradient");
    }

    /** ∂gLoss/∂θ_G for iteration 0's z and masks, with D's parameters taken from {@code dParams}. */
    private static List<float[]> generatorGradient(StepZero zero, Mlp dParams) {
        Mlp d = zero.d;
        Mlp saved = Mlp.build(TinyGan.DIM, zero.config.discriminator(), new SplittableRandom(0));
        saved.copyParametersFrom(d);
        d.copyParametersFrom(dParams);
        try {
            int m = zero.m;
            SplittableRandom rng = Seeds.step(SEED, 0);
            float[] z = new float[m * zero.config.latentDim()];
            zero.config.noise().sample(z, 0, z.length, rng);
            Workspace gw = zero.g.newWorkspace(m);
            Workspace dw = d.newWorkspace(2 * m);
            float[] xFake = zero.g.forward(gw, z, 0, m, Mode.TRAIN, rng);
            float[] in = new float[2 * m * TinyGan.DIM];
            System.arraycopy(zero.xReal, 0, in, 0, zero.xReal.length);
            System.arraycopy(xFake, 0, in, zero.xReal.length, zero.xReal.length);
            d.forward(dw, in, 0, 2 * m, Mode.TRAIN, rng);
            float[] gA = new float[m];
            BinaryCrossEntropy.loss(dw.preActivation(), m, m, 1f, 1f, gA, 0);
            float[] dx = new float[m * TinyGan.DIM];
            d.backwardFromPreActivation(dw, gA, m, m, ParamGrads.SKIP, dx);
            zero.g.backward(gw, dx, 0, m, ParamGrads.SET, null);
            List<float[]> out = new ArrayList<>();
            for (Parameter p : zero.g.parameters()) {
                out.add(p.grad().clone());
            }
            return out;
        } finally {
            d.copyParametersFrom(saved);
        }
    }

    @Test
    void sequentialTrainsGThroughTheUpdatedDiscriminator() {
        GanConfig config = TinyGan.config().withUpdateOrder(UpdateOrder.SEQUENTIAL).withLearningRate(0.5f);
        GanTrainer stepped = GanTrainer.create(config, TinyGan.gandata(), SEED);
        stepped.trainSteps(1);
        GanTrainer fresh = GanTrainer.create(config, TinyGan.gandata(), SEED);
        // replay the D step's random draws, then the G step with D as the trainer left it
        int m = config.batchSize();
        SplittableRandom rng = Seeds.step(SEED, 0);
        float[] z = new float[m * config.latentDim()];
        config.noise().sample(z, 0, z.length, rng);
        Workspace gw = fresh.generator().newWorkspace(m);
        Workspace dw = fresh.discriminator().newWorkspace(2 * m);
        fresh.generator().forward(gw, z, 0, m, Mode.TRAIN, rng);
        fresh.discriminator().forward(dw, new float[2 * m * TinyGan.DIM], 0, 2 * m, Mode.TRAIN, rng); // same draws
        config.noise().sample(z, 0, z.length, rng);
        float[] xFake = fresh.generator().forward(gw, z, 0, m, Mode.TRAIN, rng);
        Mlp dAfter = stepped.discriminator();
        Workspace dw2 = dAfter.newWorkspace(m);
        dAfter.forward(dw2, xFake, 0, m, Mode.TRAIN, rng);
        float[] gA = new float[m];
        BinaryCrossEntropy.loss(dw2.preActivation(), 0, m, 1f, 1f, gA, 0);
        float[] dx = new float[m * TinyGan.DIM];
        float[][] dGradsSaved = new float[dAfter.parameters().size()][];
        for (int i = 0; i < dGradsSaved.length; i++) {
            dGradsSaved[i] = dAfter.parameters().get(i).grad().clone();
        }
        dAfter.backwardFromPreActivation(dw2, gA, 0, m, ParamGrads.SKIP, dx);
        fresh.generator().backward(gw, dx, 0, m, ParamGrads.SET, null);
        for (int i = 0; i < fresh.generator().parameters().size(); i++) {
            assertArrayEquals(fresh.generator().parameters().get(i).grad(), stepped.generator().parameters().get(i).grad(),
                    "G grad " + i);
        }
        for (int i = 0; i < dGradsSaved.length; i++) {
            assertArrayEquals(dGradsSaved[i], dAfter.parameters().get(i).grad(), "the G pass must not touch D's grads");
        }
    }
}
