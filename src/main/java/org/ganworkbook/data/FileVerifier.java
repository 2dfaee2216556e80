package org.ganworkbook.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Properties;
import java.util.zip.GZIPInputStream;

/**
 * Reads data files and proves they are the expected ones before anyone uses their bytes.
 *
 * <p>A file is accepted only if its uncompressed contents have the recorded size, MD5 and
 * SHA-256 ({@link DataFile}). Gzip files are recognised by their magic bytes and decompressed on
 * the fly. Hashing 47 MB costs a fraction of a second, so the verdict is cached in a small stamp
 * file next to the data: an entry records the file's path, size, modification time and SHA-256.
 * A later check that finds the same size and modification time trusts the entry; any change to
 * the file (rewritten, truncated, touched) makes it hash the file again.
 */
public final class FileVerifier {

    /** Name of the stamp file kept in a data folder. */
    public static final String STAMP_FILE = ".verified";

    private final Path stampFile;

    /**
     * @param stampFile where verdicts are cached, or {@code null} to hash on every check. The folder
     *     need not be writable: if the stamp cannot be written the files are simply hashed next time.
     */
    public FileVerifier(Path stampFile) {
        this.stampFile = stampFile;
    }

    /**
     * Reads a file, checks it, and returns its uncompressed contents.
     *
     * @param spec what the file must contain. Not modified.
     * @param file the file on disk, plain or gzip-compressed
     * @param fix one sentence telling the user how to get a good copy (ends every error message)
     * @return the verified, uncompressed bytes
     * @throws DataFileException if the file is missing, unreadable, truncated or has other contents
     */
    public byte[] readVerified(DataFile spec, Path file, String fix) {
        byte[] bytes = readContents(spec, file, fix);
        checkSize(spec, file, bytes.length, fix);
        if (!isStamped(spec, file)) {
            checkDigests(spec, file, bytes, fix);
            stamp(spec, file);
        }
        return bytes;
    }

    /**
     * Checks a file without keeping its contents; returns at once when the stamp still vouches for it.
     *
     * @param spec what the file must contain
     * @param file the file on disk, plain or gzip-compressed
     * @param fix how to get a good copy
     * @throws DataFileException as {@link #readVerified}
     */
    public void verify(DataFile spec, Path file, String fix) {
        if (Files.isRegularFile(file) && isStamped(spec, file)) {
            return;
        }
        readVerified(spec, file, fix);
    }

    /** Forgets any cached verdict for {@code file} (used after a file is replaced). */
    public void forget(Path file) {
        if (stampFile == null) {
            return;
        }
        Properties stamps = loadStamps();
        if (stamps.remove(key(file)) != null) {
            saveStamps(stamps);
        }
    }

    /** @return lower-case hex MD5 of {@code bytes} */
    public static String md5Hex(byte[] bytes) {
        return digestHex("MD5", bytes);
    }

    /** @return lower-case hex SHA-256 of {@code bytes} */
    public static String sha256Hex(byte[] bytes) {
        return digestHex("SHA-256", bytes);
    }

    /** @return true if the file starts with the gzip magic bytes 1f 8b */
    static boolean isGzip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    private static byte[] readContents(DataFile spec, Path file, String fix) {
        try {
            if (!isGzip(file)) {
                return Files.readAllBytes(file);
            }
            try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16)) {
                ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(spec.size(), 1 << 30));
                in.transferTo(out);
                return out.toByteArray();
            } catch (IOException e) {
                throw new DataFileException("Data file " + file + " is a damaged or truncated gzip file ("
                        + e.getMessage() + "). " + fix, e);
            }
        } catch (NoSuchFileException e) {
            throw new DataFileException("Data file " + file + " (" + spec.name() + ") does not exist. " + fix, e);
        } catch (IOException e) {
            throw new DataFileException("Data file " + file + " cannot be read (" + e + "). " + fix, e);
        }
    }

    private static void checkSize(DataFile spec, Path file, long actual, String fix) {
        if (actual == spec.size()) {
            return;
        }
        String what = actual < spec.size() ? "is truncated" : "is too long";
        throw new DataFileException("Data file " + file + " " + what + ": its contents are " + actual
                + " bytes, but " + spec.name() + " has " + spec.size() + " bytes. "
                + "It may be an incomplete download or a different file. " + fix);
    }

    private static void checkDigests(DataFile spec, Path file, byte[] bytes, String fix) {
        String sha256 = sha256Hex(bytes);
        String md5 = md5Hex(bytes);
        if (!sha256.equals(spec.sha256()) || !md5.equals(spec.md5())) {
            throw new DataFileException("Data file " + file + " fails its checksum: SHA-256 " + sha256
                    + " (expected " + spec.sha256() + "), MD5 " + md5 + " (expected " + spec.md5()
                    + "). The file is damaged or is not " + spec.name() + "; it will not be used. " + fix);
        }
    }

    private boolean isStamped(DataFile spec, Path file) {
        if (stampFile == null) {
            return false;
        }
        String entry = loadStamps().getProperty(key(file));
        String now = describe(spec, file);
        return entry != null && now != null && entry.equals(now);
    }

    private void stamp(DataFile spec, Path file) {
        if (stampFile == null) {
            return;
        }
        String now = describe(spec, file);
        if (now == null) {
            return;
        }
        Properties stamps = loadStamps();
        stamps.setProperty(key(file), now);
        saveStamps(stamps);
    }

    /** size, modification time and the expected SHA-256, or null if the file cannot be stat'ed. */
    private static String describe(DataFile spec, Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return a.size() + " " + a.lastModifiedTime().toMillis() + " " + spec.sha256();
        } catch (IOException e) {
            return null;
        }
    }

    private static String key(Path file) {
        return file.toAbsolutePath().normalize().toString();
    }

    private Properties loadStamps() {
        Properties p = new Properties();
        if (Files.isRegularFile(stampFile)) {
            try (InputStream in = Files.newInputStream(stampFile)) {
                p.load(in);
            } catch (IOException | IllegalArgumentException e) {
                // A damaged stamp only costs a re-hash.
                p.clear();
            }
        }
        return p;
    }

    private void saveStamps(Properties stamps) {
        try {
            Files.createDirectories(stampFile.toAbsolutePath().getParent());
            Path tmp = Files.createTempFile(stampFile.toAbsolutePath().getParent(), ".verified", ".tmp");
            try {
                try (OutputStream out = Files.newOutputStream(tmp)) {
                    stamps.store(out, "gan-workbook: files whose checksums were verified (size mtime sha256)");
                }
                try {
                    Files.move(tmp, stampFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, stampFile, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException | UncheckedIOException e) {
            // Read-only data folder: verdicts are not cached, files are hashed on every load.
        }
    }

    private static String digestHex(String algorithm, byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is missing from this JVM", e);
        }
    }
}
