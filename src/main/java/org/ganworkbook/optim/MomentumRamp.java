package org.ganworkbook.optim;

/**
 * Momentum ramped linearly over epochs, as pylearn2's {@code MomentumAdjustor}: it runs once before the
 * first epoch and after every epoch, so during epoch n (counting from 1)
 * <pre>  α = clip((n − start) / (saturate − start), 0, 1);   μ_n = init·(1 − α) + final·α</pre>
 * computed in double and rounded to float. Paper (every yaml): init .5, final .7, start 1, saturate 250,
 * i.e. μ = 0.5 + 0.2·min(1, (n − 1)/249), reaching .7 at epoch 250.
 */
public record MomentumRamp(float initial, float finalMomentum, int start, int saturate) {

    public MomentumRamp {
        if (!(initial >= 0f && initial < 1f) || !(finalMomentum >= 0f && finalMomentum < 1f)) {
            throw new IllegalArgumentException("momentum values must be in [0, 1), got " + initial + " and " + finalMomentum);
        }
        if (saturate < start) {
            throw new IllegalArgumentException("saturate (" + saturate + ") must not be before start (" + start + ")");
        }
    }

    /** The paper's ramp: .5 → .7 from epoch 1 to epoch 250. */
    public static MomentumRamp paper() {
        return new MomentumRamp(0.5f, 0.7f, 1, 250);
    }

    /** μ during epoch {@code epoch} (1 = the first epoch). */
    public float momentum(int epoch) {
        if (epoch < 1) {
            throw new IllegalArgumentException("epochs count from 1, got " + epoch);
        }
        int width = saturate - start;
        if (width == 0) {
            return epoch >= start ? finalMomentum : initial;
        }
        double alpha = (double) (epoch - start) / width;
        alpha = Math.max(0, Math.min(1, alpha));
        return (float) (initial * (1 - alpha) + alpha * finalMomentum);
    }
}
