package org.ganworkbook.paper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** heldout.csv: append, reopen, repair after a kill -9, import of an older run folder's heldout.txt. */
class HeldOutLogTest {

    @TempDir
    Path dir;

    static HeldOutLog.Row row(int epoch, double score) {
        return new HeldOutLog.Row(epoch, epoch * 500L, 0.1668, score, 2.36, 10_000, 1000, 9000, 5.25, "train");
    }

    @Test
    void appendedRowsComeBackAndAnEpochIsNeverAppendedTwice() throws IOException {
        HeldOutLog log = HeldOutLog.open(dir, 500, 0);
        assertEquals(List.of(HeldOutLog.HEADER), Files.readAllLines(log.file()));
        assertTrue(log.append(row(0, -50)));
        assertTrue(log.append(row(25, 75.2)));
        assertFalse(log.append(row(25, 99)), "epoch 25 is there already");
        HeldOutLog again = HeldOutLog.open(dir, 500, 25);
        assertEquals(List.of(row(0, -50), row(25, 75.2)), again.rows());
        assertEquals(25, again.best().orElseThrow().epoch());
        assertEquals(3, Files.readAllLines(log.file()).size());
    }

    @Test
    void aTornLastLineAndRowsAfterTheResumedEpochAreDropped() throws IOException {
        HeldOutLog log = HeldOutLog.open(dir, 500, 0);
        log.append(row(0, -50));
        log.append(row(25, 75.2));
        log.append(row(50, 124.9));
        // kill -9 in the middle of the next append
        Files.writeString(log.file(), "75,37500,0.1668,14", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        HeldOutLog repaired = HeldOutLog.open(dir, 500, 75);
        assertEquals(List.of(row(0, -50), row(25, 75.2), row(50, 124.9)), repaired.rows());
        assertTrue(Files.readString(log.file()).endsWith("train\n"), "torn line gone from the file too");
        assertTrue(repaired.append(row(75, 146.0)), "the lost epoch is scored again");
        // resuming from an older checkpoint: later rows go, they will be recomputed
        HeldOutLog older = HeldOutLog.open(dir, 500, 30);
        assertEquals(List.of(row(0, -50), row(25, 75.2)), older.rows());
        assertEquals(3, Files.readAllLines(log.file()).size());
    }

    @Test
    void aBrokenLineInTheMiddleIsAnErrorThatSaysWhichLine() throws IOException {
        HeldOutLog log = HeldOutLog.open(dir, 500, 0);
        log.append(row(0, -50));
        Files.writeString(log.file(), "garbage\n" + row(25, 75.2).csv() + "\n", StandardOpenOption.APPEND);
        IOException e = assertThrows(IOException.class, () -> HeldOutLog.open(dir, 500, 25));
        assertTrue(e.getMessage().contains("line 3") && e.getMessage().contains("garbage"), e.getMessage());
    }

    @Test
    void anOlderRunFoldersHeldoutTxtIsImportedOnce() throws IOException {
        Files.writeString(dir.resolve(HeldOutLog.LEGACY), String.join("\n",
                "# Held-out Parzen score (sigma chosen on valid[0:1000], scored on valid[1000:10000]) of kept checkpoints,",
                "epoch 0025: held-out selection score 75.22 ± 1.73",
                "epoch 0550: held-out selection score 205.31 ± 2.36 ",
                "epoch 0575: held-out selection score 206.00 ± 2.30", ""));
        HeldOutLog log = HeldOutLog.open(dir, 500, 560);
        assertEquals(2, log.rows().size(), "epoch 575 is after the resumed checkpoint");
        HeldOutLog.Row r = log.rows().get(1);
        assertEquals(550, r.epoch());
        assertEquals(275_000, r.step());
        assertEquals(205.31, r.score(), 0);
        assertEquals(2.36, r.standardError(), 0);
        assertTrue(Double.isNaN(r.sigma()) && r.samples() == -1, "unknown fields stay unknown");
        assertEquals(HeldOutLog.LEGACY, r.source());
        assertTrue(Files.readAllLines(log.file()).get(2).startsWith("550,275000,,205.3100,2.3600,,,,,heldout.txt"),
                Files.readAllLines(log.file()).toString());
        log.append(row(560, 207));
        Files.writeString(dir.resolve(HeldOutLog.LEGACY), "epoch 0600: held-out selection score 300.00 ± 2.00\n");
        HeldOutLog reopened = HeldOutLog.open(dir, 500, 560);
        assertEquals(List.of(25, 550, 560), reopened.rows().stream().map(HeldOutLog.Row::epoch).toList(),
                "heldout.txt is read only while there is no CSV");
    }
}
