package org.ganworkbook.grading;

import org.ganworkbook.numeric.FiniteDifferences;

import java.util.Locale;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * Checks for the autograder-test cells of the assignments: each one returns quietly when the student's
 * result is right and otherwise throws a {@link CheckFailure} whose message says what was checked, what
 * was expected, what came back and, where given, a hint. Written for nbgrader's rules: a test fails by
 * throwing (Java's {@code assert} is off in the kernel), every method returns {@code void} (a test cell
 * that ends with a number would be read as partial credit), and nothing is ever printed (any stderr
 * output scores the cell 0).
 *
 * <pre>
 * Check.close("V with D = 1/2 everywhere", -Math.log(4), valueEstimate(dReal, dFake), 1e-12);
 * Check.gradient("dL/dz", z -&gt; loss(z), z, backward(z), 1e-6);
 * </pre>
 */
public final class Check {

    private Check() {
    }

    /** Fails unless |actual - expected| &le; tolerance (NaN never passes). */
    public static void close(String what, double expected, double actual, double tolerance) {
        close(what, expected, actual, tolerance, null);
    }

    /** {@link #close(String, double, double, double)} with a hint added to the failure message. */
    public static void close(String what, double expected, double actual, double tolerance, String hint) {
        if (Double.isNaN(actual) || !(Math.abs(actual - expected) <= tolerance) && !(actual == expected)) {
            throw failure(what + ": expected " + fmt(expected) + within(tolerance) + ", got " + fmt(actual)
                    + describe(expected, actual), hint);
        }
    }

    /** Fails unless |actual - expected| &le; relative · |expected| (for values of any size). */
    public static void closeRelative(String what, double expected, double actual, double relative) {
        closeRelative(what, expected, actual, relative, null);
    }

    /** {@link #closeRelative(String, double, double, double)} with a hint. */
    public static void closeRelative(String what, double expected, double actual, double relative, String hint) {
        if (Double.isNaN(actual) || !(Math.abs(actual - expected) <= relative * Math.abs(expected)) && !(actual == expected)) {
            throw failure(what + ": expected " + fmt(expected) + " (within a relative " + fmt(relative) + "), got "
                    + fmt(actual) + describe(expected, actual), hint);
        }
    }

    /** Fails unless the arrays have the same length and agree within {@code tolerance} value by value. */
    public static void close(String what, double[] expected, double[] actual, double tolerance) {
        close(what, expected, actual, tolerance, null);
    }

    /** {@link #close(String, double[], double[], double)} with a hint. */
    public static void close(String what, double[] expected, double[] actual, double tolerance, String hint) {
        length(what, expected.length, actual);
        int bad = 0;
        int first = -1;
        for (int i = 0; i < expected.length; i++) {
            boolean ok = !Double.isNaN(actual[i])
                    && (Math.abs(actual[i] - expected[i]) <= tolerance || actual[i] == expected[i]);
            if (!ok) {
                bad++;
                if (first < 0) {
                    first = i;
                }
            }
        }
        if (bad > 0) {
            throw failure(what + "[" + first + "]: expected " + fmt(expected[first]) + within(tolerance) + ", got "
                    + fmt(actual[first]) + describe(expected[first], actual[first]) + " (" + bad + " of "
                    + expected.length + " values are off)", hint);
        }
    }

    /** Fails unless {@code actual} is not null and has {@code expected} values. */
    public static void length(String what, int expected, double[] actual) {
        if (actual == null) {
            throw failure(what + ": expected an array of " + expected + " values, got null", null);
        }
        if (actual.length != expected) {
            throw failure(what + ": expected an array of " + expected + " values, got " + actual.length, null);
        }
    }

    /** Fails unless the two are equal (numbers, strings, records, ... by {@code equals}). */
    public static void equal(String what, Object expected, Object actual) {
        equal(what, expected, actual, null);
    }

    /** {@link #equal(String, Object, Object)} with a hint. */
    public static void equal(String what, Object expected, Object actual, String hint) {
        if (!Objects.equals(expected, actual)) {
            throw failure(what + ": expected " + show(expected) + ", got " + show(actual), hint);
        }
    }

    /** Fails with {@code message} unless {@code condition} holds. */
    public static void isTrue(boolean condition, String message) {
        if (!condition) {
            throw failure(message, null);
        }
    }

    /** Fails unless {@code value} is a finite number (not NaN, not infinite). */
    public static void finite(String what, double value) {
        finite(what, value, null);
    }

    /** {@link #finite(String, double)} with a hint. */
    public static void finite(String what, double value, String hint) {
        if (!Double.isFinite(value)) {
            throw failure(what + ": expected a finite number, got " + fmt(value) + describe(0, value), hint);
        }
    }

