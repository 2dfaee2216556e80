package org.ganworkbook.gan;

import java.util.Locale;

/**
 * What training looked like over a stretch of iterations (the last N steps, or one epoch): means of the
 * quantities Algorithm 1 works with, and the schedule's values.
 *
 * <p>D(x) and D(G(z)) are D's outputs in the training pass (with dropout), as the losses saw them. A
 * quantity that was not computed in the stretch (the D loss while D is frozen) is NaN.
 *
 * @param step           iterations done at the end of the stretch (global, from the start of the run)
 * @param epoch          the epoch the stretch ended in (1 = the first)
 * @param steps          iterations in the stretch
 * @param dLoss          mean D loss, w·(BCE(D(x), 1) + BCE(D(G(z)), 0)) with w the config's weight (0.5)
 * @param gLoss          mean G loss (−log D(G(z)), or log(1 − D(G(z))) for the saturating form)
 * @param dReal          mean D(x) over the real examples
 * @param dFake          mean D(G(z)) over the fake examples
 * @param learningRate   η of the stretch's last iteration
 * @param momentum       μ of the stretch's last iteration
 * @param itersPerSecond iterations per second of training in the stretch (listener time excluded)
 * @param wallSeconds    training time since the start of the run, in seconds (resumed runs continue it)
 */
public record TrainingRecord(long step, int epoch, int steps, double dLoss, double gLoss, double dReal, double dFake,
                             float learningRate, float momentum, double itersPerSecond, double wallSeconds) {

    @Override
    public String toString() {
        String speed = Double.isNaN(itersPerSecond) ? "" : String.format(Locale.ROOT, ", %.1f it/s", itersPerSecond);
        return String.format(Locale.ROOT, "step %d (epoch %d): dLoss %.4f, gLoss %.4f, D(x) %.3f, D(G(z)) %.3f,"
                        + " lr %.3g, momentum %.3f%s, %.1f s of training",
                step, epoch, dLoss, gLoss, dReal, dFake, learningRate, momentum, speed, wallSeconds);
    }
}
