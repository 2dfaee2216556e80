package org.ganworkbook.nn;

import java.util.random.RandomGenerator;

/**
 * Inverted dropout as pylearn2's {@code dropout_fprop}: at training time each value is kept with
 * probability {@code keep}, independently per example and unit, and kept values are multiplied by
 * {@code scale} (usually {@code 1/keep}); dropped values become 0. At evaluation time it is the identity
 * (no mask and no scaling). Paper setup (MNIST D): keep .8 / scale 1.25 on the input pixels, keep .5 /
 * scale 2 on every other D layer's input.
 *
 * <p>Random numbers: each {@code nextLong()} of the generator gives two 32-bit uniforms, used in order
 * over the flat array; value i is kept iff its uniform is below {@code keep·2³²}.
 *
 * @param keep  probability of keeping a value, in (0, 1]
 * @param scale multiplier of kept values at training time
 */
public record Dropout(float keep, float scale) {

    private static final Dropout NONE = new Dropout(1f, 1f);

    public Dropout {
        if (!(keep > 0f && keep <= 1f)) {
            throw new IllegalArgumentException("dropout keep probability must be in (0, 1], got " + keep);
        }
        if (!Float.isFinite(scale)) {
            throw new IllegalArgumentException("dropout scale must be finite, got " + scale);
        }
    }

    /** No dropout: keep everything, scale 1. */
    public static Dropout none() {
        return NONE;
    }

    /** Keep with probability {@code keep} and scale kept values by {@code 1/keep}. */
    public static Dropout inverted(float keep) {
        return new Dropout(keep, 1f / keep);
    }

    /** Keep with probability {@code keep} and scale kept values by {@code scale} (pylearn2's input_scales). */
    public static Dropout of(float keep, float scale) {
        return new Dropout(keep, scale);
    }

    /** True if this dropout changes anything at training time. */
    public boolean active() {
        return keep < 1f || scale != 1f;
    }

    /**
     * Training-time dropout, fused: draws {@code mask[i] ∈ {0, scale}} and writes {@code out[i] = x[i]·mask[i]}
     * for i in [0, n). {@code x} is not modified; {@code out} and {@code mask} are (from index 0).
     */
    public void apply(float[] x, int xOff, float[] out, float[] mask, int n, RandomGenerator rng) {
        long threshold = (long) Math.floor(keep * 4294967296.0);
        float s = scale;
        int i = 0;
        for (; i + 1 < n; i += 2) {
            long bits = rng.nextLong();
            float m0 = (bits & 0xFFFFFFFFL) < threshold ? s : 0f;
            float m1 = (bits >>> 32) < threshold ? s : 0f;
            mask[i] = m0;
            mask[i + 1] = m1;
            out[i] = x[xOff + i] * m0;
            out[i + 1] = x[xOff + i + 1] * m1;
        }
        if (i < n) {
            long bits = rng.nextLong();
            float m0 = (bits & 0xFFFFFFFFL) < threshold ? s : 0f;
            mask[i] = m0;
            out[i] = x[xOff + i] * m0;
        }
    }

    @Override
    public String toString() {
        return active() ? "Dropout(keep " + keep + ", scale " + scale + ")" : "Dropout(none)";
    }
}
