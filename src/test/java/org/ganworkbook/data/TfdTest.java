package org.ganworkbook.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import us.hebi.matlab.mat.types.Matrix;
import us.hebi.matlab.mat.types.MatlabType;

class TfdTest {

    @TempDir
    Path tmp;

    private static final int N = 12;
    private static final int S = Tfd.SIDE;

    /**
     * Fold codes (rows = images, columns = folds 0..4): images 0-5 unlabeled everywhere; the six labeled
     * images rotate through train/valid/test so every fold has 2 of each, in different places.
     */
    private static int[] folds() {
        int[] codes = new int[N * Tfd.FOLDS];
        for (int e = 6; e < N; e++) {
            for (int f = 0; f < Tfd.FOLDS; f++) {
                codes[e * Tfd.FOLDS + f] = 1 + ((e + f) % 3);
            }
        }
        return codes;
    }

    private static Matrix labsEx() {
        int[] v = new int[N];
        for (int e = 0; e < N; e++) {
            v[e] = e < 6 ? -1 : 1 + e % 7;
        }
        return TinyMat.doubles(N, 1, v);
    }

    private static Matrix labsId() {
        int[] v = new int[N];
        for (int e = 0; e < N; e++) {
            v[e] = 100 + e;
        }
        return TinyMat.doubles(N, 1, v);
    }

    private Path pylearn2Layout() throws IOException {
        return TinyMat.write(tmp.resolve("TFD_48x48.mat"), TinyMat.vars(
                "images", TinyMat.tfdImagesExampleFirst(N), "folds", TinyMat.doubles(N, Tfd.FOLDS, folds()),
                "labs_ex", labsEx(), "labs_id", labsId()));
    }

    @Test
    void readsThePartsOfEveryFoldAsPylearn2Does() throws IOException {
        Tfd tfd = Tfd.load(pylearn2Layout());
        assertEquals(N, tfd.size());
        for (int f = 0; f < Tfd.FOLDS; f++) {
            assertEquals(6, tfd.count(Tfd.Part.UNLABELED, f));
            for (Tfd.Part p : List.of(Tfd.Part.TRAIN, Tfd.Part.VALID, Tfd.Part.TEST)) {
                LabeledImages part = tfd.part(p, f);
                assertEquals(2, part.size(), p + " of fold " + f);
                int[] ids = tfd.identities(p, f);
                for (int r = 0; r < part.size(); r++) {
                    int e = ids[r] - 100;                            // which image this row is
                    assertEquals(p.code, 1 + ((e + f) % 3), "image " + e + " belongs to " + p + " in fold " + f);
                    assertEquals(e % 7, part.labels()[r], "labs_ex - 1");
                    assertImage(e, part, r);
                }
                assertTrue(ids[0] < ids[1], "file order");
            }
            LabeledImages unlabeled = tfd.part(Tfd.Part.UNLABELED, f);
            for (int r = 0; r < 6; r++) {
                assertEquals(-1, unlabeled.labels()[r]);
                assertImage(r, unlabeled, r);
            }
        }
        Splits fold2 = tfd.fold(2);
        assertEquals(2, fold2.valid().size());
        assertEquals(5, tfd.folds().size());
        assertTrue(tfd.toString().contains("fold 4: unlabeled 6, train 2, valid 2, test 2"), tfd.toString());
    }

    /** Row r of part is image e, upright (row-major, pixel (i, j) at i·48 + j), divided by 255. */
    private static void assertImage(int e, LabeledImages part, int r) {
        float[] img = part.image(r);
        for (int i = 0; i < S; i++) {
            for (int j = 0; j < S; j++) {
                assertEquals(TinyMat.pattern(e, i, j, S) / 255f, img[i * S + j], 0f, "image " + e + " (" + i + ", " + j + ")");
            }
        }
        assertEquals(1f, img[2 * S + 20], "top bar");
        assertTrue(img[20 * S + 2] < 0.5f, "not transposed");
    }

