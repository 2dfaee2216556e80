package org.ganworkbook.bench;

import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_FDRM;
import org.ejml.dense.row.CommonOps_MT_FDRM;
import org.ganworkbook.linalg.Gemm;
import org.ganworkbook.linalg.GemmBackend;
import org.ganworkbook.linalg.ParallelGemm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * GFLOP/s of every matrix product in one training step of the paper's MNIST GAN (batch 100; D runs on
 * the real and fake batch stacked as 200 rows), for native BLAS, the Java fallback and EJML's single-
 * and multi-threaded {@code mult}. Each number is the median of repeated timed calls after warm-up;
 * the last line adds the products up into milliseconds per GAN step.
 *
 * <p>Run: {@code java -cp target/gan-workbook.jar org.ganworkbook.bench.GemmBenchmark [--quick] [--no-ejml] [--p10]}
 * ({@code --p10} reports the fastest 10% of calls instead of the median, for a shared machine;
 * {@code --split} adds a column for {@link ParallelGemm} strips around native BLAS, meant to be run with
 * {@code OPENBLAS_NUM_THREADS=1}).
 * Measure on a quiet machine: the load average is printed before and after.
 */
public final class GemmBenchmark {

    private GemmBenchmark() {
    }

    /** One product of the step: C[m×n] = op(A)·op(B) with inner size k. */
    record Shape(String role, int m, int n, int k, boolean transA, boolean transB) {
        double flops() {
            return 2.0 * m * n * k;
        }

        String label() {
            String a = transA ? m + "x" + k + "(Aᵀ)" : m + "x" + k;
            String b = transB ? k + "x" + n + "(Bᵀ)" : k + "x" + n;
            return a + " · " + b;
        }
    }

    /** Every product of one simultaneous GAN step (G 100-1200-1200-784, D 784-240x5-240x5-1). */
    static List<Shape> paperStep() {
        return List.of(
                new Shape("G h0 forward z·W", 100, 1200, 100, false, false),
                new Shape("G h1 forward", 100, 1200, 1200, false, false),
                new Shape("G y forward", 100, 784, 1200, false, false),
                new Shape("D h0 forward (real+fake)", 200, 1200, 784, false, false),
                new Shape("D h1 forward", 200, 1200, 240, false, false),
                new Shape("D y forward", 200, 1, 240, false, false),
                new Shape("D y dW", 240, 1, 200, true, false),
                new Shape("D y dX", 200, 240, 1, false, true),
                new Shape("D h1 dW = Xᵀ·δ", 240, 1200, 200, true, false),
                new Shape("D h1 dX = δ·Wᵀ", 200, 240, 1200, false, true),
                new Shape("D h0 dW", 784, 1200, 200, true, false),
                new Shape("D (G loss) y dX", 100, 240, 1, false, true),
                new Shape("D (G loss) h1 dX", 100, 240, 1200, false, true),
                new Shape("D (G loss) h0 dX", 100, 784, 1200, false, true),
                new Shape("G y dW", 1200, 784, 100, true, false),
                new Shape("G y dX", 100, 1200, 784, false, true),
                new Shape("G h1 dW", 1200, 1200, 100, true, false),
                new Shape("G h1 dX", 100, 1200, 1200, false, true),
                new Shape("G h0 dW", 100, 1200, 100, true, false));
    }

    /** Something that can compute a shape on prepared operands. */
    interface Runner {
        void run(Shape s, Operands o);
    }

    /** Operands of one shape in both raw-array and EJML form (same storage). */
    static final class Operands {
        final FMatrixRMaj a;
        final FMatrixRMaj b;
        final FMatrixRMaj c;

        Operands(Shape s, SplittableRandom rng) {
            a = s.transA ? new FMatrixRMaj(s.k, s.m) : new FMatrixRMaj(s.m, s.k);
            b = s.transB ? new FMatrixRMaj(s.n, s.k) : new FMatrixRMaj(s.k, s.n);
            c = new FMatrixRMaj(s.m, s.n);
            for (FMatrixRMaj x : new FMatrixRMaj[] {a, b}) {
                for (int i = 0; i < x.getNumElements(); i++) {
                    x.data[i] = (float) (rng.nextDouble() - 0.5);
                }
            }
        }
    }

    static Runner backend(GemmBackend g) {
        return (s, o) -> Gemm.sgemm(g, s.transA, s.transB, s.m, s.n, s.k, 1f,
                o.a.data, 0, o.a.numCols, o.b.data, 0, o.b.numCols, 0f, o.c.data, 0, s.n);
    }

    static void ejml(Shape s, Operands o) {
        if (s.transA) {
            CommonOps_FDRM.multTransA(o.a, o.b, o.c);
        } else if (s.transB) {
            CommonOps_FDRM.multTransB(o.a, o.b, o.c);
        } else {
            CommonOps_FDRM.mult(o.a, o.b, o.c);
        }
    }

