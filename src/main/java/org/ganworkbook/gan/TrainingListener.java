package org.ganworkbook.gan;

/**
 * Hears about training progress, on the training thread: {@link #onRecord} every
 * {@link GanTrainer#recordEvery()} iterations and {@link #onEpoch} after every epoch. Use it for live
 * plots ({@code updateDisplay}), logs or checkpoints. The trainer is in a consistent state during the
 * call (between two iterations); a listener may read it, sample from it, save it, or call
 * {@link GanTrainer#requestStop()}, but must not train it. Time spent here is not counted in it/s.
 */
public interface TrainingListener {

    /** Called every {@link GanTrainer#recordEvery()} iterations with the means over them. */
    default void onRecord(TrainingRecord record, GanTrainer trainer) {
    }

    /** Called after each completed epoch with the means over it. */
    default void onEpoch(TrainingRecord record, GanTrainer trainer) {
    }
}
