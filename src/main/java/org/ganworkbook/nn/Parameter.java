package org.ganworkbook.nn;

import org.ejml.data.FMatrixRMaj;

import java.util.Arrays;

/**
 * A trainable tensor and its gradient, both row-major {@code float[]} of {@code rows × cols}.
 *
 * <p>Weights of a layer are {@code inputSize × columns}: column j holds the incoming weights of output
 * unit (or maxout piece) j, as in pylearn2. Biases are {@code 1 × columns}. The arrays are exposed on
 * purpose: layers, optimizers and checkpoints work on them in place.
 */
public final class Parameter {

    private final String name;
    private final int rows;
    private final int cols;
    private final float[] value;
    private final float[] grad;

    public Parameter(String name, int rows, int cols) {
        if (rows <= 0 || cols <= 0) {
            throw new IllegalArgumentException("parameter " + name + " needs positive sizes, got " + rows + "x" + cols);
        }
        this.name = name;
        this.rows = rows;
        this.cols = cols;
        this.value = new float[Math.multiplyExact(rows, cols)];
        this.grad = new float[value.length];
    }

    public String name() {
        return name;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public int size() {
        return value.length;
    }

    /** The values, row-major; modified by optimizers and initializers. */
    public float[] value() {
        return value;
    }

    /** The gradient of the loss with respect to {@link #value()}, filled by backward passes. */
    public float[] grad() {
        return grad;
    }

    /** An EJML view of the values (shares the array: changes show on both sides). */
    public FMatrixRMaj valueMatrix() {
        return FMatrixRMaj.wrap(rows, cols, value);
    }

    /** An EJML view of the gradient (shares the array). */
    public FMatrixRMaj gradMatrix() {
        return FMatrixRMaj.wrap(rows, cols, grad);
    }

    /** Sets the gradient to zero. */
    public void zeroGrad() {
        Arrays.fill(grad, 0f);
    }

    @Override
    public String toString() {
        return name + " " + rows + "x" + cols;
    }
}
