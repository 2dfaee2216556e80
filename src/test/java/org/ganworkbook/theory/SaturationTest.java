package org.ganworkbook.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;
import org.ganworkbook.numeric.FiniteDifferences;
import org.junit.jupiter.api.Test;

class SaturationTest {

    private static final double[] LOGITS = {-50, -30, -10, -4, -1, -0.1, 0, 0.1, 1, 4, 10, 30, 50};

    /** Central difference with a step relative to |a|; compared in relative terms (the gradients reach 1e-22). */
    private static void assertGradient(DoubleUnaryOperator loss, DoubleUnaryOperator grad, String name) {
        for (double a : LOGITS) {
            double h = 1e-5 * Math.max(1, Math.abs(a));
            double fd = FiniteDifferences.derivative(loss, a, h);
            double g = grad.applyAsDouble(a);
            assertTrue(Double.isFinite(g) && Double.isFinite(fd), name + " at a=" + a);
            assertEquals(g, fd, 1e-6 * Math.abs(g) + 1e-12 * Math.abs(loss.applyAsDouble(a)) / h, name + " at a=" + a);
        }
    }

    @Test
    void saturatingGradientMatchesFiniteDifferences() {
        assertGradient(Saturation::saturatingLossFromLogit, Saturation::saturatingGradientFromLogit, "log(1 - D)");
    }

    @Test
    void nonSaturatingGradientMatchesFiniteDifferences() {
        assertGradient(Saturation::nonSaturatingLossFromLogit, Saturation::nonSaturatingGradientFromLogit, "-log D");
    }

    @Test
    void gradientsAsFunctionsOfDAreMinusDAndMinusOneMinusD() {
        for (double a : LOGITS) {
            double d = Saturation.sigmoid(a);
            assertEquals(Saturation.saturatingGradientFromLogit(a), Saturation.saturatingGradient(d), 1e-15);
            assertEquals(Saturation.nonSaturatingGradientFromLogit(a), Saturation.nonSaturatingGradient(d), 1e-15);
            // both negative: minimising either loss raises D's logit on fakes
            assertTrue(Saturation.saturatingGradient(d) <= 0 && Saturation.nonSaturatingGradient(d) <= 0);
        }
        // the paper's point: early on, when D(G(z)) = 0.01, the signals differ by a factor 99
        assertEquals(-0.01, Saturation.saturatingGradient(0.01), 0);
        assertEquals(-0.99, Saturation.nonSaturatingGradient(0.01), 0);
        assertEquals(99, Saturation.gradientRatio(0.01), 1e-12);
        assertEquals(1, Saturation.gradientRatio(0.5), 0);
        assertThrows(IllegalArgumentException.class, () -> Saturation.saturatingGradient(1.2));
    }

    @Test
    void stableFormsHaveNoNaNAtExtremeLogitsWhereLiteralFormulasFail() {
        for (double a : new double[] {-1000, -745, -50, 50, 745, 1000}) {
            double[] vals = {
                Saturation.sigmoid(a), Saturation.softplus(a), Saturation.logSigmoid(a),
                Saturation.saturatingLossFromLogit(a), Saturation.nonSaturatingLossFromLogit(a),
                Saturation.saturatingGradientFromLogit(a), Saturation.nonSaturatingGradientFromLogit(a),
            };
            for (double v : vals) {
                assertTrue(Double.isFinite(v), "a=" + a + " gave " + v);
            }
        }
        // literally, log(1 - sigmoid(50)) = log(0) = -infinity; the stable form gives -50 - e^-50
        assertFalse(Double.isFinite(Math.log(1 - 1 / (1 + Math.exp(-50)))));
        assertEquals(-50.0, Saturation.saturatingLossFromLogit(50), 1e-12);
        assertEquals(Math.exp(-50), Saturation.nonSaturatingLossFromLogit(50), 1e-12 * Math.exp(-50));
        assertEquals(1000.0, Saturation.nonSaturatingLossFromLogit(-1000), 0);
    }

    @Test
    void sigmoidSoftplusAndLogitAreConsistent() {
        for (double a : LOGITS) {
            assertEquals(a, Saturation.softplus(a) - Saturation.softplus(-a), 1e-12);
            assertEquals(1.0, Saturation.sigmoid(a) + Saturation.sigmoid(-a), 1e-15);
            if (Math.abs(a) <= 10) {
                // 1 - sigmoid(a) carries a relative rounding error of about e^|a| * 1e-16
                assertEquals(a, Saturation.logit(Saturation.sigmoid(a)), 1e-10);
            }
        }
        assertEquals(Math.log(2), Saturation.softplus(0), 1e-16);
        assertEquals(Double.NEGATIVE_INFINITY, Saturation.logit(0));
        assertEquals(Double.POSITIVE_INFINITY, Saturation.logit(1));
    }
}
