package org.ganworkbook.nn;

import java.util.Locale;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * A fully connected layer {@code y = f(x·W + b)}: {@code units} outputs, activation f, and the
 * {@link LayerInit} every layer has (weight and bias initialisation, dropout on the input, an optional max
 * column norm).
 */
public record DenseSpec(int units, Activation activation, LayerInit init) implements LayerSpec.Of<DenseSpec> {

    public DenseSpec {
        if (units <= 0) {
            throw new IllegalArgumentException("a dense layer needs at least 1 unit, got " + units);
        }
        Objects.requireNonNull(activation, "activation");
        Objects.requireNonNull(init, "init");
    }

    /** {@code units} units with activation f, U(−0.05, 0.05) weights, zero biases, no dropout, no norm limit. */
    public static DenseSpec of(int units, Activation activation) {
        return new DenseSpec(units, activation, LayerInit.uniform(0.05f));
    }

    @Override
    public DenseSpec withInit(LayerInit init) {
        return new DenseSpec(units, activation, init);
    }

    /** The same layer with another number of units (e.g. a generator's output for other data). */
    public DenseSpec withUnits(int units) {
        return new DenseSpec(units, activation, init);
    }

    @Override
    public String shape() {
        return units + " " + activation.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String describe() {
        return activation.name().toLowerCase(Locale.ROOT) + " " + units + ", " + init;
    }

    @Override
    public Layer build(String name, int inputSize, RandomGenerator rng) {
        Dense layer = new Dense(name, inputSize, units, activation, init.inputDropout(), init.maxColNorm());
        init.fill(layer.weight(), layer.bias(), inputSize, units, rng);
        return layer;
    }
}
