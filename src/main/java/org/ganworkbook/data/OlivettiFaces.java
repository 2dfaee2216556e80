package org.ganworkbook.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.ejml.data.FMatrixRMaj;
import us.hebi.matlab.mat.types.Matrix;

/**
 * The Olivetti faces (AT&amp;T Laboratories Cambridge, 1992-1994): 400 grayscale photos of 40 people, 10 each,
 * 64×64 pixels. The workbook's open stand-in for the Toronto Face Database of the paper's Figure 2b and
 * Table 1, which cannot be redistributed ({@link Tfd} reads it for those who have it).
 *
 * <p>The file is Sam Roweis's {@code olivettifaces.mat} (the one scikit-learn's {@code fetch_olivetti_faces}
 * reads): a MAT-file whose variable {@code faces} is 4096 × 400, one image per column, the people in
 * order (columns 0-9 are person 0, ...). Each column is a 64×64 image stored column-major, as MATLAB
 * stores a 64×64 matrix: pixel (row r, column c) is element {@code r + 64·c}. This class turns each into
 * an upright image row of 4096 values, row by row (index {@code r·64 + c}), divided by 255 so pixels lie in
 * [0, 1]; the label of an image is its person, 0..39.
 *
 * <pre>{@code
 * LabeledImages faces = OlivettiFaces.load();          // [400, 4096], labels 0..39
 * List<Splits> folds = OlivettiFaces.folds(faces);     // train on 30 people; 5 folds over the other 10
 * }</pre>
 *
 * <p>Loading only reads {@code <dataDir>/faces/olivettifaces.mat} and checks its size, MD5 and SHA-256;
 * {@link #fetch} (run by the project's setup) puts it there.
 */
public final class OlivettiFaces {

    /** Folder of the data directory holding face data. */
    public static final String FOLDER = "faces";
    /** The file, as distributed on Sam Roweis's data page. */
    public static final DataFile FILE = new DataFile("olivettifaces.mat", 1_432_511,
            "7be4afc20ba95152afb4c6b4b5d45c5b", "b1988d02c72fe5b8ee82b5ef3bb7982eafc74f1e1ff0ae0ade35061ad0af534d");
    /** The file as a {@link FileSet}, for {@link DataFetcher}. */
    public static final FileSet FILES = FileSet.of("Olivetti faces", FOLDER, FILE);
    /** Where users download it from. */
    public static final String URL = "https://cs.nyu.edu/~roweis/data/";
    /** The variable holding the images. */
    public static final String VARIABLE = "faces";
    /** Image side in pixels. */
    public static final int SIDE = 64;
    /** People in the set. */
    public static final int PEOPLE = 40;
    /** Photos per person. */
    public static final int IMAGES_PER_PERSON = 10;
    /** People the GAN trains on by default ({@link #folds(LabeledImages)}); the others are held out. */
    public static final int TRAIN_PEOPLE = 30;
    /** Folds over the held-out people, as TFD has 5. */
    public static final int FOLDS = 5;

    /** What to do when the file is missing or damaged. */
    public static final String FIX = "Fix: run ./environment/setup.sh in the project folder (or `java -jar"
            + " target/gan-workbook.jar data fetch --dataset olivetti`): it copies the file from ../shared/data/faces"
            + " or downloads " + URL + FILE.name() + " and checks its SHA-256. Without network access, download that"
            + " file elsewhere and run `data fetch --dataset olivetti --from <its folder>`, or copy it into the"
            + " faces/ folder of the data directory.";

    private OlivettiFaces() {
    }

    /** @return the 400 faces from the data directory {@link DataDirs#resolve()} picks */
    public static LabeledImages load() {
        return load(DataDirs.resolve());
    }

    /**
     * @param dataDir the data directory; the file is {@code dataDir/faces/olivettifaces.mat}
     * @return the 400 faces, [400, 4096] in person order, pixels in [0, 1], labels = person 0..39
     * @throws DataFileException if the file is missing, fails its checksum or is not the expected MAT-file
     */
    public static LabeledImages load(Path dataDir) {
        Path file = FILES.dir(dataDir).resolve(FILE.name());
        byte[] bytes = FILES.verifier(dataDir).readVerified(FILE, file, FIX);
        return parse(MatVariables.parse(bytes, file.toString(), FIX));
    }

    /**
     * Reads any MAT-file in the Olivetti layout (variable {@code faces}, 4096 × n, n a multiple of 10) without
     * a checksum: for copies the user made, and for tests.
     *
     * @throws DataFileException if it is not such a file; the message says what was found
     */
    public static LabeledImages read(Path file) {
        return parse(MatVariables.read(file, FIX));
    }

    private static LabeledImages parse(MatVariables mat) {
        String expected = SIDE * SIDE + " x n (n a multiple of " + IMAGES_PER_PERSON + "; the original has "
                + PEOPLE * IMAGES_PER_PERSON + "): one 64x64 gray image per column, 8-bit levels";
        Matrix faces = mat.numeric(VARIABLE, expected);
        int[] dims = faces.getDimensions();
        int pixels = SIDE * SIDE;
        if (dims.length != 2 || dims[0] != pixels || dims[1] < 1 || dims[1] % IMAGES_PER_PERSON != 0) {
            throw mat.wrongShape(VARIABLE, faces, expected);
        }
        int n = dims[1];
        FMatrixRMaj images = new FMatrixRMaj(n, pixels);
        int[] person = new int[n];
        float[] out = images.data;
        for (int i = 0; i < n; i++) {
            person[i] = i / IMAGES_PER_PERSON;
            int column = i * pixels;
            for (int c = 0; c < SIDE; c++) {
                for (int r = 0; r < SIDE; r++) {
                    // MATLAB element (r + 64c, i) -> row-major pixel (r, c) of image i
                    out[column + r * SIDE + c] = mat.grayLevel(faces, column + r + SIDE * c, VARIABLE) / 255f;
                }
            }
        }
        return new LabeledImages(images, person, SIDE, SIDE);
    }

