package org.ganworkbook.nn;

/**
 * A forward pass y = f(x) through an {@link Mlp} that remembers what the chain rule needs, from
 * {@link Mlp#forward(double[], Mode, java.util.random.RandomGenerator)}. Backward takes dL/dy (or dL/da
 * for the output layer's pre-activation a, where a loss on logits such as {@link BinaryCrossEntropy}
 * gives its gradient) and returns dL/dx, the gradient with respect to the inputs, while it sets, adds or
 * leaves the parameter gradients dL/dθ ({@link ParamGrads}). Any number of backward calls may follow one
 * forward pass. Matrices are row-major double arrays: n × inputSize in, n × outputSize out.
 *
 * <pre>{@code
 * ForwardPass pass = d.forward(x, Mode.TRAIN, rng);
 * double[] a = pass.logits(), dA = new double[a.length];
 * double loss = BinaryCrossEntropy.loss(a, 0, a.length, 1, 1, dA, 0);   // -mean log D(x)
 * double[] dx = pass.backwardFromLogits(dA, ParamGrads.SET);            // dL/dx; dL/dθ in parameters()
 * }</pre>
 *
 * A thin wrapper over the workspace API ({@link Mlp#backward}, {@link Mlp#backwardFromPreActivation}):
 * the same computation, in float, converted at the boundary.
 */
public final class ForwardPass {

    private final Mlp net;
    private final Workspace ws;
    @SuppressWarnings("unused") // the input must stay alive and unchanged: layer 0 reads it again in backward
    private final float[] input;
    private final int rows;

    ForwardPass(Mlp net, Workspace ws, float[] input, int rows) {
        this.net = net;
        this.ws = ws;
        this.input = input;
        this.rows = rows;
    }

    /** The network this pass went through. */
    public Mlp net() {
        return net;
    }

    /** Number of rows (examples) in the pass. */
    public int rows() {
        return rows;
    }

    /** The outputs y = f(x), row-major rows × outputSize (a new array). */
    public double[] output() {
        return toDouble(ws.output(), rows * net.outputSize());
    }

    /**
     * The output layer's pre-activation a (for a sigmoid output: the logits, D = σ(a)), row-major
     * rows × outputSize (a new array). Not defined for a maxout output layer.
     */
    public double[] logits() {
        return toDouble(ws.preActivation(), rows * net.outputSize());
    }

    /**
     * The chain rule from dL/dy: returns dL/dx (rows × inputSize) and handles dL/dθ per {@code grads}
     * (SET overwrites the parameters' gradients, ADD accumulates, SKIP leaves them).
     *
     * @param dOutput dL/dy, rows × outputSize values
     * @throws IllegalArgumentException if dOutput has the wrong length (the message says which)
     */
    public double[] backward(double[] dOutput, ParamGrads grads) {
        float[] dx = new float[rows * net.inputSize()];
        net.backward(ws, toFloat(dOutput, "dOutput (dL/dy)"), 0, rows, grads, dx);
        return toDouble(dx, dx.length);
    }

    /**
     * The chain rule from dL/da, the gradient with respect to the output layer's pre-activation (the
     * logits): the sigmoid's own derivative is not applied again. Returns dL/dx and handles dL/dθ per
     * {@code grads}, as {@link #backward}.
     *
     * @throws IllegalArgumentException if dLogits has the wrong length
     * @throws IllegalStateException    for a maxout output layer
     */
    public double[] backwardFromLogits(double[] dLogits, ParamGrads grads) {
        float[] dx = new float[rows * net.inputSize()];
        net.backwardFromPreActivation(ws, toFloat(dLogits, "dLogits (dL/da)"), 0, rows, grads, dx);
        return toDouble(dx, dx.length);
    }

    private float[] toFloat(double[] d, String what) {
        int expected = rows * net.outputSize();
        if (d.length != expected) {
            throw new IllegalArgumentException(what + " must have rows x outputSize = " + rows + " x " + net.outputSize()
                    + " = " + expected + " values, one per output of the forward pass, got " + d.length);
        }
        return floats(d);
    }

    /** d rounded to float, a new array. */
    static float[] floats(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }

    /** The first n values of f as doubles (exact), a new array. */
    static double[] toDouble(float[] f, int n) {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = f[i];
        }
        return d;
    }

    /** e.g. {@code ForwardPass(512 rows, 1 -> 1)}. */
    @Override
    public String toString() {
        return "ForwardPass(" + rows + " rows, " + net.inputSize() + " -> " + net.outputSize() + ")";
    }
}
