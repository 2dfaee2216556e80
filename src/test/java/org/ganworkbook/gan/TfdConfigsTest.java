package org.ganworkbook.gan;

import org.ejml.data.FMatrixRMaj;
import org.ganworkbook.nn.Activation;
import org.ganworkbook.nn.BiasInit;
import org.ganworkbook.nn.DenseSpec;
import org.ganworkbook.nn.Dropout;
import org.ganworkbook.nn.LayerInit;
import org.ganworkbook.nn.Layer;
import org.ganworkbook.nn.LayerSpec;
import org.ganworkbook.nn.MaxoutSpec;
import org.ganworkbook.nn.Mlp;
import org.ganworkbook.nn.WeightInit;
import org.ganworkbook.sampling.Gaussian1d;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The released TFD configs (paper-setup §2), the max column norm in training, and the two-stage generator. */
class TfdConfigsTest {

    private static final float C = GanConfig.TFD_MAX_COL_NORM;

    @Test
    void pretrainMirrorsPretrainYaml() {
        GanConfig c = GanConfig.paperTfdPretrain();
        assertEquals(100, c.latentDim());
        assertEquals(new Gaussian1d(0, 1), c.noise());
        List<LayerSpec> g = c.generator();
        assertEquals(List.of(8000, 8000, 2304), g.stream().map(LayerSpec::units).toList());
        assertDense(g.get(0), Activation.RELU, WeightInit.uniform(0.05f), BiasInit.zeros());
        assertDense(g.get(1), Activation.SIGMOID, WeightInit.uniform(0.05f), BiasInit.constant(-2f));
        assertDense(g.get(2), Activation.SIGMOID, WeightInit.sparse(100), BiasInit.zeros());
        assertTrue(c.generatorBiasFromData(), "y's bias = logit of the data marginals");
        List<LayerSpec> d = c.discriminator();
        assertEquals(new MaxoutSpec(1200, 5, new LayerInit(WeightInit.uniform(0.005f), BiasInit.zeros(), Dropout.of(0.8f, 1.25f), C)), d.get(0));
        assertEquals(new MaxoutSpec(1200, 5, new LayerInit(WeightInit.uniform(0.005f), BiasInit.zeros(), Dropout.of(0.5f, 2f), C)), d.get(1));
        assertEquals(new DenseSpec(1, Activation.SIGMOID, new LayerInit(WeightInit.uniform(0.005f), BiasInit.zeros(), Dropout.of(0.5f, 2f), C)),
                d.get(2));
        for (LayerSpec s : g) {
            assertEquals(C, ((DenseSpec) s).maxColNorm(), "every G layer has max_col_norm 1.9365");
            assertFalse(s.inputDropout().active(), "G has no dropout");
        }
        assertEquals(100, c.batchSize());
        assertEquals(0.05f, c.learningRate().initial());
        assertEquals(1.000004, c.learningRate().decay());
        assertEquals(1e-6, c.learningRate().minLr(), 1e-12);
        assertEquals(0.5f, c.momentumAt(1));
        assertEquals(0.7f, c.momentumAt(250), 1e-6f);
        assertEquals(UpdateOrder.SIMULTANEOUS, c.updateOrder());
        assertEquals(GeneratorLoss.NON_SATURATING, c.generatorLoss());
        assertEquals(0.5f, c.discriminatorLossWeight());
        assertTrue(c.toString().contains("max col norm 1.9365"), c.toString());
    }

    @Test
    void trainPutsANewFrontEndBeforeAllThreePretrainedLayers() {
        GanConfig pre = GanConfig.paperTfdPretrain();
        GanConfig c = GanConfig.paperTfdTrain();
        assertEquals(List.of(8000, 100, 8000, 8000, 2304), c.generator().stream().map(LayerSpec::units).toList());
        assertDense(c.generator().get(0), Activation.RELU, WeightInit.uniform(0.05f), BiasInit.zeros());
        assertDense(c.generator().get(1), Activation.SIGMOID, WeightInit.uniform(0.05f), BiasInit.constant(-2f));
        assertEquals(pre.generator(), c.generator().subList(2, 5));
        assertEquals(pre.discriminator(), c.discriminator(), "D: same architecture, built afresh");
        assertFalse(c.generatorBiasFromData(), "the output bias comes from stage 1");
        assertEquals(pre.withName(c.name()).withGenerator(c.generator()).withGeneratorBiasFromData(false), c,
                "every other setting as stage 1");
        TwoStageGan paper = TwoStageGan.paperTfd();
        assertEquals(2, paper.frontLayers());
        assertEquals(50, paper.pretrainEpochs());
        assertEquals(22, paper.trainEpochs());
    }

