package org.ganworkbook.workbook;

import java.util.Locale;

/**
 * How much work a notebook may do. {@link #FULL} runs the experiments as the paper describes them;
 * {@link #SMOKE} shrinks them (few steps, small samples) so that CI can execute every notebook top
 * to bottom in minutes. Chosen by the environment variable {@code GANWB_BUDGET} ({@code smoke} or
 * {@code full}; unset means full). A notebook asks for its sizes through {@link #pick}:
 *
 * <pre>{@code
 * int epochs = Budget.current().pick(1, 100);   // 1 under CI, 100 otherwise
 * }</pre>
 */
public enum Budget {
    /** A small, fast run that only proves the code works. */
    SMOKE,
    /** The real run. */
    FULL;

    /** Environment variable that selects the budget. */
    public static final String ENV = "GANWB_BUDGET";

    /** @return the budget selected by {@code GANWB_BUDGET} (default {@link #FULL}) */
    public static Budget current() {
        return parse(System.getenv(ENV));
    }

    /**
     * @param value {@code smoke}, {@code full} (any case), or null/blank for the default
     * @return the budget
     * @throws IllegalArgumentException for any other value
     */
    public static Budget parse(String value) {
        if (value == null || value.isBlank()) {
            return FULL;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "smoke" -> SMOKE;
            case "full" -> FULL;
            default -> throw new IllegalArgumentException(ENV + " must be 'smoke' or 'full', not '" + value
                    + "'. Unset it for the full run.");
        };
    }

    /** @return true for {@link #SMOKE} */
    public boolean isSmoke() {
        return this == SMOKE;
    }

    /** @return {@code smoke} under the smoke budget, else {@code full} */
    public int pick(int smoke, int full) {
        return isSmoke() ? smoke : full;
    }

    /** @return {@code smoke} under the smoke budget, else {@code full} */
    public long pick(long smoke, long full) {
        return isSmoke() ? smoke : full;
    }

    /** @return {@code smoke} under the smoke budget, else {@code full} */
    public double pick(double smoke, double full) {
        return isSmoke() ? smoke : full;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
