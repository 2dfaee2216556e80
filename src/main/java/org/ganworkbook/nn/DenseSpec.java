package org.ganworkbook.nn;

import java.util.random.RandomGenerator;

/**
 * A fully connected layer {@code y = f(x·W + b)}: {@code units} outputs, activation f, weight and bias
 * initialisation, dropout on the input, and an optional max column norm ({@code 0} = none).
 */
public record DenseSpec(int units, Activation activation, WeightInit weightInit, BiasInit biasInit,
                        Dropout inputDropout, float maxColNorm) implements LayerSpec {

    public DenseSpec {
        if (units <= 0) {
            throw new IllegalArgumentException("a dense layer needs at least 1 unit, got " + units);
        }
        if (activation == null || weightInit == null || biasInit == null || inputDropout == null) {
            throw new IllegalArgumentException("dense layer spec has a null field");
        }
        if (!(maxColNorm >= 0f)) {
            throw new IllegalArgumentException("max column norm must be >= 0 (0 = none), got " + maxColNorm);
        }
    }

    /** {@code units} units with activation f, U(−0.05, 0.05) weights, zero biases, no dropout, no norm limit. */
    public static DenseSpec of(int units, Activation activation) {
        return new DenseSpec(units, activation, WeightInit.uniform(0.05f), BiasInit.zeros(), Dropout.none(), 0f);
    }

    public DenseSpec withWeightInit(WeightInit init) {
        return new DenseSpec(units, activation, init, biasInit, inputDropout, maxColNorm);
    }

    /** Uniform weights U(−range, range) (pylearn2 {@code irange}). */
    public DenseSpec withIrange(float range) {
        return withWeightInit(WeightInit.uniform(range));
    }

    public DenseSpec withBiasInit(BiasInit init) {
        return new DenseSpec(units, activation, weightInit, init, inputDropout, maxColNorm);
    }

    public DenseSpec withInputDropout(Dropout dropout) {
        return new DenseSpec(units, activation, weightInit, biasInit, dropout, maxColNorm);
    }

    public DenseSpec withMaxColNorm(float norm) {
        return new DenseSpec(units, activation, weightInit, biasInit, inputDropout, norm);
    }

    @Override
    public Layer build(String name, int inputSize, RandomGenerator rng) {
        Dense layer = new Dense(name, inputSize, units, activation, inputDropout, maxColNorm);
        weightInit.fill(layer.weight().value(), inputSize, units, rng);
        biasInit.fill(layer.bias().value(), units);
        return layer;
    }
}