    /**
     * Fails unless {@code code} throws a {@code type} (or a subclass); for checking that bad input is
     * rejected.
     */
    public static void fails(String what, Class<? extends Throwable> type, Runnable code) {
        try {
            code.run();
        } catch (Throwable t) {
            if (type.isInstance(t)) {
                return;
            }
            throw failure(what + ": expected " + type.getSimpleName() + ", but " + t.getClass().getSimpleName()
                    + " was thrown: " + t.getMessage(), null);
        }
        throw failure(what + ": expected " + type.getSimpleName() + ", but nothing was thrown", null);
    }

    // ---------------------------------------------------------------- gradients

    /**
     * Central finite differences of f at x: {@code g_i = (f(x + h e_i) - f(x - h e_i)) / 2h}, a new array.
     * x is changed one coordinate at a time while f runs and restored exactly afterwards.
     */
    public static double[] numericGradient(ToDoubleFunction<double[]> f, double[] x, double h) {
        return FiniteDifferences.gradient(f, x, h);
    }

    /**
     * Fails unless the analytic gradient agrees with the numeric one, coordinate by coordinate:
     * |analytic_i - numeric_i| &le; tolerance · max(1, |numeric_i|) (absolute for small values,
     * relative for large ones).
     */
    public static void gradient(String what, double[] analytic, double[] numeric, double tolerance) {
        length(what + " (your gradient)", numeric.length, analytic);
        int bad = 0;
        int worst = -1;
        double worstExcess = 0;
        for (int i = 0; i < numeric.length; i++) {
            double allowed = tolerance * Math.max(1, Math.abs(numeric[i]));
            double diff = Math.abs(analytic[i] - numeric[i]);
            if (Double.isNaN(analytic[i]) || !(diff <= allowed)) {
                bad++;
                double excess = Double.isNaN(diff) ? Double.POSITIVE_INFINITY : diff / allowed;
                if (worst < 0 || excess > worstExcess) {
                    worst = i;
                    worstExcess = excess;
                }
            }
        }
        if (bad > 0) {
            throw failure(what + ": component " + worst + " is " + fmt(analytic[worst]) + " from your backward pass but "
                    + fmt(numeric[worst]) + " by finite differences (allowed difference "
                    + fmt(tolerance * Math.max(1, Math.abs(numeric[worst]))) + "); " + bad + " of " + numeric.length
                    + " components disagree", "finite differences estimate each component as (L(x + h e_i) - "
                    + "L(x - h e_i)) / 2h; a sign error or a gradient sent to the wrong place shows up here");
        }
    }

    /** Numeric gradient of {@code f} at {@code x} (step 1e-6) compared with {@code analytic}. */
    public static void gradient(String what, ToDoubleFunction<double[]> f, double[] x, double[] analytic, double tolerance) {
        gradient(what, analytic, numericGradient(f, x, 1e-6), tolerance);
    }

    // ---------------------------------------------------------------- messages

    private static CheckFailure failure(String message, String hint) {
        return new CheckFailure(hint == null || hint.isBlank() ? message : message + ". Hint: " + hint);
    }

    private static String within(double tolerance) {
        return tolerance == 0 ? " exactly" : " (within " + fmt(tolerance) + ")";
    }

    private static String describe(double expected, double actual) {
        if (Double.isNaN(actual)) {
            return " (not a number: look for 0/0, the log of a negative number, or 0 * infinity)";
        }
        if (Double.isInfinite(actual)) {
            return actual < 0 ? " (minus infinity: a log(0) somewhere? an exp that underflowed to 0?)"
                    : " (infinity: an exp that overflowed, or a division by 0?)";
        }
        if (expected != 0 && actual != 0 && Math.signum(expected) != Math.signum(actual)) {
            return "; the sign is wrong";
        }
        return "; off by " + fmt(Math.abs(actual - expected));
    }

    /** A number as people read it: up to 10 significant digits, no trailing zeros. */
    static String fmt(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = String.format(Locale.ROOT, "%.10g", v);
        if (s.contains("e")) {
            String mantissa = s.substring(0, s.indexOf('e'));
            String exponent = s.substring(s.indexOf('e'));
            return trimZeros(mantissa) + exponent.replace("e+0", "e+").replace("e-0", "e-");
        }
        return trimZeros(s);
    }

    private static String trimZeros(String s) {
        if (!s.contains(".")) {
            return s;
        }
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    private static String show(Object o) {
        if (o instanceof String s) {
            return "\"" + s + "\"";
        }
        if (o instanceof Double d) {
            return fmt(d);
        }
        return String.valueOf(o);
    }
}
