package org.ganworkbook.paper;

import org.ejml.data.FMatrixRMaj;
import org.ganworkbook.data.Splits;

import java.util.List;
import java.util.Objects;

/**
 * An experiment's data as loaded: what G imitates and the splits its Parzen score is taken on.
 *
 * @param description for logs and {@code config.txt}
 * @param train       what G imitates and the nearest-neighbour search runs over ([n, d])
 * @param splits      the splits Table 1's protocol scores on: MNIST's one train/valid/test split, or the face
 *                    sets' folds (one {@link Splits} per fold)
 * @param protocol    how {@code splits} are scored
 */
public record ExperimentData(String description, FMatrixRMaj train, List<Splits> splits, EvaluationProtocol protocol) {

    public ExperimentData {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(protocol, "protocol");
        splits = List.copyOf(splits);
        if (splits.isEmpty()) {
            throw new IllegalArgumentException("an experiment needs at least one split to score on");
        }
        if (protocol == EvaluationProtocol.HELD_OUT_SPLIT && splits.size() != 1) {
            throw new IllegalArgumentException("the held-out-split protocol scores one split, got " + splits.size());
        }
    }

    /** The one split of a {@link EvaluationProtocol#HELD_OUT_SPLIT} experiment (MNIST: 50k/10k/10k). */
    public Splits split() {
        if (protocol != EvaluationProtocol.HELD_OUT_SPLIT) {
            throw new IllegalStateException(description + " is scored over " + splits.size()
                    + " folds, not on one split; use splits()");
        }
        return splits.get(0);
    }
}
