package org.ganworkbook.eval;

import java.util.Locale;

/**
 * One training example found by {@link NearestNeighbours}: its row in the training set and its squared
 * Euclidean distance to the query, {@code Σ_p (query_p - train_p)²}, computed in double from the float
 * pixels (for MNIST in [0, 1], at most 784).
 *
 * @param index           row of the training matrix (0-based)
 * @param squaredDistance squared Euclidean pixel distance to the query
 */
public record Neighbour(int index, double squaredDistance) {

    /** The Euclidean distance itself, √squaredDistance. */
    public double distance() {
        return Math.sqrt(squaredDistance);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Neighbour[index=%d, squaredDistance=%.6g]", index, squaredDistance);
    }
}
