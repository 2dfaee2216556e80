package org.ganworkbook.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.ganworkbook.sampling.Gaussian1d;
import org.junit.jupiter.api.Test;

class CodeLossesTest {

    @Test
    void atEquilibriumTheCodeLossesAreLog2() {
        double[] half = new double[100];
        Arrays.fill(half, 0.5);
        assertEquals(0.6931471805599453, CodeLosses.dLoss(half, half), 1e-15);
        assertEquals(CodeLosses.EQUILIBRIUM_LOSS, CodeLosses.gLossNonSaturating(half), 1e-15);
        assertEquals(-Math.log(2), CodeLosses.gLossSaturating(half), 1e-15);
        double[] zeros = new double[100];
        assertEquals(Math.log(2), CodeLosses.dLossFromLogits(zeros, zeros), 1e-15);
        // population version: D loss = -C(G)/2 = log 2 when p_g = p_data
        Grid1d grid = Grid1d.of(-12, 12, 4001);
        Gaussian1d p = Gaussian1d.standard();
        assertEquals(Math.log(2), CodeLosses.dLossOfV(ValueFunction.cOfG(p, p, grid)), 1e-12);
    }

    @Test
    void dLossIsMinusHalfTheBatchValueFunction() {
        SplittableRandom rng = new SplittableRandom(71);
        double[] dReal = new double[50];
        double[] dFake = new double[70];
        double v = 0;
        for (int i = 0; i < dReal.length; i++) {
            dReal[i] = rng.nextDouble();
            v += Math.log(dReal[i]) / dReal.length;
        }
        for (int j = 0; j < dFake.length; j++) {
            dFake[j] = rng.nextDouble();
            v += Math.log(1 - dFake[j]) / dFake.length;
        }
        assertEquals(-v / 2, CodeLosses.dLoss(dReal, dFake), 1e-12);
        assertEquals(-v / 2, CodeLosses.dLossOfV(v), 0);
    }

    @Test
    void logitAndProbabilityFormsAgree() {
        SplittableRandom rng = new SplittableRandom(72);
        double[] aReal = new double[40];
        double[] aFake = new double[40];
        double[] dReal = new double[40];
        double[] dFake = new double[40];
        for (int i = 0; i < 40; i++) {
            aReal[i] = 8 * rng.nextDouble() - 4;
            aFake[i] = 8 * rng.nextDouble() - 4;
            dReal[i] = Saturation.sigmoid(aReal[i]);
            dFake[i] = Saturation.sigmoid(aFake[i]);
        }
        assertEquals(CodeLosses.dLoss(dReal, dFake), CodeLosses.dLossFromLogits(aReal, aFake), 1e-12);
        assertEquals(CodeLosses.gLossNonSaturating(dFake), CodeLosses.gLossNonSaturatingFromLogits(aFake), 1e-12);
        assertEquals(CodeLosses.gLossSaturating(dFake), CodeLosses.gLossSaturatingFromLogits(aFake), 1e-12);
    }

    @Test
    void eachLossHasTheRightSignAndDirection() {
        double[] plus10 = {10, 10};
        double[] minus10 = {-10, -10};
        // a D that is confidently right has a small loss, a confidently wrong one a large loss
        assertEquals(Saturation.softplus(-10), CodeLosses.dLossFromLogits(plus10, minus10), 1e-15);
        assertEquals(Saturation.softplus(10), CodeLosses.dLossFromLogits(minus10, plus10), 1e-12);
        // when D rejects the fakes (logit -10), the non-saturating G loss is large (~10) and the saturating one ~0
        assertEquals(10.0, CodeLosses.gLossNonSaturatingFromLogits(minus10), 1e-4);
        assertTrue(CodeLosses.gLossSaturatingFromLogits(minus10) < 0 && CodeLosses.gLossSaturatingFromLogits(minus10) > -1e-4);
        // when D is fooled (logit +10), both G losses are low: ~0 and ~-10
        assertTrue(CodeLosses.gLossNonSaturatingFromLogits(plus10) < 1e-4);
        assertEquals(-10.0, CodeLosses.gLossSaturatingFromLogits(plus10), 1e-4);
    }

    @Test
    void extremeLogitsStayFiniteAndBadInputIsRejected() {
        double[] big = {-1000, -50, 50, 1000};
        assertTrue(Double.isFinite(CodeLosses.dLossFromLogits(big, big)));
        assertTrue(Double.isFinite(CodeLosses.gLossNonSaturatingFromLogits(big)));
        assertTrue(Double.isFinite(CodeLosses.gLossSaturatingFromLogits(big)));
        // from probabilities, D(G(z)) = 1 exactly makes the saturating D term infinite: that is the truth
        assertEquals(Double.POSITIVE_INFINITY, CodeLosses.dLoss(new double[] {0.5}, new double[] {1.0}));
        assertThrows(IllegalArgumentException.class, () -> CodeLosses.dLoss(new double[] {1.5}, new double[] {0.5}));
        assertThrows(IllegalArgumentException.class, () -> CodeLosses.gLossNonSaturating(new double[0]));
    }
}
