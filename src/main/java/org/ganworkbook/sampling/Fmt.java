package org.ganworkbook.sampling;

import java.math.BigDecimal;
import java.math.MathContext;

/** Short number formatting for {@code toString}: integers without ".0", others with 6 significant digits. */
final class Fmt {

    private Fmt() {
    }

    static String num(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        if (v == 0) {
            return "0";
        }
        BigDecimal b = new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros();
        double a = Math.abs(v);
        return a >= 1e-4 && a < 1e7 ? b.toPlainString() : b.toString();
    }
}
