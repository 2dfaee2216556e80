package org.ganworkbook.paper;

import org.ejml.data.FMatrixRMaj;
import org.ganworkbook.eval.NearestNeighbours;
import org.ganworkbook.eval.NeighbourGrid;
import org.ganworkbook.gan.Samples;
import org.ganworkbook.nn.Mlp;
import org.ganworkbook.plot.ImageGrid;
import org.ganworkbook.sampling.NoisePrior;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.random.RandomGenerator;

/**
 * The paper's sample figures for a generator of square grayscale images (MNIST: 28×28):
 * <ul>
 *   <li>Figure 2: 4 rows of 5 random samples, each row followed by the training image nearest to its 5th
 *       sample, outlined in yellow ({@link #figure2});</li>
 *   <li>Figure 3: digits along straight lines between random points of z-space ({@link #figure3}).</li>
 * </ul>
 * Pixel values are drawn as they are (0 black, 1 white), as the authors' scripts show MNIST.
 */
public final class Figures {

    private Figures() {
    }

    /** Figure 2's layout from 20 fresh samples; the neighbour search runs over {@code training}. */
    public static NeighbourGrid figure2(Mlp g, NoisePrior prior, NearestNeighbours training, RandomGenerator rng) {
        int n = NeighbourGrid.PAPER_ROWS * NeighbourGrid.PAPER_SAMPLES_PER_ROW;
        return NeighbourGrid.paperFigure2(Samples.sample(g, prior, n, rng), training);
    }

    /** Draws a {@link NeighbourGrid} with its neighbour tiles outlined in yellow. */
    public static BufferedImage render(NeighbourGrid grid, int side, int scale) {
        return ImageGrid.square(side).columns(grid.columns()).scale(scale).highlight(Color.YELLOW, grid.highlighted())
                .render(grid.tiles());
    }

    /**
     * Figure 3: {@code strips} rows, each the images G(z) along the polyline through {@code anchors} random
     * points z ~ p_z with {@code stepsBetween} steps per segment ({@link Samples#interpolate}); a new
     * [strips·((anchors − 1)·stepsBetween + 1), dim] matrix, strip by strip.
     */
    public static FMatrixRMaj figure3(Mlp g, NoisePrior prior, int strips, int anchors, int stepsBetween,
                                      RandomGenerator rng) {
        int perStrip = (anchors - 1) * stepsBetween + 1;
        FMatrixRMaj all = new FMatrixRMaj(strips * perStrip, g.outputSize());
        for (int s = 0; s < strips; s++) {
            FMatrixRMaj z = Samples.interpolate(Samples.noise(prior, anchors, g.inputSize(), rng), stepsBetween);
            FMatrixRMaj x = Samples.generate(g, z);
            System.arraycopy(x.data, 0, all.data, s * perStrip * x.numCols, x.data.length);
        }
        return all;
    }

    /** Draws Figure 3's strips, one per row. */
    public static BufferedImage renderStrips(FMatrixRMaj tiles, int strips, int side, int scale) {
        return ImageGrid.square(side).columns(tiles.numRows / strips).scale(scale).padding(1).render(tiles);
    }
}
