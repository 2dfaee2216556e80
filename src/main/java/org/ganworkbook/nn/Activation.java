package org.ganworkbook.nn;

/**
 * Element-wise unit nonlinearities of dense layers, with fused loops for the hot path.
 *
 * <table>
 *   <caption>f and its derivative, written through the output y = f(z) where possible</caption>
 *   <tr><th>activation</th><th>f(z)</th><th>f'(z)</th></tr>
 *   <tr><td>IDENTITY</td><td>z</td><td>1</td></tr>
 *   <tr><td>RELU</td><td>max(0, z)</td><td>1 if y &gt; 0 else 0</td></tr>
 *   <tr><td>LEAKY_RELU</td><td>z if z &gt; 0 else 0.2·z</td><td>1 if y &gt; 0 else 0.2</td></tr>
 *   <tr><td>SIGMOID</td><td>1 / (1 + e^-z)</td><td>y·(1 − y)</td></tr>
 *   <tr><td>TANH</td><td>tanh z</td><td>1 − y²</td></tr>
 * </table>
 *
 * <p>The paper's G uses ReLU hidden units and a sigmoid output; its D ends in one sigmoid unit (§5).
 */
public enum Activation {
    IDENTITY, RELU, LEAKY_RELU, SIGMOID, TANH;

    /** Slope of {@link #LEAKY_RELU} for negative inputs. */
    public static final float LEAKY_SLOPE = 0.2f;

    /** f(z) for one value (reference form, used by tests and notebooks). */
    public double apply(double z) {
        return switch (this) {
            case IDENTITY -> z;
            case RELU -> Math.max(0, z);
            case LEAKY_RELU -> z > 0 ? z : LEAKY_SLOPE * z;
            case SIGMOID -> 1 / (1 + Math.exp(-z));
            case TANH -> Math.tanh(z);
        };
    }

    /** True if the output can overwrite the pre-activation (backward needs only y). */
    boolean inPlace() {
        return this == IDENTITY || this == RELU || this == LEAKY_RELU;
    }

    /**
     * Fused bias and activation over rows [from, to) of a row-major matrix {@code cols} wide:
     * {@code z[r,c] += b[c]}, then {@code y[r,c] = f(z[r,c])}. Those rows of z are modified and of y written.
     * y may be the same array as z when {@link #inPlace()} (z then ends up holding y).
     */
    void forward(float[] z, float[] bias, float[] y, int from, int to, int cols) {
        boolean sameArray = y == z;
        for (int r = from; r < to; r++) {
            int o = r * cols;
            switch (this) {
                case IDENTITY -> {
                    for (int c = 0; c < cols; c++) {
                        z[o + c] += bias[c];
                    }
                    if (!sameArray) {
                        System.arraycopy(z, o, y, o, cols);
                    }
                }
                case RELU -> {
                    if (sameArray) {
                        for (int c = 0; c < cols; c++) {
                            z[o + c] = Math.max(0f, z[o + c] + bias[c]);
                        }
                    } else {
                        for (int c = 0; c < cols; c++) {
                            float v = z[o + c] + bias[c];
                            z[o + c] = v;
                            y[o + c] = Math.max(0f, v);
                        }
                    }
                }
                case LEAKY_RELU -> {
                    // max(v, 0.2·v) is v for v > 0 and 0.2·v otherwise, without a branch
                    for (int c = 0; c < cols; c++) {
                        float v = z[o + c] + bias[c];
                        z[o + c] = v;
                        y[o + c] = Math.max(v, LEAKY_SLOPE * v);
                    }
                }
                case SIGMOID -> {
                    for (int c = 0; c < cols; c++) {
                        float v = z[o + c] + bias[c];
                        z[o + c] = v;
                        y[o + c] = (float) (1.0 / (1.0 + Math.exp(-v)));
                    }
                }
                case TANH -> {
                    for (int c = 0; c < cols; c++) {
                        float v = z[o + c] + bias[c];
                        z[o + c] = v;
                        y[o + c] = (float) Math.tanh(v);
                    }
                }
            }
        }
    }

    /**
     * {@code dz[dzOff + i] = dy[dyOff + i] · f'(z_i)} for i in [0, n), with f' computed from the outputs
     * {@code y[yOff + i]}. Only dz is modified (it may be the same region as dy).
     */
    void backward(float[] y, int yOff, float[] dy, int dyOff, float[] dz, int dzOff, int n) {
        switch (this) {
            case IDENTITY -> {
                if (dz != dy || dzOff != dyOff) {
                    System.arraycopy(dy, dyOff, dz, dzOff, n);
                }
            }
            case RELU -> {
                // dz = y > 0 ? dy : 0 as bit masks: y ≥ 0 here, and its bits as an int are > 0 exactly
                // when y > 0. A float select would compile to a branch that random signs mispredict;
                // this form vectorizes (measured 12x faster).
                for (int i = 0; i < n; i++) {
                    int keep = ~((Float.floatToRawIntBits(y[yOff + i]) - 1) >> 31);
                    dz[dzOff + i] = Float.intBitsToFloat(Float.floatToRawIntBits(dy[dyOff + i]) & keep);
                }
            }
            case LEAKY_RELU -> {
                int one = Float.floatToRawIntBits(1f);
                int slope = Float.floatToRawIntBits(LEAKY_SLOPE);
                for (int i = 0; i < n; i++) {
                    // keep = all ones iff y > 0 (negative floats have the sign bit, so their int is < 0)
                    int keep = ~((Float.floatToRawIntBits(y[yOff + i]) - 1) >> 31);
                    float factor = Float.intBitsToFloat((one & keep) | (slope & ~keep));
                    dz[dzOff + i] = dy[dyOff + i] * factor;
                }
            }
            case SIGMOID -> {
                for (int i = 0; i < n; i++) {
                    float s = y[yOff + i];
                    dz[dzOff + i] = dy[dyOff + i] * s * (1f - s);
                }
            }
            case TANH -> {
                for (int i = 0; i < n; i++) {
                    float t = y[yOff + i];
                    dz[dzOff + i] = dy[dyOff + i] * (1f - t * t);
                }
            }
        }
    }
}
