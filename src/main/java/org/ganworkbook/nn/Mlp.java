package org.ganworkbook.nn;

import org.ejml.data.FMatrixRMaj;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A multilayer perceptron: a chain of {@link Layer}s, each feeding the next (the paper's G and D,
 * §4–§5). It holds parameters only; activations live in a {@link Workspace} the caller owns.
 *
 * <p>Lifecycle:
 * <ol>
 *   <li>{@link #build} from {@link LayerSpec}s (draws the initial weights), once;</li>
 *   <li>{@link #newWorkspace(int)} for the largest batch, once per concurrent pass;</li>
 *   <li>per step: {@link #forward} (TRAIN draws new dropout masks), then any number of {@link #backward}
 *       or {@link #backwardFromPreActivation} calls on that workspace (parameter gradients SET/ADD/SKIP,
 *       input gradient or not), then the optimizer reads {@link Parameter#grad()} and updates
 *       {@link Parameter#value()}, then {@link #applyMaxColNorm()} if the layers have a norm limit.</li>
 * </ol>
 * Arrays are row-major: a batch of {@code rows} examples is {@code rows × inputSize} floats. Backward
 * results (dInput) are written from index 0. No allocation happens in forward or backward.
 *
 * <p>For notebooks, a teaching layer over the same calls takes and returns row-major double matrices and
 * allocates what it needs: {@link #apply} (y = f(x)) and {@link #logits} (the output layer's
 * pre-activation) evaluate the network at any points, e.g. on a grid; {@link #forward(double[], Mode,
 * RandomGenerator)} returns a {@link ForwardPass}, whose backward returns dL/dx and sets dL/dθ.
 */
public final class Mlp {

    private final int inputSize;
    private final List<Layer> layers;
    private final List<Parameter> parameters;

    /** Chains existing layers; each layer's input size must equal the previous layer's output size. */
    public Mlp(List<? extends Layer> layers) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("an Mlp needs at least one layer");
        }
        for (int i = 1; i < layers.size(); i++) {
            Layer prev = layers.get(i - 1);
            Layer next = layers.get(i);
            if (next.inputSize() != prev.outputSize()) {
                throw new IllegalArgumentException("layer " + next.name() + " takes " + next.inputSize()
                        + " inputs but layer " + prev.name() + " gives " + prev.outputSize() + " outputs");
            }
        }
        this.inputSize = layers.get(0).inputSize();
        this.layers = List.copyOf(layers);
        List<Parameter> ps = new ArrayList<>();
        for (Layer l : this.layers) {
            ps.addAll(l.parameters());
        }
        this.parameters = Collections.unmodifiableList(ps);
    }

    /**
     * Builds and initialises a network. Layers are named as in the released code: {@code h0, h1, ...}
     * and {@code y} for the last one; they are initialised in order from {@code rng}.
     */
    public static Mlp build(int inputSize, List<? extends LayerSpec> specs, RandomGenerator rng) {
        if (specs.isEmpty()) {
            throw new IllegalArgumentException("an Mlp needs at least one layer spec");
        }
        List<Layer> layers = new ArrayList<>();
        int in = inputSize;
        for (int i = 0; i < specs.size(); i++) {
            String name = i == specs.size() - 1 ? "y" : "h" + i;
            Layer l = specs.get(i).build(name, in, rng);
            layers.add(l);
            in = l.outputSize();
        }
        return new Mlp(layers);
    }

    public int inputSize() {
        return inputSize;
    }

    public int outputSize() {
        return layers.get(layers.size() - 1).outputSize();
    }

    public List<Layer> layers() {
        return layers;
    }

    /** All parameters, in layer order: {@code h0.W, h0.b, h1.W, ...}. */
    public List<Parameter> parameters() {
        return parameters;
    }

    /** Number of trainable floats. */
    public long parameterCount() {
        long n = 0;
        for (Parameter p : parameters) {
            n += p.size();
        }
        return n;
    }

    /** A workspace for batches of up to {@code maxRows} examples. */
    public Workspace newWorkspace(int maxRows) {
        return new Workspace(this, maxRows);
    }

    /**
     * Forward pass on {@code rows} examples of x (row-major, {@code rows × inputSize} from xOff).
     * TRAIN applies each layer's input dropout with new masks drawn from {@code rng} (may be null when no
     * layer has dropout); EVAL applies none. x is not modified and must stay unchanged until the last
     * backward pass (layer 0 without dropout reads it again). Returns {@link Workspace#output()}.
     */
    public float[] forward(Workspace ws, float[] x, int xOff, int rows, Mode mode, RandomGenerator rng) {
        checkWorkspace(ws);
        if (rows <= 0 || rows > ws.maxRows()) {
            throw new IllegalArgumentException("rows must be in 1.." + ws.maxRows() + " (the workspace size), got " + rows);
        }
        if (xOff < 0 || (long) xOff + (long) rows * inputSize > x.length) {
            throw new IllegalArgumentException("input needs " + rows + " x " + inputSize + " floats from offset "
                    + xOff + " but the array has " + x.length);
        }
        ws.rows = 0; // invalid until the pass completes
        float[] in = x;
        int inOff = xOff;
        for (int i = 0; i < layers.size(); i++) {
            LayerState s = ws.states[i];
            layers.get(i).forward(s, in, inOff, rows, mode, rng);
            in = s.y;
            inOff = 0;
        }
        ws.rows = rows;
        return ws.output();
    }

    /**
     * Backward pass from dL/d(output): {@code dOutput} holds {@code rowCount × outputSize} floats (from
     * index 0) for rows [rowFrom, rowFrom + rowCount) of the last forward pass. Parameter gradients are
     * handled per {@code grads}; if {@code dInput} is not null, dL/dx for those rows is written to it
     * ({@code rowCount × inputSize} from index 0, through the first layer's dropout mask).
     * The workspace's forward results are not changed, so further backward passes may follow.
     */
    public void backward(Workspace ws, float[] dOutput, int rowFrom, int rowCount, ParamGrads grads, float[] dInput) {
        backwardImpl(ws, dOutput, false, rowFrom, rowCount, grads, dInput);
    }

    /**
     * Backward pass from dL/dz of the last layer, its pre-activation ({@link Workspace#preActivation()},
     * e.g. D's logit): the loss gradient with respect to the logits goes in directly, without the
     * sigmoid's derivative. Otherwise as {@link #backward}. Not for a maxout output layer.
     */
    public void backwardFromPreActivation(Workspace ws, float[] dPreActivation, int rowFrom, int rowCount,
                                          ParamGrads grads, float[] dInput) {
        if (layers.get(layers.size() - 1) instanceof Maxout) {
            throw new IllegalStateException("the output layer is maxout; use backward(...) with dL/d(output)");
        }
        backwardImpl(ws, dPreActivation, true, rowFrom, rowCount, grads, dInput);
    }

    private void backwardImpl(Workspace ws, float[] dTop, boolean topIsLinear, int rowFrom, int rowCount,
                              ParamGrads grads, float[] dInput) {
        checkWorkspace(ws);
        if (ws.rows == 0) {
            throw new IllegalStateException("backward needs a completed forward pass on this workspace");
        }
        if (rowFrom < 0 || rowCount <= 0 || rowFrom + rowCount > ws.rows) {
            throw new IllegalArgumentException("rows [" + rowFrom + ", " + (rowFrom + rowCount)
                    + ") are not inside the " + ws.rows + " rows of the last forward pass");
        }
        Layer top = layers.get(layers.size() - 1);
        int topWidth = topIsLinear ? top.columns() : top.outputSize();
        if ((long) rowCount * topWidth > dTop.length) {
            throw new IllegalArgumentException("the output gradient needs " + rowCount + " x " + topWidth
                    + " floats but the array has " + dTop.length);
        }
        if (dInput != null && (long) rowCount * inputSize > dInput.length) {
            throw new IllegalArgumentException("dInput needs " + rowCount + " x " + inputSize
                    + " floats but the array has " + dInput.length);
        }
        if (grads == ParamGrads.SKIP && dInput == null) {
            return; // nothing was asked for
        }
        float[] d = dTop;
        boolean linear = topIsLinear;
        for (int i = layers.size() - 1; i >= 0; i--) {
            float[] dx = i > 0 ? ws.states[i - 1].dy : dInput;
            layers.get(i).backward(ws.states[i], d, 0, linear, rowFrom, rowCount, grads, dx, 0);
            d = dx;
            linear = false;
        }
    }

    /** Sets every parameter gradient to zero (needed only before a first {@link ParamGrads#ADD} pass). */
    public void zeroGrad() {
        for (Parameter p : parameters) {
            p.zeroGrad();
        }
    }

    /** Applies every layer's max column norm (no-op for layers without one). Call after each update. */
    public void applyMaxColNorm() {
        for (Layer l : layers) {
            l.applyMaxColNorm();
        }
    }

    /** Copies all parameter values from a network of the same architecture (gradients untouched). */
    public void copyParametersFrom(Mlp other) {
        if (other.parameters.size() != parameters.size()) {
            throw new IllegalArgumentException("architectures differ: " + other.parameters + " vs " + parameters);
        }
        for (int i = 0; i < parameters.size(); i++) {
            Parameter src = other.parameters.get(i);
            Parameter dst = parameters.get(i);
            if (src.rows() != dst.rows() || src.cols() != dst.cols()) {
                throw new IllegalArgumentException("parameter " + dst + " cannot take values of " + src);
            }
            System.arraycopy(src.value(), 0, dst.value(), 0, dst.size());
        }
    }

    /**
     * Copies the weights and biases of every layer of {@code source} into this network's layers
     * {@code firstLayer .. firstLayer + source.layers().size() − 1} (gradients untouched): stacking a trained
     * network behind new front layers, as the paper's TFD generator reuses its pretrained layers
     * (pylearn2 {@code add_layers}; paper-setup §2). Each pair of layers must agree in kind (dense with the
     * same activation, or maxout with the same pieces), input size and output size. Modifies this network
     * only.
     *
     * @throws IllegalArgumentException naming the first pair of layers that differ
     */
    public void copyLayersFrom(Mlp source, int firstLayer) {
        int count = source.layers.size();
        if (firstLayer < 0 || firstLayer + count > layers.size()) {
            throw new IllegalArgumentException("cannot put the " + count + " layers of the source at layers " + firstLayer
                    + ".." + (firstLayer + count - 1) + " of a network with " + layers.size() + " layers");
        }
        for (int i = 0; i < count; i++) {
            Layer from = source.layers.get(i);
            Layer to = layers.get(firstLayer + i);
            if (!sameKind(from, to) || from.inputSize() != to.inputSize() || from.columns() != to.columns()) {
                throw new IllegalArgumentException("layer " + i + " of the source (" + from + ") does not fit layer "
                        + (firstLayer + i) + " of this network (" + to + ")");
            }
        }
        for (int i = 0; i < count; i++) {
            Layer from = source.layers.get(i);
            Layer to = layers.get(firstLayer + i);
            System.arraycopy(from.weight().value(), 0, to.weight().value(), 0, to.weight().size());
            System.arraycopy(from.bias().value(), 0, to.bias().value(), 0, to.bias().size());
        }
    }

    private static boolean sameKind(Layer a, Layer b) {
        if (a instanceof Dense da && b instanceof Dense db) {
            return da.activation() == db.activation();
        }
        return a instanceof Maxout && b instanceof Maxout && a.outputSize() == b.outputSize();
    }

    /**
     * Evaluation-mode outputs for the rows of x ({@code n × inputSize}), as a new {@code n × outputSize}
     * matrix. Convenient, not fast: allocates a workspace per call.
     */
    public FMatrixRMaj predict(FMatrixRMaj x) {
        if (x.numCols != inputSize) {
            throw new IllegalArgumentException("x has " + x.numCols + " columns, the network takes " + inputSize);
        }
        Workspace ws = newWorkspace(Math.max(1, x.numRows));
        FMatrixRMaj out = new FMatrixRMaj(x.numRows, outputSize());
        if (x.numRows > 0) {
            float[] y = forward(ws, x.data, 0, x.numRows, Mode.EVAL, null);
            System.arraycopy(y, 0, out.data, 0, x.numRows * outputSize());
        }
        return out;
    }

    /** Rows per forward pass of {@link #apply} and {@link #logits}: larger inputs go through in chunks. */
    static final int CHUNK = 4096;

    /**
     * y = f(x) in evaluation mode (no dropout): the network's outputs for the rows of {@code x}, a row-major
     * n × inputSize matrix (for a 1-input net simply n values of x), as a new row-major n × outputSize
     * matrix. For a net ending in a sigmoid these are D(x) in (0, 1). Runs the fast {@link #forward} in
     * chunks of 4096 rows; the network is not changed. E.g. {@code d.apply(grid.points())}.
     *
     * @throws IllegalArgumentException if x.length is not a multiple of {@link #inputSize()}
     */
    public double[] apply(double... x) {
        return evaluate(x, false);
    }

    /**
     * The output layer's pre-activation a = h·W + b in evaluation mode, for the rows of {@code x} (as
     * {@link #apply}): for a sigmoid output D(x) = σ(a), so a is D's logit log(D/(1 − D)), exact where D
     * itself rounds to 0 or 1. E.g. {@code t -> d.logits(t)[0]} for one point.
     *
     * @throws IllegalArgumentException if x.length is not a multiple of {@link #inputSize()}, or the
     *     output layer is maxout (it has pieces, not one pre-activation per output)
     */
    public double[] logits(double... x) {
        return evaluate(x, true);
    }

    private double[] evaluate(double[] x, boolean preActivation) {
        int rows = rowsOf(x, "x");
        if (preActivation && layers.get(layers.size() - 1) instanceof Maxout) {
            throw new IllegalArgumentException("the output layer is maxout: it has no logits; use apply(x)");
        }
        int outs = outputSize();
        double[] out = new double[rows * outs];
        if (rows == 0) {
            return out;
        }
        Workspace ws = newWorkspace(Math.min(CHUNK, rows));
        float[] chunk = new float[ws.maxRows() * inputSize];
        for (int start = 0; start < rows; start += CHUNK) {
            int n = Math.min(CHUNK, rows - start);
            for (int i = 0; i < n * inputSize; i++) {
                chunk[i] = (float) x[start * inputSize + i];
            }
            forward(ws, chunk, 0, n, Mode.EVAL, null);
            float[] y = preActivation ? ws.preActivation() : ws.output();
            for (int i = 0; i < n * outs; i++) {
                out[start * outs + i] = y[i];
            }
        }
        return out;
    }

    /**
     * One forward pass y = f(x) of a batch that keeps what backward needs: {@code x} is a row-major
     * n × inputSize matrix (rounded to float, as the fast path computes), TRAIN draws dropout masks from
     * {@code rng} (may be null without dropout), EVAL applies none. The returned {@link ForwardPass} gives
     * the outputs and logits and runs the chain rule back to dL/dx. A thin wrapper over
     * {@link #forward(Workspace, float[], int, int, Mode, RandomGenerator)} with a workspace of its own
     * (allocated per call: for teaching, not for the trainer's inner loop).
     *
     * @throws IllegalArgumentException if x is empty or x.length is not a multiple of {@link #inputSize()}
     */
    public ForwardPass forward(double[] x, Mode mode, RandomGenerator rng) {
        int rows = rowsOf(x, "x");
        if (rows == 0) {
            throw new IllegalArgumentException("a forward pass needs at least one row of " + inputSize + " inputs");
        }
        float[] in = ForwardPass.floats(x);
        Workspace ws = newWorkspace(rows);
        forward(ws, in, 0, rows, mode, rng);
        return new ForwardPass(this, ws, in, rows);
    }

    private int rowsOf(double[] x, String name) {
        if (x.length % inputSize != 0) {
            throw new IllegalArgumentException(name + " must be a row-major n x " + inputSize + " matrix (" + inputSize
                    + " values per row, the network's inputs), got " + x.length + " values");
        }
        return x.length / inputSize;
    }

    private void checkWorkspace(Workspace ws) {
        if (ws.mlp != this) {
            throw new IllegalArgumentException("this workspace belongs to another network; use newWorkspace()");
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Mlp(" + inputSize + " inputs, " + parameterCount() + " parameters)");
        for (Layer l : layers) {
            sb.append("\n  ").append(l);
        }
        return sb.toString();
    }
}
