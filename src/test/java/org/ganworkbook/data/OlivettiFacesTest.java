package org.ganworkbook.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.ejml.data.FMatrixRMaj;
import org.ganworkbook.plot.ImageGrid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.types.MatlabType;

class OlivettiFacesTest {

    @TempDir
    Path tmp;

    private static final int SIDE = OlivettiFaces.SIDE;

    /** Pixel (r, c) of image k as loaded (row-major, [0, 1]). */
    private static float pixel(LabeledImages faces, int k, int r, int c) {
        return faces.images().data[k * SIDE * SIDE + r * SIDE + c];
    }

    private static void assertUpright(LabeledImages faces, int k) {
        for (int r = 0; r < SIDE; r++) {
            for (int c = 0; c < SIDE; c++) {
                assertEquals(TinyMat.pattern(k, r, c, SIDE) / 255f, pixel(faces, k, r, c), 0f,
                        "image " + k + " pixel (row " + r + ", column " + c + ")");
            }
        }
    }

    @Test
    void columnMajorImagesComeBackUprightInPersonOrder() throws IOException {
        Path file = TinyMat.write(tmp.resolve("faces.mat"), TinyMat.vars("faces",
                TinyMat.olivettiFaces(20, MatlabType.UInt8)));
        LabeledImages faces = OlivettiFaces.read(file);
        assertEquals(20, faces.size());
        assertEquals(SIDE, faces.height());
        assertEquals(SIDE, faces.width());
        for (int k = 0; k < 20; k++) {
            assertUpright(faces, k);
            assertEquals(k / 10, faces.labels()[k], "person of image " + k);
        }
        // the bar runs along the top: (row 2, column 20) is bright, its transpose (row 20, column 2) is not
        assertEquals(1f, pixel(faces, 0, 2, 20));
        assertTrue(pixel(faces, 0, 20, 2) < 0.5f);
    }

    @Test
    void theClassOfTheVariableDoesNotMatterOnlyItsGrayLevels() throws IOException {
        // the real file's class is double (stored compactly as uint8): both must load alike
        Path file = TinyMat.write(tmp.resolve("double.mat"), TinyMat.vars("faces",
                TinyMat.olivettiFaces(10, MatlabType.Double)));
        LabeledImages faces = OlivettiFaces.read(file);
        for (int k = 0; k < 10; k++) {
            assertUpright(faces, k);
        }
    }

    @Test
    void wrongFilesGetAMessageNamingTheFileWhatWasExpectedAndTheFix() throws IOException {
        Path text = Files.writeString(tmp.resolve("notes.mat"), "these are not the faces you are looking for\n".repeat(9));
        assertMessage(text, "is not a MATLAB MAT-file", "these are not the faces");

        Path empty = Files.write(tmp.resolve("empty.mat"), new byte[0]);
        assertMessage(empty, "is not a MATLAB MAT-file", "0 bytes");

        Path other = TinyMat.write(tmp.resolve("other.mat"), TinyMat.vars("pixels", TinyMat.olivettiFaces(10, MatlabType.UInt8)));
        assertMessage(other, "has no variable 'faces'", "'pixels' (uint8 4096x10)");

        Path shape = TinyMat.write(tmp.resolve("shape.mat"), TinyMat.vars("faces",
                TinyMat.matrix(new int[]{4095, 10}, MatlabType.UInt8, i -> 1)));
        assertMessage(shape, "variable 'faces' is uint8 4095x10", "expected 4096 x n");

        Path odd = TinyMat.write(tmp.resolve("odd.mat"), TinyMat.vars("faces", TinyMat.olivettiFaces(7, MatlabType.UInt8)));
        assertMessage(odd, "is uint8 4096x7", "multiple of 10");

        Path text2 = TinyMat.write(tmp.resolve("char.mat"), TinyMat.vars("faces", Mat5.newString("faces")));
        assertMessage(text2, "variable 'faces' is char 1x5", "expected");

        Path fraction = TinyMat.write(tmp.resolve("fraction.mat"), TinyMat.vars("faces",
                TinyMat.matrix(new int[]{4096, 10}, MatlabType.Double, i -> i == 5 ? 300 : 0)));
        assertMessage(fraction, "holds 300.0 at linear index 5", "8-bit gray levels");

        Path good = TinyMat.write(tmp.resolve("good.mat"), TinyMat.vars("faces", TinyMat.olivettiFaces(10, MatlabType.UInt8)));
        byte[] bytes = Files.readAllBytes(good);
        Path truncated = Files.write(tmp.resolve("truncated.mat"), Arrays.copyOf(bytes, bytes.length / 2));
        assertMessage(truncated, "cannot be read", "damaged or truncated");

        byte[] hdf5 = Arrays.copyOf("MATLAB 7.3 MAT-file, Platform: GLNXA64, Created on: ...".getBytes(StandardCharsets.US_ASCII), 600);
        Path v73 = Files.write(tmp.resolve("v73.mat"), hdf5);
        assertMessage(v73, "MATLAB 7.3 (HDF5)", "save('-v7'");

        assertMessage(tmp.resolve("missing.mat"), "does not exist", "data fetch --dataset olivetti");
    }

