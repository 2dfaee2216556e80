package org.ganworkbook.gan;

import org.ganworkbook.linalg.Gemm;
import org.ganworkbook.linalg.GemmBackend;
import org.ganworkbook.nn.LayerSpec;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The element-wise passes of a training step (bias and activation, maxout, their gradients, bias sums, the
 * dropout mask on dx, the momentum update, max column norms) give the same bits however their work is cut
 * into ranges: each range must write its own values only, with the same arithmetic as one pass.
 */
class ElementWiseCutTest {

    /**
     * The products of another backend; element-wise work either in one pass on the calling thread (as before
     * it was cut) or cut into many ranges run last to first.
     */
    private static final class RangeBackend implements GemmBackend {
        private final GemmBackend products;
        private final boolean cut;
        long cutPasses;

        RangeBackend(GemmBackend products, boolean cut) {
            this.products = products;
            this.cut = cut;
        }

        @Override
        public String name() {
            return products.name();
        }

        @Override
        public String description() {
            return products.description() + (cut ? ", element-wise work cut into pieces" : ", element-wise work in one pass");
        }

        @Override
        public void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, int aOff, int lda,
                          float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc) {
            products.sgemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
        }

        @Override
        public void forRanges(long total, long grain, Gemm.RangeBody body) {
            long piece = cut ? Math.max(1, total / 7) : Math.max(1, total);
            List<long[]> ranges = new ArrayList<>();
            for (long from = 0; from < total; from += piece) {
                ranges.add(new long[]{from, Math.min(total, from + piece)});
            }
            if (ranges.size() > 1) {
                cutPasses++;
            }
            for (int i = ranges.size() - 1; i >= 0; i--) {
                body.run(ranges.get(i)[0], ranges.get(i)[1]);
            }
        }
    }

    /** TinyGan with a column-norm limit that binds, so that pass is exercised too. */
    private static GanConfig config() {
        GanConfig c = TinyGan.config();
        List<LayerSpec> d = new ArrayList<>();
        for (LayerSpec s : c.discriminator()) {
            d.add(s.withInit(s.init().withMaxColNorm(0.4f)));
        }
        List<LayerSpec> g = new ArrayList<>();
        for (LayerSpec s : c.generator()) {
            g.add(s.withInit(s.init().withMaxColNorm(0.6f)));
        }
        return c.withDiscriminator(d).withGenerator(g);
    }

    private static float[] trainWith(GemmBackend backend) {
        Gemm.use(backend);
        try {
            GanTrainer t = GanTrainer.create(config(), TinyGan.gandata(), 21L);
            t.trainSteps(60);
            return TinyGan.state(t);
        } finally {
            Gemm.use(null);
        }
    }

    @Test
    void aTrainingRunIsBitIdenticalHoweverTheElementWiseWorkIsCut() {
        GemmBackend products = Gemm.javaBackend();
        float[] onePass = trainWith(new RangeBackend(products, false));
        RangeBackend cutting = new RangeBackend(products, true);
        float[] cut = trainWith(cutting);
        assertTrue(cutting.cutPasses > 60 * 5, "the passes were really cut (" + cutting.cutPasses + " cut passes)");
        assertArrayEquals(onePass, cut, "parameters and velocities after 60 steps");
    }
}
