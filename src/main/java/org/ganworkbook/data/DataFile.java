package org.ganworkbook.data;

import java.util.Locale;
import java.util.Objects;

/**
 * The identity of one data file: its name and the size and checksums of its <em>uncompressed</em>
 * contents. A file on disk may be stored as is or gzip-compressed ({@code name + ".gz"}); either way
 * the decompressed bytes must match all three.
 *
 * @param name file name, e.g. {@code train-images-idx3-ubyte}
 * @param size uncompressed size in bytes
 * @param md5 lower-case hex MD5 of the uncompressed contents
 * @param sha256 lower-case hex SHA-256 of the uncompressed contents
 */
public record DataFile(String name, long size, String md5, String sha256) {

    /** Checks the fields: a positive size and hex digests of the right length. */
    public DataFile {
        Objects.requireNonNull(name, "name");
        if (size <= 0) {
            throw new IllegalArgumentException("size must be positive, got " + size + " for " + name);
        }
        md5 = md5.toLowerCase(Locale.ROOT);
        sha256 = sha256.toLowerCase(Locale.ROOT);
        if (!md5.matches("[0-9a-f]{32}")) {
            throw new IllegalArgumentException("md5 of " + name + " must be 32 hex digits, got " + md5);
        }
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("sha256 of " + name + " must be 64 hex digits, got " + sha256);
        }
    }

    /** @return the name of the gzip-compressed form, {@code name + ".gz"} */
    public String gzName() {
        return name + ".gz";
    }
}
