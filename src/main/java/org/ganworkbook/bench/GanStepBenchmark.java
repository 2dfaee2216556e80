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
 */
public final class GanStepBenchmark {

    private GanStepBenchmark() {
    }

    public static void main(String[] args) {
        int steps = 300;
        int warmup = 60;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--steps" -> steps = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (--steps N, --warmup N)");
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
        var os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        for (int s = 0; s < steps; s++) {
            long t0 = System.nanoTime();
            trainer.trainSteps(1);
            ms[s] = (System.nanoTime() - t0) / 1e6;
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
        System.out.println("load average after: " + GemmBenchmark.loadAverage());
        System.out.printf(Locale.ROOT, "RESULT %.3f it/s %.3f cpu-ms%n", 1000 / median, cpuPerStep);
    }
}
