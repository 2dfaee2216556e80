package org.ganworkbook.nn;

import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link Mlp#copyLayersFrom}: a trained network behind new front layers (the TFD generator, paper-setup §2). */
class MlpStackingTest {

    private static Mlp smallGenerator(long seed) {
        return MlpTest.smallGenerator(seed);
    }

    @Test
    void copyLayersFromStacksATrainedNetworkBehindNewFrontLayers() {
        Mlp pretrained = smallGenerator(21);             // 4 -> 7 relu -> 6 relu -> 9 sigmoid
        Mlp stacked = Mlp.build(3, List.of(
                DenseSpec.of(5, Activation.RELU).withIrange(0.8f),
                DenseSpec.of(4, Activation.SIGMOID).withIrange(0.8f).withBiasInit(BiasInit.constant(-2f)),
                DenseSpec.of(7, Activation.RELU), DenseSpec.of(6, Activation.RELU),
                DenseSpec.of(9, Activation.SIGMOID)), new SplittableRandom(22));
        float[] frontBefore = stacked.layers().get(0).weight().value().clone();
        float[] frontBias = stacked.layers().get(1).bias().value().clone();
        stacked.copyLayersFrom(pretrained, 2);
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(pretrained.layers().get(i).weight().value(), stacked.layers().get(i + 2).weight().value());
            assertArrayEquals(pretrained.layers().get(i).bias().value(), stacked.layers().get(i + 2).bias().value());
        }
        assertArrayEquals(frontBefore, stacked.layers().get(0).weight().value(), "front layers keep their own init");
        assertArrayEquals(frontBias, stacked.layers().get(1).bias().value());
        // same outputs as the pretrained network fed with the front end's output
        FMatrixRMaj z = new FMatrixRMaj(2, 3, true, 0.3f, -1f, 0.7f, 1.2f, 0.1f, -0.4f);
        Mlp front = Mlp.build(3, List.of(DenseSpec.of(5, Activation.RELU), DenseSpec.of(4, Activation.SIGMOID)),
                new SplittableRandom(0));
        for (int i = 0; i < 2; i++) {
            System.arraycopy(stacked.layers().get(i).weight().value(), 0, front.layers().get(i).weight().value(), 0,
                    front.layers().get(i).weight().size());
            System.arraycopy(stacked.layers().get(i).bias().value(), 0, front.layers().get(i).bias().value(), 0,
                    front.layers().get(i).bias().size());
        }
        assertArrayEquals(pretrained.predict(front.predict(z)).data, stacked.predict(z).data, 1e-6f);
    }

    @Test
    void copyLayersFromRefusesLayersThatDoNotFit() {
        Mlp pretrained = smallGenerator(23);
        Mlp other = Mlp.build(3, List.of(DenseSpec.of(4, Activation.RELU), DenseSpec.of(7, Activation.SIGMOID),
                DenseSpec.of(6, Activation.RELU), DenseSpec.of(9, Activation.SIGMOID)), new SplittableRandom(24));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> other.copyLayersFrom(pretrained, 1));
        assertTrue(e.getMessage().contains("does not fit layer 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> other.copyLayersFrom(pretrained, 2));
    }
}
