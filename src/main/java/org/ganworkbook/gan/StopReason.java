package org.ganworkbook.gan;

/** Why a call to {@link GanTrainer}'s train methods returned. */
public enum StopReason {
    /** The requested iterations or epochs are done. */
    COMPLETED,
    /** The thread was interrupted (e.g. the notebook's "interrupt kernel"); stopped between two iterations. */
    INTERRUPTED,
    /** {@link GanTrainer#requestStop()} was called (e.g. by a listener or Ctrl-C in the command line). */
    STOP_REQUESTED,
    /** A loss or a parameter became NaN or infinite; see {@link TrainingResult#message()}. */
    DIVERGED
}
