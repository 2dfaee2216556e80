package org.ganworkbook.eval;

import org.ejml.data.FMatrixRMaj;

import java.util.Arrays;

/**
 * The layout of Figure 2 (Goodfellow et al. 2014): {@code rows} rows of {@code samplesPerRow} generator
 * samples, each row followed by the training image nearest to its last sample (the 5th in the paper),
 * drawn highlighted. The paper's panels are 4 rows × (5 samples + 1 neighbour), from 20 random samples
 * laid out row by row, as the authors' {@code show_samples_mnist_paper.py} does.
 *
 * <p>This record holds only data for a drawing routine (e.g. {@code org.ganworkbook.plot.ImageGrid}):
 * the tiles in row-major order and which of them to outline. Values are the images' own (pixels in
 * [0, 1] for MNIST and TFD, shown without rescaling).
 *
 * @param tiles       [rows·columns, d]: tile t is at grid row {@code t / columns}, column {@code t % columns}
 * @param rows        grid rows
 * @param columns     grid columns, {@code samplesPerRow + 1}
 * @param highlighted tile indices to outline (the neighbour column: {@code r·columns + columns - 1})
 * @param neighbours  per grid row, the nearest training example (index into the training set, distance)
 * @param queries     per grid row, the index (into the samples) of the sample the neighbour belongs to
 */
public record NeighbourGrid(FMatrixRMaj tiles, int rows, int columns, int[] highlighted, Neighbour[] neighbours,
                            int[] queries) {

    /** Figure 2's shape: 4 rows of 5 samples. */
    public static final int PAPER_ROWS = 4;
    public static final int PAPER_SAMPLES_PER_ROW = 5;

    public NeighbourGrid {
        tiles = tiles.copy();
        highlighted = highlighted.clone();
        neighbours = neighbours.clone();
        queries = queries.clone();
    }

    /** Figure 2: 20 samples ([20, d], row by row) in 4 rows of 5, each row plus its neighbour column. */
    public static NeighbourGrid paperFigure2(FMatrixRMaj samples, NearestNeighbours search) {
        return of(samples, PAPER_ROWS, PAPER_SAMPLES_PER_ROW, search);
    }

    /**
     * {@code rows} rows of {@code samplesPerRow} samples ([rows·samplesPerRow, d]; not modified), each
     * followed by the training image nearest to the row's last sample, found by {@code search}.
     */
    public static NeighbourGrid of(FMatrixRMaj samples, int rows, int samplesPerRow, NearestNeighbours search) {
        if (rows < 1 || samplesPerRow < 1) {
            throw new IllegalArgumentException("need at least 1 row and 1 sample per row, got " + rows + " x "
                    + samplesPerRow);
        }
        int d = search.dimension();
        if (samples == null || samples.numRows != rows * samplesPerRow || samples.numCols != d) {
            throw new IllegalArgumentException("need " + rows * samplesPerRow + " samples (" + rows + " rows x "
                    + samplesPerRow + ") of " + d + " values, one per row, got "
                    + (samples == null ? "null" : samples.numRows + "x" + samples.numCols));
        }
        int columns = samplesPerRow + 1;
        int[] queries = new int[rows];
        FMatrixRMaj lastOfRow = new FMatrixRMaj(rows, d);
        for (int r = 0; r < rows; r++) {
            queries[r] = r * samplesPerRow + samplesPerRow - 1;
            System.arraycopy(samples.data, queries[r] * d, lastOfRow.data, r * d, d);
        }
        Neighbour[] neighbours = search.nearest(lastOfRow);
        FMatrixRMaj tiles = new FMatrixRMaj(rows * columns, d);
        int[] highlighted = new int[rows];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(samples.data, r * samplesPerRow * d, tiles.data, r * columns * d, samplesPerRow * d);
            int neighbourTile = r * columns + samplesPerRow;
            System.arraycopy(search.images(neighbours[r].index()).data, 0, tiles.data, neighbourTile * d, d);
            highlighted[r] = neighbourTile;
        }
        return new NeighbourGrid(tiles, rows, columns, highlighted, neighbours, queries);
    }

    /** The tiles (a copy), [rows·columns, d], in row-major grid order. */
    @Override
    public FMatrixRMaj tiles() {
        return tiles.copy();
    }

    /** Tile indices to outline (a copy). */
    @Override
    public int[] highlighted() {
        return highlighted.clone();
    }

    /** Per grid row, the nearest training example (a copy). */
    @Override
    public Neighbour[] neighbours() {
        return neighbours.clone();
    }

    /** Per grid row, the sample index the neighbour was searched for (a copy). */
    @Override
    public int[] queries() {
        return queries.clone();
    }

    /** True if tile {@code t} is a neighbour (to be outlined). */
    public boolean isHighlighted(int t) {
        return t % columns == columns - 1;
    }

    /** The image of tile {@code t} as a new float[d]. */
    public float[] tile(int t) {
        int d = tiles.numCols;
        return Arrays.copyOfRange(tiles.data, t * d, (t + 1) * d);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NeighbourGrid g && rows == g.rows && columns == g.columns
                && Arrays.equals(highlighted, g.highlighted) && Arrays.equals(neighbours, g.neighbours)
                && Arrays.equals(queries, g.queries) && tiles.numCols == g.tiles.numCols
                && Arrays.equals(tiles.data, g.tiles.data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(neighbours) * 31 + Arrays.hashCode(queries);
    }

    @Override
    public String toString() {
        return "NeighbourGrid[" + rows + " x " + columns + " tiles of " + tiles.numCols + " values; neighbours "
                + Arrays.toString(neighbours) + " of samples " + Arrays.toString(queries) + "]";
    }
}
