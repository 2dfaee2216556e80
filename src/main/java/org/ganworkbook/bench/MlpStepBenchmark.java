package org.ganworkbook.bench;

import org.ganworkbook.linalg.Gemm;
import org.ganworkbook.nn.Activation;
import org.ganworkbook.nn.BiasInit;
import org.ganworkbook.nn.BinaryCrossEntropy;
import org.ganworkbook.nn.DenseSpec;
import org.ganworkbook.nn.Dropout;
import org.ganworkbook.nn.MaxoutSpec;
import org.ganworkbook.nn.Mlp;
import org.ganworkbook.nn.Mode;
import org.ganworkbook.nn.ParamGrads;
import org.ganworkbook.nn.Parameter;
import org.ganworkbook.nn.Workspace;
import org.ganworkbook.optim.Sgd;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Time of one full simultaneous GAN training step of the paper's MNIST model (batch 100) on the
 * {@code nn} core, split into matrix products and everything else:
 * <ol>
 *   <li>draw z ~ U(−√3, √3)^100, G forward (100 → 1200 ReLU → 1200 ReLU → 784 sigmoid);</li>
 *   <li>D forward on real and fake stacked as 200 rows (784 → maxout 240×5 → maxout 240×5 → sigmoid,
 *       dropout .8/.5/.5, a new mask per row);</li>
 *   <li>losses on the logits; D backward for the D loss (parameter gradients, both halves); D backward
 *       for the G loss (input gradient of the fake rows only); G backward;</li>
 *   <li>one momentum update of D and G together (pre-update parameters for both gradients).</li>
 * </ol>
 * Run: {@code java -cp target/gan-workbook.jar org.ganworkbook.bench.MlpStepBenchmark [--steps N]}
 * (add {@code -DGANWB_GEMM=java} for the fallback). Prints the median over the timed steps.
 */
public final class MlpStepBenchmark {

    private MlpStepBenchmark() {
    }

    static final String[] PHASES = {"noise + G forward", "copy + D forward", "losses", "D backward (D loss)",
            "D backward (G loss, input only)", "G backward", "update"};

