package org.ganworkbook.gan;

import org.ejml.data.FMatrixRMaj;
import org.ganworkbook.eval.NearestNeighbours;
import org.ganworkbook.eval.NeighbourGrid;
import org.ganworkbook.nn.Mlp;
import org.ganworkbook.sampling.NoisePrior;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SamplesTest {


    @Test
    void interpolationWalksStraightLinesThroughTheAnchors() {
        FMatrixRMaj anchors = new FMatrixRMaj(3, 2, true, 0f, 0f, 1f, 2f, -1f, 2f);
        FMatrixRMaj z = Samples.interpolate(anchors, 4);
        assertEquals(9, z.numRows);
        assertArrayEquals(new float[]{0f, 0f}, new float[]{z.get(0, 0), z.get(0, 1)});
        assertArrayEquals(new float[]{0.25f, 0.5f}, new float[]{z.get(1, 0), z.get(1, 1)});
        assertArrayEquals(new float[]{1f, 2f}, new float[]{z.get(4, 0), z.get(4, 1)}, "second anchor exactly");
        assertArrayEquals(new float[]{0f, 2f}, new float[]{z.get(6, 0), z.get(6, 1)}, "halfway along the second segment");
        assertArrayEquals(new float[]{-1f, 2f}, new float[]{z.get(8, 0), z.get(8, 1)}, "last anchor exactly");
        assertThrows(IllegalArgumentException.class, () -> Samples.interpolate(new FMatrixRMaj(1, 2), 3));
        // for the uniform prior every point stays inside the cube
        FMatrixRMaj path = Samples.interpolate(Samples.noise(NoisePrior.uniformPaper(), 5, 100, new SplittableRandom(1)), 7);
        for (float v : path.data) {
            assertTrue(Math.abs(v) <= Math.sqrt(3) + 1e-6, "outside the cube: " + v);
        }
    }

    @Test
    void generateIsEvaluationModeAndBlockwise() {
        GanTrainer t = GanTrainer.create(TinyGan.config(), TinyGan.gandata(), 2L);
        FMatrixRMaj z = t.noise(2500, new SplittableRandom(3)); // more than one block of 1000
        FMatrixRMaj x = t.generate(z);
        assertEquals(2500, x.numRows);
        FMatrixRMaj again = t.generator().predict(z);
        // one product over 2500 rows vs blocks of 1000: the same sums, possibly in another order (the GEMM
        // may split rows differently), so equal to float rounding: sigmoid outputs in (0, 1) of 8-term dot
        // products, |error| <= about 8 * 2^-24 before the sigmoid (slope <= 1/4)
        assertArrayEquals(again.data, x.data, 1e-6f);
        // same seed, same samples
        assertArrayEquals(t.sample(7, new SplittableRandom(9)).data, t.sample(7, new SplittableRandom(9)).data);
    }
}
