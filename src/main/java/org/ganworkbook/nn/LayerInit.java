package org.ganworkbook.nn;

/**
 * What every layer spec has besides its shape: how its weights and biases start, the dropout on its
 * input, and pylearn2's {@code max_col_norm} ({@code 0} = none), checked once for all layer kinds.
 *
 * @param weightInit   the initial weights
 * @param biasInit     the initial biases
 * @param inputDropout dropout on the layer's input at training time
 * @param maxColNorm   each weight column is rescaled to at most this Euclidean norm after every update (0 = none)
 */
public record LayerInit(WeightInit weightInit, BiasInit biasInit, Dropout inputDropout, float maxColNorm) {

    public LayerInit {
        if (weightInit == null || biasInit == null || inputDropout == null) {
            throw new IllegalArgumentException("layer spec has a null field (weightInit " + weightInit + ", biasInit "
                    + biasInit + ", inputDropout " + inputDropout + ")");
        }
        if (!(maxColNorm >= 0f)) {
            throw new IllegalArgumentException("max column norm must be >= 0 (0 = none), got " + maxColNorm);
        }
    }

    /** U(−range, range) weights, zero biases, no dropout, no norm limit. */
    public static LayerInit uniform(float range) {
        return new LayerInit(WeightInit.uniform(range), BiasInit.zeros(), Dropout.none(), 0f);
    }

    public LayerInit withWeightInit(WeightInit init) {
        return new LayerInit(init, biasInit, inputDropout, maxColNorm);
    }

    public LayerInit withBiasInit(BiasInit init) {
        return new LayerInit(weightInit, init, inputDropout, maxColNorm);
    }

    public LayerInit withInputDropout(Dropout dropout) {
        return new LayerInit(weightInit, biasInit, dropout, maxColNorm);
    }

    public LayerInit withMaxColNorm(float norm) {
        return new LayerInit(weightInit, biasInit, inputDropout, norm);
    }

    /** Fills a new layer's weights ([inputSize, columns]) and biases ([columns]) from {@code rng}. */
    void fill(Parameter weight, Parameter bias, int inputSize, int columns, java.util.random.RandomGenerator rng) {
        weightInit.fill(weight.value(), inputSize, columns, rng);
        biasInit.fill(bias.value(), columns);
    }

    /** e.g. {@code W ~ U(-0.05, 0.05), b = 0, input dropout keep 0.5 x2.0, max col norm 1.9365}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("W ~ ").append(weightInit).append(", b = ").append(biasInit);
        if (inputDropout.active()) {
            sb.append(", input dropout keep ").append(inputDropout.keep()).append(" x").append(inputDropout.scale());
        }
        if (maxColNorm > 0f) {
            sb.append(", max col norm ").append(maxColNorm);
        }
        return sb.toString();
    }
}
