package org.ganworkbook.gan;

import org.ejml.data.FMatrixRMaj;
import org.ganworkbook.sampling.Gaussian1d;
import org.ganworkbook.sampling.GaussianMixture2d;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The toy factories learn what they are for (the theory notebooks build on them). */
class ToyConfigsTest {

    @Test
    void toy1dLearnsAGaussian() {
        GanTrainer t = GanTrainer.create(GanConfig.toy1d(), GanData.of(Gaussian1d.of(4, 0.5), 100), 3L);
        TrainingResult r = t.trainSteps(3000);
        assertTrue(r.completed(), r.message());
        FMatrixRMaj x = t.sample(5000, new SplittableRandom(1));
        double mean = 0;
        for (float v : x.data) {
            mean += v;
        }
        mean /= x.data.length;
        double var = 0;
        for (float v : x.data) {
            var += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(var / x.data.length);
                assertEquals(4, mean, 0.3);
        assertEquals(0.5, sd, 0.25);
    }

    @Test
    void toyRingSpreadsOverTheRing() {
        GanTrainer t = GanTrainer.create(GanConfig.toyRing(), GanData.of(GaussianMixture2d.ring8(), 100), 3L);
        t.trainSteps(3000);
        FMatrixRMaj x = t.sample(2000, new SplittableRandom(1));
        double r = 0;
        for (int i = 0; i < 2000; i++) {
            r += Math.hypot(x.data[2 * i], x.data[2 * i + 1]);
        }
                int[] modes = new int[8];
        for (int i = 0; i < 2000; i++) {
            double ang = Math.atan2(x.data[2 * i + 1], x.data[2 * i]);
            modes[(int) Math.floorMod(Math.round(ang / (2 * Math.PI / 8)), 8)]++;
        }
        assertEquals(2.0, r / 2000, 0.3, "samples lie near the ring of radius 2");
        long covered = java.util.Arrays.stream(modes).filter(c -> c > 20).count();
        assertTrue(covered >= 6, "most of the 8 modes get samples: " + java.util.Arrays.toString(modes));
    }
}
