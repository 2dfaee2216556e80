package org.ganworkbook.nn;

import java.util.random.RandomGenerator;

/**
 * A maxout layer: {@code units × pieces} linear pieces {@code z = x·W + b}, output unit j is the max of
 * pieces {@code j·pieces .. j·pieces + pieces − 1} (consecutive columns form a group, as pylearn2).
 * Paper MNIST D: 240 units × 5 pieces, irange .005.
 */
public record MaxoutSpec(int units, int pieces, WeightInit weightInit, BiasInit biasInit,
                         Dropout inputDropout, float maxColNorm) implements LayerSpec {

    public MaxoutSpec {
        if (units <= 0 || pieces <= 0) {
            throw new IllegalArgumentException("maxout needs units >= 1 and pieces >= 1, got " + units + " x " + pieces);
        }
        if (pieces > Maxout.MAX_PIECES) {
            throw new IllegalArgumentException("maxout supports at most " + Maxout.MAX_PIECES + " pieces, got " + pieces);
        }
        if (weightInit == null || biasInit == null || inputDropout == null) {
            throw new IllegalArgumentException("maxout layer spec has a null field");
        }
        if (!(maxColNorm >= 0f)) {
            throw new IllegalArgumentException("max column norm must be >= 0 (0 = none), got " + maxColNorm);
        }
    }

    /** {@code units × pieces}, U(−0.005, 0.005) weights, zero biases, no dropout, no norm limit. */
    public static MaxoutSpec of(int units, int pieces) {
        return new MaxoutSpec(units, pieces, WeightInit.uniform(0.005f), BiasInit.zeros(), Dropout.none(), 0f);
    }

    public MaxoutSpec withWeightInit(WeightInit init) {
        return new MaxoutSpec(units, pieces, init, biasInit, inputDropout, maxColNorm);
    }

    /** Uniform weights U(−range, range) (pylearn2 {@code irange}). */
    public MaxoutSpec withIrange(float range) {
        return withWeightInit(WeightInit.uniform(range));
    }

    public MaxoutSpec withBiasInit(BiasInit init) {
        return new MaxoutSpec(units, pieces, weightInit, init, inputDropout, maxColNorm);
    }

    public MaxoutSpec withInputDropout(Dropout dropout) {
        return new MaxoutSpec(units, pieces, weightInit, biasInit, dropout, maxColNorm);
    }

    public MaxoutSpec withMaxColNorm(float norm) {
        return new MaxoutSpec(units, pieces, weightInit, biasInit, inputDropout, norm);
    }

    @Override
    public Layer build(String name, int inputSize, RandomGenerator rng) {
        Maxout layer = new Maxout(name, inputSize, units, pieces, inputDropout, maxColNorm);
        weightInit.fill(layer.weight().value(), inputSize, units * pieces, rng);
        biasInit.fill(layer.bias().value(), units * pieces);
        return layer;
    }
}
