package org.ganworkbook.nn;

import org.ganworkbook.linalg.Gemm;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A layer of an {@link Mlp}: optional dropout on its input, a linear map {@code z = x·W + b} with
 * {@code W: inputSize × columns}, then a per-layer output rule (an activation, or a max over pieces).
 * Column j of W holds the incoming weights of output column j (a unit, or one maxout piece).
 *
 * <p>Backward through rows r of the last forward pass, given δ = dL/dz (columns wide):
 * <pre>
 *   dL/dW = x_dropᵀ · δ        (inputSize × columns, GEMM with A transposed)
 *   dL/db = Σ_r δ[r, ·]
 *   dL/dx = (δ · Wᵀ) ⊙ mask     (GEMM with B transposed; mask = the dropout multipliers)
 * </pre>
 */
public abstract sealed class Layer permits Dense, Maxout {

    private final String name;
    private final int inputSize;
    private final int units;
    private final int columns;
    private final Dropout inputDropout;
    private final float maxColNorm;
    private final Parameter weight;
    private final Parameter bias;
    private float[] normScratch;

    Layer(String name, int inputSize, int units, int columns, Dropout inputDropout, float maxColNorm) {
        if (inputSize <= 0) {
            throw new IllegalArgumentException("layer " + name + " needs inputSize >= 1, got " + inputSize);
        }
        this.name = name;
        this.inputSize = inputSize;
        this.units = units;
        this.columns = columns;
        this.inputDropout = inputDropout;
        this.maxColNorm = maxColNorm;
        this.weight = new Parameter(name + ".W", inputSize, columns);
        this.bias = new Parameter(name + ".b", 1, columns);
    }

    public String name() {
        return name;
    }

    public int inputSize() {
        return inputSize;
    }

    /** Output units (for maxout: groups, not pieces). */
    public int outputSize() {
        return units;
    }

    /** Columns of W and b: units, or units × pieces for maxout. */
    public int columns() {
        return columns;
    }

    public Dropout inputDropout() {
        return inputDropout;
    }

    /** Max L2 norm of a weight column (pylearn2 {@code max_col_norm}); 0 means no limit. */
    public float maxColNorm() {
        return maxColNorm;
    }

    /** Weights, {@code inputSize × columns}. */
    public Parameter weight() {
        return weight;
    }

    /** Biases, {@code 1 × columns}. */
    public Parameter bias() {
        return bias;
    }

    public List<Parameter> parameters() {
        return List.of(weight, bias);
    }

    /** Forward on {@code rows} rows of x (row length inputSize, from xOff). Writes state; x is not modified. */
    final void forward(LayerState s, float[] x, int xOff, int rows, Mode mode, RandomGenerator rng) {
        if (mode == Mode.TRAIN && inputDropout.active()) {
            if (rng == null) {
                throw new IllegalArgumentException("layer " + name + " applies dropout in TRAIN mode and needs a"
                        + " random generator; pass one (or use Mode.EVAL)");
            }
            inputDropout.apply(x, xOff, s.dropped, s.mask, rows * inputSize, rng, s.draws);
            s.in = s.dropped;
            s.inOff = 0;
            s.droppedOut = true;
        } else {
            s.in = x;
            s.inOff = xOff;
            s.droppedOut = false;
        }
        // z = x_drop · W
        Gemm.sgemm(false, false, rows, columns, inputSize, 1f, s.in, s.inOff, inputSize,
                weight.value(), 0, columns, 0f, s.z, 0, columns);
        Gemm.forRanges(rows, rowGrain(columns), (r0, r1) -> finishForward(s, (int) r0, (int) r1));
    }

    /**
     * Values per range below which an element-wise pass stays on one thread: handing a range to the strip
     * thread costs a few microseconds, the pass about a nanosecond per value.
     */
    static final int ELEMENT_GRAIN = 1 << 14;

    /** Rows per range for a pass over rows {@code width} values wide. */
    static long rowGrain(int width) {
        return Math.max(1, ELEMENT_GRAIN / Math.max(1, width));
    }

    /**
     * Adds the bias to z and computes y (and whatever backward needs) for rows [from, to). Called on
     * disjoint row ranges, possibly on several threads at once: writes those rows only.
     */
    abstract void finishForward(LayerState s, int from, int to);

    /**
     * dL/dz for rows [from, from + count) from dL/dy ({@code count × units} at dyOff), written to
     * {@code s.dz} from index dzOff ({@code count × columns}). Called on disjoint row ranges, possibly on
     * several threads at once.
     */
    abstract void outputGradToLinear(LayerState s, float[] dy, int dyOff, int from, int count, int dzOff);

