package org.ganworkbook.gan;

import org.ejml.data.FMatrixRMaj;
import org.ganworkbook.nn.BiasInit;
import org.ganworkbook.nn.LayerSpec;
import org.ganworkbook.nn.Workspace;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Schedules, initialisation, dropout, stopping and diverging, as the trainer applies them. */
class GanTrainerBehaviourTest {

    @Test
    void learningRateDecaysEveryStepAndMomentumRampsPerEpoch() {
        GanTrainer t = GanTrainer.create(TinyGan.config(), TinyGan.gandata(), 1L); // 20 iterations per epoch
        assertEquals(20, t.iterationsPerEpoch());
        assertEquals(0.1f, t.learningRate());
        assertEquals(0.5f, t.momentum());
        t.trainSteps(57);
        assertEquals((float) (0.1 / Math.pow(1.000004, 57)), t.learningRate(), "lr after 57 steps");
        assertEquals(3, t.epoch());
        assertEquals((float) (0.5 + 0.2 * 2 / 249.0), t.momentum(), "momentum in epoch 3");
        // the records carry the values of their last iteration
        t.recordEvery(10);
        t.trainEpochs(1);
        TrainingRecord epoch3 = t.history().epochRecords().get(t.history().epochRecords().size() - 1);
        assertEquals(3, epoch3.epoch());
        assertEquals(60, epoch3.step());
        assertEquals((float) (0.1 / Math.pow(1.000004, 59)), epoch3.learningRate());
        assertEquals((float) (0.5 + 0.2 * 2 / 249.0), epoch3.momentum());
        // the paper's ramp saturates at epoch 250 and the rate floors at 1e-6
        GanConfig paper = GanConfig.paperMnist();
        assertEquals(0.7f, paper.momentumAt(250));
        assertEquals(0.7f, paper.momentumAt(400));
        assertEquals((float) (0.5 + 0.2 * 124 / 249.0), paper.momentumAt(125));
        assertEquals(0.05f, paper.learningRateAt(173_287), 1e-6f);
        assertEquals(1e-6f, paper.learningRateAt(3_000_000));
    }

    @Test
    void generatorOutputBiasIsTheLogitOfTheDataMeans() {
        FMatrixRMaj x = TinyGan.data(200, 11);
        x.data[3] = 0f; // make pixel 3 zero everywhere
        for (int i = 0; i < 200; i++) {
            x.data[i * TinyGan.DIM + 3] = 0f;
        }
        GanTrainer t = GanTrainer.create(TinyGan.config(), GanData.of(x), 1L);
        float[] b = t.generator().layers().get(1).bias().value();
        for (int j = 0; j < TinyGan.DIM; j++) {
            double mean = 0;
            for (int i = 0; i < 200; i++) {
                mean += x.data[i * TinyGan.DIM + j];
            }
            mean /= 200;
            double p = Math.min(Math.max(mean, 1e-7), 1 - 1e-7);
            assertEquals((float) Math.log(p / (1 - p)), b[j], 1e-5f, "bias " + j);
        }
        assertEquals(-16.118f, b[3], 1e-3f, "an always-black pixel gets logit(1e-7)");
        float[] hidden = t.generator().layers().get(0).bias().value();
        for (float v : hidden) {
            assertEquals(0f, v);
        }
        // without the option the output bias stays as its spec says (0)
        GanTrainer plain = GanTrainer.create(TinyGan.config().withGeneratorBiasFromData(false), GanData.of(x), 1L);
        for (float v : plain.generator().layers().get(1).bias().value()) {
            assertEquals(0f, v);
        }
    }

    @Test
    void discriminatorPassesUseInvertedDropoutAndGeneratorNone() {
        GanTrainer t = GanTrainer.create(GanConfig.paperMnist().withGenerator(TinyGan.config().generator())
                .withLatentDim(4).withDiscriminator(paperDiscriminatorFor16()), TinyGan.gandata(), 1L);
        t.trainSteps(3);
        Workspace dw = t.discriminatorWorkspace();
        assertEquals(200, dw.rows(), "100 real and 100 fake rows in one pass");
        float[][] expected = {{0f, 1.25f}, {0f, 2f}, {0f, 2f}};
        double[] keep = {0.8, 0.5, 0.5};
        for (int layer = 0; layer < 3; layer++) {
            float[] mask = dw.dropoutMask(layer);
            assertNotNull(mask, "layer " + layer + " of D has input dropout");
            int n = 200 * t.discriminator().layers().get(layer).inputSize();
            int kept = 0;
            for (int i = 0; i < n; i++) {
                assertTrue(mask[i] == expected[layer][0] || mask[i] == expected[layer][1], "mask value " + mask[i]);
                kept += mask[i] != 0f ? 1 : 0;
            }
            double share = (double) kept / n;
            assertEquals(keep[layer], share, 4 * Math.sqrt(keep[layer] * (1 - keep[layer]) / n), "layer " + layer);
        }
        Workspace gw = t.generatorWorkspace();
        for (int layer = 0; layer < t.generator().layers().size(); layer++) {
            assertNull(gw.dropoutMask(layer), "G has no dropout");
        }
        for (LayerSpec s : GanConfig.paperMnist().generator()) {
            assertTrue(!s.inputDropout().active(), "paper G layers have no dropout");
        }
    }

