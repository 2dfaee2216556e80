package org.ganworkbook.grading;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckTest {

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private PrintStream savedErr;
    private PrintStream savedOut;

    @BeforeEach
    void captureStreams() {
        savedErr = System.err;
        savedOut = System.out;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    /** A graded cell that writes to stderr scores 0: passing and failing checks must print nothing at all. */
    @AfterEach
    void nothingWasPrinted() {
        System.setErr(savedErr);
        System.setOut(savedOut);
        assertEquals("", err.toString(StandardCharsets.UTF_8));
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    private static String message(Runnable check) {
        return assertThrows(CheckFailure.class, check::run).getMessage();
    }

    @Test
    void closeSaysWhatWasExpectedAndWhatCameBack() {
        assertDoesNotThrow(() -> Check.close("v", 1.0, 1.0 + 1e-10, 1e-9));
        assertDoesNotThrow(() -> Check.close("v", Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, 0));
        assertEquals("V: expected -1.386294361 (within 1e-9), got -0.6931471806; off by 0.6931471806",
                message(() -> Check.close("V", -Math.log(4), -Math.log(2), 1e-9)));
        assertTrue(message(() -> Check.close("V", 1, Double.NaN, 1)).contains("got NaN (not a number"));
        assertTrue(message(() -> Check.close("V", 1, Double.NEGATIVE_INFINITY, 1)).contains("minus infinity: a log(0)"));
        assertTrue(message(() -> Check.close("V", 0.5, -0.5, 1e-3)).contains("the sign is wrong"));
        assertTrue(message(() -> Check.close("D", 0.5, 0.25, 0, "handle 0/0")).endsWith(
                "expected 0.5 exactly, got 0.25; off by 0.25. Hint: handle 0/0"));
    }

    @Test
    void relativeTolerance() {
        assertDoesNotThrow(() -> Check.closeRelative("x", 1e-17, 1.0000001e-17, 1e-6));
        assertTrue(message(() -> Check.closeRelative("x", -1e-17, 0, 1e-6)).contains("expected -1e-17 (within a relative 1e-6), got 0"));
    }

    @Test
    void arraysPointAtTheFirstWrongValue() {
        assertDoesNotThrow(() -> Check.close("dz", new double[] {1, 2}, new double[] {1, 2}, 0));
        assertEquals("dz[1]: expected 2 exactly, got 3; off by 1 (2 of 3 values are off)",
                message(() -> Check.close("dz", new double[] {1, 2, 3}, new double[] {1, 3, 4}, 0)));
        assertEquals("dz: expected an array of 3 values, got 2",
                message(() -> Check.close("dz", new double[] {1, 2, 3}, new double[] {1, 2}, 0)));
        assertEquals("dz: expected an array of 3 values, got null", message(() -> Check.length("dz", 3, null)));
    }

    @Test
    void equalFiniteIsTrueAndFails() {
        assertDoesNotThrow(() -> Check.equal("n", 3, 3));
        assertEquals("n: expected 3, got 4", message(() -> Check.equal("n", 3, 4)));
        assertEquals("s: expected \"a\", got \"b\"", message(() -> Check.equal("s", "a", "b")));
        assertTrue(message(() -> Check.finite("L", Double.POSITIVE_INFINITY, "softplus")).endsWith(". Hint: softplus"));
        assertEquals("it broke", message(() -> Check.isTrue(false, "it broke")));
        assertDoesNotThrow(() -> Check.fails("neg", IllegalArgumentException.class, () -> {
            throw new IllegalArgumentException("no");
        }));
        assertEquals("neg: expected IllegalArgumentException, but nothing was thrown",
                message(() -> Check.fails("neg", IllegalArgumentException.class, () -> { })));
        assertEquals("neg: expected IllegalArgumentException, but ArithmeticException was thrown: / by zero",
                message(() -> Check.fails("neg", IllegalArgumentException.class, () -> {
                    throw new ArithmeticException("/ by zero");
                })));
    }

    @Test
    void numericGradientIsCentralAndRestoresTheInput() {
        double[] x = {1.0, -2.0, 0.5};
        double[] copy = x.clone();
        double[] g = Check.numericGradient(v -> v[0] * v[0] + 3 * v[1] + Math.sin(v[2]), x, 1e-5);
        assertArrayEquals(copy, x, 0);
        assertArrayEquals(new double[] {2, 3, Math.cos(0.5)}, g, 1e-8);
        assertThrows(IllegalArgumentException.class, () -> Check.numericGradient(v -> 0, x, 0));
    }

    @Test
    void gradientNamesTheWorstComponent() {
        double[] x = {1.0, 2.0};
        assertDoesNotThrow(() -> Check.gradient("dL", v -> v[0] * v[1], x, new double[] {2, 1}, 1e-6));
        String m = message(() -> Check.gradient("dL", v -> v[0] * v[1], x, new double[] {2, -1}, 1e-6));
        assertTrue(m.startsWith("dL: component 1 is -1 from your backward pass but 1 by finite differences"), m);
        assertTrue(m.contains("1 of 2 components disagree"), m);
        assertTrue(message(() -> Check.gradient("dL", new double[] {Double.NaN}, new double[] {0}, 1e-6))
                .contains("component 0 is NaN"));
    }
}
