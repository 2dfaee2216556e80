package org.ganworkbook.nn;

import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * A maxout layer: {@code units × pieces} linear pieces {@code z = x·W + b}, output unit j is the max of
 * pieces {@code j·pieces .. j·pieces + pieces − 1} (consecutive columns form a group, as pylearn2), and the
 * {@link LayerInit} every layer has. Paper MNIST D: 240 units × 5 pieces, irange .005.
 */
public record MaxoutSpec(int units, int pieces, LayerInit init) implements LayerSpec.Of<MaxoutSpec> {

    public MaxoutSpec {
        if (units <= 0 || pieces <= 0) {
            throw new IllegalArgumentException("maxout needs units >= 1 and pieces >= 1, got " + units + " x " + pieces);
        }
        if (pieces > Maxout.MAX_PIECES) {
            throw new IllegalArgumentException("maxout supports at most " + Maxout.MAX_PIECES + " pieces, got " + pieces);
        }
        Objects.requireNonNull(init, "init");
    }

    /** {@code units × pieces}, U(−0.005, 0.005) weights, zero biases, no dropout, no norm limit. */
    public static MaxoutSpec of(int units, int pieces) {
        return new MaxoutSpec(units, pieces, LayerInit.uniform(0.005f));
    }

    @Override
    public MaxoutSpec withInit(LayerInit init) {
        return new MaxoutSpec(units, pieces, init);
    }

    @Override
    public String shape() {
        return units + "x" + pieces + " maxout";
    }

    @Override
    public String describe() {
        return "maxout " + units + " units x " + pieces + " pieces, " + init;
    }

    @Override
    public Layer build(String name, int inputSize, RandomGenerator rng) {
        Maxout layer = new Maxout(name, inputSize, units, pieces, init.inputDropout(), init.maxColNorm());
        init.fill(layer.weight(), layer.bias(), inputSize, units * pieces, rng);
        return layer;
    }
}
