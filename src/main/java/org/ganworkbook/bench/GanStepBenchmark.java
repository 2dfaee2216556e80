package org.ganworkbook.bench;

import org.ejml.data.FMatrixRMaj;
import org.ganworkbook.gan.GanConfig;
import org.ganworkbook.gan.GanData;
import org.ganworkbook.gan.GanTrainer;
import org.ganworkbook.linalg.Gemm;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Iterations per second of {@link GanTrainer} on the paper's MNIST config (batch 100, simultaneous,
 * dropout, maxout, momentum), the Java side of {@code src/test/python/bench/peer_benchmark.py}. The data
 * are 5,000 MNIST-shaped rows (a quarter of the pixels nonzero), so no data files are needed; the cost of
 * a step does not depend on the pixel values.
 *
 * <p>Run: {@code java -cp target/gan-workbook.jar org.ganworkbook.bench.GanStepBenchmark [--steps 300]
 * [--warmup 60]}. Threads: OpenBLAS's own (default), or {@code OPENBLAS_NUM_THREADS=1
 * GANWB_GEMM_THREADS=1} for one core. Prints the median step time, the process CPU time per step (all
 * threads, JIT and GC included: with one thread everywhere it is the one-core cost, which other programs
 * on the machine barely change) and a last line {@code RESULT <it/s> it/s <cpu-ms> cpu-ms}.
 *
 * <p>The split: every matrix product of the timed steps goes through {@link TimedGemm}, so the benchmark
 * also prints the GEMM time of a step (wall time inside the products, strip hand-offs included) and the
 * rest (step time minus GEMM time: activations, maxout, dropout masks, losses, momentum updates, norm
 * constraints, data and noise), as medians over the steps, and the line
 * {@code SPLIT <gemm-ms> gemm-ms <other-ms> non-gemm-ms <share> non-gemm-share <gemm-cpu-ms> gemm-cpu-ms}
 * (the last: the calling thread's CPU time inside products; with one thread everywhere, process CPU per
 * step minus it is the one-core non-GEMM cost). {@code --shapes} adds the time and GFLOP/s of each
 * product shape.
 */
public final class GanStepBenchmark {

    private GanStepBenchmark() {
    }

    public static void main(String[] args) {
        int steps = 300;
        int warmup = 60;
        boolean shapes = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--steps" -> steps = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--shapes" -> shapes = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (--steps N, --warmup N, --shapes)");
            }
        }
        SplittableRandom rng = new SplittableRandom(7);
        FMatrixRMaj x = new FMatrixRMaj(5000, 784);
        for (int i = 0; i < x.data.length; i++) {
            x.data[i] = rng.nextInt(4) == 0 ? (float) rng.nextDouble() : 0f;
        }
        GanTrainer trainer = GanTrainer.create(GanConfig.paperMnist(), GanData.of(x), 2014L);
        System.out.println("GanTrainer step benchmark, paper MNIST config; GEMM " + Gemm.describe());
        System.out.println("load average before: " + GemmBenchmark.loadAverage());
        trainer.trainSteps(warmup);
        double[] ms = new double[steps];
        double[] gemmMs = new double[steps];
        double[] otherMs = new double[steps];
        TimedGemm timer = new TimedGemm(Gemm.backend());
        var previous = Gemm.use(timer);
        var os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long gemmCpu = 0;
        try {
            for (int s = 0; s < steps; s++) {
                long gemm0 = timer.wallNanos();
                long t0 = System.nanoTime();
                trainer.trainSteps(1);
                ms[s] = (System.nanoTime() - t0) / 1e6;
                gemmMs[s] = (timer.wallNanos() - gemm0) / 1e6;
                otherMs[s] = ms[s] - gemmMs[s];
            }
            gemmCpu = timer.cpuNanos();
        } finally {
            Gemm.use(previous);
        }
        double cpuPerStep = (os.getProcessCpuTime() - cpu0) / 1e6 / steps;
        System.out.printf(Locale.ROOT, "process CPU time: %.2f ms per step (all threads; run with"
                + " OPENBLAS_NUM_THREADS=1 GANWB_GEMM_THREADS=1 it is the one-core cost, little changed by load)%n", cpuPerStep);
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        double median = sorted[steps / 2];
        System.out.printf(Locale.ROOT, "median step %.2f ms, fastest 10%% %.2f ms, mean %.2f ms over %d steps after %d;"
                        + " last %s%n", median, sorted[steps / 10], Arrays.stream(ms).average().orElse(0), steps, warmup,
                trainer.lastIteration());
        double gemmMedian = median(gemmMs);
        double otherMedian = median(otherMs);
        double gemmCpuPerStep = gemmCpu / 1e6 / steps;
        System.out.printf(Locale.ROOT, "split of a step (medians): GEMM %.2f ms (wall time in the products, strip hand-offs"
                        + " included), everything else %.2f ms: non-GEMM share %.1f%%; CPU time of the calling thread in"
                        + " products %.2f ms per step, process CPU outside them %.2f ms%n", gemmMedian, otherMedian,
                100 * otherMedian / (gemmMedian + otherMedian), gemmCpuPerStep, cpuPerStep - gemmCpuPerStep);
        if (shapes) {
            System.out.println("products per step (m x n x k, op(A) op(B)): ms per step, GFLOP/s");
            for (var e : timer.shapes().entrySet()) {
                TimedGemm.ShapeTotals t = e.getValue();
                System.out.printf(Locale.ROOT, "  %s  %6.3f ms  %6.1f GFLOP/s  (%d per step)%n",
                        e.getKey(), t.wallNanos / 1e6 / steps, t.flops / t.wallNanos, t.calls / steps);
            }
        }
        System.out.println("load average after: " + GemmBenchmark.loadAverage());
        System.out.printf(Locale.ROOT, "SPLIT %.3f gemm-ms %.3f non-gemm-ms %.4f non-gemm-share %.3f gemm-cpu-ms%n",
                gemmMedian, otherMedian, otherMedian / (gemmMedian + otherMedian), gemmCpuPerStep);
        System.out.printf(Locale.ROOT, "RESULT %.3f it/s %.3f cpu-ms%n", 1000 / median, cpuPerStep);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
