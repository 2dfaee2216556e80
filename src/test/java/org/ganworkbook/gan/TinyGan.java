package org.ganworkbook.gan;

import org.ejml.data.FMatrixRMaj;
import org.ganworkbook.nn.Activation;
import org.ganworkbook.nn.DenseSpec;
import org.ganworkbook.nn.Dropout;
import org.ganworkbook.nn.LayerSpec;
import org.ganworkbook.nn.MaxoutSpec;

import java.util.List;
import java.util.SplittableRandom;

/** A paper-shaped GAN small enough for unit tests: the same layer kinds, dropout and schedules. */
public final class TinyGan {

    public static final int DIM = 16;

    private TinyGan() {
    }

    /** G 4 → 8 ReLU → 16 sigmoid (bias from data); D 16 → maxout 6×2 (drop .8) → sigmoid (drop .5); batch 10. */
    public static GanConfig config() {
        List<LayerSpec> g = List.of(
                DenseSpec.of(8, Activation.RELU).withIrange(0.3f),
                DenseSpec.of(DIM, Activation.SIGMOID).withIrange(0.3f));
        List<LayerSpec> d = List.of(
                MaxoutSpec.of(6, 2).withIrange(0.3f).withInputDropout(Dropout.of(0.8f, 1.25f)),
                DenseSpec.of(1, Activation.SIGMOID).withIrange(0.3f).withInputDropout(Dropout.of(0.5f, 2f)));
        return GanConfig.paperMnist().withName("tiny").withLatentDim(4).withGenerator(g).withDiscriminator(d)
                .withBatchSize(10);
    }

    /** n rows of DIM values in [0, 1], mostly near a few prototypes. */
    public static FMatrixRMaj data(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        FMatrixRMaj x = new FMatrixRMaj(n, DIM);
        for (int i = 0; i < n; i++) {
            int proto = rng.nextInt(3);
            for (int j = 0; j < DIM; j++) {
                float base = (j % 3 == proto) ? 0.9f : 0.05f;
                x.data[i * DIM + j] = (float) Math.min(1, Math.max(0, base + 0.05 * rng.nextGaussian()));
            }
        }
        return x;
    }

    public static GanData gandata() {
        return GanData.of(data(200, 11));
    }

    /** All parameters and velocities of a trainer, concatenated. */
    public static float[] state(GanTrainer t) {
        int n = 0;
        for (var net : List.of(t.generator(), t.discriminator())) {
            n += 2 * (int) net.parameterCount();
        }
        float[] out = new float[n];
        int o = 0;
        for (var p : t.generator().parameters()) {
            System.arraycopy(p.value(), 0, out, o, p.size());
            o += p.size();
        }
        for (var p : t.discriminator().parameters()) {
            System.arraycopy(p.value(), 0, out, o, p.size());
            o += p.size();
        }
        for (int i = 0; i < t.generator().parameters().size(); i++) {
            float[] v = t.generatorOptimizer().velocity(i);
            System.arraycopy(v, 0, out, o, v.length);
            o += v.length;
        }
        for (int i = 0; i < t.discriminator().parameters().size(); i++) {
            float[] v = t.discriminatorOptimizer().velocity(i);
            System.arraycopy(v, 0, out, o, v.length);
            o += v.length;
        }
        return out;
    }
}
