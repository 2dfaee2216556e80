package org.ganworkbook.nn;

import org.ganworkbook.numeric.FiniteDifferences;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;
import java.util.random.RandomGenerator;

/**
 * Finite-difference check of analytic gradients ({@link FiniteDifferences}, float coordinates):
 * <pre>  ∂L/∂θ_i ≈ (L(θ + h·e_i) − L(θ − h·e_i)) / 2h</pre>
 * compared with the backward pass, coordinate by coordinate, as a relative error
 * {@code |analytic − numeric| / max(|analytic| + |numeric|, floor)}.
 *
 * <p>The network computes in float32, so choose h around 1e−2..1e−3 and expect relative errors of
 * about 1e−3; a wrong gradient is usually off by far more. Near a kink (ReLU at 0, two maxout pieces
 * nearly equal) a step can cross it; {@link #mlp} lists the worst coordinates so such cases can be seen.
 */
public final class GradientCheck {

    private GradientCheck() {
    }

    /** One checked coordinate. */
    public record Entry(String parameter, int index, double analytic, double numeric, double relativeError) {
    }

    /** Outcome: the largest relative error and the worst coordinates, worst first. */
    public record Result(double maxRelativeError, int checked, List<Entry> worst) {
        @Override
        public String toString() {
            return String.format("max relative error %.3g over %d coordinates; worst: %s", maxRelativeError, checked,
                    worst.isEmpty() ? "-" : worst.get(0));
        }
    }

    /**
     * Checks {@code analytic} (the gradient of {@code loss} with respect to {@code x}) at up to
     * {@code maxChecks} coordinates chosen by {@code rng}. x is perturbed and restored exactly.
     */
    public static List<Entry> compare(String name, float[] x, float[] analytic, DoubleSupplier loss, double h,
                                      int maxChecks, RandomGenerator rng) {
        List<Entry> out = new ArrayList<>();
        int n = x.length;
        int checks = Math.min(n, maxChecks);
        for (int c = 0; c < checks; c++) {
            int i = checks == n ? c : rng.nextInt(n);
            double numeric = FiniteDifferences.partial(x, i, loss, h);
            out.add(new Entry(name, i, analytic[i], numeric, 0));
        }
        return out;
    }

    /**
     * Gradient check of a whole network for the loss {@code L = Σ_ij r_ij · y_ij} (r fixed, random):
     * all parameters and the input, up to {@code maxChecksPerArray} coordinates each. In TRAIN mode
     * every forward pass redraws the same dropout masks (a generator with the same {@code seed}).
     * Parameter gradients of {@code net} are overwritten.
     */
    public static Result mlp(Mlp net, float[] x, int rows, Mode mode, long seed, double h, int maxChecksPerArray) {
        Workspace ws = net.newWorkspace(rows);
        SplittableRandom pick = new SplittableRandom(seed ^ 0x5DEECE66DL);
        float[] r = new float[rows * net.outputSize()];
        for (int i = 0; i < r.length; i++) {
            r[i] = (float) (pick.nextDouble() * 2 - 1);
        }
        DoubleSupplier loss = () -> {
            float[] y = net.forward(ws, x, 0, rows, mode, new SplittableRandom(seed));
            double s = 0;
            for (int i = 0; i < r.length; i++) {
                s += (double) r[i] * y[i];
            }
            return s;
        };
        loss.getAsDouble();
        float[] dx = new float[rows * net.inputSize()];
        net.backward(ws, r, 0, rows, ParamGrads.SET, dx);
        List<Entry> all = new ArrayList<>();
        for (Parameter p : net.parameters()) {
            all.addAll(compare(p.name(), p.value(), p.grad().clone(), loss, h, maxChecksPerArray, pick));
        }
        all.addAll(compare("input", x, dx, loss, h, maxChecksPerArray, pick));
        return summarize(all);
    }

    /** Relative errors with a floor of 1% of the largest numeric gradient; worst first. */
    public static Result summarize(List<Entry> entries) {
        double scale = 0;
        for (Entry e : entries) {
            scale = Math.max(scale, Math.abs(e.numeric()));
        }
        double floor = Math.max(1e-2 * scale, 1e-12);
        List<Entry> rated = new ArrayList<>();
        double max = 0;
        for (Entry e : entries) {
            double err = Math.abs(e.analytic() - e.numeric()) / Math.max(Math.abs(e.analytic()) + Math.abs(e.numeric()), floor);
            rated.add(new Entry(e.parameter(), e.index(), e.analytic(), e.numeric(), err));
            max = Math.max(max, err);
        }
        rated.sort((a, b) -> Double.compare(b.relativeError(), a.relativeError()));
        return new Result(max, rated.size(), List.copyOf(rated.subList(0, Math.min(5, rated.size()))));
    }
}
