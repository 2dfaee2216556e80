package org.ganworkbook.gan;

/**
 * The outcome of one call to a train method.
 *
 * @param reason   why it returned
 * @param stepsRun iterations completed in this call
 * @param step     iterations completed since the start of the run
 * @param epoch    the current epoch (1 = the first)
 * @param message  a sentence for people: what happened, and for {@link StopReason#DIVERGED} where and what
 *                 to do
 */
public record TrainingResult(StopReason reason, long stepsRun, long step, int epoch, String message) {

    /** @return true if everything asked for was done */
    public boolean completed() {
        return reason == StopReason.COMPLETED;
    }

    @Override
    public String toString() {
        return message;
    }
}
