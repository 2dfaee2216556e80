package org.ganworkbook.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileVerifierTest {

    private static final String FIX = "Fix: fetch it again.";

    @TempDir
    Path tmp;

    private final byte[] contents = TinyIdx.idx(3, 6, 4, 4);
    private final DataFile spec = TinyIdx.spec("imgs-idx3-ubyte", contents);

    @Test
    void acceptsTheRightFilePlainAndCompressed() throws IOException {
        Path plain = Files.write(tmp.resolve(spec.name()), contents);
        Path gz = Files.write(tmp.resolve(spec.gzName()), TinyIdx.gzip(contents));
        FileVerifier v = new FileVerifier(null);
        assertArrayEquals(contents, v.readVerified(spec, plain, FIX));
        assertArrayEquals(contents, v.readVerified(spec, gz, FIX));
    }

    @Test
    void corruptedByteFailsTheChecksumAndTheMessageSaysWhatToDo() throws IOException {
        byte[] bad = contents.clone();
        bad[bad.length / 2] ^= 1;
        Path file = Files.write(tmp.resolve(spec.name()), bad);
        DataFileException e = assertThrows(DataFileException.class,
                () -> new FileVerifier(null).readVerified(spec, file, FIX));
        String m = e.getMessage();
        assertTrue(m.contains(file.toString()), m);
        assertTrue(m.contains("checksum"), m);
        assertTrue(m.contains(spec.sha256()) && m.contains(FileVerifier.sha256Hex(bad)), m);
        assertTrue(m.endsWith(FIX), m);
    }

    @Test
    void truncatedFilesAreNamedAsSuch() throws IOException {
        Path file = Files.write(tmp.resolve(spec.name()), Arrays.copyOf(contents, contents.length - 10));
        DataFileException e = assertThrows(DataFileException.class,
                () -> new FileVerifier(null).readVerified(spec, file, FIX));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        assertTrue(e.getMessage().contains(String.valueOf(contents.length)), e.getMessage());

        byte[] gz = TinyIdx.gzip(contents);
        Path gzFile = Files.write(tmp.resolve(spec.gzName()), Arrays.copyOf(gz, gz.length / 2));
        e = assertThrows(DataFileException.class, () -> new FileVerifier(null).readVerified(spec, gzFile, FIX));
        assertTrue(e.getMessage().contains("gzip") && e.getMessage().contains(gzFile.toString()), e.getMessage());
    }

    @Test
    void missingFileIsNamed() {
        Path file = tmp.resolve("nothing-here");
        DataFileException e = assertThrows(DataFileException.class,
                () -> new FileVerifier(null).verify(spec, file, FIX));
        assertTrue(e.getMessage().contains("does not exist") && e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void stampSkipsHashingUntilTheFileChanges() throws IOException {
        Path file = Files.write(tmp.resolve(spec.name()), contents);
        FileVerifier v = new FileVerifier(tmp.resolve(FileVerifier.STAMP_FILE));
        v.verify(spec, file, FIX);
        assertTrue(Files.isRegularFile(tmp.resolve(FileVerifier.STAMP_FILE)));

        // Same size and modification time: the stamp vouches for the file without reading it.
        FileTime mtime = Files.getLastModifiedTime(file);
        byte[] sameSize = contents.clone();
        sameSize[20] ^= 1;
        Files.write(file, sameSize);
        Files.setLastModifiedTime(file, mtime);
        assertDoesNotThrow(() -> v.verify(spec, file, FIX));

        // Any change of modification time makes it hash again, and the damage is found.
        Files.setLastModifiedTime(file, FileTime.fromMillis(mtime.toMillis() + 2000));
        assertThrows(DataFileException.class, () -> v.verify(spec, file, FIX));
        // Loading hashes too: a change of size is caught before the stamp is even consulted.
        Files.write(file, Arrays.copyOf(contents, 30));
        assertThrows(DataFileException.class, () -> v.readVerified(spec, file, FIX));
    }

    @Test
    void unwritableStampFolderOnlyCostsCaching() throws IOException {
        Path file = Files.write(tmp.resolve(spec.name()), contents);
        Path blocker = Files.writeString(tmp.resolve("not-a-dir"), "x");
        FileVerifier v = new FileVerifier(blocker.resolve(FileVerifier.STAMP_FILE));
        assertDoesNotThrow(() -> v.verify(spec, file, FIX));
        assertDoesNotThrow(() -> v.verify(spec, file, FIX));
        // nothing was cached: a same-size, same-time change is still found, because every verify hashes
        FileTime mtime = Files.getLastModifiedTime(file);
        byte[] sameSize = contents.clone();
        sameSize[20] ^= 1;
        Files.write(file, sameSize);
        Files.setLastModifiedTime(file, mtime);
        assertThrows(DataFileException.class, () -> v.verify(spec, file, FIX));
    }
}