    private static void assertDense(LayerSpec s, Activation f, WeightInit w, BiasInit b) {
        DenseSpec d = (DenseSpec) s;
        assertEquals(f, d.activation());
        assertEquals(w, d.weightInit());
        assertEquals(b, d.biasInit());
        assertEquals(C, d.maxColNorm());
    }

    /**
     * The TFD recipe at a size a test can train: every layer kind, init and norm limit of pretrain.yaml, with
     * D's weights started large (U(±4)) so that D's columns exceed the limit at once, as G's sparse output
     * columns do (100 N(0,1) weights: norm ≈ 10).
     */
    static TwoStageGan smallTfd() {
        List<LayerSpec> g = List.of(
                DenseSpec.of(120, Activation.RELU).withIrange(0.05f).withMaxColNorm(C),
                DenseSpec.of(110, Activation.SIGMOID).withIrange(0.05f).withBiasInit(BiasInit.constant(-2f)).withMaxColNorm(C),
                DenseSpec.of(TinyGan.DIM, Activation.SIGMOID).withWeightInit(WeightInit.sparse(100)).withMaxColNorm(C));
        List<LayerSpec> d = List.of(
                MaxoutSpec.of(12, 5).withIrange(4f).withInputDropout(Dropout.of(0.8f, 1.25f)).withMaxColNorm(C),
                MaxoutSpec.of(12, 5).withIrange(4f).withInputDropout(Dropout.of(0.5f, 2f)).withMaxColNorm(C),
                DenseSpec.of(1, Activation.SIGMOID).withIrange(4f).withInputDropout(Dropout.of(0.5f, 2f)).withMaxColNorm(C));
        GanConfig pretrain = GanConfig.paperTfdPretrain().withName("small-tfd-pretrain").withLatentDim(20)
                .withGenerator(g).withDiscriminator(d).withBatchSize(10);
        List<LayerSpec> g2 = new ArrayList<>(List.of(
                DenseSpec.of(30, Activation.RELU).withIrange(0.05f).withMaxColNorm(C),
                DenseSpec.of(20, Activation.SIGMOID).withIrange(0.05f).withBiasInit(BiasInit.constant(-2f)).withMaxColNorm(C)));
        g2.addAll(g);
        GanConfig train = pretrain.withName("small-tfd-train").withGenerator(g2).withGeneratorBiasFromData(false);
        return new TwoStageGan(pretrain, 3, train, 2);
    }

    @Test
    void everyColumnOfGAndDIsWithinTheLimitAfterEveryUpdate() {
        for (UpdateOrder order : UpdateOrder.values()) {
            GanConfig config = smallTfd().pretrain().withUpdateOrder(order);
            GanTrainer t = GanTrainer.create(config, TinyGan.gandata(), 5L).recordEvery(1);
            assertTrue(maxColumnNorm(t.generator()) > 2 * C, "G's sparse output columns start above the limit");
            assertTrue(maxColumnNorm(t.discriminator()) > 2 * C, "D's columns start above the limit");
            int[] checked = {0};
            t.addListener(new TrainingListener() {
                @Override
                public void onRecord(TrainingRecord r, GanTrainer tr) {
                    for (Mlp net : List.of(tr.generator(), tr.discriminator())) {
                        double max = maxColumnNorm(net);
                        assertTrue(max <= C * (1 + 1e-5), order + ", step " + r.step() + ": a column of norm " + max);
                        assertTrue(max >= C * (1 - 1e-4), order + ", step " + r.step() + ": the limit binds, max " + max);
                    }
                    checked[0]++;
                }
            });
            assertTrue(t.trainSteps(60).completed());
            assertEquals(60, checked[0], "checked after every update");
        }
    }

    @Test
    void withoutALimitTheColumnsStayLarge() {
        // the check above can fail: the same run with the limit switched off keeps columns above it
        GanConfig config = smallTfd().pretrain().withMaxColNorm(0f);
        GanTrainer t = GanTrainer.create(config, TinyGan.gandata(), 5L);
        t.trainSteps(5);
        assertTrue(maxColumnNorm(t.generator()) > 2 * C && maxColumnNorm(t.discriminator()) > 2 * C);
    }

