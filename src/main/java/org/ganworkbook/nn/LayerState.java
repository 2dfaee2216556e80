package org.ganworkbook.nn;

/**
 * One layer's part of a {@link Workspace}: everything its forward pass leaves behind for backward, and
 * its backward scratch buffers. All arrays are row-major with room for {@code maxRows} rows; a pass on
 * {@code rows} rows uses the first {@code rows} of them.
 */
final class LayerState {
    /** The input the matrix product used (after dropout): caller's array or {@link #dropped}. */
    float[] in;
    int inOff;
    /** True if the last forward pass applied dropout (then {@link #mask} is valid). */
    boolean droppedOut;

    /** Input after dropout, {@code maxRows × inputSize} (null if the layer has no dropout). */
    final float[] dropped;
    /** Dropout multipliers, 0 or scale, {@code maxRows × inputSize} (null if no dropout). */
    final float[] mask;
    /** Random longs of one dropout mask ({@link Dropout#drawsFor} of {@code maxRows × inputSize}; null if no dropout). */
    final long[] draws;
    /** Linear output {@code x·W (+ b)}, {@code maxRows × columns}. */
    final float[] z;
    /** Layer output, {@code maxRows × units}; the same array as z for in-place activations of hidden layers. */
    final float[] y;
    /** Maxout: index of the winning piece per output value (null for dense layers). */
    final byte[] argmax;
    /** Gradient with respect to z, {@code maxRows × columns}. */
    final float[] dz;
    /** Gradient with respect to y (filled by the next layer's backward), {@code maxRows × units}. */
    final float[] dy;

    LayerState(Layer layer, int maxRows, boolean isLast) {
        int in = layer.inputSize();
        int cols = layer.columns();
        int units = layer.outputSize();
        boolean dropout = layer.inputDropout().active();
        dropped = dropout ? new float[maxRows * in] : null;
        mask = dropout ? new float[maxRows * in] : null;
        draws = dropout ? new long[layer.inputDropout().drawsFor(maxRows * in)] : null;
        z = new float[maxRows * cols];
        // The last layer keeps z apart from y so its pre-activation (D's logit) stays readable.
        boolean separateY = isLast || !(layer instanceof Dense d && d.activation().inPlace());
        y = separateY ? new float[maxRows * units] : z;
        argmax = layer instanceof Maxout ? new byte[maxRows * units] : null;
        dz = new float[maxRows * cols];
        dy = isLast ? null : new float[maxRows * units];
    }
}
