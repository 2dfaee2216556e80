package org.ganworkbook.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.ejml.data.FMatrixRMaj;
import us.hebi.matlab.mat.types.Matrix;

/**
 * The Toronto Face Database as the paper used it (Figure 2b, Table 1; paper-setup §2), read from the
 * licence holder's own {@code TFD_48x48.mat} exactly as pylearn2's {@code TFD} dataset class reads it:
 * <ul>
 *   <li>{@code images}: N × 48 × 48 gray levels (the first index is the example; pylearn2 flattens each
 *       48×48 image row by row, so pixel (row i, column j) is value {@code i·48 + j}), divided by 255
 *       ({@code scale: True}) into [0, 1];</li>
 *   <li>{@code folds}: N × 5; column f holds, for every image, its part in fold f: 0 = unlabeled,
 *       1 = train, 2 = valid, 3 = test ({@link Part});</li>
 *   <li>{@code labs_ex} (expression 1..7; pylearn2 subtracts 1) and {@code labs_id} (identity), optional here.</li>
 * </ul>
 * The paper's GAN trains on {@code which_set: 'unlabeled'} of fold 0; the Parzen protocol chooses sigma on
 * each fold's valid part and scores its test part. The variables may also sit in one top-level struct, and
 * {@code images} may be 48 × 48 × N (the MATLAB-natural order); anything else is refused with a message.
 *
 * <pre>{@code
 * Optional<Path> file = Tfd.locate();                   // GANWB_TFD, PYLEARN2_DATA_PATH, <data>/faces
 * Tfd tfd = Tfd.load(file.get());
 * FMatrixRMaj xReal = tfd.part(Tfd.Part.UNLABELED, 0).images();   // what the paper trains on
 * List<Splits> folds = tfd.folds();                    // for the Parzen protocol, 5 folds
 * }</pre>
 */
public final class Tfd {

    /** The file name of the 48×48 version. */
    public static final String FILE_NAME = "TFD_48x48.mat";
    /** Environment variable naming the file (or a folder holding it). */
    public static final String ENV = "GANWB_TFD";
    /** Image side in pixels. */
    public static final int SIDE = 48;
    /** The official folds. */
    public static final int FOLDS = 5;

    /** What a licence holder does; ends every error about the file. */
    public static final String HOW_TO = "The Toronto Face Database is licence-restricted and not shipped with the"
            + " workbook. If you have it, point the workbook at your copy of " + FILE_NAME + ": set " + ENV
            + "=/path/to/" + FILE_NAME + " (or to its folder) before starting Jupyter, or copy it to"
            + " <data directory>/faces/" + FILE_NAME + ", or pass --tfd to the command line. It must be the original"
            + " MAT-file read by pylearn2 (variables images, N x 48 x 48, and folds, N x 5).";

    /** An image's role in one fold: pylearn2's {@code which_set} codes. */
    public enum Part {
        UNLABELED(0), TRAIN(1), VALID(2), TEST(3);

        /** The code in {@code folds}. */
        public final int code;

        Part(int code) {
            this.code = code;
        }
    }

    private final Path file;
    private final int n;
    private final byte[] pixels;     // n × 2304, row-major images
    private final byte[] fold;       // n × 5, part codes
    private final int[] expression;  // labs_ex, or null
    private final int[] identity;    // labs_id, or null

    private Tfd(Path file, int n, byte[] pixels, byte[] fold, int[] expression, int[] identity) {
        this.file = file;
        this.n = n;
        this.pixels = pixels;
        this.fold = fold;
        this.expression = expression;
        this.identity = identity;
    }

    /**
     * Where the file is, by the first rule that applies: {@code GANWB_TFD} (a file, or a folder holding
     * {@value #FILE_NAME}); {@code $PYLEARN2_DATA_PATH/faces/TFD/} (where pylearn2 looks);
     * {@code <data directory>/faces/}.
     *
     * @return the file, or empty if none of the places has it
     * @throws DataFileException if {@code GANWB_TFD} is set but names nothing
     */
    public static Optional<Path> locate() {
        return locate(System.getenv(), DataDirs.resolve());
    }

