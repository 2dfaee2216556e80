package org.ganworkbook.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FashionMnistTest {

    @TempDir
    Path tmp;

    @Test
    void loadsFromTheDebianPackageWhenInstalledElseSaysHowToGetIt() {
        boolean installed = Files.isRegularFile(FashionMnist.DEBIAN_DIR.resolve("train-images-idx3-ubyte.gz"))
                || Files.isRegularFile(FashionMnist.DATASET.dir(DataDirs.resolve()).resolve("train-images-idx3-ubyte"));
        if (installed) {
            Splits s = FashionMnist.load();
            assertEquals(50_000, s.train().size());
            assertEquals(10_000, s.valid().size());
            assertEquals(10_000, s.test().size());
            assertEquals("Ankle boot", s.classNames().get(9));
            assertEquals(10, s.test().countsPerClass(10).length);
            assertEquals(1000, s.test().countsPerClass(10)[0]); // the test set is balanced: 1000 per class
        } else {
            DataFileException e = assertThrows(DataFileException.class, FashionMnist::load);
            assertTrue(e.getMessage().contains("dataset-fashion-mnist"), e.getMessage());
        }
    }

    @Test
    void missingEverywhereNamesTheDebianPackage() {
        IdxDataset nowhere = new IdxDataset("Fashion-MNIST", "fashion-mnist", FashionMnist.TRAIN_IMAGES,
                FashionMnist.TRAIN_LABELS, FashionMnist.TEST_IMAGES, FashionMnist.TEST_LABELS, 50_000,
                FashionMnist.DATASET.classNames(), List.of(tmp.resolve("no-debian")), FashionMnist.FIX);
        DataFileException e = assertThrows(DataFileException.class, () -> nowhere.load(tmp));
        assertTrue(e.getMessage().contains("apt-get install dataset-fashion-mnist"), e.getMessage());
        assertTrue(e.getMessage().contains(tmp.resolve("no-debian").toString()), e.getMessage());
    }
}
