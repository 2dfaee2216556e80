package org.ganworkbook.workbook;

import org.ganworkbook.kernel.Displayable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What a notebook's prose relies on, held against what this run computed. A notebook's text says
 * things like "about 30 distinct training faces" or "the frozen-D generator covers fewer modes";
 * such statements are written once, while the numbers are recomputed on every machine, seed and BLAS
 * kernel. The notebook's last cell therefore records each number the text relies on together with the
 * range the text states:
 *
 * <pre>{@code
 * Claims.of("08-faces")
 *       .between("distinct nearest training faces (of 300 samples)", distinct, 5, 60)
 *       .atLeast("modes covered, k = 1 minus frozen D", k1 - frozen, 1)
 *       .onlyAt(Budget.FULL).between("Parzen log-likelihood (nats)", ll, 300, 800)
 * }</pre>
 *
 * <p>As a cell's value it shows a small table, "what the text above relied on, and whether this run
 * agrees". A claim outside its range never throws (a learner's run goes on, the table marks it
 * clearly); the test harness reads the machine-readable form ({@link #json()}, emitted as
 * {@code application/json} next to the HTML) of the executed notebooks and fails there, naming the
 * notebook, the claim, the value and the range. A claim can be limited to one budget with
 * {@link #onlyAt(Budget)} (a smoke run trains too little for most claims); elsewhere it is listed as
 * "not checked".
 */
public final class Claims implements Displayable {

    /** The key that marks the JSON form as a claims table (what the harness looks for). */
    public static final String JSON_MARKER = "ganworkbook.claims";

    /** How one claim came out in this run. */
    public enum Status {
        /** The value lies in the stated range. */
        HOLDS,
        /** The value lies outside the stated range (or is not a number). */
        OFF,
        /** The claim applies to another budget only. */
        NOT_CHECKED
    }

    /**
     * One statement of the text: {@code low <= value <= high} at the budgets in {@code budgets}.
     * An infinite bound means "no bound on that side".
     */
    public record Claim(String what, double value, double low, double high, Set<Budget> budgets, Status status) {
    }

    private final String notebook;
    private final Budget budget;
    private final List<Claim> claims;
    private final Set<Budget> appliesTo;

    private Claims(String notebook, Budget budget, List<Claim> claims, Set<Budget> appliesTo) {
        this.notebook = notebook;
        this.budget = budget;
        this.claims = claims;
        this.appliesTo = appliesTo;
    }

    /** An empty table for {@code notebook} (its file name without .ipynb), at the current budget. */
    public static Claims of(String notebook) {
        return of(notebook, Budget.current());
    }

    /** An empty table for {@code notebook}, checked as if running at {@code budget}. */
    public static Claims of(String notebook, Budget budget) {
        if (notebook == null || notebook.isBlank()) {
            throw new IllegalArgumentException("notebook: give the notebook's name, e.g. \"06-mode-collapse\"");
        }
        return new Claims(notebook.trim(), Objects.requireNonNull(budget, "budget"), new ArrayList<>(),
                EnumSet.allOf(Budget.class));
    }

    /**
     * The same table, but the claims added through the returned view apply only at {@code only}: at
     * the other budget they are listed as not checked.
     */
    public Claims onlyAt(Budget only) {
        return new Claims(notebook, budget, claims, EnumSet.of(Objects.requireNonNull(only, "budget")));
    }

    /** The text says {@code low <= value <= high}. */
    public Claims between(String what, double value, double low, double high) {
        if (what == null || what.isBlank()) {
            throw new IllegalArgumentException("what: say in a few words what the number is");
        }
        if (Double.isNaN(low) || Double.isNaN(high) || low > high) {
            throw new IllegalArgumentException("claim '" + what + "': the range [" + low + ", " + high
                    + "] is empty; give low <= high");
        }
        Status status = !appliesTo.contains(budget) ? Status.NOT_CHECKED
                : value >= low && value <= high ? Status.HOLDS : Status.OFF;
        claims.add(new Claim(what.trim(), value, low, high, Collections.unmodifiableSet(EnumSet.copyOf(appliesTo)),
                status));
        return this;
    }

    /** The text says {@code value >= low}. */
    public Claims atLeast(String what, double value, double low) {
        return between(what, value, low, Double.POSITIVE_INFINITY);
    }

    /** The text says {@code value <= high}. */
    public Claims atMost(String what, double value, double high) {
        return between(what, value, Double.NEGATIVE_INFINITY, high);
    }

    /** The text says that {@code condition} holds (shown as 1 = yes, 0 = no). */
    public Claims holds(String what, boolean condition) {
        return between(what, condition ? 1 : 0, 1, 1);
    }

    /** @return the notebook's name */
    public String notebook() {
        return notebook;
    }

    /** @return the budget the claims were checked at */
    public Budget budget() {
        return budget;
    }

    /** @return the claims in the order they were added */
    public List<Claim> claims() {
        return List.copyOf(claims);
    }

    /** @return the claims that are checked at this budget and do not hold */
    public List<Claim> off() {
        return claims.stream().filter(c -> c.status() == Status.OFF).toList();
    }

    /** @return true if every claim checked at this budget holds */
    public boolean allHold() {
        return off().isEmpty();
    }

    /** The range as a reader would write it: "20 to 60", "at least 1", "yes". */
    static String range(Claim c) {
        boolean lo = Double.isFinite(c.low());
        boolean hi = Double.isFinite(c.high());
        if (isYesNo(c)) {
            return "yes";
        }
        if (lo && hi && c.low() == c.high()) {
            return number(c.low());
        }
        if (lo && hi) {
            return number(c.low()) + " to " + number(c.high());
        }
        if (lo) {
            return "at least " + number(c.low());
        }
        if (hi) {
            return "at most " + number(c.high());
        }
        return "any";
    }

    static String value(Claim c) {
        if (isYesNo(c)) {
            return c.value() == 1 ? "yes" : "no";
        }
        return number(c.value());
    }

    private static boolean isYesNo(Claim c) {
        return c.low() == 1 && c.high() == 1 && (c.value() == 0 || c.value() == 1);
    }

    static String number(double x) {
        if (Double.isNaN(x)) {
            return "NaN";
        }
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return String.format(Locale.ROOT, "%d", (long) x);
        }
        double a = Math.abs(x);
        if (a >= 100) {
            return String.format(Locale.ROOT, "%.1f", x);
        }
        if (a >= 0.01) {
            return String.format(Locale.ROOT, "%.3f", x);
        }
        return String.format(Locale.ROOT, "%.3g", x);
    }

    private String statusText(Claim c) {
        return switch (c.status()) {
            case HOLDS -> "agrees";
            case OFF -> "DOES NOT AGREE";
            case NOT_CHECKED -> "not checked at the " + budget + " budget";
        };
    }

    private String headline() {
        List<Claim> off = off();
        return off.isEmpty()
                ? "What the text above relied on, and whether this run agrees (" + budget + " budget): it does."
                : "What the text above relied on, and whether this run agrees (" + budget + " budget): "
                        + off.size() + " of " + claims.size() + " claims do NOT hold in this run. The text describes "
                        + "typical runs; read the outputs above, not the text, where they differ (and tell the "
                        + "workbook's maintainers: seed, machine, budget).";
    }

    /** The table as HTML (what a learner sees). */
    @Override
    public String html() {
        StringBuilder s = new StringBuilder();
        s.append("<div class=\"ganwb-claims\"><p><b>").append(escapeHtml(headline())).append("</b></p>\n");
        s.append("<table><thead><tr><th style=\"text-align:left\">the text relies on</th><th>stated range</th>"
                + "<th>this run</th><th></th></tr></thead><tbody>\n");
        for (Claim c : claims) {
            String colour = switch (c.status()) {
                case HOLDS -> "#1a7f37";
                case OFF -> "#c62828";
                case NOT_CHECKED -> "#777777";
            };
            String mark = switch (c.status()) {
                case HOLDS -> "&#10004; ";
                case OFF -> "&#10008; ";
                case NOT_CHECKED -> "";
            };
            s.append("<tr><td style=\"text-align:left\">").append(escapeHtml(c.what())).append("</td><td>")
                    .append(escapeHtml(range(c))).append("</td><td>").append(escapeHtml(value(c)))
                    .append("</td><td style=\"color:").append(colour).append(c.status() == Status.OFF
                            ? ";font-weight:bold" : "").append("\">").append(mark)
                    .append(escapeHtml(statusText(c))).append("</td></tr>\n");
        }
        s.append("</tbody></table></div>");
        return s.toString();
    }

    /** The table as plain text (what text-only clients and graders read). */
    @Override
    public String toString() {
        int w = claims.stream().mapToInt(c -> c.what().length()).max().orElse(10);
        int r = claims.stream().mapToInt(c -> range(c).length()).max().orElse(5);
        StringBuilder s = new StringBuilder(headline()).append('\n');
        for (Claim c : claims) {
            s.append(String.format(Locale.ROOT, "  %-" + w + "s  %-" + r + "s  %10s  %s%n", c.what(), range(c),
                    value(c), statusText(c)));
        }
        return s.toString().stripTrailing();
    }

    /**
     * The machine-readable form the test harness reads: {@code {"ganworkbook.claims": 1, "notebook": ...,
     * "budget": ..., "claims": [{"what", "value", "low", "high", "budgets", "status"}, ...]}}; an
     * infinite bound or a NaN value is {@code null}.
     */
    @Override
    public String json() {
        StringBuilder s = new StringBuilder("{\"").append(JSON_MARKER).append("\": 1, \"notebook\": ")
                .append(quote(notebook)).append(", \"budget\": ").append(quote(budget.toString()))
                .append(", \"claims\": [");
        for (int i = 0; i < claims.size(); i++) {
            Claim c = claims.get(i);
            s.append(i == 0 ? "" : ", ").append("{\"what\": ").append(quote(c.what()))
                    .append(", \"value\": ").append(jsonNumber(c.value()))
                    .append(", \"low\": ").append(jsonNumber(c.low()))
                    .append(", \"high\": ").append(jsonNumber(c.high()))
                    .append(", \"budgets\": [");
            int j = 0;
            for (Budget b : c.budgets()) {
                s.append(j++ == 0 ? "" : ", ").append(quote(b.toString()));
            }
            s.append("], \"status\": ").append(quote(c.status().name().toLowerCase(Locale.ROOT))).append('}');
        }
        return s.append("]}").toString();
    }

    private static String jsonNumber(double x) {
        return Double.isFinite(x) ? Double.toString(x) : "null";
    }

    private static String quote(String text) {
        StringBuilder s = new StringBuilder("\"");
        for (char ch : text.toCharArray()) {
            switch (ch) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        s.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
                    } else {
                        s.append(ch);
                    }
                }
            }
        }
        return s.append('"').toString();
    }

    private static String escapeHtml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
