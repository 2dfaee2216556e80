package org.ganworkbook.nn;

import java.util.random.RandomGenerator;

/**
 * Inverted dropout as pylearn2's {@code dropout_fprop}: at training time each value is kept with
 * probability {@code keep}, independently per example and unit, and kept values are multiplied by
 * {@code scale} (usually {@code 1/keep}); dropped values become 0. At evaluation time it is the identity
 * (no mask and no scaling). Paper setup (MNIST D): keep .8 / scale 1.25 on the input pixels, keep .5 /
 * scale 2 on every other D layer's input.
 *
 * <p>Random numbers: see {@link #drawMask}; the draws are used in order over the flat array, so a given
 * generator state always gives the same mask.
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
     * Training-time dropout: draws {@code mask[i] ∈ {0, scale}} and writes {@code out[i] = x[i]·mask[i]}
     * for i in [0, n). {@code x} is not modified; {@code out} and {@code mask} are (from index 0).
     */
    public void apply(float[] x, int xOff, float[] out, float[] mask, int n, RandomGenerator rng) {
        drawMask(mask, n, rng);
        for (int i = 0; i < n; i++) {
            out[i] = x[xOff + i] * mask[i];
        }
    }

    /**
     * Fills {@code mask[0..n)} with independent values that are {@code scale} with probability
     * {@code keep} and 0 otherwise. A float keep probability is a dyadic fraction c/2^b (b ≤ 24 unless
     * keep is tiny), so each draw is a b-bit uniform u, kept iff u &lt; c: exact, and one
     * {@code nextLong()} yields ⌊64/b⌋ draws (64 for keep = .5, 2 for keep = .8).
     */
    public void drawMask(float[] mask, int n, RandomGenerator rng) {
        int bits = bitsPerDraw();
        if (bits == 0) {
            java.util.Arrays.fill(mask, 0, n, scale);
            return;
        }
        int scaleBits = Float.floatToRawIntBits(scale);
        long low = (1L << bits) - 1;
        long threshold = (long) Math.scalb((double) keep, bits);
        int perLong = 64 / bits;
        int i = 0;
        while (i < n) {
            long r = rng.nextLong();
            int end = Math.min(n, i + perLong);
            for (; i < end; i++) {
                long kept = ((r & low) - threshold) >> 63; // all ones iff u < threshold
                mask[i] = Float.intBitsToFloat(scaleBits & (int) kept);
                r >>>= bits;
            }
        }
    }

    /** Bits per draw: the smallest b with keep·2^b an integer (0 when keep = 1). */
    private int bitsPerDraw() {
        for (int b = 0; b <= 62; b++) {
            double scaled = Math.scalb((double) keep, b);
            if (scaled == Math.rint(scaled)) {
                return b;
            }
        }
        return 62;
    }

    @Override
    public String toString() {
        return active() ? "Dropout(keep " + keep + ", scale " + scale + ")" : "Dropout(none)";
    }
}
