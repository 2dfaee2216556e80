package org.ganworkbook.nn;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertTrue;

class GradientCheckTest {

    private static Mlp smoothNet(long seed) {
        return Mlp.build(5, List.of(
                DenseSpec.of(6, Activation.TANH).withIrange(0.8f).withInputDropout(Dropout.inverted(0.5f)),
                DenseSpec.of(3, Activation.SIGMOID).withIrange(0.8f)), new SplittableRandom(seed));
    }

    @Test
    void passesOnACorrectNetworkInFloat() {
        Mlp net = smoothNet(1);
        float[] x = ReferenceMlp.randomFloats(4 * 5, 1, new SplittableRandom(2));
        GradientCheck.Result r = GradientCheck.mlp(net, x, 4, Mode.TRAIN, 3, 1e-2, 40);
        assertTrue(r.maxRelativeError() < 1e-2, r.toString());
        assertTrue(r.checked() > 50);
    }

    @Test
    void catchesAWrongGradient() {
        Mlp net = smoothNet(4);
        float[] x = ReferenceMlp.randomFloats(4 * 5, 1, new SplittableRandom(5));
        float[] w = net.layers().get(1).weight().value();
        Workspace ws = net.newWorkspace(4);
        net.forward(ws, x, 0, 4, Mode.EVAL, null);
        float[] r = ReferenceMlp.randomFloats(12, 1, new SplittableRandom(6));
        net.backward(ws, r, 0, 4, ParamGrads.SET, null);
        float[] wrong = net.layers().get(1).weight().grad().clone();
        wrong[3] *= 1.1f;
        List<GradientCheck.Entry> entries = GradientCheck.compare("y.W", w, wrong, () -> {
            float[] y = net.forward(ws, x, 0, 4, Mode.EVAL, null);
            double s = 0;
            for (int i = 0; i < 12; i++) {
                s += (double) r[i] * y[i];
            }
            return s;
        }, 1e-2, 100, new SplittableRandom(7));
        GradientCheck.Result res = GradientCheck.summarize(entries);
        assertTrue(res.maxRelativeError() > 0.03, res.toString());
        assertTrue(res.worst().get(0).index() == 3, res.toString());
    }
}
