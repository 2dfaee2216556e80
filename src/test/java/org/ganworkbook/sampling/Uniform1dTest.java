package org.ganworkbook.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Uniform1dTest {

    private final Uniform1d u = Uniform1d.of(-1, 3);

    @Test
    void pdfIsConstantOnTheSupportAndZeroOutside() {
        assertEquals(0.25, u.pdf(0), 0);
        assertEquals(0.25, u.pdf(-1), 0);
        assertEquals(0.25, u.pdf(3), 0);
        assertEquals(0.0, u.pdf(3.0001), 0);
        assertEquals(Math.log(0.25), u.logPdf(2), 1e-15);
        assertEquals(Double.NEGATIVE_INFINITY, u.logPdf(-2));
    }

    @Test
    void cdfIsLinearOnTheSupport() {
        assertEquals(0.0, u.cdf(-5), 0);
        assertEquals(0.5, u.cdf(1), 1e-15);
        assertEquals(1.0, u.cdf(7), 0);
        DensityChecks.assertCdfMatchesPdf(u, -1, 3, 1e-12);
    }

    @Test
    void momentsMatchTheClosedForms() {
        assertEquals(1.0, u.mean(), 0);
        assertEquals(16.0 / 12, u.variance(), 1e-15);
        // fourth central moment of U(a,b): (b-a)^4/80
        DensityChecks.assertMoments(u.sample(100_000, new SplittableRandom(7)), 1, 16.0 / 12, 256.0 / 80);
        DensityChecks.assertSamplesFollowCdf(u, 20_000, 8);
    }

    @Test
    void rejectsAnEmptyInterval() {
        assertThrows(IllegalArgumentException.class, () -> Uniform1d.of(1, 1));
        assertThrows(IllegalArgumentException.class, () -> Uniform1d.of(2, 1));
        assertThrows(IllegalArgumentException.class, () -> Uniform1d.of(0, Double.POSITIVE_INFINITY));
    }
}
