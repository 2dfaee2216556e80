package org.ganworkbook.cli;

import org.ganworkbook.gan.Checkpoint;
import org.ganworkbook.paper.BestCheckpoint;
import org.ganworkbook.paper.FixedNoiseSheets;
import org.ganworkbook.paper.HeldOutLog;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** train --heldout-every on a slice of MNIST: the CSV, the sheets, best.ckpt, resume, an older run folder. */
class TrainHeldOutTest {

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(List<String> args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args.toArray(new String[0]));
    }

    private List<String> train(Path dir, int epochs, String... more) {
        List<String> a = new ArrayList<>(List.of("train", "--out", dir.toString(), "--train-size", "2000", "--epochs",
                Integer.toString(epochs), "--keep-every", "1", "--progress", "lines", "--heldout-samples", "500"));
        a.addAll(List.of(more));
        return a;
    }

    private static List<String> epochsAndScores(Path dir) throws Exception {
        return Files.readAllLines(dir.resolve(HeldOutLog.FILE)).stream().skip(1)
                .map(l -> String.join(",", List.of(l.split(",")).subList(0, 5))).toList();
    }

    @Test
    @Tag("slow") // about 26 s on a loaded 2-core machine
    void monitorsEveryEpochResumesWithoutDuplicatesAndLeavesTheTrainingAlone() throws Exception {
        Path watched = tmp.resolve("watched");
        assertEquals(0, run(train(watched, 3, "--heldout-every", "1")), err.toString());
        assertTrue(out.toString().contains("held-out epoch 3: ") && out.toString().contains("(best "), out.toString());
        List<String> rows = Files.readAllLines(watched.resolve(HeldOutLog.FILE));
        assertEquals(HeldOutLog.HEADER, rows.get(0));
        assertEquals(4, rows.size(), "epochs 1..3: " + rows);
        assertTrue(rows.get(3).startsWith("3,60,") && rows.get(3).contains(",500,1000,9000,"), rows.get(3));
        assertEquals(List.of(1, 2, 3), new ArrayList<>(FixedNoiseSheets.list(watched).keySet()));
        HeldOutLog log = HeldOutLog.open(watched, 20, 3);
        assertEquals(log.best().orElseThrow().epoch(),
                Checkpoint.read(watched.resolve(BestCheckpoint.FILE)).completedEpochs());

        Path plain = tmp.resolve("plain");
        assertEquals(0, run(train(plain, 3, "--heldout-every", "0")), err.toString());
        assertTrue(!Files.exists(plain.resolve(HeldOutLog.FILE)) && !Files.exists(plain.resolve(BestCheckpoint.FILE)));
        Checkpoint a = Checkpoint.read(watched.resolve("checkpoint.ckpt"));
        Checkpoint b = Checkpoint.read(plain.resolve("checkpoint.ckpt"));
        TrainCommandTest.assertSameParameters(a.generator(), b.generator());
        TrainCommandTest.assertSameParameters(a.discriminator(), b.discriminator());

        // kill -9 while epoch 3's row was being appended: the row is torn; resume scores epoch 3 again, identically
        List<String> before = epochsAndScores(watched);
        String csv = Files.readString(watched.resolve(HeldOutLog.FILE));
        Files.writeString(watched.resolve(HeldOutLog.FILE), csv.substring(0, csv.length() - 20));
        assertEquals(0, run(train(watched, 4, "--heldout-every", "1", "--resume")), err.toString());
        List<String> after = epochsAndScores(watched);
        assertEquals(before, after.subList(0, 3));
        assertEquals(4, after.size(), "epochs 1..4, none twice: " + after);

        // an older run folder: heldout.txt, no CSV; its scores come in once, its best.ckpt stays if it is the best
        Files.delete(watched.resolve(HeldOutLog.FILE));
        Files.copy(watched.resolve("epoch-0002.ckpt"), watched.resolve(BestCheckpoint.FILE),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(watched.resolve(HeldOutLog.LEGACY), "# from evaluate --no-test\n"
                + "epoch 0002: held-out selection score 900.00 ± 2.00\n");
        assertEquals(0, run(train(watched, 5, "--heldout-every", "1", "--resume")), err.toString());
        List<String> imported = Files.readAllLines(watched.resolve(HeldOutLog.FILE));
        assertEquals(List.of(HeldOutLog.HEADER, "2,40,,900.0000,2.0000,,,,,heldout.txt"), imported.subList(0, 2));
        assertEquals(4, imported.size(), "imported epoch 2, then epochs 4 (resumed) and 5: " + imported);
        assertEquals(2, Checkpoint.read(watched.resolve(BestCheckpoint.FILE)).completedEpochs(),
                "no new score beats 900, so the older best.ckpt stays");
    }
}
