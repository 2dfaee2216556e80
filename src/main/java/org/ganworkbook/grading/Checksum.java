package org.ganworkbook.grading;

import com.google.gson.JsonObject;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The checksum nbgrader stores in {@code metadata.nbgrader.checksum} of released notebooks: the MD5
 * (hex) of, in this order, the cell's source, its type, whether it is a grade cell, a solution cell and
 * a locked cell (Python's {@code True}/{@code False}), its {@code grade_id}, and for grade cells its
 * points as Python prints a float ({@code 2.0}). "Locked" is nbgrader's reading of it: never for a
 * solution cell, always for a grade cell, otherwise the flag.
 *
 * <p>nbgrader compares it with the checksum of what a student handed in: an unchanged written answer
 * then scores 0 without a human looking at it, and a changed test cell is reported. Written here so
 * that released notebooks carry the same value {@code nbgrader generate_assignment} would write.
 */
public final class Checksum {

    private Checksum() {
    }

    /** The checksum of a cell with nbgrader metadata; throws if it has none or no grade_id. */
    public static String of(JsonObject cell) {
        NbgraderCell m = NbgraderCell.of(cell).orElseThrow(() ->
                new IllegalArgumentException("the cell has no nbgrader metadata"));
        if (m.gradeId() == null) {
            throw new IllegalArgumentException("the cell has no grade_id");
        }
        StringBuilder text = new StringBuilder();
        text.append(Ipynb.source(cell));
        text.append(Ipynb.cellType(cell));
        text.append(pythonBool(m.grade()));
        text.append(pythonBool(m.solution()));
        text.append(pythonBool(!m.solution() && (m.grade() || m.locked())));
        text.append(m.gradeId());
        if (m.grade()) {
            text.append(pythonFloat(m.points()));
        }
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no MD5", e);
        }
    }

    private static String pythonBool(boolean b) {
        return b ? "True" : "False";
    }

    /**
     * {@code str(float(x))} as Python prints it for the values points take: plain decimals with at least
     * one digit after the point ({@code 2.0}, {@code 0.5}) between 1e-4 and 1e16, exponent form outside.
     */
    static String pythonFloat(double x) {
        if (Double.isNaN(x)) {
            return "nan";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "inf" : "-inf";
        }
        if (x == 0) {
            return 1 / x < 0 ? "-0.0" : "0.0";
        }
        double a = Math.abs(x);
        BigDecimal shortest = new BigDecimal(Double.toString(x)).stripTrailingZeros();
        if (a >= 1e-4 && a < 1e16) {
            String plain = shortest.toPlainString();
            return plain.contains(".") ? plain : plain + ".0";
        }
        // Python: mantissa without a trailing ".0", exponent with a sign and at least two digits (1e-05, 1e+16)
        String mantissa = shortest.unscaledValue().abs().toString();
        int exponent = mantissa.length() - 1 - shortest.scale();
        String digits = mantissa.length() == 1 ? mantissa : mantissa.charAt(0) + "." + mantissa.substring(1);
        return (x < 0 ? "-" : "") + digits + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
    }
}
