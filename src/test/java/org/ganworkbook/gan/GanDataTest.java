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
}
