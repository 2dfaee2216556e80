package org.ganworkbook.paper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A run's held-out Parzen scores, one CSV row per monitored epoch ({@value #FILE} in the run folder): the
 * record {@link HeldOutMonitor} keeps while {@code train} runs, and that notebook 07 draws.
 *
 * <p>Written so that a {@code kill -9} at any moment leaves a file that {@link #open} repairs: rows are
 * appended whole, one write each; a torn last line (no newline) is dropped, as are rows of epochs after the
 * checkpoint being resumed (they are recomputed, identically); an epoch already present is never appended
 * again. A run folder written before this file existed has {@value #LEGACY} (lines
 * {@code epoch 0550: held-out selection score 205.31 ± 2.36}, from {@code evaluate --no-test}); its scores are
 * imported once, with source {@value #LEGACY} and blank fields where that file says nothing.
 */
public final class HeldOutLog {

    /** The CSV file in a run folder. */
    public static final String FILE = "heldout.csv";
    /** The hand-kept file of older run folders, imported once. */
    public static final String LEGACY = "heldout.txt";
    /** The CSV's first line. */
    public static final String HEADER = "epoch,step,sigma,score,se,samples,sigmaImages,scoredImages,seconds,source";

    private static final Pattern LEGACY_LINE = Pattern.compile(
            "^epoch\\s+(\\d+):\\s+held-out selection score\\s+(-?[0-9.]+)\\s+±\\s+([0-9.]+)");

    /**
     * One monitoring point. Unknown numbers (imported rows) are NaN or -1 and written as blank fields.
     *
     * @param epoch         epochs completed when scored (0 = the initial generator)
     * @param step          iterations completed
     * @param sigma         the Parzen width chosen on the sigma images
     * @param score         mean log-likelihood (nats) of the scored held-out images at that sigma
     * @param standardError its standard error, std/√N
     * @param samples       generator samples used as kernel centres (the protocol: 10,000)
     * @param sigmaImages   held-out images that chose sigma (MNIST: valid[0:1000])
     * @param scoredImages  held-out images scored (MNIST: valid[1000:10000])
     * @param seconds       wall time of the evaluation
     * @param source        {@code train} or {@value #LEGACY}
     */
    public record Row(int epoch, long step, double sigma, double score, double standardError, int samples,
                      int sigmaImages, int scoredImages, double seconds, String source) {

        /** The CSV line, without a newline. */
        public String csv() {
            return String.join(",", Integer.toString(epoch), Long.toString(step), num(sigma, "%.6f"),
                    num(score, "%.4f"), num(standardError, "%.4f"), count(samples), count(sigmaImages),
                    count(scoredImages), num(seconds, "%.3f"), source);
        }

        static Row parse(String line) {
            String[] f = line.split(",", -1);
            if (f.length != 10) {
                throw new IllegalArgumentException("expected 10 comma-separated fields (" + HEADER + "), got "
                        + f.length + ": '" + line + "'");
            }
            return new Row(Integer.parseInt(f[0]), Long.parseLong(f[1]), real(f[2]), real(f[3]), real(f[4]),
                    whole(f[5]), whole(f[6]), whole(f[7]), real(f[8]), f[9]);
        }

        private static String num(double v, String format) {
            return Double.isNaN(v) ? "" : String.format(Locale.ROOT, format, v);
        }

        private static String count(int v) {
            return v < 0 ? "" : Integer.toString(v);
        }

        private static double real(String s) {
            return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
        }

        private static int whole(String s) {
            return s.isEmpty() ? -1 : Integer.parseInt(s);
        }
    }

    private final Path file;
    private final List<Row> rows;

    private HeldOutLog(Path file, List<Row> rows) {
        this.file = file;
        this.rows = rows;
    }

    /**
     * Opens (and repairs, or creates) the log of the run in {@code runDir} for a run resumed at
     * {@code completedEpochs}: drops a torn last line and rows after that epoch, and, if there is no CSV
     * yet but a {@value #LEGACY}, imports its scores (epoch e at step e·{@code iterationsPerEpoch}).
     *
     * @throws IOException on a read/write failure, or a line in the middle of the file that is not a row
     */
    public static HeldOutLog open(Path runDir, int iterationsPerEpoch, int completedEpochs) throws IOException {
        Path file = runDir.resolve(FILE);
        List<Row> rows = new ArrayList<>();
        boolean rewrite = false;
        if (Files.exists(file)) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
            String tail = lines.remove(lines.size() - 1); // "" if the file ends with a newline, else a torn line
            rewrite = !tail.isEmpty();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (i == 0 && line.equals(HEADER) || line.isBlank()) {
                    continue;
                }
                Row r;
                try {
                    r = Row.parse(line);
                } catch (RuntimeException e) {
                    throw new IOException(file + " line " + (i + 1) + " is not a row of " + HEADER + ": '" + line
                            + "'. Delete that line (the epoch is scored again when monitored).", e);
                }
                if (r.epoch() > completedEpochs || rows.stream().anyMatch(o -> o.epoch() == r.epoch())) {
                    rewrite = true;
                } else {
                    rows.add(r);
                }
            }
        } else if (Files.exists(runDir.resolve(LEGACY))) {
            for (Row r : readLegacy(runDir.resolve(LEGACY), iterationsPerEpoch)) {
                if (r.epoch() <= completedEpochs) {
                    rows.add(r);
                }
            }
            rewrite = true;
        }
        HeldOutLog log = new HeldOutLog(file, rows);
        if (rewrite || !Files.exists(file)) {
            log.rewrite();
        }
        return log;
    }

    /** The rows of a {@value #LEGACY} file, in its order; other lines (comments) are skipped. */
    public static List<Row> readLegacy(Path legacy, int iterationsPerEpoch) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(legacy, StandardCharsets.UTF_8)) {
            Matcher m = LEGACY_LINE.matcher(line.trim());
            if (m.find()) {
                int epoch = Integer.parseInt(m.group(1));
                rows.add(new Row(epoch, (long) epoch * iterationsPerEpoch, Double.NaN, Double.parseDouble(m.group(2)),
                        Double.parseDouble(m.group(3)), -1, -1, -1, Double.NaN, LEGACY));
            }
        }
        return rows;
    }

    /** Appends {@code row} (one write, ending in a newline); false, and nothing written, if its epoch is there. */
    public boolean append(Row row) throws IOException {
        if (row(row.epoch()).isPresent()) {
            return false;
        }
        Files.writeString(file, row.csv() + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        rows.add(row);
        return true;
    }

    /** The rows, in the order written. */
    public List<Row> rows() {
        return Collections.unmodifiableList(rows);
    }

    /** The row of {@code epoch}, if it was scored. */
    public Optional<Row> row(int epoch) {
        return rows.stream().filter(r -> r.epoch() == epoch).findFirst();
    }

    /** The row with the highest score (the earliest of equal ones). */
    public Optional<Row> best() {
        return rows.stream().filter(r -> !Double.isNaN(r.score()))
                .max(Comparator.comparingDouble(Row::score).thenComparing(Row::epoch, Comparator.reverseOrder()));
    }

    /** The CSV file. */
    public Path file() {
        return file;
    }

    private void rewrite() throws IOException {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (Row r : rows) {
            sb.append(r.csv()).append('\n');
        }
        Path tmp = file.resolveSibling(FILE + ".tmp");
        Files.writeString(tmp, sb, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
