package org.ganworkbook.nn;

/**
 * Caller-owned memory of forward passes through one {@link Mlp}: activations, dropout masks, maxout
 * winners and backward scratch, sized once for up to {@link #maxRows()} examples and reused by every
 * pass without allocating.
 *
 * <p>A forward pass overwrites the workspace; any number of backward passes may follow (each over any
 * range of the forwarded rows, with or without parameter gradients) until the next forward pass. Use one
 * workspace per concurrent pass: D in the GAN step needs one for its real+fake pass, and a second one
 * only if it must keep two passes alive at the same time.
 */
public final class Workspace {

    final Mlp mlp;
    final LayerState[] states;
    private final int maxRows;
    int rows;

    Workspace(Mlp mlp, int maxRows) {
        if (maxRows <= 0) {
            throw new IllegalArgumentException("a workspace needs room for at least 1 row, got " + maxRows);
        }
        this.mlp = mlp;
        this.maxRows = maxRows;
        int n = mlp.layers().size();
        states = new LayerState[n];
        for (int i = 0; i < n; i++) {
            states[i] = new LayerState(mlp.layers().get(i), maxRows, i == n - 1);
        }
    }

    /** Largest batch this workspace can hold. */
    public int maxRows() {
        return maxRows;
    }

    /** Rows of the last forward pass (0 before the first one). */
    public int rows() {
        return rows;
    }

    /**
     * The network's output of the last forward pass, {@code rows × outputSize} row-major from index 0.
     * The same array after every pass (it is overwritten); do not modify it before backward.
     */
    public float[] output() {
        return states[states.length - 1].y;
    }

    /**
     * The last layer's pre-activation {@code x·W + b} of the last forward pass (for a sigmoid output
     * layer: the logits, which the stable loss takes). Not defined for a maxout output layer.
     */
    public float[] preActivation() {
        if (mlp.layers().get(states.length - 1) instanceof Maxout) {
            throw new IllegalStateException("a maxout output layer has pieces, not one pre-activation per output");
        }
        return states[states.length - 1].z;
    }

    /** Output of layer {@code i} ({@code rows × layer(i).outputSize()}), for inspection and plots. */
    public float[] layerOutput(int i) {
        return states[i].y;
    }

    /** Dropout multipliers (0 or scale) that layer {@code i} applied to its input in the last pass, or null. */
    public float[] dropoutMask(int i) {
        return states[i].droppedOut ? states[i].mask : null;
    }

    /** Maxout layer {@code i}: index of the winning piece (0..pieces−1) per output value, or null. */
    public byte[] maxoutWinners(int i) {
        return states[i].argmax;
    }
}
