package org.ganworkbook.nn;

import org.ganworkbook.linalg.Gemm;

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
        apply(x, xOff, out, mask, n, rng, new long[drawsFor(n)]);
    }

    /**
     * {@link #apply(float[], int, float[], float[], int, RandomGenerator)} with a scratch array of at least
     * {@link #drawsFor}{@code (n)} longs: the random longs are drawn in order on the calling thread, then turned
     * into mask and output values on the threads of the matrix products ({@code Gemm.forRanges}). The mask is
     * the one {@link #drawMask} gives for the same generator state, however the work is cut.
     */
    public void apply(float[] x, int xOff, float[] out, float[] mask, int n, RandomGenerator rng, long[] draws) {
        int longs = draw(draws, n, rng);
        int perLong = perLong();
        Gemm.forRanges(longs == 0 ? n : longs, longs == 0 ? Layer.ELEMENT_GRAIN : Math.max(1, Layer.ELEMENT_GRAIN / perLong),
                (from, to) -> expand(draws, longs == 0, (int) from, (int) to, n, mask, x, xOff, out));
    }

    /**
     * Fills {@code mask[0..n)} with independent values that are {@code scale} with probability
     * {@code keep} and 0 otherwise. A float keep probability is a dyadic fraction c/2^b (b ≤ 24 unless
     * keep is tiny), so each draw is a b-bit uniform u, kept iff u &lt; c: exact, and one
     * {@code nextLong()} yields ⌊64/b⌋ draws (64 for keep = .5, 2 for keep = .8), lowest bits first.
     */
    public void drawMask(float[] mask, int n, RandomGenerator rng) {
        long[] draws = new long[drawsFor(n)];
        int longs = draw(draws, n, rng);
        expand(draws, longs == 0, 0, longs == 0 ? n : longs, n, mask, null, 0, null);
    }

    /** How many {@code nextLong()} draws a mask of n values takes (0 when keep = 1: nothing is random). */
    public int drawsFor(int n) {
        int bits = bitsPerDraw();
        return bits == 0 ? 0 : (int) ((n + (long) perLong() - 1) / perLong());
    }

    private int perLong() {
        int bits = bitsPerDraw();
        return bits == 0 ? 64 : 64 / bits;
    }

    /** Draws the longs for n values into {@code draws}, in order; returns how many. */
    private int draw(long[] draws, int n, RandomGenerator rng) {
        int longs = drawsFor(n);
        if (draws.length < longs) {
            throw new IllegalArgumentException("dropout of " + n + " values needs " + longs + " draws, scratch has "
                    + draws.length);
        }
        for (int l = 0; l < longs; l++) {
            draws[l] = rng.nextLong();
        }
        return longs;
    }

    /**
     * Mask (and, if x is not null, output) values for draws [l0, l1) — or, when nothing is random, for values
     * [l0, l1) directly. Each value's bits come from its own draw, so any cut gives the same values.
     */
    private void expand(long[] draws, boolean constant, int l0, int l1, int n, float[] mask, float[] x, int xOff,
                        float[] out) {
        if (constant) {
            java.util.Arrays.fill(mask, l0, l1, scale);
            if (x != null) {
                for (int i = l0; i < l1; i++) {
                    out[i] = x[xOff + i] * scale;
                }
            }
            return;
        }
        int bits = bitsPerDraw();
        int perLong = 64 / bits;
        int scaleBits = Float.floatToRawIntBits(scale);
        long low = (1L << bits) - 1;
        long threshold = (long) Math.scalb((double) keep, bits);
        for (int l = l0; l < l1; l++) {
            long r = draws[l];
            int i = l * perLong;
            int end = Math.min(n, i + perLong);
            for (; i < end; i++) {
                long kept = ((r & low) - threshold) >> 63; // all ones iff u < threshold
                mask[i] = Float.intBitsToFloat(scaleBits & (int) kept);
                r >>>= bits;
            }
        }
        if (x != null) {
            int from = l0 * perLong;
            int to = (int) Math.min(n, (long) l1 * perLong);
            for (int i = from; i < to; i++) {
                out[i] = x[xOff + i] * mask[i];
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
