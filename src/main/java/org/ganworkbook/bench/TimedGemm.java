package org.ganworkbook.bench;

import org.ganworkbook.linalg.Gemm;
import org.ganworkbook.linalg.GemmBackend;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A {@link GemmBackend} that runs another one and adds up, for the calling thread, the wall time and the
 * thread CPU time spent inside its products (hand-offs to strip threads and waiting for them included in
 * the wall time), overall and per product shape. Installed with {@code Gemm.use} by
 * {@link GanStepBenchmark} and {@link MlpStepBenchmark} to split a training step into GEMM time and everything else. Costs two clock
 * reads per product (well under a microsecond each); meant for one calling thread at a time.
 */
final class TimedGemm implements GemmBackend {

    /** Totals of one product shape. */
    static final class ShapeTotals {
        long calls;
        long wallNanos;
        double flops;
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final GemmBackend inner;
    private long wallNanos;
    private long cpuNanos;
    private final Map<Long, ShapeTotals> shapes = new LinkedHashMap<>();

    TimedGemm(GemmBackend inner) {
        this.inner = inner;
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public String description() {
        return inner.description() + ", timed";
    }

    @Override
    public void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, int aOff, int lda,
                      float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc) {
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        inner.sgemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
        long wall = System.nanoTime() - t0;
        cpuNanos += THREADS.getCurrentThreadCpuTime() - cpu0;
        wallNanos += wall;
        long key = ((long) m << 42) | ((long) n << 22) | ((long) k << 2) | (transA ? 2 : 0) | (transB ? 1 : 0);
        ShapeTotals t = shapes.computeIfAbsent(key, s -> new ShapeTotals());
        t.calls++;
        t.wallNanos += wall;
        t.flops += 2.0 * m * n * k;
    }

    /** Element-wise passes run on the inner backend's threads, untimed: they are not products. */
    @Override
    public void forRanges(long total, long grain, Gemm.RangeBody body) {
        inner.forRanges(total, grain, body);
    }

    /** Wall time inside products since the last {@link #reset}, in nanoseconds. */
    long wallNanos() {
        return wallNanos;
    }

    /** The calling thread's CPU time inside products since the last {@link #reset}, in nanoseconds. */
    long cpuNanos() {
        return cpuNanos;
    }

    /** Per shape {@code m x n x k}: calls, wall time and floating-point operations since the last reset. */
    Map<String, ShapeTotals> shapes() {
        Map<String, ShapeTotals> named = new LinkedHashMap<>();
        shapes.forEach((key, t) -> named.put(String.format(Locale.ROOT, "%4d x %4d x %4d %s %s",
                key >>> 42, (key >>> 22) & 0xFFFFF, (key >>> 2) & 0xFFFFF,
                (key & 2) != 0 ? "Aᵀ" : "A ", (key & 1) != 0 ? "Bᵀ" : "B "), t));
        return named;
    }

    /** Products run since the last {@link #reset}, of every shape. */
    long calls() {
        return shapes.values().stream().mapToLong(t -> t.calls).sum();
    }

    void reset() {
        wallNanos = 0;
        cpuNanos = 0;
        shapes.clear();
    }
}