    static double maxColumnNorm(Mlp net) {
        double max = 0;
        for (Layer l : net.layers()) {
            float[] w = l.weight().value();
            int cols = l.columns();
            for (int c = 0; c < cols; c++) {
                double ss = 0;
                for (int r = 0; r < l.inputSize(); r++) {
                    ss += (double) w[r * cols + c] * w[r * cols + c];
                }
                max = Math.max(max, Math.sqrt(ss));
            }
        }
        return max;
    }

    @Test
    void stageTwoCarriesTheTrainedLayersOverAndInitialisesTheRest() {
        TwoStageGan stages = smallTfd();
        GanData data = TinyGan.gandata();
        GanTrainer stage1 = GanTrainer.create(stages.pretrain(), data, 7L);
        stage1.trainEpochs(stages.pretrainEpochs());
        GanTrainer stage2 = stages.startTraining(stage1.generator(), data, 8L);
        Mlp g = stage2.generator();
        assertEquals(20, g.inputSize());
        assertEquals(List.of(30, 20, 120, 110, TinyGan.DIM), g.layers().stream().map(Layer::outputSize).toList());
        for (int i = 0; i < 3; i++) {
            Layer trained = stage1.generator().layers().get(i);
            assertArrayEquals(trained.weight().value(), g.layers().get(i + 2).weight().value(), "layer " + (i + 2));
            assertArrayEquals(trained.bias().value(), g.layers().get(i + 2).bias().value(), "layer " + (i + 2));
        }
        // the new front: U(±.05) weights, biases 0 and -2, as specified (and not a copy of anything)
        assertWithin(g.layers().get(0).weight().value(), 0.05f);
        assertArrayEquals(new float[30], g.layers().get(0).bias().value());
        float[] minusTwo = new float[20];
        java.util.Arrays.fill(minusTwo, -2f);
        assertArrayEquals(minusTwo, g.layers().get(1).bias().value());
        // D starts afresh: its init range, not stage 1's trained (and norm-limited) values
        Mlp fresh = GanTrainer.create(stages.train(), data, 8L).discriminator();
        for (int i = 0; i < fresh.parameters().size(); i++) {
            assertArrayEquals(fresh.parameters().get(i).value(), stage2.discriminator().parameters().get(i).value());
        }
        assertEquals(0, stage2.step());
        assertEquals(0.5f, stage2.momentum());
        // stage 2 trains all five layers, under the norm limit
        float[] tailBefore = g.layers().get(4).weight().value().clone();
        stage2.trainSteps(10);
        assertFalse(java.util.Arrays.equals(tailBefore, g.layers().get(4).weight().value()), "pretrained layers keep training");
        assertTrue(maxColumnNorm(g) <= C * (1 + 1e-5));
        FMatrixRMaj x = stage2.sample(4, new SplittableRandom(1));
        assertEquals(TinyGan.DIM, x.numCols);
    }

    private static void assertWithin(float[] w, float range) {
        for (float v : w) {
            assertTrue(Math.abs(v) <= range, v + " outside U(±" + range + ")");
        }
    }

    @Test
    void stagesThatDoNotConnectAreRefused() {
        TwoStageGan ok = smallTfd();
        GanConfig noFront = ok.pretrain().withName("x");
        assertThrows(IllegalArgumentException.class, () -> new TwoStageGan(ok.pretrain(), 1, noFront, 1));
        List<LayerSpec> wrongWidth = new ArrayList<>(ok.train().generator());
        wrongWidth.set(1, DenseSpec.of(19, Activation.SIGMOID));
        GanConfig bad = ok.train().withGenerator(wrongWidth);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TwoStageGan(ok.pretrain(), 1, bad, 1));
        assertTrue(e.getMessage().contains("takes z of length 20"), e.getMessage());
        Mlp other = Mlp.build(20, List.of(DenseSpec.of(5, Activation.RELU), DenseSpec.of(TinyGan.DIM, Activation.SIGMOID)),
                new SplittableRandom(1));
        assertThrows(IllegalArgumentException.class, () -> ok.startTraining(other, TinyGan.gandata(), 1L));
    }
}
