package org.ganworkbook.paper;

import org.ganworkbook.gan.GanTrainer;
import org.ganworkbook.gan.Samples;
import org.ganworkbook.gan.TinyGan;

import org.ejml.data.FMatrixRMaj;
import org.ganworkbook.data.LabeledImages;
import org.ganworkbook.data.Splits;
import org.ganworkbook.eval.ParzenConfig;
import org.ganworkbook.eval.ParzenResult;
import org.ganworkbook.eval.ParzenWindow;
import org.ganworkbook.nn.Mlp;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The TFD form of the Parzen protocol: sigma per fold on its valid part, mean ± standard error across folds. */
class FoldedParzenTest {

    /** Five folds cut from TinyGan-like data: 4x4 "images" with a per-fold offset so the fold means differ. */
    private static List<Splits> folds() {
        List<Splits> out = new ArrayList<>();
        for (int f = 0; f < 5; f++) {
            FMatrixRMaj valid = TinyGan.data(30, 100 + f);
            FMatrixRMaj test = TinyGan.data(12, 200 + f);
            for (int i = 0; i < test.data.length; i++) {
                test.data[i] = Math.min(1f, test.data[i] + 0.03f * f);
            }
            out.add(new Splits("fold " + f, images(TinyGan.data(5, 1)), images(valid), images(test), List.of("x")));
        }
        return out;
    }

    private static LabeledImages images(FMatrixRMaj x) {
        return new LabeledImages(x, new int[x.numRows], 4, 4);
    }

    @Test
    void matchesTheProtocolRunFoldByFoldOnTheSameSamples() {
        GanTrainer t = GanTrainer.create(TinyGan.config(), TinyGan.gandata(), 3L);
        t.trainSteps(50);
        Mlp g = t.generator();
        ParzenConfig protocol = ParzenConfig.paperTfd().withNumSamples(400);
        List<Splits> folds = folds();
        FoldedParzen r = FoldedParzen.evaluate(g, t.config().noise(), folds, protocol, new SplittableRandom(9), null);

        ParzenWindow window = ParzenWindow.of(Samples.sample(g, t.config().noise(), 400, new SplittableRandom(9)));
        double[] means = new double[5];
        for (int f = 0; f < 5; f++) {
            ParzenResult direct = window.evaluate(folds.get(f).valid().images(), folds.get(f).test().images(),
                    protocol.sigmas(), null);
            assertEquals(direct.mean(), r.folds().get(f).mean(), 1e-9, "fold " + f);
            assertEquals(direct.sigma(), r.sigmas()[f]);
            assertEquals(30, r.folds().get(f).selection().validationSize(), "the whole valid part chooses sigma");
            means[f] = direct.mean();
        }
        double mean = (means[0] + means[1] + means[2] + means[3] + means[4]) / 5;
        double ss = 0;
        for (double m : means) {
            ss += (m - mean) * (m - mean);
        }
        assertEquals(mean, r.mean(), 1e-9);
        assertEquals(Math.sqrt(ss / 4) / Math.sqrt(5), r.standardError(), 1e-9, "sample std of fold means / sqrt(5)");
        assertTrue(r.standardError() > 0);
        assertTrue(r.toString().contains("mean over 5 folds"), r.toString());
    }

    @Test
    void needsAFold() {
        assertThrows(IllegalArgumentException.class, () -> new FoldedParzen(List.of(), 1, java.time.Duration.ZERO));
    }
}
