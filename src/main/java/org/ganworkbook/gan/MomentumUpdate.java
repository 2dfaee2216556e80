package org.ganworkbook.gan;

import org.ganworkbook.nn.Parameter;
import org.ganworkbook.optim.Sgd;

import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * The momentum update of {@link Sgd} ({@code v ← μ·v − η·g;  θ ← θ + v}, pylearn2's {@code Momentum}) for
 * one or two optimizers at once, with the flat work cut in two halves, one of them run on the common
 * fork-join pool: the update reads and writes about 60 MB per paper-MNIST step and is limited by memory
 * bandwidth, which a second core adds to. Each value is updated by exactly the same arithmetic as
 * {@link Sgd#step}, so the result does not depend on the split.
 */
final class MomentumUpdate {

    /** Below this many values the caller does everything itself. */
    static final int PARALLEL_THRESHOLD = 1 << 16;

    private MomentumUpdate() {
    }

    /** Updates every parameter of {@code first} and (if not null) {@code second}. */
    static void step(Sgd first, Sgd second, float lr, float mu) {
        long total = size(first) + (second == null ? 0 : size(second));
        if (total < PARALLEL_THRESHOLD || ForkJoinPool.getCommonPoolParallelism() < 1) {
            range(first, second, 0, total, lr, mu);
            return;
        }
        long half = total / 2;
        ForkJoinTask<?> other = ForkJoinPool.commonPool().submit(() -> range(first, second, half, total, lr, mu));
        range(first, second, 0, half, lr, mu);
        other.join();
    }

    private static long size(Sgd sgd) {
        long n = 0;
        for (Parameter p : sgd.parameters()) {
            n += p.size();
        }
        return n;
    }

    /** The values with flat indices [from, to) of the concatenation of both optimizers' parameters. */
    private static void range(Sgd first, Sgd second, long from, long to, float lr, float mu) {
        long base = 0;
        for (Sgd sgd : second == null ? List.of(first) : List.of(first, second)) {
            List<Parameter> ps = sgd.parameters();
            for (int i = 0; i < ps.size(); i++) {
                Parameter p = ps.get(i);
                long start = Math.max(from, base);
                long end = Math.min(to, base + p.size());
                if (start < end) {
                    update(p.value(), p.grad(), sgd.velocity(i), (int) (start - base), (int) (end - base), lr, mu);
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
}