    /**
     * Backward through rows [from, from + count). {@code dTop} is dL/dy, or dL/dz if {@code topIsLinear}.
     * Parameter gradients per {@code grads}; dL/dx written to {@code dx} (count × inputSize from dxOff)
     * unless dx is null. Only the gradients, dx and the state's scratch buffers are modified.
     */
    final void backward(LayerState s, float[] dTop, int dTopOff, boolean topIsLinear, int from, int count,
                        ParamGrads grads, float[] dx, int dxOff) {
        float[] dz;
        int dzOff;
        if (topIsLinear) {
            dz = dTop;
            dzOff = dTopOff;
        } else {
            int units = this.units;
            Gemm.forRanges(count, rowGrain(columns), (a, b) -> outputGradToLinear(s, dTop,
                    dTopOff + (int) a * units, from + (int) a, (int) (b - a), (int) a * columns));
            dz = s.dz;
            dzOff = 0;
        }
        if (grads != ParamGrads.SKIP) {
            boolean add = grads == ParamGrads.ADD;
            // dW (+)= x_dropᵀ · δ
            Gemm.sgemm(true, false, inputSize, columns, count, 1f, s.in, s.inOff + from * inputSize, inputSize,
                    dz, dzOff, columns, add ? 1f : 0f, weight.grad(), 0, columns);
            float[] dzSum = dz;
            int dzSumOff = dzOff;
            Gemm.forRanges(columns, Math.max(1, ELEMENT_GRAIN / Math.max(1, count)), (c0, c1) ->
                    columnSums(dzSum, dzSumOff, count, columns, (int) c0, (int) c1, bias.grad(), add));
        }
        if (dx != null) {
            // dx = (δ · Wᵀ) ⊙ mask
            Gemm.sgemm(false, true, count, inputSize, columns, 1f, dz, dzOff, columns,
                    weight.value(), 0, columns, 0f, dx, dxOff, inputSize);
            if (s.droppedOut) {
                float[] mask = s.mask;
                int mOff = from * inputSize;
                Gemm.forRanges((long) count * inputSize, ELEMENT_GRAIN, (i0, i1) -> {
                    for (int i = (int) i0; i < (int) i1; i++) {
                        dx[dxOff + i] *= mask[mOff + i];
                    }
                });
            }
        }
    }

    /** {@code out[c] (+)= Σ_r m[off + r·cols + c]} over r in [0, rows), in that order, for c in [c0, c1). */
    static void columnSums(float[] m, int off, int rows, int cols, int c0, int c1, float[] out, boolean add) {
        if (!add) {
            java.util.Arrays.fill(out, c0, c1, 0f);
        }
        for (int r = 0; r < rows; r++) {
            int o = off + r * cols;
            for (int c = c0; c < c1; c++) {
                out[c] += m[o + c];
            }
        }
    }

    /**
     * pylearn2's {@code max_col_norm}, applied after an update: every column j of W (the incoming weights
     * of one unit or piece) is multiplied by {@code min(‖W_j‖, c) / (1e−7 + ‖W_j‖)}, computed in float32
     * as Theano did. Columns above c end at norm c; columns below it shrink by the factor
     * {@code ‖W_j‖ / (1e−7 + ‖W_j‖)}, about 1e−7/‖W_j‖ relative, exactly as in the released code.
     * No-op when the limit is 0. Modifies W.
     */
    public void applyMaxColNorm() {
        if (maxColNorm <= 0f) {
            return;
        }
        if (normScratch == null) {
            normScratch = new float[columns];
        }
        float[] w = weight.value();
        float[] f = normScratch;
        // Columns are independent: cut them into ranges (each column's sum keeps its row order).
        Gemm.forRanges(columns, Math.max(1, ELEMENT_GRAIN / inputSize), (c0, c1) -> {
            int from = (int) c0;
            int to = (int) c1;
            java.util.Arrays.fill(f, from, to, 0f);
            for (int r = 0; r < inputSize; r++) {
                int o = r * columns;
                for (int c = from; c < to; c++) {
                    f[c] += w[o + c] * w[o + c];
                }
            }
            for (int c = from; c < to; c++) {
                float norm = (float) Math.sqrt(f[c]);
                f[c] = Math.min(norm, maxColNorm) / (1e-7f + norm);
            }
            for (int r = 0; r < inputSize; r++) {
                int o = r * columns;
                for (int c = from; c < to; c++) {
                    w[o + c] *= f[c];
                }
            }
        });
    }

    /** Short description, e.g. {@code h0: maxout 240x5, input dropout keep 0.8 scale 1.25}. */
    abstract String describe();

    @Override
    public String toString() {
        String s = name + ": " + describe();
        if (inputDropout.active()) {
            s += ", input dropout keep " + inputDropout.keep() + " scale " + inputDropout.scale();
        }
        if (maxColNorm > 0f) {
            s += ", max col norm " + maxColNorm;
        }
        return s;
    }
}
