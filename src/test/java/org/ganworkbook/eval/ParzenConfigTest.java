package org.ganworkbook.eval;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParzenConfigTest {

    /** repr() of numpy.logspace(-1, 0, 10), numpy 1.24.2 (Debian python3-numpy). */
    private static final double[] NUMPY_PAPER_GRID = {
            0.09999999999999999, 0.1291549665014884, 0.16681005372000587, 0.21544346900318834,
            0.2782559402207124, 0.35938136638046275, 0.46415888336127786, 0.5994842503189408,
            0.7742636826811269, 1.0};

    @Test
    void paperGridEqualsNumpyLogspace() {
        double[] sigmas = ParzenConfig.paperMnist().sigmas();
        assertEquals(10, sigmas.length);
        for (int i = 0; i < 10; i++) {
            assertEquals(NUMPY_PAPER_GRID[i], sigmas[i], 1e-12, "sigma " + i);
        }
        // the values paper-setup.md lists, to its 4 digits
        double[] listed = {0.1, 0.1292, 0.1668, 0.2154, 0.2783, 0.3594, 0.4642, 0.5995, 0.7743, 1.0};
        for (int i = 0; i < 10; i++) {
            assertEquals(listed[i], sigmas[i], 5e-5);
        }
    }

    @Test
    void logspaceFollowsNumpyIncludingDecreasingAndOnePointGrids() {
        // numpy.logspace(-2, 1, 7), (0.5, -0.5, 4), (-1, 0, 1), numpy 1.24.2
        assertGrid(new double[]{0.01, 0.03162277660168379, 0.09999999999999999, 0.31622776601683794, 1.0,
                3.162277660168379, 10.0}, ParzenConfig.logspace(-2, 1, 7));
        assertGrid(new double[]{3.162277660168379, 1.4677992676220697, 0.6812920690579614, 0.31622776601683794},
                ParzenConfig.logspace(0.5, -0.5, 4));
        assertGrid(new double[]{0.09999999999999999}, ParzenConfig.logspace(-1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> ParzenConfig.logspace(-1, 0, 0));
    }

    private static void assertGrid(double[] expected, double[] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-12 * expected[i], "point " + i);
        }
    }

    @Test
    void paperConfigsMirrorParzenLlPy() {
        ParzenConfig mnist = ParzenConfig.paperMnist();
        assertEquals(10_000, mnist.numSamples());
        assertEquals(1_000, mnist.validationLimit());
        assertEquals(1_000, mnist.validationRows(10_000));
        assertEquals(500, mnist.validationRows(500));
        ParzenConfig tfd = ParzenConfig.paperTfd();
        assertEquals(10_000, tfd.numSamples());
        assertEquals(3_000, tfd.validationRows(3_000));
        assertEquals(tfd.sigmaCount(), mnist.sigmaCount());
        assertTrue(tfd.toString().contains("validationLimit=all"), tfd.toString());
        assertTrue(mnist.toString().contains("numSamples=10000"), mnist.toString());
        assertEquals(500, mnist.withNumSamples(500).numSamples());
        assertEquals(20, mnist.withValidationLimit(20).validationLimit());
        assertThrows(IllegalArgumentException.class, () -> mnist.withNumSamples(0));
        assertThrows(IllegalArgumentException.class, () -> mnist.withValidationLimit(0));
        assertThrows(IllegalArgumentException.class, () -> new ParzenConfig(10, 10, Double.NaN, 0, 10));
    }

    @Test
    void anotherSigmaGridKeepsTheRestOfTheProtocol() {
        ParzenConfig fine = ParzenConfig.paperMnist().withSigmaGrid(-0.9, -0.65, 11);
        assertEquals(ParzenConfig.paperMnist().numSamples(), fine.numSamples());
        assertEquals(ParzenConfig.paperMnist().validationLimit(), fine.validationLimit());
        assertGrid(ParzenConfig.logspace(-0.9, -0.65, 11), fine.sigmas());
        assertEquals(Math.pow(10, -0.9), fine.sigmas()[0], 1e-15);
    }
}
