package org.ganworkbook.gan;

import org.ganworkbook.sampling.GaussianMixture2d;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MixtureRunTest {

    private static final GaussianMixture2d RING = GaussianMixture2d.ring(8, 2.0, 0.05);

    @Test
    void notesEveryNGeneratorStepsAndAtTheEnd() {
        var run = MixtureRun.start(GanConfig.toyRing(), RING, MixtureRun.Schedule.algorithm1(1), 7);
        List<Long> seen = new ArrayList<>();
        assertTrue(run.train(25, 10, r -> seen.add(r.generatorSteps())));
        assertEquals(List.of(10L, 20L, 25L), seen);
        assertArrayEquals(new double[] {10, 20, 25}, run.traceSteps(), 0);
        assertEquals(25, run.trainer().step());
    }

    @Test
    void aFrozenDiscriminatorDoesNotChangeAndAStaleOneStepsOncePerRound() {
        var run = MixtureRun.start(GanConfig.toyRing(), RING, MixtureRun.Schedule.frozenDiscriminator(), 7);
        double[] before = run.d(new float[] {0f, 0f, 2f, 0f});
        run.train(20, 20, null);
        assertArrayEquals(before, run.d(new float[] {0f, 0f, 2f, 0f}), 0, "D frozen: bit-identical outputs");
        var stale = MixtureRun.start(GanConfig.toyRing(), RING, MixtureRun.Schedule.staleDiscriminator(5), 7);
        stale.train(20, 10, null);
        assertEquals(20, stale.generatorSteps());
        assertEquals(24, stale.trainer().step(), "20 G steps + 4 D rounds of one step");
        assertTrue(run.discriminatorPeak(3)[2] >= run.d(new float[] {0f, 0f})[0]);
    }

    @Test
    void badSchedulesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new MixtureRun.Schedule("x", 5, 5));
        assertThrows(IllegalArgumentException.class, () -> MixtureRun.Schedule.algorithm1(0));
    }
}
