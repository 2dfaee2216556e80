package org.ganworkbook.data;

import java.nio.file.Path;
import java.util.List;

/**
 * The files of one data set, as {@link DataFetcher} sees them: a display name, the sub-folder of the data
 * directory they live in, and what each file must contain. {@link IdxDataset} (MNIST, Fashion-MNIST) and
 * {@link OlivettiFaces#FILES} are the instances.
 */
public interface FileSet {

    /** @return display name, e.g. {@code "MNIST"} */
    String name();

    /** @return sub-folder of the data directory, e.g. {@code "mnist"} */
    String folder();

    /** @return the files, with their sizes and checksums */
    List<DataFile> files();

    /** @return {@code <dataDir>/<folder>}, where fetched files are stored */
    default Path dir(Path dataDir) {
        return dataDir.resolve(folder());
    }

    /** @return the verifier whose stamp file lives in {@code <dataDir>/<folder>/} */
    default FileVerifier verifier(Path dataDir) {
        return new FileVerifier(dir(dataDir).resolve(FileVerifier.STAMP_FILE));
    }

    /** @return a file set of the given files */
    static FileSet of(String name, String folder, DataFile... files) {
        return new Listed(name, folder, List.of(files));
    }

    /**
     * A file set given by its parts.
     *
     * @param name display name
     * @param folder sub-folder of the data directory
     * @param files the files
     */
    record Listed(String name, String folder, List<DataFile> files) implements FileSet {
        /** Copies the list. */
        public Listed {
            files = List.copyOf(files);
        }
    }
}