    private static void assertMessage(Path file, String... parts) {
        DataFileException e = assertThrows(DataFileException.class, () -> OlivettiFaces.read(file));
        String m = e.getMessage();
        assertTrue(m.contains(file.toString()), "names the file: " + m);
        for (String p : parts) {
            assertTrue(m.contains(p), "'" + p + "' in: " + m);
        }
        assertTrue(m.contains("Fix:"), "ends with the fix: " + m);
    }

    @Test
    void loadChecksTheChecksumBeforeParsing() throws IOException {
        Path data = tmp.resolve("data");
        Path faces = Files.createDirectories(data.resolve("faces"));
        TinyMat.write(faces.resolve(OlivettiFaces.FILE.name()), TinyMat.vars("faces", TinyMat.olivettiFaces(10, MatlabType.UInt8)));
        DataFileException e = assertThrows(DataFileException.class, () -> OlivettiFaces.load(data));
        assertTrue(e.getMessage().contains("is truncated") || e.getMessage().contains("fails its checksum"), e.getMessage());
        DataFileException missing = assertThrows(DataFileException.class, () -> OlivettiFaces.load(tmp.resolve("nothing")));
        assertTrue(missing.getMessage().contains("does not exist") && missing.getMessage().contains(OlivettiFaces.URL),
                missing.getMessage());
    }

    @Test
    void foldsHoldOutWholePeopleAndTestEachHeldOutFaceOnce() throws IOException {
        Path file = TinyMat.write(tmp.resolve("faces.mat"), TinyMat.vars("faces", TinyMat.olivettiFaces(400, MatlabType.UInt8)));
        LabeledImages faces = OlivettiFaces.read(file);
        List<Splits> folds = OlivettiFaces.folds(faces);
        assertEquals(OlivettiFaces.FOLDS, folds.size());
        Set<Integer> trainPeople = people(folds.get(0).train());
        assertEquals(30, trainPeople.size());
        List<Integer> tested = new ArrayList<>();
        for (Splits s : folds) {
            assertEquals(300, s.train().size());
            assertEquals(80, s.valid().size());
            assertEquals(20, s.test().size());
            Set<Integer> valid = people(s.valid());
            Set<Integer> test = people(s.test());
            assertTrue(disjoint(trainPeople, valid) && disjoint(trainPeople, test) && disjoint(valid, test),
                    "train " + trainPeople + ", valid " + valid + ", test " + test);
            for (int l : s.test().labels()) {
                tested.add(l);
            }
            // images travel with their labels: image of person p, photo j is row 10p + j of the file
            int firstTest = s.test().labels()[0];
            assertArrayEquals(faces.image(firstTest * 10), s.test().image(0));
        }
        tested.sort(null);
        List<Integer> expected = new ArrayList<>();
        for (int p = 30; p < 40; p++) {
            for (int j = 0; j < 10; j++) {
                expected.add(p);
            }
        }
        assertEquals(expected, tested, "every held-out face is tested exactly once");
        assertThrows(IllegalArgumentException.class, () -> OlivettiFaces.folds(faces, 31, 5));
        assertThrows(IllegalArgumentException.class, () -> OlivettiFaces.people(faces, 35, 41));
    }

    private static Set<Integer> people(LabeledImages images) {
        Set<Integer> s = new HashSet<>();
        for (int l : images.labels()) {
            s.add(l);
        }
        return s;
    }

    private static boolean disjoint(Set<Integer> a, Set<Integer> b) {
        Set<Integer> c = new HashSet<>(a);
        c.retainAll(b);
        return c.isEmpty();
    }

    @Test
    void sourcesAreNamedFoldersThenTheSharedCopyThenTheWeb() throws IOException {
        Path root = Files.createDirectories(tmp.resolve("work/checkout"));
        Files.createDirectories(tmp.resolve("work/shared/data/faces"));
        List<DataSource> s = OlivettiFaces.sources(List.of(tmp.resolve("mine")), root);
        assertEquals(3, s.size());
        assertTrue(s.get(0).describe().contains("mine"));
        assertTrue(s.get(1).describe().contains(tmp.resolve("work/shared/data/faces").toString()), s.get(1).describe());
        assertTrue(s.get(2).describe().contains("cs.nyu.edu/~roweis/data/"), s.get(2).describe());
        // a worktree one level deeper still finds it
        Path worktree = Files.createDirectories(tmp.resolve("work/wt/faces"));
        assertTrue(OlivettiFaces.sources(List.of(), worktree).get(0).describe().contains("work/shared/data/faces"));
    }

