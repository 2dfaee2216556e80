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
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParzenEvaluationTest {

    static Splits splits() {
        return new Splits("tiny", images(TinyGan.data(300, 1)), images(TinyGan.data(250, 2)), images(TinyGan.data(200, 3)),
                List.of("a"));
    }

    static LabeledImages images(FMatrixRMaj x) {
        return new LabeledImages(x, new int[x.numRows], 4, 4);
    }

    @Test
    void followsTheProtocolOnTheGeneratorsSamples() {
        GanTrainer t = GanTrainer.create(TinyGan.config(), TinyGan.gandata(), 2L);
        t.trainSteps(40);
        Splits s = splits();
        ParzenConfig protocol = ParzenConfig.paperMnist().withNumSamples(500).withValidationLimit(100);
        ParzenEvaluation e = ParzenEvaluation.evaluate(t.generator(), t.config().noise(), s, protocol,
                new SplittableRandom(4));
        // the same by hand: samples from the same noise, sigma on valid[0:100], test at that sigma
        FMatrixRMaj samples = Samples.sample(t.generator(), t.config().noise(), 500, new SplittableRandom(4));
        ParzenWindow w = ParzenWindow.of(samples);
        ParzenResult byHand = w.evaluate(ParzenEvaluation.rows(s.valid().images(), 0, 100), s.test().images(),
                protocol.sigmas(), ParzenWindow.ProgressListener.NONE);
        assertEquals(byHand.sigma(), e.sigma());
        assertEquals(byHand.mean(), e.mean(), 1e-9);
        assertEquals(byHand.standardError(), e.standardError(), 1e-9);
        assertEquals(150, e.heldOut().n(), "valid[100:250] for choosing checkpoints");
        assertEquals(w.score(ParzenEvaluation.rows(s.valid().images(), 100, 250), e.sigma()).mean(), e.heldOutMean(), 1e-9);
        // without the test set
        ParzenEvaluation noTest = ParzenEvaluation.heldOutOnly(t.generator(), t.config().noise(), s, protocol,
                new SplittableRandom(4));
        assertNull(noTest.parzen());
        assertTrue(Double.isNaN(noTest.mean()));
        assertEquals(e.heldOutMean(), noTest.heldOutMean(), 1e-9);
    }

    @Test
    void calibrationCasesBracketAGenerator() {
        Splits s = splits();
        ParzenConfig protocol = ParzenConfig.paperMnist().withNumSamples(300).withValidationLimit(100);
        double real = ParzenEvaluation.ofSamples(ParzenEvaluation.calibrationSamples("real", s, 300, null), s, protocol).mean();
        double mean = ParzenEvaluation.ofSamples(ParzenEvaluation.calibrationSamples("mean", s, 300, null), s, protocol).mean();
        double noise = ParzenEvaluation.ofSamples(ParzenEvaluation.calibrationSamples("noise", s, 300,
                new SplittableRandom(1)), s, protocol).mean();
        assertTrue(real > mean && mean > noise, real + " > " + mean + " > " + noise);
        FMatrixRMaj m = ParzenEvaluation.calibrationSamples("mean", s, 2, null);
        double col0 = 0;
        for (int i = 0; i < 300; i++) {
            col0 += s.train().images().get(i, 0);
        }
        assertEquals(col0 / 300, m.get(1, 0), 1e-6);
    }
}
