package org.ganworkbook.gan;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckpointTest {

    @TempDir
    Path dir;

    private Path saved(long steps) throws IOException {
        GanTrainer t = GanTrainer.create(TinyGan.config(), TinyGan.gandata(), 3L);
        t.trainSteps(steps);
        Path file = dir.resolve("run.ckpt");
        t.save(file);
        return file;
    }

    @Test
    void roundTripKeepsEverything() throws IOException {
        GanTrainer t = GanTrainer.create(TinyGan.config(), TinyGan.gandata(), 3L);
        t.trainSteps(47);
        Path file = dir.resolve("a/b/run.ckpt"); // folders are created
        t.save(file);
        Checkpoint ck = Checkpoint.read(file);
        assertEquals(TinyGan.config(), ck.config());
        assertEquals(3L, ck.seed());
        assertEquals(47, ck.step());
        assertEquals(3, ck.epoch());
        assertEquals(7, ck.iterationInEpoch());
        assertEquals(2, ck.completedEpochs());
        GanTrainer back = ck.trainer(TinyGan.gandata());
        assertArrayEquals(TinyGan.state(t), TinyGan.state(back));
        assertEquals(t.wallSeconds(), back.wallSeconds());
        // G alone, e.g. for sampling
        assertArrayEquals(t.generator().parameters().get(0).value(), ck.generator().parameters().get(0).value());
        try (var files = Files.list(file.getParent())) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }
    }

    @Test
    void checkpointIsReadableByOthersLikeAnyWrittenFile() throws IOException {
        Path file = saved(1);
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)),
                    "not the owner-only mode of a temp file");
        }
    }

    @Test
    void truncatedFileIsRefused() throws IOException {
        Path file = saved(5);
        long size = Files.size(file);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(size - 1000);
        }
        CheckpointException e = assertThrows(CheckpointException.class, () -> Checkpoint.read(file));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void flippedByteIsRefused() throws IOException {
        Path file = saved(5);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x10;
        Files.write(file, bytes);
        CheckpointException e = assertThrows(CheckpointException.class, () -> Checkpoint.read(file));
        assertTrue(e.getMessage().contains("damaged") && e.getMessage().contains("checksum"), e.getMessage());
    }

    @Test
    void otherFilesAndVersionsAreRefused() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.txt"), "hello, this is not a checkpoint at all");
        CheckpointException e = assertThrows(CheckpointException.class, () -> Checkpoint.read(text));
        assertTrue(e.getMessage().contains("not a GAN Workbook checkpoint"), e.getMessage());
        Path file = saved(5);
        byte[] bytes = Files.readAllBytes(file);
        bytes[8] = 9; // version 9
        Files.write(file, bytes);
        e = assertThrows(CheckpointException.class, () -> Checkpoint.read(file));
        assertTrue(e.getMessage().contains("version 9"), e.getMessage());
        e = assertThrows(CheckpointException.class, () -> Checkpoint.read(dir.resolve("missing.ckpt")));
        assertTrue(e.getMessage().contains("no such checkpoint"), e.getMessage());
    }

    @Test
    void anotherConfigIsRefusedNamingBoth() throws IOException {
        Checkpoint ck = Checkpoint.read(saved(5));
        ck.requireConfig(TinyGan.config()); // the same: fine
        CheckpointException e = assertThrows(CheckpointException.class,
                () -> ck.requireConfig(GanConfig.paperMnist()));
        String m = e.getMessage();
        assertTrue(m.contains("'tiny'") && m.contains("'paper-mnist'") && m.contains("G 4-8 relu-16 sigmoid")
                && m.contains("G 100-1200 relu"), m);
        e = assertThrows(CheckpointException.class,
                () -> ck.requireConfig(TinyGan.config().withLearningRate(0.05f)));
        assertTrue(e.getMessage().contains("first difference") && e.getMessage().contains("learningRate"), e.getMessage());
    }

    @Test
    void otherDataAreRefused() throws IOException {
        Checkpoint ck = Checkpoint.read(saved(5));
        CheckpointException e = assertThrows(CheckpointException.class,
                () -> ck.trainer(GanData.of(TinyGan.data(200, 12))));
        assertTrue(e.getMessage().contains("other data"), e.getMessage());
    }

    @Test
    void samplerDataRoundTrip() throws IOException {
        GanData ring = GanData.of(org.ganworkbook.sampling.GaussianMixture2d.ring8(), 20);
        GanTrainer t = GanTrainer.create(GanConfig.toyRing(), ring, 8L);
        t.trainSteps(30);
        Path file = dir.resolve("ring.ckpt");
        t.save(file);
        GanTrainer back = GanTrainer.load(file, ring);
        t.trainSteps(15);
        back.trainSteps(15);
        assertArrayEquals(TinyGan.state(t), TinyGan.state(back));
    }
}