    /** {@link #locate()} with its inputs explicit. */
    static Optional<Path> locate(Map<String, String> env, Path dataDir) {
        String named = env.get(ENV);
        if (named != null && !named.isBlank()) {
            Path p = Path.of(named.trim());
            Path f = Files.isDirectory(p) ? p.resolve(FILE_NAME) : p;
            if (!Files.isRegularFile(f)) {
                throw new DataFileException(ENV + "=" + named + ", but " + f + " does not exist. " + HOW_TO);
            }
            return Optional.of(f);
        }
        List<Path> candidates = new ArrayList<>();
        String pylearn2 = env.get("PYLEARN2_DATA_PATH");
        if (pylearn2 != null && !pylearn2.isBlank()) {
            candidates.add(Path.of(pylearn2.trim(), "faces", "TFD", FILE_NAME));
        }
        candidates.add(dataDir.resolve(OlivettiFaces.FOLDER).resolve(FILE_NAME));
        return candidates.stream().filter(Files::isRegularFile).findFirst();
    }

    /** @return the data set from {@link #locate()} */
    public static Tfd load() {
        return load(locate().orElseThrow(() -> new DataFileException(FILE_NAME + " was not found. " + HOW_TO)));
    }

    /**
     * Reads {@code TFD_48x48.mat} (no checksum: the workbook does not know the licensed file's).
     *
     * @throws DataFileException if it is not a MAT-file or lacks the variables pylearn2 reads
     */
    public static Tfd load(Path file) {
        MatVariables mat = MatVariables.read(file, HOW_TO);
        Matrix folds = mat.numeric("folds", "N x " + FOLDS + " part codes (0 unlabeled, 1 train, 2 valid, 3 test)");
        int[] fd = folds.getDimensions();
        if (fd.length != 2 || fd[1] != FOLDS || fd[0] < 1) {
            throw mat.wrongShape("folds", folds, "N x " + FOLDS + " (one row per image, one column per fold)");
        }
        int n = fd[0];
        String imagesExpected = n + " x " + SIDE + " x " + SIDE + " gray levels (one image per row of folds)";
        Matrix images = mat.numeric("images", imagesExpected);
        int[] id = images.getDimensions();
        boolean exampleFirst = id.length == 3 && id[0] == n && id[1] == SIDE && id[2] == SIDE;
        boolean exampleLast = id.length == 3 && id[0] == SIDE && id[1] == SIDE && id[2] == n;
        if (!exampleFirst && !exampleLast) {
            throw mat.wrongShape("images", images, imagesExpected);
        }
        int d = SIDE * SIDE;
        byte[] pixels = new byte[Math.multiplyExact(n, d)];
        for (int j = 0; j < SIDE; j++) {
            for (int i = 0; i < SIDE; i++) {
                for (int e = 0; e < n; e++) {
                    // MATLAB element (e, i, j) or (i, j, e), column-major -> example e, row-major pixel (i, j)
                    int index = exampleFirst ? e + n * (i + SIDE * j) : i + SIDE * (j + SIDE * e);
                    pixels[e * d + i * SIDE + j] = (byte) mat.grayLevel(images, index, "images");
                }
            }
        }
        byte[] fold = new byte[n * FOLDS];
        for (int f = 0; f < FOLDS; f++) {
            for (int e = 0; e < n; e++) {
                int code = mat.integer(folds, e + n * f, "folds");
                if (code < 0 || code > 3) {
                    throw new DataFileException("MAT-file " + file + ": folds(" + (e + 1) + ", " + (f + 1) + ") is "
                            + code + ", but fold codes are 0 (unlabeled), 1 (train), 2 (valid) or 3 (test). " + HOW_TO);
                }
                fold[e * FOLDS + f] = (byte) code;
            }
        }
        return new Tfd(file, n, pixels, fold, labels(mat, "labs_ex", n), labels(mat, "labs_id", n));
    }

