package org.ganworkbook.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.ejml.data.FMatrixRMaj;

/**
 * A data set distributed as the four IDX files of MNIST (training and test images and labels), and
 * how to find, check and split them. {@link Mnist} and {@link FashionMnist} are the two instances.
 *
 * <p>Files are looked up in {@code <dataDir>/<folder>/} and then in the {@code systemDirs} (for
 * example a Debian package's folder), each as is or gzip-compressed. The first one found is
 * verified ({@link FileVerifier}); a damaged file is an error, never skipped in favour of another.
 *
 * @param name display name, e.g. {@code "MNIST"}
 * @param folder sub-folder of the data directory, e.g. {@code "mnist"}
 * @param trainImages the training images file
 * @param trainLabels the training labels file
 * @param testImages the test images file
 * @param testLabels the test labels file
 * @param trainSize how many of the training file's images form the training split; the rest are
 *     the held-out split
 * @param classNames name of each label
 * @param systemDirs further folders to search, after the data directory
 * @param fix what to do when a file is missing or damaged (ends every error message)
 */
public record IdxDataset(String name, String folder, DataFile trainImages, DataFile trainLabels,
                         DataFile testImages, DataFile testLabels, int trainSize,
                         List<String> classNames, List<Path> systemDirs, String fix) implements FileSet {

    /** Copies the lists. */
    public IdxDataset {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(folder, "folder");
        classNames = List.copyOf(classNames);
        systemDirs = List.copyOf(systemDirs);
    }

    /** @return the four files, training images first */
    @Override
    public List<DataFile> files() {
        return List.of(trainImages, trainLabels, testImages, testLabels);
    }

    /** @return every place a file may be, in search order */
    public List<Path> candidates(Path dataDir, DataFile file) {
        List<Path> out = new ArrayList<>();
        for (Path d : searchDirs(dataDir)) {
            out.add(d.resolve(file.name()));
            out.add(d.resolve(file.gzName()));
        }
        return out;
    }

    /** @return the first existing candidate for {@code file}, if any */
    public Optional<Path> locate(Path dataDir, DataFile file) {
        return candidates(dataDir, file).stream().filter(Files::isRegularFile).findFirst();
    }

    /**
     * Loads and checks the four files and cuts them into the three splits.
     *
     * @param dataDir the data directory (see {@code org.ganworkbook.data.DataDirs})
     * @return train = training file items {@code 0 .. trainSize-1}, valid = the rest of the training
     *     file, test = the test file; pixels divided by 255
     * @throws DataFileException naming the file, the places searched and the fix
     */
    public Splits load(Path dataDir) {
        FileVerifier verifier = verifier(dataDir);
        IdxFile trainX = IdxFile.parse(trainImages.name(), read(verifier, dataDir, trainImages), 3);
        IdxFile trainY = IdxFile.parse(trainLabels.name(), read(verifier, dataDir, trainLabels), 1);
        IdxFile testX = IdxFile.parse(testImages.name(), read(verifier, dataDir, testImages), 3);
        IdxFile testY = IdxFile.parse(testLabels.name(), read(verifier, dataDir, testLabels), 1);
        if (trainX.count() != trainY.count() || testX.count() != testY.count()) {
            throw new DataFileException(name + " image and label files disagree on the number of items. " + fix);
        }
        if (trainSize > trainX.count()) {
            throw new DataFileException(name + " training file has " + trainX.count() + " images, fewer than the "
                    + trainSize + " of the training split. " + fix);
        }
        int h = trainX.dims()[1];
        int w = trainX.dims()[2];
        int n = trainX.count();
        return new Splits(name,
                split(trainX, trainY, 0, trainSize, h, w),
                split(trainX, trainY, trainSize, n, h, w),
                split(testX, testY, 0, testX.count(), h, w),
                classNames);
    }

    /**
     * Checks all four files (fast when their stamps are current).
     *
     * @return the verified file of each entry of {@link #files()}
     * @throws DataFileException for the first missing or damaged file
     */
    public List<Path> verify(Path dataDir) {
        FileVerifier verifier = verifier(dataDir);
        List<Path> out = new ArrayList<>();
        for (DataFile f : files()) {
            Path p = require(dataDir, f);
            verifier.verify(f, p, fix);
            out.add(p);
        }
        return out;
    }

    private byte[] read(FileVerifier verifier, Path dataDir, DataFile f) {
        return verifier.readVerified(f, require(dataDir, f), fix);
    }

    private Path require(Path dataDir, DataFile f) {
        return locate(dataDir, f).orElseThrow(() -> new DataFileException(name + " file " + f.name()
                + " was not found. Looked for it (plain or .gz) in: "
                + String.join(", ", searchDirs(dataDir).stream().map(Path::toString).toList()) + ". " + fix));
    }

    private List<Path> searchDirs(Path dataDir) {
        List<Path> dirs = new ArrayList<>();
        dirs.add(dir(dataDir));
        dirs.addAll(systemDirs);
        return dirs;
    }

    private static LabeledImages split(IdxFile x, IdxFile y, int from, int to, int h, int w) {
        FMatrixRMaj images = x.unitFloats(from, to);
        return new LabeledImages(images, y.unsignedInts(from, to), h, w);
    }
}
