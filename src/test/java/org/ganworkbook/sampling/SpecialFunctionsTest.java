package org.ganworkbook.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SpecialFunctionsTest {

    // reference values from an independent implementation (CPython's math.erf / math.erfc)
    @Test
    void erfMatchesReferenceValues() {
        assertEquals(0.0, SpecialFunctions.erf(0), 0);
        assertEquals(0.5204998778130465, SpecialFunctions.erf(0.5), 1e-15);
        assertEquals(0.8427007929497149, SpecialFunctions.erf(1), 1e-15);
        assertEquals(-0.8427007929497149, SpecialFunctions.erf(-1), 1e-15);
        assertEquals(0.9953222650189527, SpecialFunctions.erf(2), 1e-15);
        assertEquals(0.9999779095030014, SpecialFunctions.erf(3), 1e-15);
    }

    @Test
    void erfcKeepsRelativeAccuracyInTheTail() {
        assertRelative(0.15729920705028513, SpecialFunctions.erfc(1), 1e-14);
        assertRelative(2.2090496998585438e-05, SpecialFunctions.erfc(3), 1e-14);
        assertRelative(1.5374597944280349e-12, SpecialFunctions.erfc(5), 1e-14);
        assertRelative(2.088487583762545e-45, SpecialFunctions.erfc(10), 1e-13);
        assertRelative(1.8427007929497148, SpecialFunctions.erfc(-1), 1e-15);
        assertEquals(2.0, SpecialFunctions.erfc(-30), 0);
        assertEquals(0.0, SpecialFunctions.erfc(30), 0);
    }

    @Test
    void erfPlusErfcIsOneAcrossTheSwitchPoints() {
        for (double x = -6; x <= 6; x += 0.0625) {
            assertEquals(1.0, SpecialFunctions.erf(x) + SpecialFunctions.erfc(x), 2e-15, "x=" + x);
        }
    }

    @Test
    void normalCdfIsTheIntegralOfTheNormalPdf() {
        for (double u = -5; u <= 5; u += 0.5) {
            double integral = DensityChecks.simpson(SpecialFunctions::normalPdf, -40, u, 40001);
            assertEquals(integral, SpecialFunctions.normalCdf(u), 1e-12, "u=" + u);
        }
        assertEquals(0.5, SpecialFunctions.normalCdf(0), 1e-16);
        assertRelative(7.619853024160593e-24, SpecialFunctions.normalCdf(-10), 1e-13);
    }

    @Test
    void logSumExpIsStableAndHandlesMinusInfinity() {
        assertEquals(Math.log(3), SpecialFunctions.logSumExp(Math.log(1), Math.log(2)), 1e-15);
        assertEquals(1000 + Math.log(2), SpecialFunctions.logSumExp(1000, 1000), 1e-12);
        assertEquals(-1000 + Math.log(2), SpecialFunctions.logSumExp(-1000, -1000), 1e-12);
        assertEquals(5.0, SpecialFunctions.logSumExp(5, Double.NEGATIVE_INFINITY), 0);
        assertEquals(Double.NEGATIVE_INFINITY, SpecialFunctions.logSumExp(Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY));
        assertTrue(Double.isNaN(SpecialFunctions.erf(Double.NaN)));
    }

    private static void assertRelative(double expected, double actual, double rel) {
        assertEquals(expected, actual, rel * Math.abs(expected), "expected " + expected + ", got " + actual);
    }
}
