package org.ganworkbook.nn;

/**
 * Maxout layer (Goodfellow et al. 2013; the paper's D, §5): {@code units × pieces} linear pieces
 * {@code z = x_drop·W + b} and {@code y[r, j] = max_p z[r, j·pieces + p]}, p = 0..pieces−1, so
 * consecutive columns of W form one unit's group (pylearn2's layout). The winning piece is remembered;
 * backward sends dL/dy[r, j] to that piece only (ties go to the lowest index).
 * Shapes: W {@code inputSize × (units·pieces)}, b {@code 1 × (units·pieces)}, y {@code rows × units}.
 */
public final class Maxout extends Layer {

    /** Largest supported piece count (winners are stored as bytes). */
    public static final int MAX_PIECES = 127;

    private final int pieces;

    public Maxout(String name, int inputSize, int units, int pieces, Dropout inputDropout, float maxColNorm) {
        super(name, inputSize, units, checkedColumns(name, units, pieces), inputDropout, maxColNorm);
        this.pieces = pieces;
    }

    private static int checkedColumns(String name, int units, int pieces) {
        if (units <= 0 || pieces <= 0 || pieces > MAX_PIECES) {
            throw new IllegalArgumentException("maxout layer " + name + " needs units >= 1 and 1 <= pieces <= "
                    + MAX_PIECES + ", got " + units + " x " + pieces);
        }
        return Math.multiplyExact(units, pieces);
    }

    public int pieces() {
        return pieces;
    }

    @Override
    void finishForward(LayerState s, int from, int to) {
        // y[r, j] = max_p (z[r, j·k + p] + b[j·k + p]), remembering p; one pass over z.
        float[] z = s.z;
        float[] y = s.y;
        byte[] arg = s.argmax;
        float[] b = bias().value();
        int k = pieces;
        int units = outputSize();
        int cols = columns();
        if (k == 5) {
            forwardFivePieces(z, b, y, arg, from, to, units);
            return;
        }
        for (int r = from; r < to; r++) {
            int zr = r * cols;
            int yr = r * units;
            for (int j = 0; j < units; j++) {
                int zo = zr + j * k;
                int bo = j * k;
                float best = z[zo] + b[bo];
                int win = 0;
                for (int p = 1; p < k; p++) {
                    float v = z[zo + p] + b[bo + p];
                    if (v > best) {
                        best = v;
                        win = p;
                    }
                }
                y[yr + j] = best;
                arg[yr + j] = (byte) win;
            }
        }
    }

    /**
     * The paper's 5 pieces, unrolled and branch-free (max tree, then the lowest index reaching the max):
     * about 5x faster than the general loop, whose data-dependent branches mispredict.
     */
    private static void forwardFivePieces(float[] z, float[] b, float[] y, byte[] arg, int from, int to, int units) {
        int cols = units * 5;
        for (int r = from; r < to; r++) {
            int zr = r * cols;
            int yr = r * units;
            for (int j = 0; j < units; j++) {
                int zo = zr + j * 5;
                int bo = j * 5;
                float v0 = z[zo] + b[bo];
                float v1 = z[zo + 1] + b[bo + 1];
                float v2 = z[zo + 2] + b[bo + 2];
                float v3 = z[zo + 3] + b[bo + 3];
                float v4 = z[zo + 4] + b[bo + 4];
                float m = Math.max(Math.max(Math.max(v0, v1), Math.max(v2, v3)), v4);
                int win = v3 == m ? 3 : 4;
                win = v2 == m ? 2 : win;
                win = v1 == m ? 1 : win;
                win = v0 == m ? 0 : win;
                y[yr + j] = m;
                arg[yr + j] = (byte) win;
            }
        }
    }

    @Override
    void outputGradToLinear(LayerState s, float[] dy, int dyOff, int from, int count, int dzOff) {
        // δ[r, j·k + p] = dy[r, j] if p won, else 0.
        float[] dz = s.dz;
        byte[] arg = s.argmax;
        int k = pieces;
        int units = outputSize();
        int cols = columns();
        java.util.Arrays.fill(dz, dzOff, dzOff + count * cols, 0f);
        for (int r = 0; r < count; r++) {
            int dzr = dzOff + r * cols;
            int ar = (from + r) * units;
            int dyr = dyOff + r * units;
            for (int j = 0; j < units; j++) {
                dz[dzr + j * k + arg[ar + j]] = dy[dyr + j];
            }
        }
    }

    @Override
    String describe() {
        return "maxout " + inputSize() + " -> " + outputSize() + " units x " + pieces + " pieces";
    }
}