    /** @return the names of the people, {@code "person 0"} .. */
    public static List<String> personNames(int people) {
        List<String> names = new ArrayList<>();
        for (int p = 0; p < people; p++) {
            names.add("person " + p);
        }
        return names;
    }

    /**
     * The images of people {@code from .. to-1} (a copy), for faces in person order with 10 images each.
     *
     * @param faces as {@link #load()} returns them. Not modified.
     */
    public static LabeledImages people(LabeledImages faces, int from, int to) {
        int perPerson = IMAGES_PER_PERSON;
        if (from < 0 || to <= from || to * perPerson > faces.size()) {
            throw new IllegalArgumentException("people " + from + ".." + (to - 1) + " are not all among the "
                    + faces.size() / perPerson + " people of the set");
        }
        return faces.range(from * perPerson, to * perPerson);
    }

    /**
     * {@link #folds(LabeledImages, int, int)} with the defaults: train on the first 30 people (300 images),
     * 5 folds over the last 10.
     */
    public static List<Splits> folds(LabeledImages faces) {
        return folds(faces, TRAIN_PEOPLE, FOLDS);
    }

    /**
     * The workbook's split of the faces, by person, with TFD-like folds for the Parzen protocol of Table 1.
     * The first {@code trainPeople} people are the training set of every fold. The other people are held
     * out and cut into {@code folds} consecutive groups; fold f tests on group f and chooses the Parzen
     * width on the remaining held-out people. So no held-out face is of a person the GAN saw, each held-out
     * face is tested in exactly one fold, and validation and test never share a person.
     *
     * @param faces       in person order, 10 images per person (as {@link #load()} returns them). Not modified.
     * @param trainPeople people in the training set (the first ones)
     * @param folds       number of folds; must divide the number of held-out people
     * @return one {@link Splits} per fold: train, valid (held-out people outside the fold), test (the fold's people)
     */
    public static List<Splits> folds(LabeledImages faces, int trainPeople, int folds) {
        int people = faces.size() / IMAGES_PER_PERSON;
        int heldOut = people - trainPeople;
        if (faces.size() % IMAGES_PER_PERSON != 0 || trainPeople < 1 || heldOut < 2 || folds < 2
                || heldOut % folds != 0) {
            throw new IllegalArgumentException("cannot cut " + people + " people into " + trainPeople
                    + " training people and " + folds + " folds of the " + heldOut + " others: need at least 2"
                    + " folds, and the held-out people must split evenly into them");
        }
        LabeledImages train = people(faces, 0, trainPeople);
        int perFold = heldOut / folds;
        List<String> names = personNames(people);
        List<Splits> out = new ArrayList<>();
        for (int f = 0; f < folds; f++) {
            int testFrom = trainPeople + f * perFold;
            int testTo = testFrom + perFold;
            List<Integer> valid = new ArrayList<>();
            for (int i = trainPeople * IMAGES_PER_PERSON; i < faces.size(); i++) {
                if (i < testFrom * IMAGES_PER_PERSON || i >= testTo * IMAGES_PER_PERSON) {
                    valid.add(i);
                }
            }
            out.add(new Splits("Olivetti faces, fold " + f + " (test: people " + testFrom + ".." + (testTo - 1) + ")",
                    train, faces.rows(valid.stream().mapToInt(Integer::intValue).toArray()),
                    people(faces, testFrom, testTo), names));
        }
        return out;
    }

    /**
     * Where the file may come from, in order: folders the user names; the copy next to the project checkout
     * that CI provides ({@code ../shared/data/faces}, also found from a worktree one level deeper); Sam
     * Roweis's data page.
     *
     * @param extraFolders folders to search first
     * @param projectRoot  the checkout (null if unknown: no shared copy is looked for)
     */
    public static List<DataSource> sources(List<Path> extraFolders, Path projectRoot) {
        List<DataSource> out = new ArrayList<>();
        extraFolders.forEach(d -> out.add(DataSources.folder(d)));
        Path up = projectRoot == null ? null : projectRoot.toAbsolutePath().getParent();
        for (int level = 0; level < 2 && up != null; level++, up = up.getParent()) {
            Path shared = up.resolve("shared").resolve("data").resolve(FOLDER);
            if (Files.isDirectory(shared)) {
                out.add(DataSources.folder(shared));
            }
        }
        out.add(DataSources.url(URL));
        return out;
    }

    /**
     * Makes sure a verified copy is in {@code <dataDir>/faces/}, fetching it from {@link #sources} if not.
     *
     * @param log one line per step
     * @return the verified file
     * @throws DataFileException if no source delivered the right file; the message lists every attempt
     */
    public static Path fetch(Path dataDir, List<Path> extraFolders, Consumer<String> log) {
        Path root = DataDirs.projectRoot(Path.of(System.getProperty("user.dir")));
        return new DataFetcher(FILES, sources(extraFolders, root), FIX, log).fetch(dataDir).get(0);
    }
}
