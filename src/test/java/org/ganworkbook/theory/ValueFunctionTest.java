package org.ganworkbook.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;
import org.ganworkbook.sampling.Density1d;
import org.ganworkbook.sampling.Gaussian1d;
import org.ganworkbook.sampling.GaussianMixture1d;
import org.ganworkbook.sampling.NoisePrior;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ValueFunctionTest {

    private static final Grid1d GRID = Grid1d.of(-40, 40, 80001);

    static Stream<Arguments> densityPairs() {
        GaussianMixture1d twoModes = GaussianMixture1d.of(new double[] {0.3, 0.7}, new double[] {-2, 1.5}, new double[] {0.5, 1});
        GaussianMixture1d threeModes = GaussianMixture1d.equalWeights(new double[] {-4, 0, 4}, 0.3);
        return Stream.of(
                Arguments.of(Gaussian1d.of(0, 1), Gaussian1d.of(1, 1)),
                Arguments.of(Gaussian1d.of(0, 1), Gaussian1d.of(0.5, 2)),
                Arguments.of(Gaussian1d.of(-1, 0.5), Gaussian1d.of(2, 0.8)),
                Arguments.of(Gaussian1d.of(0, 3), Gaussian1d.of(1, 0.1)),   // wide vs narrow
                Arguments.of(twoModes, Gaussian1d.of(0, 1.5)),
                Arguments.of(threeModes, Gaussian1d.of(0, 0.3)),            // G covering one mode of three
                Arguments.of(Gaussian1d.of(0, 1), Gaussian1d.of(15, 1)));   // nearly disjoint
    }

    /** Theorem 1: C(G) = max_D V(D, G) = -log 4 + 2 JSD(p_data || p_g), by integration on a fine grid. */
    @ParameterizedTest
    @MethodSource("densityPairs")
    void cOfGEqualsMinusLog4PlusTwoJsd(Density1d pData, Density1d pG) {
        double jsd = Divergences.jsd(pData, pG, GRID);
        double c = ValueFunction.cOfG(pData, pG, GRID);
        assertEquals(ValueFunction.cOfGFromJsd(jsd), c, 1e-6);
        // the same C(G) as V at D* through the general integrator (D* as a logit), and from plain density values
        double vAtDStar = ValueFunction.integratedFromLogits(pData, pG, OptimalDiscriminator.logitOf(pData, pG), GRID);
        assertEquals(c, vAtDStar, 1e-9);
        assertEquals(c, ValueFunction.cOfG(GRID.pdf(pData), GRID.pdf(pG), GRID), 1e-9);
        assertTrue(c > ValueFunction.GLOBAL_MINIMUM && c <= 0, "C(G) in (-log 4, 0], got " + c);
    }

    @Test
    void probabilityDStarGivesTheSameVWhereItDoesNotRoundToZeroOrOne() {
        Grid1d grid = Grid1d.of(-12, 12, 24001);
        Gaussian1d pData = Gaussian1d.of(0, 1);
        Gaussian1d pG = Gaussian1d.of(1, 1.3);
        double v = ValueFunction.integrated(pData, pG, OptimalDiscriminator.of(pData, pG), grid);
        assertEquals(ValueFunction.cOfG(pData, pG, grid), v, 1e-12);
        // on a much wider grid D* rounds to exactly 1 where p_g is tiny but positive: the probability form
        // says -infinity (the documented trap), the logit form stays exact
        Gaussian1d wide = Gaussian1d.of(0, 3);
        Gaussian1d narrow = Gaussian1d.of(1, 0.1);
        assertEquals(Double.NEGATIVE_INFINITY, ValueFunction.integrated(wide, narrow, OptimalDiscriminator.of(wide, narrow), grid));
        assertEquals(ValueFunction.cOfG(wide, narrow, grid),
                ValueFunction.integratedFromLogits(wide, narrow, OptimalDiscriminator.logitOf(wide, narrow), grid), 1e-12);
    }

    @Test
    void onATooNarrowGridTheorem1IsOffByExactlyTheMissingMassTimesLog2() {
        Grid1d narrow = Grid1d.of(-12, 12, 4001);
        Gaussian1d pData = Gaussian1d.of(0, 3);   // +-4 sd: the grid misses 6.3e-5 of its mass
        Gaussian1d pG = Gaussian1d.of(1, 0.1);
        double gap = ValueFunction.cOfG(pData, pG, narrow) - ValueFunction.cOfGFromJsd(Divergences.jsd(pData, pG, narrow));
        double missing = 2 - narrow.mass(pData) - narrow.mass(pG);
        assertTrue(missing > 6e-5, "missing mass " + missing);
        assertEquals(Math.log(2) * missing, gap, 1e-12);
    }

    @Test
    void cOfGIsMinusLog4WhenPgEqualsPdata() {
        Density1d[] ps = {Gaussian1d.of(0, 1), Gaussian1d.of(3, 0.2),
            GaussianMixture1d.of(new double[] {0.3, 0.7}, new double[] {-2, 1.5}, new double[] {0.5, 1})};
        for (Density1d p : ps) {
            assertEquals(-Math.log(4), ValueFunction.cOfG(p, p, GRID), 1e-9, p.toString());
            assertEquals(-1.386294, ValueFunction.cOfG(p, p, GRID), 5e-7);
        }
        assertEquals(-1.3862943611198906, ValueFunction.GLOBAL_MINIMUM, 1e-16);
    }

    @Test
    void cOfGAlongAPathIsSmallestExactlyAtPgEqualsPdata() {
        Gaussian1d pData = Gaussian1d.of(0, 1);
        double previous = Double.NaN;
        for (int k = 0; k <= 20; k++) {
            double mu = k * 0.1; // p_g = N(mu, 1), approaching p_data as mu -> 0 from the right
            double c = ValueFunction.cOfG(pData, Gaussian1d.of(-mu, 1), GRID);
            double cMirror = ValueFunction.cOfG(pData, Gaussian1d.of(mu, 1), GRID);
            assertEquals(c, cMirror, 1e-12, "symmetric in the sign of mu");
            if (k > 0) {
                assertTrue(c > previous, "C(G) must grow with |mu|; mu=" + mu);
            }
            previous = c;
        }
        assertEquals(ValueFunction.GLOBAL_MINIMUM, ValueFunction.cOfG(pData, Gaussian1d.of(0, 1), GRID), 1e-9);
    }

    /** Proposition 1 in integral form: no discriminator beats D*. */
    @Test
    void noDiscriminatorGetsAboveCOfG() {
        Gaussian1d pData = Gaussian1d.of(0, 1);
        Gaussian1d pG = Gaussian1d.of(1, 1.5);
        double c = ValueFunction.cOfG(pData, pG, GRID);
        DoubleUnaryOperator dStar = OptimalDiscriminator.of(pData, pG);
        DoubleUnaryOperator[] others = {
            x -> 0.5,
            x -> Saturation.sigmoid(0.3 - 0.8 * x),
            x -> Math.min(1 - 1e-12, Math.max(1e-12, dStar.applyAsDouble(x) + 0.05 * Math.sin(x))),
            x -> Saturation.sigmoid(1.01 * Saturation.logit(dStar.applyAsDouble(x))),
        };
        for (DoubleUnaryOperator d : others) {
            assertTrue(ValueFunction.integrated(pData, pG, d, GRID) < c, "V(D, G) should be below C(G)");
        }
        assertEquals(-Math.log(4), ValueFunction.integrated(pData, pG, x -> 0.5, GRID), 1e-9);
    }

    @Test
    void monteCarloAgreesWithIntegrationWithinItsStandardError() {
        Gaussian1d pData = Gaussian1d.of(0, 1);
        DoubleUnaryOperator g = z -> 1.5 * z + 0.5;          // z ~ N(0,1) gives p_g = N(0.5, 1.5^2)
        Gaussian1d pG = Gaussian1d.of(0.5, 1.5);
        DoubleUnaryOperator d = x -> Saturation.sigmoid(0.3 - 0.8 * x);
        MonteCarloEstimate mc = ValueFunction.monteCarlo(pData, NoisePrior.gaussian(), g, d, 200_000, new SplittableRandom(61));
        double exact = ValueFunction.integrated(pData, pG, d, GRID);
        assertTrue(mc.agreesWith(exact, 5), mc + " vs integrated " + exact);
        assertTrue(mc.standardError() > 0 && mc.standardError() < 0.01, mc.toString());
        assertEquals(200_000, mc.n());

        MonteCarloEstimate atDStar = ValueFunction.monteCarlo(pData, NoisePrior.gaussian(), g,
                OptimalDiscriminator.of(pData, pG), 200_000, new SplittableRandom(62));
        assertTrue(Math.abs(atDStar.zScore(ValueFunction.cOfG(pData, pG, GRID))) < 5, atDStar.toString());

        // the logit form of the same estimate, on the same samples, agrees to rounding
        SplittableRandom r1 = new SplittableRandom(65);
        double[] xReal = pData.sample(50_000, r1);
        double[] xFake = NoisePrior.gaussian().sample(50_000, r1);
        for (int j = 0; j < xFake.length; j++) {
            xFake[j] = g.applyAsDouble(xFake[j]);
        }
        MonteCarloEstimate byD = ValueFunction.monteCarlo(xReal, xFake, d);
        MonteCarloEstimate byLogit = ValueFunction.monteCarloFromLogits(xReal, xFake, x -> 0.3 - 0.8 * x);
        assertEquals(byD.value(), byLogit.value(), 1e-12);
        assertEquals(byD.standardError(), byLogit.standardError(), 1e-12);
    }

    @Test
    void monteCarloStandardErrorShrinksLikeOneOverRootN() {
        Gaussian1d pData = Gaussian1d.of(0, 1);
        DoubleUnaryOperator d = x -> Saturation.sigmoid(-x);
        double se1 = ValueFunction.monteCarlo(pData, NoisePrior.uniformPaper(), z -> z, d, 10_000, new SplittableRandom(63)).standardError();
        double se2 = ValueFunction.monteCarlo(pData, NoisePrior.uniformPaper(), z -> z, d, 160_000, new SplittableRandom(64)).standardError();
        assertEquals(4, se1 / se2, 0.2);
    }

    @Test
    void zeroWeightTermsVanishAndImpossibleClaimsCostInfinity() {
        assertEquals(0.0, ValueFunction.integrand(0, 1, 0), 0);    // D = 0 where there is no data: fine
        assertEquals(0.0, ValueFunction.integrand(1, 0, 1), 0);    // D = 1 where G puts no mass: fine
        assertEquals(Double.NEGATIVE_INFINITY, ValueFunction.integrand(1, 0, 0));
        assertEquals(Double.NEGATIVE_INFINITY, ValueFunction.integrand(0, 1, 1));
        assertEquals(Double.NEGATIVE_INFINITY,
                ValueFunction.monteCarlo(new double[] {1, 2}, new double[] {3, 4}, x -> x < 1.5 ? 0 : 0.5).value());
        assertThrows(IllegalArgumentException.class, () -> ValueFunction.integrand(1, 1, 1.5));
        assertEquals(0.0, ValueFunction.logitIntegrand(0, 1, Double.NEGATIVE_INFINITY), 0);
        assertEquals(-1000.0, ValueFunction.logitIntegrand(1, 0, -1000), 0);
        assertThrows(IllegalArgumentException.class, () -> ValueFunction.logitIntegrand(1, 1, Double.NaN));
        assertThrows(IllegalArgumentException.class,
                () -> ValueFunction.monteCarlo(new double[] {1, 2}, new double[] {3, 4}, x -> -0.1));
        assertThrows(IllegalArgumentException.class,
                () -> ValueFunction.integrated(new double[3], new double[3], new double[2], Grid1d.of(0, 1, 3)));
    }

    @Test
    void constantsAreTheOnesInThePaper() {
        assertEquals(Math.log(2), ValueFunction.LOG2, 0);
        assertEquals(2 * Math.log(2), ValueFunction.LOG4, 1e-15);
        assertEquals(ValueFunction.GLOBAL_MINIMUM, ValueFunction.cOfGFromJsd(0), 0);
        assertEquals(0.0, ValueFunction.cOfGFromJsd(Math.log(2)), 1e-15);
        assertTrue(new MonteCarloEstimate(-1.3851, 0.0042, 10_000).toString().startsWith("-1.385100 \u00b1 0.004200"));
    }
}
