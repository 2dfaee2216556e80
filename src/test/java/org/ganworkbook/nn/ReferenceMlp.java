package org.ganworkbook.nn;

import org.ganworkbook.numeric.FiniteDifferences;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * An independent double-precision forward pass of an {@link Mlp} written with naive loops, plus
 * finite-difference gradients on it (h = 1e−6 in double: accurate to ~1e−9 and, unlike float steps,
 * practically never crosses a ReLU or maxout kink). The float network's analytic backward pass is
 * checked against these numbers.
 */
final class ReferenceMlp {

    private final Mlp net;
    /** Parameter values in double, in {@link Mlp#parameters()} order (W0, b0, W1, b1, ...). */
    final List<double[]> params = new ArrayList<>();
    /** Dropout multipliers per layer (null = none), as the float pass drew them. */
    final List<float[]> masks = new ArrayList<>();

    ReferenceMlp(Mlp net, Workspace ws) {
        this.net = net;
        for (Parameter p : net.parameters()) {
            double[] d = new double[p.size()];
            for (int i = 0; i < d.length; i++) {
                d[i] = p.value()[i];
            }
            params.add(d);
        }
        for (int i = 0; i < net.layers().size(); i++) {
            float[] m = ws == null ? null : ws.dropoutMask(i);
            masks.add(m == null ? null : m.clone());
        }
    }

    /** Output (or the last layer's pre-activation) for {@code rows} rows of x. */
    double[] forward(double[] x, int rows, boolean preActivation) {
        double[] in = x;
        List<Layer> layers = net.layers();
        for (int l = 0; l < layers.size(); l++) {
            Layer layer = layers.get(l);
            int nIn = layer.inputSize();
            int cols = layer.columns();
            double[] w = params.get(2 * l);
            double[] b = params.get(2 * l + 1);
            float[] mask = masks.get(l);
            double[] z = new double[rows * cols];
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    double s = b[c];
                    for (int i = 0; i < nIn; i++) {
                        double xi = in[r * nIn + i];
                        if (mask != null) {
                            xi *= mask[r * nIn + i];
                        }
                        s += xi * w[i * cols + c];
                    }
                    z[r * cols + c] = s;
                }
            }
            boolean last = l == layers.size() - 1;
            if (last && preActivation) {
                return z;
            }
            if (layer instanceof Maxout mo) {
                int k = mo.pieces();
                int units = mo.outputSize();
                double[] y = new double[rows * units];
                for (int r = 0; r < rows; r++) {
                    for (int j = 0; j < units; j++) {
                        double best = Double.NEGATIVE_INFINITY;
                        for (int p = 0; p < k; p++) {
                            best = Math.max(best, z[r * cols + j * k + p]);
                        }
                        y[r * units + j] = best;
                    }
                }
                in = y;
            } else {
                Activation f = ((Dense) layer).activation();
                double[] y = new double[z.length];
                for (int i = 0; i < z.length; i++) {
                    y[i] = f.apply(z[i]);
                }
                in = y;
            }
        }
        return in;
    }

    /** L = Σ r_i · out_i in double. */
    double loss(double[] x, int rows, double[] r, boolean preActivation) {
        double[] y = forward(x, rows, preActivation);
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            s += r[i] * y[i];
        }
        return s;
    }

    /** Central differences of {@link #loss} with respect to every coordinate of {@code v} (v is restored). */
    double[] numericGradient(double[] v, double[] x, int rows, double[] r, boolean preActivation) {
        return FiniteDifferences.gradient(ignored -> loss(x, rows, r, preActivation), v, 1e-6);
    }

    static double[] toDouble(float[] x, int n) {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = x[i];
        }
        return d;
    }

    static float[] randomFloats(int n, double range, SplittableRandom rng) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) ((rng.nextDouble() * 2 - 1) * range);
        }
        return x;
    }

    /** Analytic (float) vs numeric (double): |a − n| ≤ 2e−4·|n| + 2e−5·max|n| + 1e−7. */
    static void assertGradientsClose(String what, float[] analytic, double[] numeric) {
        double scale = 0;
        for (double v : numeric) {
            scale = Math.max(scale, Math.abs(v));
        }
        if (scale == 0) {
            throw new AssertionError(what + ": numeric gradient is identically 0, the check would prove nothing");
        }
        for (int i = 0; i < numeric.length; i++) {
            double tol = 2e-4 * Math.abs(numeric[i]) + 2e-5 * scale + 1e-7;
            if (!(Math.abs(analytic[i] - numeric[i]) <= tol)) {
                throw new AssertionError(what + "[" + i + "]: analytic " + analytic[i] + ", numeric " + numeric[i]
                        + " (tolerance " + tol + ")");
            }
        }
    }

    /**
     * Full check of one network on one batch: forward agrees with the reference; the backward pass of
     * {@code L = Σ r·out} (or Σ r·z_last) gives every parameter's and the input's gradient.
     */
    static void checkNetwork(Mlp net, int rows, Mode mode, boolean preActivation, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] x = randomFloats(rows * net.inputSize(), 1.0, rng);
        Workspace ws = net.newWorkspace(rows + 2);
        net.forward(ws, x, 0, rows, mode, rng.split());
        ReferenceMlp ref = new ReferenceMlp(net, ws);
        double[] xd = toDouble(x, x.length);

        float[] out = preActivation ? ws.preActivation() : ws.output();
        double[] want = ref.forward(xd, rows, preActivation);
        for (int i = 0; i < want.length; i++) {
            if (!(Math.abs(out[i] - want[i]) <= 1e-5 * (1 + Math.abs(want[i])))) {
                throw new AssertionError("forward output " + i + ": " + out[i] + " vs reference " + want[i]);
            }
        }

        int width = want.length / rows;
        float[] r = randomFloats(rows * width, 1.0, rng);
        double[] rd = toDouble(r, r.length);
        float[] dx = new float[rows * net.inputSize()];
        if (preActivation) {
            net.backwardFromPreActivation(ws, r, 0, rows, ParamGrads.SET, dx);
        } else {
            net.backward(ws, r, 0, rows, ParamGrads.SET, dx);
        }
        List<Parameter> ps = net.parameters();
        for (int p = 0; p < ps.size(); p++) {
            double[] numeric = ref.numericGradient(ref.params.get(p), xd, rows, rd, preActivation);
            assertGradientsClose(ps.get(p).name(), ps.get(p).grad(), numeric);
        }
        assertGradientsClose("input", dx, ref.numericGradient(xd, xd, rows, rd, preActivation));
    }
}