    @Test
    void fetchCopiesFromAFolderAndVerifies() throws IOException {
        Path shared = sharedCopy();
        assumeTrue(shared != null, "the shared Olivetti file (../shared/data/faces/olivettifaces.mat next to the"
                + " checkout) is absent; skipping the real-file fetch");
        Path data = tmp.resolve("data");
        List<String> log = new ArrayList<>();
        Path got = OlivettiFaces.fetch(data, List.of(shared.getParent()), log::add);
        assertEquals(data.resolve("faces").resolve(OlivettiFaces.FILE.name()), got);
        assertTrue(log.stream().anyMatch(l -> l.startsWith("ok")), log.toString());
        assertEquals(400, OlivettiFaces.load(data).size());
    }

    @Test
    void theRealFileHasItsChecksumAndUprightFaces() throws IOException {
        Path shared = sharedCopy();
        assumeTrue(shared != null, "the shared Olivetti file (../shared/data/faces/olivettifaces.mat next to the"
                + " checkout) is absent; skipping the real-file test");
        byte[] bytes = Files.readAllBytes(shared);
        assertEquals(OlivettiFaces.FILE.sha256(), FileVerifier.sha256Hex(bytes));
        assertEquals(OlivettiFaces.FILE.size(), bytes.length);
        LabeledImages faces = OlivettiFaces.read(shared);
        assertEquals(400, faces.size());
        float min = 1, max = 0;
        for (float v : faces.images().data) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertTrue(min >= 0 && max <= 1 && max > 0.9f, min + ".." + max);
        // A face is nearly mirror-symmetric left-right, not top-bottom: the mean face must be far more
        // symmetric about its vertical axis than about its horizontal one (a transposed load is the reverse).
        float[] mean = new float[SIDE * SIDE];
        for (int k = 0; k < 400; k++) {
            for (int p = 0; p < mean.length; p++) {
                mean[p] += faces.images().data[k * mean.length + p] / 400;
            }
        }
        double leftRight = 0;
        double topBottom = 0;
        for (int r = 0; r < SIDE; r++) {
            for (int c = 0; c < SIDE; c++) {
                leftRight += Math.abs(mean[r * SIDE + c] - mean[r * SIDE + SIDE - 1 - c]);
                topBottom += Math.abs(mean[r * SIDE + c] - mean[(SIDE - 1 - r) * SIDE + c]);
            }
        }
        assertTrue(leftRight < 0.5 * topBottom, "left-right asymmetry " + leftRight + ", top-bottom " + topBottom);
        // The eyes are in the upper third: in the mean face the band of the left eye (rows 13-19, columns
        // 12-25) is darker than the forehead above it and than the same band mirrored top to bottom
        // (rows 44-50), where an upside-down load would put it.
        double eyes = patchMean(mean, 13, 19, 12, 26);
        double forehead = patchMean(mean, 1, 7, 12, 26);
        double mirrored = patchMean(mean, 44, 50, 12, 26);
        assertTrue(eyes < forehead - 0.1 && eyes < mirrored - 0.05,
                "eye band " + eyes + ", forehead " + forehead + ", mirrored band " + mirrored);
        // For a person to look at: the first two people and the mean face (target/test-faces/olivetti-upright.png).
        FMatrixRMaj sheet = new FMatrixRMaj(21, SIDE * SIDE);
        System.arraycopy(faces.images().data, 0, sheet.data, 0, 20 * SIDE * SIDE);
        System.arraycopy(mean, 0, sheet.data, 20 * SIDE * SIDE, SIDE * SIDE);
        Path png = Files.createDirectories(Path.of("target", "test-faces")).resolve("olivetti-upright.png");
        ImageIO.write(ImageGrid.square(SIDE).columns(7).scale(2).render(sheet), "png", png.toFile());
    }

    private static double patchMean(float[] image, int fromRow, int toRow, int fromCol, int toCol) {
        double s = 0;
        for (int r = fromRow; r < toRow; r++) {
            for (int c = fromCol; c < toCol; c++) {
                s += image[r * SIDE + c];
            }
        }
        return s / ((toRow - fromRow) * (toCol - fromCol));
    }

    /** The CI copy next to the checkout (also from a worktree one level deeper), or null. */
    static Path sharedCopy() {
        Path up = DataDirs.projectRoot(Path.of("").toAbsolutePath()).getParent();
        for (int level = 0; level < 2 && up != null; level++, up = up.getParent()) {
            Path f = up.resolve("shared/data/faces").resolve(OlivettiFaces.FILE.name());
            if (Files.isRegularFile(f)) {
                return f;
            }
        }
        return null;
    }
}
