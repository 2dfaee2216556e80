package org.ganworkbook.optim;

import org.ganworkbook.linalg.Gemm;
import org.ganworkbook.nn.Parameter;

import java.util.ArrayList;
import java.util.List;

/**
 * SGD with plain (not Nesterov) momentum, as pylearn2's {@code Momentum} learning rule: for every
 * parameter θ with gradient g and velocity v (initially 0),
 * <pre>  v ← μ·v − η·g;   θ ← θ + v</pre>
 * with one learning rate η and momentum μ for all parameters given to it. One optimizer over D's and
 * G's parameters together reproduces the released code's simultaneous update; two optimizers work too.
 *
 * <p>Lifecycle: construct over the parameters (velocities start at 0); after each backward pass call
 * {@link #step(float, float)}; {@link #exportState()}/{@link #importState(float[][])} save and restore the
 * velocities for an exact resume. Memory: one velocity per parameter value.
 */
public final class Sgd {

    private final List<Parameter> parameters;
    private final float[][] velocity;

    public Sgd(List<Parameter> parameters) {
        if (parameters.isEmpty()) {
            throw new IllegalArgumentException("Sgd needs at least one parameter");
        }
        this.parameters = List.copyOf(parameters);
        velocity = new float[this.parameters.size()][];
        for (int i = 0; i < velocity.length; i++) {
            velocity[i] = new float[this.parameters.get(i).size()];
        }
    }

    /** The parameters this optimizer updates, in order. */
    public List<Parameter> parameters() {
        return parameters;
    }

    /**
     * One update of every parameter from its current gradient: {@code v ← μ·v − η·g; θ ← θ + v}
     * (one fused pass per parameter). Modifies values and velocities; gradients are only read.
     *
     * @param learningRate η
     * @param momentum     μ, in [0, 1)
     */
    public void step(float learningRate, float momentum) {
        step(this, null, learningRate, momentum);
    }

    /**
     * {@link #step(float, float)} for the parameters of {@code first} and (if not null) {@code second} at once,
     * e.g. D's and G's optimizers in the released code's simultaneous update. The update reads and writes
     * every value (about 60 MB per paper-MNIST step) and is limited by memory bandwidth, which a second core
     * adds to: above {@value #PARALLEL_THRESHOLD} values the flat work is cut into contiguous ranges run on the
     * threads that compute the matrix products ({@link Gemm#forRanges}). Each value gets exactly the same arithmetic either way, so the result does
     * not depend on the split.
     *
     * @throws IllegalArgumentException if η is negative or not finite, or μ is outside [0, 1)
     */
    public static void step(Sgd first, Sgd second, float learningRate, float momentum) {
        if (!(learningRate >= 0f) || !Float.isFinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be finite and >= 0, got " + learningRate);
        }
        if (!(momentum >= 0f && momentum < 1f)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        }
        long total = first.size() + (second == null ? 0 : second.size());
        Gemm.forRanges(total, PARALLEL_THRESHOLD / 2, (from, to) -> range(first, second, from, to, learningRate, momentum));
    }

    /** Below this many values {@link #step(Sgd, Sgd, float, float)} does everything on the calling thread. */
    static final int PARALLEL_THRESHOLD = 1 << 16;

    private long size() {
        long n = 0;
        for (Parameter p : parameters) {
            n += p.size();
        }
        return n;
    }

    /** The values with flat indices [from, to) of the concatenation of both optimizers' parameters. */
    private static void range(Sgd first, Sgd second, long from, long to, float lr, float mu) {
        long base = 0;
        for (Sgd sgd : second == null ? List.of(first) : List.of(first, second)) {
            for (int i = 0; i < sgd.parameters.size(); i++) {
                Parameter p = sgd.parameters.get(i);
                long start = Math.max(from, base);
                long end = Math.min(to, base + p.size());
                if (start < end) {
                    update(p.value(), p.grad(), sgd.velocity[i], (int) (start - base), (int) (end - base), lr, mu);
                }
                base += p.size();
            }
        }
    }

    private static void update(float[] w, float[] g, float[] v, int from, int to, float lr, float mu) {
        for (int i = from; i < to; i++) {
            float vi = mu * v[i] - lr * g[i];
            v[i] = vi;
            w[i] += vi;
        }
    }

    /** Velocity of parameter {@code i} (live array, in {@link #parameters()} order). */
    public float[] velocity(int i) {
        return velocity[i];
    }

    /** Copies of all velocities, in parameter order (for checkpoints). */
    public float[][] exportState() {
        float[][] copy = new float[velocity.length][];
        for (int i = 0; i < velocity.length; i++) {
            copy[i] = velocity[i].clone();
        }
        return copy;
    }

    /** Restores velocities saved by {@link #exportState()}; shapes must match. */
    public void importState(float[][] state) {
        if (state.length != velocity.length) {
            throw new IllegalArgumentException("saved state has " + state.length + " velocity arrays, this optimizer has "
                    + velocity.length + " parameters");
        }
        for (int i = 0; i < velocity.length; i++) {
            if (state[i].length != velocity[i].length) {
                throw new IllegalArgumentException("saved velocity " + i + " has " + state[i].length
                        + " values but parameter " + parameters.get(i) + " has " + velocity[i].length);
            }
        }
        for (int i = 0; i < velocity.length; i++) {
            System.arraycopy(state[i], 0, velocity[i], 0, velocity[i].length);
        }
    }

    /** Sets all velocities to 0. */
    public void reset() {
        for (float[] v : velocity) {
            java.util.Arrays.fill(v, 0f);
        }
    }

    @Override
    public String toString() {
        List<String> names = new ArrayList<>();
        for (Parameter p : parameters) {
            names.add(p.name());
        }
        return "Sgd(momentum, plain; " + parameters.size() + " parameters: " + String.join(", ", names) + ")";
    }
}