    private static int[] labels(MatVariables mat, String name, int n) {
        if (!mat.has(name)) {
            return null; // optional: the GAN needs no labels
        }
        Matrix m = mat.numeric(name, n + " x 1 labels");
        if (m.getNumElements() != n) {
            throw mat.wrongShape(name, m, n + " x 1 (one label per image)");
        }
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = mat.integer(m, i, name);
        }
        return out;
    }

    /** @return the file this was read from */
    public Path file() {
        return file;
    }

    /** @return images in the file, all parts together */
    public int size() {
        return n;
    }

    /** @return how many images have role {@code part} in fold {@code f} */
    public int count(Part part, int f) {
        checkFold(f);
        int c = 0;
        for (int e = 0; e < n; e++) {
            c += fold[e * FOLDS + f] == part.code ? 1 : 0;
        }
        return c;
    }

    /**
     * The images of one part of one fold, in file order, as pylearn2's {@code TFD(which_set, fold, scale=True)}:
     * pixels / 255; labels = expression {@code labs_ex − 1} (0..6), or −1 for the unlabeled part or when the
     * file has no {@code labs_ex}.
     */
    public LabeledImages part(Part part, int f) {
        int[] rows = rows(part, f);
        int d = SIDE * SIDE;
        FMatrixRMaj images = new FMatrixRMaj(rows.length, d);
        int[] labels = new int[rows.length];
        for (int r = 0; r < rows.length; r++) {
            int e = rows[r];
            for (int p = 0; p < d; p++) {
                images.data[r * d + p] = (pixels[e * d + p] & 0xff) / 255f;
            }
            labels[r] = part == Part.UNLABELED || expression == null ? -1 : expression[e] - 1;
        }
        return new LabeledImages(images, labels, SIDE, SIDE);
    }

    /** The identity ({@code labs_id}) of each image of {@link #part}, or −1s if the file has none. */
    public int[] identities(Part part, int f) {
        int[] rows = rows(part, f);
        int[] out = new int[rows.length];
        for (int r = 0; r < rows.length; r++) {
            out[r] = identity == null ? -1 : identity[rows[r]];
        }
        return out;
    }

    /** Fold {@code f} as train / valid / test (the unlabeled part is {@link #part}{@code (UNLABELED, f)}). */
    public Splits fold(int f) {
        List<String> names = new ArrayList<>();
        for (int x = 1; x <= 7; x++) {
            names.add("expression " + x);
        }
        return new Splits("TFD fold " + f, part(Part.TRAIN, f), part(Part.VALID, f), part(Part.TEST, f), names);
    }

    /** All five folds, for the Parzen protocol (sigma on each valid part, score on each test part). */
    public List<Splits> folds() {
        List<Splits> out = new ArrayList<>();
        for (int f = 0; f < FOLDS; f++) {
            out.add(fold(f));
        }
        return out;
    }

    private int[] rows(Part part, int f) {
        checkFold(f);
        int[] rows = new int[count(part, f)];
        int r = 0;
        for (int e = 0; e < n; e++) {
            if (fold[e * FOLDS + f] == part.code) {
                rows[r++] = e;
            }
        }
        return rows;
    }

    private static void checkFold(int f) {
        if (f < 0 || f >= FOLDS) {
            throw new IllegalArgumentException("TFD has folds 0.." + (FOLDS - 1) + ", not " + f);
        }
    }

    /** The file and, per fold, the size of each part. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("TFD " + file + ": " + n + " images of " + SIDE + "x" + SIDE);
        for (int f = 0; f < FOLDS; f++) {
            sb.append(String.format(Locale.ROOT, "%n  fold %d: unlabeled %d, train %d, valid %d, test %d", f,
                    count(Part.UNLABELED, f), count(Part.TRAIN, f), count(Part.VALID, f), count(Part.TEST, f)));
        }
        return sb.toString();
    }
}
