package org.ganworkbook.gan;

import org.ejml.data.FMatrixRMaj;
import org.ganworkbook.nn.Activation;
import org.ganworkbook.nn.BiasInit;
import org.ganworkbook.nn.DenseSpec;
import org.ganworkbook.nn.Dropout;
import org.ganworkbook.nn.LayerInit;
import org.ganworkbook.nn.LayerSpec;
import org.ganworkbook.nn.MaxoutSpec;
import org.ganworkbook.nn.WeightInit;
import org.ganworkbook.sampling.Gaussian1d;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link GanConfig#olivetti()}: the TFD recipe at notebook size, and its column limit in training. */
class OlivettiConfigTest {

    private static final float C = GanConfig.TFD_MAX_COL_NORM;

    @Test
    void keepsTheTfdRecipeAndChangesOnlySizesBatchAndDsInit() {
        GanConfig o = GanConfig.olivetti();
        GanConfig tfd = GanConfig.paperTfdPretrain();
        assertEquals(new Gaussian1d(0, 1), o.noise());
        assertEquals(tfd.latentDim(), o.latentDim());
        assertEquals(List.of(512, 512, 4096), o.generator().stream().map(LayerSpec::units).toList());
        for (int i = 0; i < 3; i++) {
            DenseSpec ours = (DenseSpec) o.generator().get(i);
            DenseSpec theirs = (DenseSpec) tfd.generator().get(i);
            assertEquals(theirs.activation(), ours.activation(), "G layer " + i);
            assertEquals(theirs.weightInit(), ours.weightInit(), "G layer " + i);
            assertEquals(theirs.biasInit(), ours.biasInit(), "G layer " + i);
            assertEquals(C, ours.maxColNorm(), "G layer " + i);
            assertFalse(ours.inputDropout().active(), "G has no dropout");
        }
        assertEquals(WeightInit.sparse(100), ((DenseSpec) o.generator().get(2)).weightInit());
        assertEquals(BiasInit.constant(-2f), ((DenseSpec) o.generator().get(1)).biasInit());
        assertTrue(o.generatorBiasFromData());
        WeightInit d = WeightInit.uniform(0.05f);
        assertEquals(new MaxoutSpec(128, 5, new LayerInit(d, BiasInit.zeros(), Dropout.of(0.8f, 1.25f), C)), o.discriminator().get(0));
        assertEquals(new MaxoutSpec(128, 5, new LayerInit(d, BiasInit.zeros(), Dropout.of(0.5f, 2f), C)), o.discriminator().get(1));
        assertEquals(new DenseSpec(1, Activation.SIGMOID, new LayerInit(d, BiasInit.zeros(), Dropout.of(0.5f, 2f), C)),
                o.discriminator().get(2));
        assertEquals(50, o.batchSize());
        assertEquals(tfd.learningRate(), o.learningRate());
        assertEquals(tfd.momentum(), o.momentum());
        assertEquals(tfd.updateOrder(), o.updateOrder());
        assertEquals(tfd.generatorLoss(), o.generatorLoss());
        assertEquals(tfd.discriminatorLossWeight(), o.discriminatorLossWeight());
    }

    /** 300 blurry random "faces" of 64×64 in [0, 1]: the shapes of the real training set. */
    private static FMatrixRMaj faces(SplittableRandom rng) {
        FMatrixRMaj x = new FMatrixRMaj(300, 4096);
        for (int i = 0; i < x.data.length; i++) {
            x.data[i] = (float) (0.3 + 0.4 * rng.nextDouble());
        }
        return x;
    }

    @Test
    void everyColumnStaysWithinTheLimitAfterEveryUpdateAndDWakesUpEarly() {
        GanTrainer t = GanTrainer.create(GanConfig.olivetti(), GanData.of(faces(new SplittableRandom(3))), 11L)
                .recordEvery(1);
        assertEquals(6, t.iterationsPerEpoch(), "300 faces in minibatches of 50");
        double[] gap = {0};
        int[] checked = {0};
        t.addListener(new TrainingListener() {
            @Override
            public void onRecord(TrainingRecord r, GanTrainer tr) {
                for (var net : List.of(tr.generator(), tr.discriminator())) {
                    double max = TfdConfigsTest.maxColumnNorm(net);
                    assertTrue(max <= C * (1 + 1e-5), "step " + r.step() + ": a column of norm " + max);
                }
                gap[0] = Math.max(gap[0], r.dReal() - r.dFake());
                checked[0]++;
            }
        });
        assertTrue(t.trainSteps(30).completed());
        assertEquals(30, checked[0], "checked after every update");
        assertTrue(TfdConfigsTest.maxColumnNorm(t.generator()) >= C * (1 - 1e-4), "the limit binds on G's sparse output");
        // with D's paper init (.005) D(x) and D(G(z)) stay within 1e-3 of each other this early
        assertTrue(gap[0] > 0.01, "D separates real from generated within 30 updates: largest gap " + gap[0]);
    }
    @Test
    void olivetti32IsThePaperMnistConfigWithA32By32Output() {
        GanConfig o = GanConfig.olivetti32();
        GanConfig mnist = GanConfig.paperMnist();
        assertEquals(1024, o.dataDim());
        assertEquals(List.of(1200, 1200, 1024), o.generator().stream().map(LayerSpec::units).toList());
        assertEquals("G 100-1200 relu-1200 relu-1024 sigmoid; D 1024-240x5 maxout-240x5 maxout-1 sigmoid",
                o.architecture(1024));
        DenseSpec ours = (DenseSpec) o.generator().get(2);
        DenseSpec theirs = (DenseSpec) mnist.generator().get(2);
        assertEquals(new DenseSpec(1024, theirs.activation(), new LayerInit(theirs.weightInit(), theirs.biasInit(),
                theirs.inputDropout(), theirs.maxColNorm())), ours);
        // apart from G's output size and the name, every field is mnist.yaml's
        assertEquals(mnist.withDataDim(1024).withName("olivetti-32"), o);
        assertEquals(mnist.generator().subList(0, 2), o.generator().subList(0, 2));
        assertEquals(mnist.discriminator(), o.discriminator());
        assertEquals(mnist.withName("x"), o.withDataDim(784).withName("x"), "resizing back gives mnist.yaml");
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> o.withDataDim(0));
        assertTrue(e.getMessage().contains("pixels"), e.getMessage());
    }

    @Test
    void olivetti32TrainsOnMirroredDownscaledFaces() {
        SplittableRandom rng = new SplittableRandom(5);
        var faces = new org.ganworkbook.data.LabeledImages(faces(rng), new int[300], 64, 64).downscale(2).withMirrors();
        GanTrainer t = GanTrainer.create(GanConfig.olivetti32(), GanData.of(faces.images()), 3L);
        assertEquals(6, t.iterationsPerEpoch(), "600 faces in minibatches of 100");
        assertTrue(t.trainSteps(3).completed());
        FMatrixRMaj x = t.sample(4, new SplittableRandom(1));
        assertEquals(4, x.numRows);
        assertEquals(1024, x.numCols);
    }
}
