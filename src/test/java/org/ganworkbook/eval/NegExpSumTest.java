package org.ganworkbook.eval;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NegExpSumTest {

    @Test
    void negExpAgreesWithMathExpToAbout6e14Relative() {
        double worst = 0;
        int steps = 640_000;
        for (int i = 0; i <= steps; i++) {
            double t = NegExpSum.MAX_CUT * i / steps;
            double exact = Math.exp(-t);
            double rel = Math.abs(NegExpSum.negExp(t) - exact) / exact;
            worst = Math.max(worst, rel);
        }
        assertTrue(worst < 1e-13, "worst relative error " + worst);
        assertEquals(1.0, NegExpSum.negExp(0.0), 0.0);
    }

    @Test
    void sumMatchesMathExpAndClampsNegligibleTerms() {
        SplittableRandom rng = new SplittableRandom(51);
        int n = 1003;
        double[] delta = new double[n];
        for (int j = 0; j < n; j++) {
            delta[j] = j == 17 ? 0.0 : 30 * rng.nextDouble();
        }
        double[] scratch = new double[n];
        for (double c : new double[]{0.5, 2.0, 50.0}) {
            double cut = Math.log(n) + 40;
            double exact = 0;
            for (double v : delta) {
                exact += Math.exp(-c * v);
            }
            double sum = NegExpSum.sum(delta, n, 0.0, c, cut, scratch);
            // terms below e^-cut count as e^-cut: at most n·e^-cut = e^-40 more, relative to a sum >= 1
            assertEquals(exact, sum, 1e-13 * exact + n * Math.exp(-cut), "c=" + c);
        }
        // δ given as p - pMin
        double[] p = new double[n];
        for (int j = 0; j < n; j++) {
            p[j] = 123.5 + delta[j];
        }
        double shifted = 0;
        for (int j = 0; j < n; j++) {
            shifted += Math.exp(-2.0 * (p[j] - 123.5));
        }
        assertEquals(shifted, NegExpSum.sum(p, n, 123.5, 2.0, Math.log(n) + 40, scratch), 1e-13 * shifted);
        // every term clamped: n copies of e^-cut
        double[] far = new double[n];
        java.util.Arrays.fill(far, 1e9);
        assertEquals(n * Math.exp(-10), NegExpSum.sum(far, n, 0.0, 1.0, 10, scratch), 1e-12 * n * Math.exp(-10));
    }
}
