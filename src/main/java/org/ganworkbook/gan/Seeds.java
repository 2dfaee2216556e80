package org.ganworkbook.gan;

import java.util.SplittableRandom;

/**
 * Random streams of a training run, each derived from the run's seed and an index only, so that any
 * iteration can be replayed without replaying the ones before it (what makes resume bit-identical):
 * <ul>
 *   <li>{@link #init}: the initial weights of G, then D;</li>
 *   <li>{@link #step}: everything random in iteration t (minibatch draws of a sampler, z, dropout masks);</li>
 *   <li>{@link #shuffle}: the order of the training set in epoch e.</li>
 * </ul>
 * Each stream is a {@link SplittableRandom} seeded with a SplitMix64 hash of (seed, stream, index).
 */
final class Seeds {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final long INIT = 1;
    private static final long STEP = 2;
    private static final long SHUFFLE = 3;

    private Seeds() {
    }

    static SplittableRandom init(long seed) {
        return new SplittableRandom(derive(seed, INIT, 0));
    }

    static SplittableRandom step(long seed, long step) {
        return new SplittableRandom(derive(seed, STEP, step));
    }

    static SplittableRandom shuffle(long seed, int epoch) {
        return new SplittableRandom(derive(seed, SHUFFLE, epoch));
    }

    /** A well-mixed 64-bit value of (seed, stream, index); distinct inputs give unrelated outputs. */
    static long derive(long seed, long stream, long index) {
        long h = mix64(seed + GOLDEN * stream);
        return mix64(h ^ mix64(index + GOLDEN));
    }

    /** SplitMix64's finaliser. */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
