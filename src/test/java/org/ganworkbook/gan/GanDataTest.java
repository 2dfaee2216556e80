package org.ganworkbook.gan;

import org.ejml.data.FMatrixRMaj;
import org.ganworkbook.optim.Sgd;
import org.ganworkbook.sampling.Gaussian1d;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class GanDataTest {

    @Test
    void everyEpochIsANewPermutationCutIntoMinibatches() {
        GanData.Matrix data = (GanData.Matrix) GanData.of(new FMatrixRMaj(1005, 3));
        assertEquals(11, data.batchesPerEpoch(100), "ceil(1005/100), pylearn2's shuffled_sequential");
        assertEquals(100, data.rowsInBatch(9, 100));
        assertEquals(5, data.rowsInBatch(10, 100), "a smaller last minibatch");
        int[] e1 = data.permutation(Seeds.shuffle(7L, 1));
        int[] e2 = data.permutation(Seeds.shuffle(7L, 2));
        int[] sorted = e1.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) {
            assertEquals(i, sorted[i]);
        }
        assertFalse(Arrays.equals(e1, e2), "reshuffled every epoch");
        assertArrayEquals(e1, data.permutation(Seeds.shuffle(7L, 1)), "and reproducibly");
    }

    @Test
    void aSmallerLastBatchIsTrainedOn() {
        FMatrixRMaj x = TinyGan.data(205, 11);
        GanTrainer t = GanTrainer.create(TinyGan.config(), GanData.of(x), 3L);
        assertEquals(21, t.iterationsPerEpoch());
        t.trainEpochs(1);
        assertEquals(21, t.step());
        assertEquals(2, t.epoch());
    }

    @Test
    void samplerEpochsAreAFixedNumberOfMinibatches() {
        GanTrainer t = GanTrainer.create(GanConfig.toy1d(), GanData.of(Gaussian1d.of(1, 1), 30), 3L);
        assertEquals(10, t.iterationsPerEpoch(), "30 minibatches, k = 3 per iteration");
        t.trainEpochs(2);
        assertEquals(20, t.step());
    }

    @Test
    void streamsDependOnSeedStreamAndIndexOnly() {
        assertEquals(Seeds.step(1, 5).nextLong(), Seeds.step(1, 5).nextLong());
        assertNotEquals(Seeds.step(1, 5).nextLong(), Seeds.step(1, 6).nextLong());
        assertNotEquals(Seeds.step(1, 5).nextLong(), Seeds.step(2, 5).nextLong());
        assertNotEquals(Seeds.step(1, 1).nextLong(), Seeds.shuffle(1, 1).nextLong());
    }

    @Test
    void splitMomentumUpdateEqualsSgdBitForBit() {
        GanTrainer a = GanTrainer.create(GanConfig.paperMnist().withGenerator(TinyGan.config().generator())
                .withLatentDim(4).withDiscriminator(TinyGan.config().discriminator()), TinyGan.gandata(), 3L);
        // big enough to be split: the paper's G has 2.5M values; here two large made-up parameters
        var p1 = new org.ganworkbook.nn.Parameter("p1", 300, 301);
        var p2 = new org.ganworkbook.nn.Parameter("p2", 7, 1000);
        SplittableRandom rng = new SplittableRandom(1);
        for (var p : List.of(p1, p2)) {
            for (int i = 0; i < p.size(); i++) {
                p.value()[i] = (float) rng.nextGaussian();
                p.grad()[i] = (float) rng.nextGaussian();
            }
        }
        var q1 = new org.ganworkbook.nn.Parameter("q1", 300, 301);
        var q2 = new org.ganworkbook.nn.Parameter("q2", 7, 1000);
        System.arraycopy(p1.value(), 0, q1.value(), 0, p1.size());
        System.arraycopy(p1.grad(), 0, q1.grad(), 0, p1.size());
        System.arraycopy(p2.value(), 0, q2.value(), 0, p2.size());
        System.arraycopy(p2.grad(), 0, q2.grad(), 0, p2.size());
        Sgd s1 = new Sgd(List.of(p1));
        Sgd s2 = new Sgd(List.of(p2));
        Sgd reference = new Sgd(List.of(q1, q2));
        for (int step = 0; step < 3; step++) {
            MomentumUpdate.step(s1, s2, 0.1f, 0.5f);
            reference.step(0.1f, 0.5f);
        }
        assertArrayEquals(q1.value(), p1.value());
        assertArrayEquals(q2.value(), p2.value());
        assertArrayEquals(reference.velocity(1), s2.velocity(0));
        a.trainSteps(1);
    }
}