    /** The paper's D dropout (and 5-piece maxout) on 16 inputs. */
    private static List<LayerSpec> paperDiscriminatorFor16() {
        List<LayerSpec> d = new ArrayList<>(GanConfig.paperMnist().discriminator());
        d.set(0, ((org.ganworkbook.nn.MaxoutSpec) d.get(0)).withIrange(0.3f));
        return d;
    }

    @Test
    void interruptStopsBetweenIterationsWithAConsistentModel() throws Exception {
        GanTrainer t = GanTrainer.create(TinyGan.config(), TinyGan.gandata(), 4L);
        AtomicReference<TrainingResult> result = new AtomicReference<>();
        Thread worker = new Thread(() -> result.set(t.trainSteps(1_000_000_000L)));
        worker.start();
        Thread.sleep(300);
        worker.interrupt();
        worker.join(2000);
        assertTrue(!worker.isAlive(), "stopped promptly");
        assertEquals(StopReason.INTERRUPTED, result.get().reason());
        long steps = t.step();
        assertTrue(steps > 0);
        // exactly `steps` whole iterations were applied: a fresh run of that many steps agrees bit for bit
        GanTrainer replay = GanTrainer.create(TinyGan.config(), TinyGan.gandata(), 4L);
        replay.trainSteps(steps);
        assertArrayEquals(TinyGan.state(replay), TinyGan.state(t));
        // and training can go on
        assertTrue(t.trainSteps(5).completed());
        assertEquals(steps + 5, t.step());
    }

    @Test
    void requestStopFromAListener() {
        GanTrainer t = GanTrainer.create(TinyGan.config(), TinyGan.gandata(), 4L).recordEvery(7);
        t.addListener(new TrainingListener() {
            @Override
            public void onRecord(TrainingRecord r, GanTrainer trainer) {
                if (r.step() == 21) {
                    trainer.requestStop();
                }
            }
        });
        TrainingResult r = t.trainEpochs(10);
        assertEquals(StopReason.STOP_REQUESTED, r.reason());
        assertEquals(21, t.step());
        assertEquals(3, t.history().stepRecords().size());
        assertEquals(1, t.history().epochRecords().size());
    }

    @Test
    void aNonFiniteLossStopsWithoutApplyingTheUpdate() {
        FMatrixRMaj x = TinyGan.data(200, 11);
        GanTrainer t = GanTrainer.create(TinyGan.config(), GanData.of(x), 4L);
        t.trainSteps(5);
        float[] before = TinyGan.state(t);
        x.data[0] = Float.NaN; // poison every row of epoch 1 order? no: poison all rows
        java.util.Arrays.fill(x.data, Float.NaN);
        TrainingResult r = t.trainSteps(10);
        assertEquals(StopReason.DIVERGED, r.reason());
        assertEquals(5, t.step());
        assertTrue(r.message().contains("step 5") && r.message().contains("D loss is NaN")
                && r.message().contains("learning rate"), r.message());
        assertArrayEquals(before, TinyGan.state(t), "the model is the last finite one");
        assertTrue(!t.isBroken());
    }

    @Test
    void aHugeLearningRateIsCaughtAtTheFirstInfiniteLoss() {
        GanTrainer t = GanTrainer.create(TinyGan.config().withLearningRate(1e30f), TinyGan.gandata(), 4L);
        TrainingResult r = t.trainSteps(100);
        assertEquals(StopReason.DIVERGED, r.reason());
        assertEquals(1, t.step(), r.message());
        assertTrue(r.message().contains("step 1 (epoch 1)") && r.message().contains("learning rate 1.000e+30"),
                r.message());
    }

