package org.ganworkbook.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.ganworkbook.nn.Activation;
import org.ganworkbook.nn.DenseSpec;
import org.ganworkbook.nn.Mlp;
import org.ganworkbook.sampling.Gaussian1d;
import org.ganworkbook.sampling.NoisePrior;
import org.junit.jupiter.api.Test;

class Game1dTest {

    private static final Grid1d GRID = Grid1d.of(-8, 10, 1801);

    /** x -> a x + b applied element-wise. */
    private static UnaryOperator<double[]> affine(double a, double b) {
        return v -> {
            for (int i = 0; i < v.length; i++) {
                v[i] = a * v[i] + b;
            }
            return v;
        };
    }

    @Test
    void generatorThatReproducesTheDataGivesZeroJsdAndTheGlobalMinimum() {
        // z ~ N(0,1), G(z) = 0.5 z + 2  =>  p_g = N(2, 0.5^2) = p_data; D = sigmoid(0) = 1/2
        Gaussian1d pData = Gaussian1d.of(2, 0.5);
        Game1d game = Game1d.of(affine(0.5, 2), v -> new double[v.length], NoisePrior.gaussian(), pData, GRID,
                400_000, 25);
        assertEquals(0.0, game.jsd(), 2e-4);
        assertEquals(ValueFunction.GLOBAL_MINIMUM, game.cOfG(), 4e-4);
        assertEquals(0.0, game.maxDistanceFromHalf(game.bulk(0.98)), 1e-12);
        assertEquals(0.5, game.meanDOnData(), 1e-9);
        double[] dStar = game.dStar();
        double[] x = game.x();
        for (int i = 0; i < x.length; i++) {
            if (Math.abs(x[i] - 2) < 1) {   // two sd: both densities well resolved
                assertEquals(0.5, dStar[i], 0.02, "D* at " + x[i]);
            }
        }
    }

    @Test
    void pgAgreesWithTheExactPushforwardAndJsdWithTheDensities() {
        // p_g = N(-1, 1) from an affine G; p_data = N(2, 0.5^2)
        Gaussian1d pData = Gaussian1d.of(2, 0.5);
        Gaussian1d pG = Gaussian1d.of(-1, 1);
        Game1d game = Game1d.of(affine(1, -1), v -> new double[v.length], NoisePrior.gaussian(), pData, GRID,
                400_000, 25);
        double[] x = game.x();
        double[] pg = game.pG();
        for (int i = 0; i < x.length; i++) {
            assertEquals(pG.pdf(x[i]), pg[i], 3e-3, "p_g at " + x[i]);
        }
        double exactJsd = Divergences.jsd(GRID.pdf(pData), GRID.pdf(pG), GRID);
        assertEquals(exactJsd, game.jsd(), 2e-3);
        // Theorem 1 on the snapshot itself
        assertEquals(-Math.log(4) + 2 * game.jsd(), game.cOfG(), 1e-6);
        // D* = p_data / (p_data + p_g), pointwise
        double[] pd = game.pData();
        double[] dStar = game.dStar();
        for (int i = 0; i < x.length; i += 50) {
            if (pd[i] + pg[i] > 1e-6) {
                assertEquals(pd[i] / (pd[i] + pg[i]), dStar[i], 1e-12);
            }
        }
    }

    @Test
    void discriminatorIsTheSigmoidOfTheLogitAndDistancesReadIt() {
        Gaussian1d pData = Gaussian1d.of(0, 1);
        // logit = x: D = sigmoid(x); on [-1, 1] the largest |D - 1/2| is sigmoid(1) - 1/2
        Game1d game = Game1d.of(affine(1, 0), v -> v, NoisePrior.gaussian(), pData, GRID, 100_000, 25);
        double[] d = game.d();
        double[] x = game.x();
        for (int i = 0; i < x.length; i += 37) {
            assertEquals(1 / (1 + Math.exp(-x[i])), d[i], 1e-12);
        }
        assertEquals(1 / (1 + Math.exp(-1)) - 0.5, game.maxDistanceFromHalf(new Game1d.Interval(-1, 1)), 1e-12);
        // p_g = p_data here, so D* ~ 1/2 and |D - D*| on [-1, 1] is about the same
        assertEquals(1 / (1 + Math.exp(-1)) - 0.5, game.maxDistanceFromOptimal(new Game1d.Interval(-1, 1)), 0.01);
        // E[sigmoid(x)] for x ~ N(0,1) is 1/2 by symmetry
        assertEquals(0.5, game.meanDOnData(), 1e-9);
    }

