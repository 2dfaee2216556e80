package org.ganworkbook.nn;

/**
 * Fully connected layer {@code y = f(x_drop·W + b)} with an element-wise {@link Activation} f.
 * Shapes: x {@code rows × inputSize}, W {@code inputSize × units}, b {@code 1 × units}, y {@code rows × units}.
 * Paper: G's ReLU hidden layers and sigmoid output, D's sigmoid output (§5; mnist.yaml).
 */
public final class Dense extends Layer {

    private final Activation activation;

    public Dense(String name, int inputSize, int units, Activation activation, Dropout inputDropout, float maxColNorm) {
        super(name, inputSize, checkUnits(name, units), units, inputDropout, maxColNorm);
        this.activation = activation;
    }

    private static int checkUnits(String name, int units) {
        if (units <= 0) {
            throw new IllegalArgumentException("dense layer " + name + " needs at least 1 unit, got " + units);
        }
        return units;
    }

    public Activation activation() {
        return activation;
    }

    @Override
    void finishForward(LayerState s, int from, int to) {
        // z += b; y = f(z)   (one pass)
        activation.forward(s.z, bias().value(), s.y, from, to, columns());
    }

    @Override
    void outputGradToLinear(LayerState s, float[] dy, int dyOff, int from, int count, int dzOff) {
        // δ = dy ⊙ f'(z), f' read off the stored outputs
        activation.backward(s.y, from * columns(), dy, dyOff, s.dz, dzOff, count * columns());
    }

    @Override
    String describe() {
        return "dense " + inputSize() + " -> " + outputSize() + " " + activation.name().toLowerCase(java.util.Locale.ROOT);
    }
}
