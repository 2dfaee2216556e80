package org.ganworkbook.optim;

/**
 * Learning rate divided by a constant factor after every minibatch, with a floor, as pylearn2's
 * {@code ExponentialDecay} callback: for the minibatch with 0-based index t,
 * <pre>  η_t = max(η_0 / decay^t, minLr)</pre>
 * computed in double and rounded to float (η_0 is the float learning rate, as Theano stored it).
 * Paper (every yaml): decay 1.000004, minLr 1e−6, so η halves after ≈173,287 steps and η_0 = 0.1
 * reaches the floor after ≈2.88M steps.
 *
 * @param initial η_0, the rate of the first minibatch
 * @param decay   factor per minibatch, ≥ 1
 * @param minLr   floor, ≥ 0
 */
public record ExponentialDecay(float initial, double decay, double minLr) {

    public ExponentialDecay {
        if (!(initial > 0f) || !Float.isFinite(initial)) {
            throw new IllegalArgumentException("initial learning rate must be finite and > 0, got " + initial);
        }
        if (!(decay >= 1.0) || !Double.isFinite(decay)) {
            throw new IllegalArgumentException("decay factor must be finite and >= 1, got " + decay);
        }
        if (!(minLr >= 0.0)) {
            throw new IllegalArgumentException("min learning rate must be >= 0, got " + minLr);
        }
    }

    /** The paper's schedule from a given initial rate: decay 1.000004 per minibatch, floor 1e−6. */
    public static ExponentialDecay paper(float initial) {
        return new ExponentialDecay(initial, 1.000004, 1e-6);
    }

    /** η for the minibatch with 0-based index {@code step}. */
    public float learningRate(long step) {
        if (step < 0) {
            throw new IllegalArgumentException("step must be >= 0, got " + step);
        }
        double lr = initial / Math.pow(decay, step);
        return (float) (lr <= minLr ? minLr : lr);
    }

    /** First step whose rate is the floor (the rate never rises again). */
    public long stepsToFloor() {
        if (decay == 1.0 || initial <= minLr) {
            return initial <= minLr ? 0 : Long.MAX_VALUE;
        }
        long t = (long) Math.floor(Math.log(initial / minLr) / Math.log(decay));
        while (initial / Math.pow(decay, t) > minLr) {
            t++;
        }
        while (t > 0 && initial / Math.pow(decay, t - 1) <= minLr) {
            t--;
        }
        return t;
    }
}