    static void ejmlConcurrent(Shape s, Operands o) {
        if (s.transA) {
            CommonOps_MT_FDRM.multTransA(o.a, o.b, o.c);
        } else if (s.transB) {
            CommonOps_MT_FDRM.multTransB(o.a, o.b, o.c);
        } else {
            CommonOps_MT_FDRM.mult(o.a, o.b, o.c);
        }
    }

    /** Which statistic of the timed calls to report: the median, or the fastest 10% (less disturbed by load). */
    static double quantile = 0.5;

    /** Median (or {@link #quantile}) seconds per call after warm-up (at least {@code minCalls} calls, ~{@code budget} s). */
    static double medianSeconds(Runner r, Shape s, Operands o, int minCalls, double budget) {
        long warmEnd = System.nanoTime() + (long) (budget * 0.3e9);
        int warm = 0;
        while (warm < 3 || System.nanoTime() < warmEnd) {
            r.run(s, o);
            warm++;
        }
        List<Double> times = new ArrayList<>();
        long end = System.nanoTime() + (long) (budget * 1e9);
        while (times.size() < minCalls || (System.nanoTime() < end && times.size() < 2000)) {
            long t0 = System.nanoTime();
            r.run(s, o);
            times.add((System.nanoTime() - t0) / 1e9);
        }
        double[] t = times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return t[(int) Math.min(t.length - 1, Math.floor(quantile * t.length))];
    }

    static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    public static void main(String[] args) {
        boolean quick = Arrays.asList(args).contains("--quick");
        boolean withEjml = !Arrays.asList(args).contains("--no-ejml");
        if (Arrays.asList(args).contains("--p10")) {
            quantile = 0.1; // the fastest 10% of calls: closer to an idle machine when others share the CPU
        }
        double budget = quick ? 0.15 : 0.6;

        System.out.println("GEMM benchmark: shapes of one paper-MNIST GAN step, float32, "
                + (quantile == 0.5 ? "median" : "10th percentile") + " of repeated calls");
        System.out.println("java " + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors()
                + " processors, OPENBLAS_NUM_THREADS=" + System.getenv("OPENBLAS_NUM_THREADS"));
        System.out.println("active: " + Gemm.describe());
        System.out.println("load average before: " + loadAverage());

        Map<String, Runner> runners = new LinkedHashMap<>();
        Gemm.nativeBackend().ifPresent(g -> runners.put("native", backend(g)));
        if (Arrays.asList(args).contains("--split")) {
            // our threads around single-threaded OpenBLAS (run with OPENBLAS_NUM_THREADS=1)
            Gemm.nativeBackend().ifPresent(g -> runners.put("nat-split", backend(new ParallelGemm(g, 2))));
        }
        runners.put("java", backend(Gemm.javaBackend()));
        if (withEjml) {
            runners.put("EJML", GemmBenchmark::ejml);
            runners.put("EJML-MT", GemmBenchmark::ejmlConcurrent);
        }

        StringBuilder header = new StringBuilder(String.format("%-26s %-28s %8s", "product", "shape", "MFLOP"));
        for (String name : runners.keySet()) {
            header.append(String.format(" %9s", name));
        }
        System.out.println(header + "   (GFLOP/s)");
        double[] stepSeconds = new double[runners.size()];
        double stepFlops = 0;
        SplittableRandom rng = new SplittableRandom(2014);
        for (Shape s : paperStep()) {
            Operands o = new Operands(s, rng);
            StringBuilder line = new StringBuilder(String.format("%-26s %-28s %8.1f", s.role(), s.label(), s.flops() / 1e6));
            int col = 0;
            for (Runner r : runners.values()) {
                boolean slow = col >= 2;
                double sec = medianSeconds(r, s, o, slow ? 3 : 10, slow ? budget / 2 : budget);
                stepSeconds[col++] += sec;
                line.append(String.format(" %9.1f", s.flops() / sec / 1e9));
            }
            stepFlops += s.flops();
            System.out.println(line);
        }
        StringBuilder total = new StringBuilder(String.format("%-26s %-28s %8.1f", "whole step", "(sum of the above)", stepFlops / 1e6));
        for (double sec : stepSeconds) {
            total.append(String.format(" %9.1f", stepFlops / sec / 1e9));
        }
        System.out.println(total);
        StringBuilder ms = new StringBuilder(String.format("%-26s %-28s %8s", "ms per GAN step", "", ""));
        for (double sec : stepSeconds) {
            ms.append(String.format(" %9.2f", sec * 1e3));
        }
        System.out.println(ms);
        System.out.println("load average after: " + loadAverage());
    }
}
