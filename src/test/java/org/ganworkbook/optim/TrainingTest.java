package org.ganworkbook.optim;

import org.ganworkbook.nn.Activation;
import org.ganworkbook.nn.BinaryCrossEntropy;
import org.ganworkbook.nn.DenseSpec;
import org.ganworkbook.nn.Dropout;
import org.ganworkbook.nn.MaxoutSpec;
import org.ganworkbook.nn.Mlp;
import org.ganworkbook.nn.Mode;
import org.ganworkbook.nn.ParamGrads;
import org.ganworkbook.nn.Workspace;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pieces together: a maxout discriminator with dropout learns a nonlinear real/fake boundary. */
class TrainingTest {

    @Test
    void maxoutDiscriminatorWithDropoutLearnsXor() {
        SplittableRandom rng = new SplittableRandom(2014);
        Mlp d = Mlp.build(2, List.of(
                MaxoutSpec.of(16, 3).withIrange(0.5f).withInputDropout(Dropout.of(0.9f, 1f / 0.9f)),
                DenseSpec.of(1, Activation.SIGMOID).withIrange(0.5f).withInputDropout(Dropout.inverted(0.8f))), rng);
        Sgd sgd = new Sgd(d.parameters());
        int m = 64;
        float[] x = new float[2 * m * 2];
        float[] dA = new float[2 * m];
        Workspace ws = d.newWorkspace(2 * m);
        double first = Double.NaN;
        double last = Double.NaN;
        for (int step = 0; step < 1500; step++) {
            // "real": same-sign quadrants; "fake": opposite-sign quadrants
            for (int i = 0; i < 2 * m; i++) {
                float u = (float) (rng.nextDouble() * 2 - 1);
                float v = (float) (rng.nextDouble() * 2 - 1);
                boolean real = i < m;
                x[2 * i] = u;
                x[2 * i + 1] = (real == (u > 0)) ? Math.abs(v) : -Math.abs(v);
            }
            d.forward(ws, x, 0, 2 * m, Mode.TRAIN, rng);
            float[] a = ws.preActivation();
            double loss = BinaryCrossEntropy.loss(a, 0, m, 1f, 0.5f, dA, 0)
                    + BinaryCrossEntropy.loss(a, m, m, 0f, 0.5f, dA, m);
            d.backwardFromPreActivation(ws, dA, 0, 2 * m, ParamGrads.SET, null);
            sgd.step(0.1f, 0.5f);
            if (step == 0) {
                first = loss;
            }
            last = loss;
        }
        assertTrue(Math.abs(first - Math.log(2)) < 0.1, "starts near log 2: " + first);
        assertTrue(last < 0.25, "D loss after training: " + last);
        // evaluation mode on fresh points: mostly right
        int correct = 0;
        Workspace eval = d.newWorkspace(1000);
        float[] test = new float[2000];
        boolean[] label = new boolean[1000];
        for (int i = 0; i < 1000; i++) {
            test[2 * i] = (float) (rng.nextDouble() * 2 - 1);
            test[2 * i + 1] = (float) (rng.nextDouble() * 2 - 1);
            label[i] = (test[2 * i] > 0) == (test[2 * i + 1] > 0);
        }
        float[] p = d.forward(eval, test, 0, 1000, Mode.EVAL, null);
        for (int i = 0; i < 1000; i++) {
            correct += (p[i] > 0.5f) == label[i] ? 1 : 0;
        }
        assertTrue(correct > 900, correct + " of 1000 correct");
    }
}