    @Test
    void mixtureAveragesOfTheDistancesToHalfAndToDStar() {
        // p_data = p_g = N(0,1), D = sigmoid(x): D* = 1/2, so both averages are E|sigmoid(x) - 1/2|, x ~ N(0,1)
        Gaussian1d pData = Gaussian1d.of(0, 1);
        Game1d game = Game1d.of(affine(1, 0), v -> v, NoisePrior.gaussian(), pData, GRID, 400_000, 25);
        double expected = GRID.integrate(x -> pData.pdf(x) * Math.abs(1 / (1 + Math.exp(-x)) - 0.5));
        assertEquals(expected, game.meanDistanceFromHalf(), 2e-5);   // the mixture holds the binned p_g
        assertEquals(expected, game.meanDistanceFromOptimal(), 2e-3);
        // D = 1/2 everywhere, p_g = p_data: both vanish
        Game1d equilibrium = Game1d.of(affine(1, 0), v -> new double[v.length], NoisePrior.gaussian(), pData, GRID,
                400_000, 25);
        assertEquals(0.0, equilibrium.meanDistanceFromHalf(), 1e-12);
        assertEquals(0.0, equilibrium.meanDistanceFromOptimal(), 2e-3);
    }

    @Test
    void bulkHoldsTheRequestedMassOfTheMixture() {
        // p_data = p_g = N(0,1): the central 98% is about +-2.326
        Gaussian1d pData = Gaussian1d.of(0, 1);
        Game1d game = Game1d.of(affine(1, 0), v -> new double[v.length], NoisePrior.gaussian(), pData, GRID,
                400_000, 25);
        Game1d.Interval bulk = game.bulk(0.98);
        assertEquals(-2.326, bulk.lo(), 0.03);
        assertEquals(2.326, bulk.hi(), 0.03);
        assertThrows(IllegalArgumentException.class, () -> game.bulk(1.0));
    }

    @Test
    void massOutsideTheGridIsReported() {
        // p_g = N(9, 1) on a grid ending at 10: the mass beyond 10 + h/2 (about 16%) is outside
        Gaussian1d pData = Gaussian1d.of(0, 1);
        Game1d game = Game1d.of(affine(1, 9), v -> new double[v.length], NoisePrior.gaussian(), pData, GRID,
                400_000, 25);
        double h = GRID.step();
        double expected = 1 - Gaussian1d.of(9, 1).cdf(10 + h / 2);
        assertEquals(expected, game.massOutside(), 2e-3);
    }

    @Test
    void arrowsMapQuantilesOfThePriorThroughG() {
        Game1d game = Game1d.of(affine(-0.5, 2), v -> new double[v.length], NoisePrior.uniformPaper(),
                Gaussian1d.of(2, 0.5), GRID, 100_000, 10);
        double[] z = game.arrowZ();
        double[] x = game.arrowX();
        assertEquals(10, z.length);
        for (int i = 0; i < z.length; i++) {
            assertEquals(-0.5 * z[i] + 2, x[i], 1e-9);
        }
        assertEquals(-Math.sqrt(3), game.zMin(), 1e-12);
        assertEquals(Math.sqrt(3), game.zMax(), 1e-12);
    }

    @Test
    void networksAreRunOnePointPerRowAndMustBeOneDimensional() {
        Mlp g = Mlp.build(1, List.of(DenseSpec.of(4, Activation.TANH), DenseSpec.of(1, Activation.IDENTITY)),
                new SplittableRandom(1));
        Mlp d = Mlp.build(1, List.of(DenseSpec.of(4, Activation.TANH), DenseSpec.of(1, Activation.SIGMOID)),
                new SplittableRandom(2));
        Game1d game = Game1d.of(g, d, NoisePrior.uniformPaper(), Gaussian1d.of(0, 1), Grid1d.of(-5, 5, 101));
        double[] dx = game.d();
        for (double v : dx) {
            assertTrue(v > 0 && v < 1);
        }
        // more points than one chunk: the batch function must fill every row
        double[] in = new double[5000];
        for (int i = 0; i < in.length; i++) {
            in[i] = -2 + 4.0 * i / in.length;
        }
        double[] out = g.apply(in.clone());
        double[] one = g.apply(new double[] {in[4500]});
        assertEquals(one[0], out[4500], 1e-6);
        Mlp wide = Mlp.build(2, List.of(DenseSpec.of(1, Activation.SIGMOID)), new SplittableRandom(3));
        assertThrows(IllegalArgumentException.class,
                () -> Game1d.of(g, wide, NoisePrior.uniformPaper(), Gaussian1d.of(0, 1), Grid1d.of(-5, 5, 101)));
    }
}
