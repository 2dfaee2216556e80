package org.ganworkbook.nn;

/**
 * A layer as data: what {@link Mlp#build} turns into a {@link Layer}. Records with withers, printed by
 * {@code toString}, so a network's whole configuration can sit in an experiment's config record. Every
 * kind has a shape ({@link #units()}, {@link #shape()}) and the same {@link LayerInit} (weights, biases,
 * input dropout, column-norm limit), which {@link #withInit} changes for any kind.
 */
public sealed interface LayerSpec permits LayerSpec.Of {

    /** Output units of the layer. */
    int units();

    /** How the layer starts and what limits it: weights, biases, input dropout, max column norm. */
    LayerInit init();

    /** The initial weights. */
    default WeightInit weightInit() {
        return init().weightInit();
    }

    /** The initial biases. */
    default BiasInit biasInit() {
        return init().biasInit();
    }

    /** Dropout applied to the layer's input at training time. */
    default Dropout inputDropout() {
        return init().inputDropout();
    }

    /** pylearn2's {@code max_col_norm} (0 = none). */
    default float maxColNorm() {
        return init().maxColNorm();
    }

    /** The same layer with another {@link LayerInit} (e.g. {@code s.withInit(s.init().withMaxColNorm(2f))}). */
    LayerSpec withInit(LayerInit init);

    /** The shape that parameters depend on, e.g. {@code 240x5 maxout}, {@code 784 sigmoid}. */
    String shape();

    /** The layer in words, e.g. {@code maxout 240 units x 5 pieces, W ~ U(-0.005, 0.005), b = 0}. */
    String describe();

    /** Builds the layer for a given input size, drawing its initial parameters from {@code rng}. */
    Layer build(String name, int inputSize, java.util.random.RandomGenerator rng);

    /**
     * The kinds of layer, each wither returning its own kind ({@code DenseSpec.of(...).withIrange(.05f)} is a
     * {@code DenseSpec}).
     *
     * @param <S> the kind itself
     */
    sealed interface Of<S extends Of<S>> extends LayerSpec permits DenseSpec, MaxoutSpec {

        @Override
        S withInit(LayerInit init);

        default S withWeightInit(WeightInit init) {
            return withInit(init().withWeightInit(init));
        }

        /** Uniform weights U(−range, range) (pylearn2 {@code irange}). */
        default S withIrange(float range) {
            return withWeightInit(WeightInit.uniform(range));
        }

        default S withBiasInit(BiasInit init) {
            return withInit(init().withBiasInit(init));
        }

        default S withInputDropout(Dropout dropout) {
            return withInit(init().withInputDropout(dropout));
        }

        default S withMaxColNorm(float norm) {
            return withInit(init().withMaxColNorm(norm));
        }
    }
}
