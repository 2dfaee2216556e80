package org.ganworkbook.paper;

import org.ganworkbook.gan.GanConfig;
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
    void trainingDAloneChangesOnlyDAndTakesItTowardsTheData() {
        var run = MixtureRun.start(GanConfig.toyRing(), RING, MixtureRun.Schedule.algorithm1(1), 7);
        float[] before = run.samples();
        float[] modes = new float[2 * RING.modes()];
        for (int k = 0; k < RING.modes(); k++) {
            modes[2 * k] = (float) RING.centreX(k);
            modes[2 * k + 1] = (float) RING.centreY(k);
        }
        assertTrue(run.trainDiscriminatorAlone(300));
        assertArrayEquals(before, run.samples(), 0f, "G fixed while D trains alone: the same samples, bit for bit");
        assertEquals(0, run.generatorSteps(), "D steps are not generator steps");
        assertEquals(300, run.trainer().step());
        // D* = p_data / (p_data + p_g): near 1 at the modes, where G (a small blob at the centre) has no mass,
        // and below 1/2 where G's samples are
        for (double d : run.d(modes)) {
            assertTrue(d > 0.9, "D at a mode after 300 D steps: " + d);
        }
        assertTrue(run.meanDOfSamples() < 0.5, "D on G's samples: " + run.meanDOfSamples());
        assertThrows(IllegalArgumentException.class, () -> run.trainDiscriminatorAlone(-1));
    }

    @Test
    void pileDistancesToTheModesAndToDsPeak() {
        var run = MixtureRun.start(GanConfig.toyRing(), RING, MixtureRun.Schedule.algorithm1(1), 7);
        // a fresh G is a small blob around the origin: its pile is about one ring radius (2) from every mode
        assertEquals(2.0, run.pileToNearestMode(), 0.3);
        var p = run.pile();
        double[] peak = run.discriminatorPeak(3.0);
        assertEquals(Math.hypot(p.pileX() - peak[0], p.pileY() - peak[1]), run.pileToDiscriminatorPeak(3.0), 1e-12);
        assertTrue(run.pileToDiscriminatorPeak(3.0) <= Math.hypot(3 + Math.abs(p.pileX()), 3 + Math.abs(p.pileY())));
    }

    @Test
    void badSchedulesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new MixtureRun.Schedule("x", 5, 5));
        assertThrows(IllegalArgumentException.class, () -> MixtureRun.Schedule.algorithm1(0));
    }
}
