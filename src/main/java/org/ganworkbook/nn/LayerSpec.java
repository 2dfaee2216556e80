package org.ganworkbook.nn;

/**
 * A layer as data: what {@link Mlp#build} turns into a {@link Layer}. Records with withers, printed by
 * {@code toString}, so a network's whole configuration can sit in an experiment's config record.
 */
public sealed interface LayerSpec permits DenseSpec, MaxoutSpec {

    /** Output units of the layer. */
    int units();

    /** Dropout applied to the layer's input at training time. */
    Dropout inputDropout();

    /** Builds the layer for a given input size, drawing its initial parameters from {@code rng}. */
    Layer build(String name, int inputSize, java.util.random.RandomGenerator rng);
}