    public static void main(String[] args) {
        int steps = 300;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--steps")) {
                steps = Integer.parseInt(args[++i]);
            }
        }
        int m = 100;
        SplittableRandom rng = new SplittableRandom(2014);
        float[] xTrain = new float[5000 * 784];
        for (int i = 0; i < xTrain.length; i++) {
            xTrain[i] = rng.nextInt(4) == 0 ? (float) rng.nextDouble() : 0f; // MNIST-like: mostly zeros
        }
        Mlp g = Mlp.build(100, List.of(
                DenseSpec.of(1200, Activation.RELU).withIrange(0.05f),
                DenseSpec.of(1200, Activation.RELU).withIrange(0.05f),
                DenseSpec.of(784, Activation.SIGMOID).withIrange(0.05f)
                        .withBiasInit(BiasInit.logitOfMarginals(xTrain, 5000, 784))), rng);
        Mlp d = Mlp.build(784, List.of(
                MaxoutSpec.of(240, 5).withIrange(0.005f).withInputDropout(Dropout.of(0.8f, 1.25f)),
                MaxoutSpec.of(240, 5).withIrange(0.005f).withInputDropout(Dropout.of(0.5f, 2f)),
                DenseSpec.of(1, Activation.SIGMOID).withIrange(0.005f).withInputDropout(Dropout.of(0.5f, 2f))), rng);
        List<Parameter> params = new ArrayList<>(d.parameters());
        params.addAll(g.parameters());
        Sgd sgd = new Sgd(params);

        Workspace gWork = g.newWorkspace(m);
        Workspace dWork = d.newWorkspace(2 * m);
        float[] z = new float[m * 100];
        float[] dInput = new float[2 * m * 784];
        float[] dLogits = new float[2 * m];
        float[] gLogits = new float[m];
        float[] dxFake = new float[m * 784];
        float sqrt3 = (float) Math.sqrt(3);

        TimedGemm timing = new TimedGemm(Gemm.backend());
        Gemm.use(timing);
        int warmup = Math.max(50, steps / 3);
        double[] total = new double[steps];
        double[] cpu = new double[steps];
        java.lang.management.ThreadMXBean threadBean = java.lang.management.ManagementFactory.getThreadMXBean();
        double[] gemm = new double[steps];
        double[][] phase = new double[PHASES.length][steps];
        double[][] phaseGemm = new double[PHASES.length][steps];
        System.out.println("GAN step benchmark: paper MNIST G and D, batch " + m + ", simultaneous update");
        System.out.println("java " + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors()
                + " processors, OPENBLAS_NUM_THREADS=" + System.getenv("OPENBLAS_NUM_THREADS"));
        System.out.println("GEMM: " + timing.description());
        System.out.println("load average before: " + GemmBenchmark.loadAverage());
        double lossSink = 0;
        for (int s = -warmup; s < steps; s++) {
            long cpu0 = threadBean.getCurrentThreadCpuTime();
            long[] t = new long[PHASES.length + 1];
            long[] gt = new long[PHASES.length + 1];
            int p = 0;
            t[p] = System.nanoTime();
            gt[p] = timing.wallNanos();
            // 1. z ~ U(-√3, √3), xFake = G(z)
            for (int i = 0; i < z.length; i++) {
                z[i] = (float) ((rng.nextDouble() * 2 - 1) * sqrt3);
            }
            float[] xFake = g.forward(gWork, z, 0, m, Mode.TRAIN, rng);
            t[++p] = System.nanoTime();
            gt[p] = timing.wallNanos();
            // 2. D on [xReal; xFake], each row with its own masks
            int batch = rng.nextInt(5000 / m);
            System.arraycopy(xTrain, batch * m * 784, dInput, 0, m * 784);
            System.arraycopy(xFake, 0, dInput, m * 784, m * 784);
            d.forward(dWork, dInput, 0, 2 * m, Mode.TRAIN, rng);
            float[] a = dWork.preActivation();
            t[++p] = System.nanoTime();
            gt[p] = timing.wallNanos();
            // 3. losses on the logits
            double dLoss = BinaryCrossEntropy.loss(a, 0, m, 1f, 0.5f, dLogits, 0)
                    + BinaryCrossEntropy.loss(a, m, m, 0f, 0.5f, dLogits, m);
            double gLoss = BinaryCrossEntropy.loss(a, m, m, 1f, 1f, gLogits, 0);
            lossSink += dLoss + gLoss;
            t[++p] = System.nanoTime();
            gt[p] = timing.wallNanos();
            // 4. D gradients of the D loss (both halves)
            d.backwardFromPreActivation(dWork, dLogits, 0, 2 * m, ParamGrads.SET, null);
            t[++p] = System.nanoTime();
            gt[p] = timing.wallNanos();
            // 5. dGLoss/dxFake through the same dropped-out D, no D gradients
            d.backwardFromPreActivation(dWork, gLogits, m, m, ParamGrads.SKIP, dxFake);
            t[++p] = System.nanoTime();
            gt[p] = timing.wallNanos();
            // 6. G gradients
            g.backward(gWork, dxFake, 0, m, ParamGrads.SET, null);
            t[++p] = System.nanoTime();
            gt[p] = timing.wallNanos();
            // 7. simultaneous update
            sgd.step(0.1f, 0.5f);
            t[++p] = System.nanoTime();
            gt[p] = timing.wallNanos();
            if (s >= 0) {
                cpu[s] = (threadBean.getCurrentThreadCpuTime() - cpu0) / 1e6;
                total[s] = (t[p] - t[0]) / 1e6;
                gemm[s] = (gt[p] - gt[0]) / 1e6;
                for (int q = 0; q < PHASES.length; q++) {
                    phase[q][s] = (t[q + 1] - t[q]) / 1e6;
                    phaseGemm[q][s] = (gt[q + 1] - gt[q]) / 1e6;
                }
            }
        }
        Gemm.use(null);
        double med = median(total);
        double medGemm = median(gemm);
        System.out.printf("%-34s %9s %9s %9s%n", "phase (median ms)", "total", "GEMM", "rest");
        double restSum = 0;
        for (int q = 0; q < PHASES.length; q++) {
            double pt = median(phase[q]);
            double pg = median(phaseGemm[q]);
            restSum += pt - pg;
            System.out.printf("%-34s %9.2f %9.2f %9.2f%n", PHASES[q], pt, pg, pt - pg);
        }
        System.out.printf("%-34s %9.2f %9.2f %9.2f%n", "whole step", med, medGemm, med - medGemm);
        System.out.printf("steps timed: %d after %d warm-up; %.1f it/s (median step); mean step %.2f ms; "
                        + "GEMM calls per step %d%n", steps, warmup, 1000 / med, Arrays.stream(total).average().orElse(0),
                timing.calls() / (steps + warmup));
        System.out.printf("fastest 10%% of steps: %.2f ms (GEMM %.2f ms), i.e. %.1f it/s on an idle machine%n",
                percentile(total, 0.1), percentile(gemm, 0.1), 1000 / percentile(total, 0.1));
        System.out.printf("CPU time of the stepping thread: median %.2f ms per step (when every product runs on this"
                + " thread, e.g. OPENBLAS_NUM_THREADS=1 GANWB_GEMM_THREADS=1, this is the one-core time, robust to load)%n",
                median(cpu));
        System.out.println("load average after: " + GemmBenchmark.loadAverage() + "   (loss checksum " + (float) lossSink + ")");
    }

    static double median(double[] x) {
        return percentile(x, 0.5);
    }

    static double percentile(double[] x, double q) {
        double[] c = x.clone();
        Arrays.sort(c);
        return c[(int) Math.min(c.length - 1, Math.floor(q * c.length))];
    }
}
