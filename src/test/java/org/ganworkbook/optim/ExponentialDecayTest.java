package org.ganworkbook.optim;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExponentialDecayTest {

    private final ExponentialDecay paper = ExponentialDecay.paper(0.1f);

    @Test
    void pinnedValuesOfThePaperSchedule() {
        assertEquals(0.1f, paper.learningRate(0));                       // the first minibatch uses lr0
        assertEquals((float) (0.1f / 1.000004), paper.learningRate(1));
        assertEquals(0.09980020f, paper.learningRate(500), 1e-8f);      // one MNIST epoch: factor 0.998
        assertEquals(0.05f, paper.learningRate(173_287), 1e-7f);        // halved after ~173,287 steps
        assertEquals((float) (0.1f / Math.pow(1.000004, 1_000_000)), paper.learningRate(1_000_000));
    }

    @Test
    void floorIsReachedNear288MillionStepsAndKept() {
        long t = paper.stepsToFloor();
        assertTrue(t > 2_870_000 && t < 2_890_000, "floor reached at step " + t);
        assertEquals(1e-6f, paper.learningRate(t));
        assertTrue(paper.learningRate(t - 1) > 1e-6f);
        assertEquals(1e-6f, paper.learningRate(t + 1));
        assertEquals(1e-6f, paper.learningRate(100_000_000L));
        assertTrue(paper.learningRate(2_878_000) > 1e-6f);
    }

    @Test
    void decreasesMonotonically() {
        float prev = Float.MAX_VALUE;
        for (long t = 0; t < 3_000_000; t += 50_000) {
            float lr = paper.learningRate(t);
            assertTrue(lr <= prev);
            prev = lr;
        }
    }

    @Test
    void rejectsBadSettings() {
        assertThrows(IllegalArgumentException.class, () -> new ExponentialDecay(0.1f, 0.9, 1e-6));
        assertThrows(IllegalArgumentException.class, () -> new ExponentialDecay(0f, 1.1, 1e-6));
        assertThrows(IllegalArgumentException.class, () -> paper.learningRate(-1));
        assertEquals(Long.MAX_VALUE, new ExponentialDecay(0.1f, 1.0, 1e-6).stepsToFloor());
    }
}