    @Test
    void aStructWithImagesLastReadsTheSame() throws IOException {
        Tfd a = Tfd.load(pylearn2Layout());
        Path file = TinyMat.writeStruct(tmp.resolve("struct.mat"), "tfd", TinyMat.vars(
                "images", TinyMat.tfdImagesExampleLast(N), "folds", TinyMat.doubles(N, Tfd.FOLDS, folds())));
        Tfd b = Tfd.load(file);
        for (int f = 0; f < Tfd.FOLDS; f++) {
            for (Tfd.Part p : Tfd.Part.values()) {
                assertArrayEquals(a.part(p, f).images().data, b.part(p, f).images().data, p + " fold " + f);
            }
        }
        // no labels in this file: -1 everywhere
        assertArrayEquals(new int[]{-1, -1}, b.part(Tfd.Part.TEST, 0).labels());
        assertArrayEquals(new int[]{-1, -1}, b.identities(Tfd.Part.TEST, 0));
    }

    @Test
    void malformedFilesAreRefusedWithWhatWasExpectedAndFound() throws IOException {
        Matrix images = TinyMat.tfdImagesExampleFirst(N);
        Matrix folds = TinyMat.doubles(N, Tfd.FOLDS, folds());
        assertMessage(Files.writeString(tmp.resolve("a.mat"), "x".repeat(300)), "is not a MATLAB MAT-file");
        assertMessage(TinyMat.write(tmp.resolve("b.mat"), TinyMat.vars("images", images)),
                "has no variable 'folds'", "'images' (uint8 12x48x48)");
        assertMessage(TinyMat.write(tmp.resolve("c.mat"), TinyMat.vars("folds", folds)), "has no variable 'images'");
        assertMessage(TinyMat.write(tmp.resolve("d.mat"), TinyMat.vars("images", images,
                "folds", TinyMat.doubles(N, 4, new int[N * 4]))), "'folds' is double 12x4", "N x 5");
        assertMessage(TinyMat.write(tmp.resolve("e.mat"), TinyMat.vars("folds", folds,
                "images", TinyMat.matrix(new int[]{N, 32, 32}, MatlabType.UInt8, i -> 0))),
                "'images' is uint8 12x32x32", "12 x 48 x 48");
        int[] bad = folds();
        bad[7 * Tfd.FOLDS + 3] = 5;
        assertMessage(TinyMat.write(tmp.resolve("f.mat"), TinyMat.vars("images", images,
                "folds", TinyMat.doubles(N, Tfd.FOLDS, bad))), "folds(8, 4) is 5", "0 (unlabeled)");
        assertMessage(TinyMat.write(tmp.resolve("g.mat"), TinyMat.vars("images", images, "folds", folds,
                "labs_ex", TinyMat.doubles(3, 1, 1, 2, 3))), "'labs_ex' is double 3x1");
    }

    private static void assertMessage(Path file, String... parts) {
        DataFileException e = assertThrows(DataFileException.class, () -> Tfd.load(file));
        String m = e.getMessage();
        assertTrue(m.contains(file.toString()), "names the file: " + m);
        for (String p : parts) {
            assertTrue(m.contains(p), "'" + p + "' in: " + m);
        }
        assertTrue(m.contains(Tfd.ENV), "says what a TFD owner does: " + m);
    }

    @Test
    void locateFollowsTheEnvironmentThenPylearn2ThenTheDataFolder() throws IOException {
        Path data = tmp.resolve("data");
        assertEquals(Optional.empty(), Tfd.locate(Map.of(), data));
        Path inData = Files.createDirectories(data.resolve("faces")).resolve(Tfd.FILE_NAME);
        Files.writeString(inData, "x");
        assertEquals(Optional.of(inData), Tfd.locate(Map.of(), data));
        Path pl2 = Files.createDirectories(tmp.resolve("pl2/faces/TFD")).resolve(Tfd.FILE_NAME);
        Files.writeString(pl2, "x");
        assertEquals(Optional.of(pl2), Tfd.locate(Map.of("PYLEARN2_DATA_PATH", tmp.resolve("pl2").toString()), data));
        Path mine = Files.writeString(tmp.resolve("mine.mat"), "x");
        assertEquals(Optional.of(mine), Tfd.locate(Map.of(Tfd.ENV, mine.toString()), data));
        assertEquals(Optional.of(pl2), Tfd.locate(Map.of(Tfd.ENV, pl2.getParent().toString()), data), "a folder");
        DataFileException e = assertThrows(DataFileException.class,
                () -> Tfd.locate(Map.of(Tfd.ENV, tmp.resolve("nope.mat").toString()), data));
        assertTrue(e.getMessage().contains("does not exist") && e.getMessage().contains("licence"), e.getMessage());
    }
}