    @Test
    void nonFiniteParametersMarkTheTrainerBroken() {
        GanTrainer t = GanTrainer.create(TinyGan.config(), TinyGan.gandata(), 4L);
        t.trainSteps(3);
        t.generator().parameters().get(2).value()[5] = Float.POSITIVE_INFINITY; // as a bad update would leave it
        TrainingResult r = t.trainSteps(100);
        assertEquals(StopReason.DIVERGED, r.reason());
        assertTrue(t.isBroken(), r.message());
        assertTrue(r.message().contains("not usable") && r.message().contains("G y.W[5] = Infinity"), r.message());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> t.trainSteps(1));
        assertTrue(e.getMessage().contains("cannot go on"));
    }

    @Test
    void frozenPlayersKeepTheirParameters() {
        GanTrainer t = GanTrainer.create(TinyGan.config().withFrozen(Frozen.DISCRIMINATOR), TinyGan.gandata(), 4L);
        float[] d0 = t.discriminator().parameters().get(0).value().clone();
        float[] g0 = t.generator().parameters().get(0).value().clone();
        t.trainSteps(10);
        assertArrayEquals(d0, t.discriminator().parameters().get(0).value());
        assertTrue(!java.util.Arrays.equals(g0, t.generator().parameters().get(0).value()));
        assertTrue(Double.isNaN(t.lastIteration().dLoss()) == false, "simultaneous still measures D's loss");
        t.setConfig(t.config().withFrozen(Frozen.GENERATOR).withUpdateOrder(UpdateOrder.SEQUENTIAL));
        float[] g1 = t.generator().parameters().get(0).value().clone();
        t.trainSteps(10);
        assertArrayEquals(g1, t.generator().parameters().get(0).value());
        assertTrue(!java.util.Arrays.equals(d0, t.discriminator().parameters().get(0).value()));
        assertTrue(Double.isNaN(t.lastIteration().gLoss()), "no G step, no G loss");
    }

    @Test
    void setConfigRefusesAnotherArchitecture() {
        GanTrainer t = GanTrainer.create(TinyGan.config(), TinyGan.gandata(), 4L);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> t.setConfig(TinyGan.config().withLatentDim(5)));
        assertTrue(e.getMessage().contains("G 5-") && e.getMessage().contains("G 4-"), e.getMessage());
    }

    @Test
    void configChecksSayWhatToChange() {
        assertThrows(IllegalArgumentException.class, () -> GanConfig.paperMnist().withK(2),
                "simultaneous needs k = 1");
        assertEquals(2, GanConfig.paperMnist().withUpdateOrder(UpdateOrder.SEQUENTIAL).withK(2).k());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GanTrainer.create(GanConfig.paperMnist(), TinyGan.gandata(), 1L));
        assertTrue(e.getMessage().contains("784") && e.getMessage().contains("16"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GanTrainer.create(GanConfig.toy1d().withGeneratorBiasFromData(true),
                GanData.of(org.ganworkbook.sampling.Gaussian1d.of(0, 1), 10), 1L));
    }

    @Test
    void paperConfigMirrorsMnistYaml() {
        GanConfig c = GanConfig.paperMnist();
        assertEquals(100, c.latentDim());
        assertEquals("U(-sqrt3, sqrt3)", c.noise().toString());
        assertEquals(100, c.batchSize());
        assertEquals(0.1f, c.learningRate().initial());
        assertEquals(1.000004, c.learningRate().decay());
        assertEquals(1e-6, c.learningRate().minLr());
        assertEquals(0.5f, c.momentum().initial());
        assertEquals(0.7f, c.momentum().finalMomentum());
        assertEquals(1, c.momentum().start());
        assertEquals(250, c.momentum().saturate());
        assertEquals(UpdateOrder.SIMULTANEOUS, c.updateOrder());
        assertEquals(GeneratorLoss.NON_SATURATING, c.generatorLoss());
        assertEquals(0.5f, c.discriminatorLossWeight());
        assertEquals(1, c.k());
        assertTrue(c.generatorBiasFromData());
        assertEquals("G 100-1200 relu-1200 relu-784 sigmoid; D 784-240x5 maxout-240x5 maxout-1 sigmoid",
                c.architecture(784));
        String text = c.toString();
        assertTrue(text.contains("input dropout keep 0.8 x1.25") && text.contains("keep 0.5 x2.0")
                && text.contains("U(-0.005, 0.005)") && text.contains("U(-0.05, 0.05)"), text);
        assertEquals(c, ConfigCodec.decode(ConfigCodec.encode(c)));
        GanConfig toy = GanConfig.toyRing().withK(3).withGeneratorLoss(GeneratorLoss.SATURATING).withMaxColNorm(1.9365f);
        assertEquals(toy, ConfigCodec.decode(ConfigCodec.encode(toy)));
        GanConfig withLogit = c.withGeneratorBiasFromData(false).withGenerator(List.of(((org.ganworkbook.nn.DenseSpec) c.generator().get(0))
                .withBiasInit(BiasInit.logitOf(new float[]{0.25f, 1e-9f}))));
        assertEquals(withLogit, ConfigCodec.decode(ConfigCodec.encode(withLogit)));
    }
}
