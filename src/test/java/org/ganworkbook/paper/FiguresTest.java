package org.ganworkbook.paper;

import org.ganworkbook.gan.GanData;
import org.ganworkbook.gan.GanTrainer;
import org.ganworkbook.gan.TinyGan;

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

class FiguresTest {


    @Test
    void figure2HasTheNeighbourOfTheFifthSampleOutlinedInEachRow() {
        Mlp g = GanTrainer.create(TinyGan.config(), TinyGan.gandata(), 2L).generator();
        FMatrixRMaj train = TinyGan.data(300, 4);
        NeighbourGrid grid = Figures.figure2(g, NoisePrior.uniformPaper(), NearestNeighbours.of(train), new SplittableRandom(5));
        assertEquals(4, grid.rows());
        assertEquals(6, grid.columns());
        assertArrayEquals(new int[]{5, 11, 17, 23}, grid.highlighted());
        for (int r = 0; r < 4; r++) {
            float[] neighbour = grid.tile(r * 6 + 5);
            int index = grid.neighbours()[r].index();
            float[] expected = java.util.Arrays.copyOfRange(train.data, index * 16, index * 16 + 16);
            assertArrayEquals(expected, neighbour);
        }
        BufferedImage img = Figures.render(grid, 4, 2);
        assertEquals(BufferedImage.TYPE_INT_RGB, img.getType(), "outlined tiles need colour");
    }

    @Test
    void figure3StripsAreOnePathEach() {
        Mlp g = GanTrainer.create(TinyGan.config(), TinyGan.gandata(), 2L).generator();
        FMatrixRMaj tiles = Figures.figure3(g, NoisePrior.uniformPaper(), 3, 4, 6, new SplittableRandom(5));
        assertEquals(3 * 19, tiles.numRows);
        BufferedImage img = Figures.renderStrips(tiles, 3, 4, 2);
        assertEquals(19 * 8 + 20, img.getWidth());
    }

    @Test
    void dashboardFrameShowsCurvesAndFixedSamples() {
        FMatrixRMaj x = new FMatrixRMaj(300, 16);
        System.arraycopy(TinyGan.data(300, 4).data, 0, x.data, 0, x.data.length);
        GanTrainer t = GanTrainer.create(TinyGan.config(), GanData.of(x), 2L).recordEvery(5);
        TrainingDashboard dash = new TrainingDashboard(t, 20, new SplittableRandom(1));
        BufferedImage empty = dash.frame();
        assertEquals("G(z) for 20 fixed z, before training (step 0)", dash.samplesLabel());
        int[] frames = {0};
        t.addListener(dash.listener(f -> frames[0]++, 2));
        t.trainEpochs(2); // 30 iterations per epoch: 6 records per epoch
        assertEquals(3 + 3 + 2, frames[0], "every 2nd record and every epoch");
        assertEquals("G(z) for 20 fixed z, after epoch 2 (step 60)", dash.samplesLabel());
        t.trainSteps(7);
        BufferedImage later = dash.frame();
        assertEquals("G(z) for 20 fixed z, epoch 3, iteration 7 (step 67)", dash.samplesLabel());
        assertEquals(empty.getWidth(), later.getWidth());
        assertTrue(later.getHeight() >= 300);
    }
}
