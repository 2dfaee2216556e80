package org.ganworkbook.cli;

import org.ganworkbook.data.Mnist;
import org.ganworkbook.gan.Checkpoint;
import org.ganworkbook.gan.GanConfig;
import org.ganworkbook.gan.GanData;
import org.ganworkbook.gan.GanTrainer;
import org.ganworkbook.nn.Mlp;
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
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** train / sample / evaluate on a small slice of MNIST: resume, refusals, pictures, the Parzen line. */
class TrainCommandTest {

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private String[] train(Path dir, int epochs, String... more) {
        List<String> a = new ArrayList<>(List.of("train", "--out", dir.toString(), "--train-size", "500", "--epochs",
                Integer.toString(epochs), "--keep-every", "1", "--progress", "lines", "--record-every", "1"));
        a.addAll(List.of(more));
        return a.toArray(new String[0]);
    }

    static void assertSameParameters(Mlp a, Mlp b) {
        for (int i = 0; i < a.parameters().size(); i++) {
            assertArrayEquals(a.parameters().get(i).value(), b.parameters().get(i).value(), a.parameters().get(i).name());
        }
    }

    @Test
    void trainInTwoGoesEqualsOneGo() throws Exception {
        Path straight = tmp.resolve("straight");
        Path split = tmp.resolve("split");
        assertEquals(0, run(train(straight, 2)), err.toString());
        assertTrue(out.toString().contains("GanConfig paper-mnist") && out.toString().contains("epoch 2/2 step 10"),
                out.toString());
        assertEquals(0, run(train(split, 1)), err.toString());
        assertEquals(0, run(train(split, 2, "--resume")), err.toString());
        Checkpoint a = Checkpoint.read(straight.resolve("checkpoint.ckpt"));
        Checkpoint b = Checkpoint.read(split.resolve("checkpoint.ckpt"));
        assertEquals(10, b.step());
        assertSameParameters(a.generator(), b.generator());
        assertSameParameters(a.discriminator(), b.discriminator());
        assertTrue(Files.exists(split.resolve("epoch-0001.ckpt")) && Files.exists(split.resolve("epoch-0002.ckpt")));
        List<String> steps = Files.readAllLines(split.resolve("steps.csv"));
        assertEquals(11, steps.size(), "header + one line per step, none repeated: " + steps);
        assertEquals(TrainCommand.CSV_HEADER, steps.get(0));
        // nothing more to do
        assertEquals(0, run(train(split, 2, "--resume")), err.toString());
        assertTrue(out.toString().contains("nothing to do"));
    }

    @Test
    void refusalsAreOneClearLine() throws Exception {
        Path dir = tmp.resolve("run");
        assertEquals(1, run(train(dir, 1, "--resume")));
        assertTrue(err.toString().contains("does not exist. Start without --resume"), err.toString());
        assertEquals(0, run(train(dir, 1)));
        assertEquals(1, run(train(dir, 1)));
        assertTrue(err.toString().contains("exists already"), err.toString());
        // a damaged checkpoint
        Path ck = dir.resolve("checkpoint.ckpt");
        byte[] bytes = Files.readAllBytes(ck);
        Files.write(ck, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertEquals(1, run(train(dir, 2, "--resume")));
        assertTrue(err.toString().contains("truncated"), err.toString());
        assertEquals(1, run("evaluate", ck.toString()));
        assertTrue(err.toString().lines().anyMatch(l -> l.startsWith("ERROR: ") && l.contains("truncated")), err.toString());
        // a checkpoint of another config
        GanTrainer tiny = GanTrainer.create(GanConfig.paperMnist().withName("small").withBatchSize(50),
                GanData.of(Mnist.load().train().head(500).images()), 1L);
        tiny.save(ck);
        assertEquals(1, run(train(dir, 2, "--resume")));
        assertTrue(err.toString().contains("'small'") && err.toString().contains("'paper-mnist'"), err.toString());
    }

    @Test
    void sampleAndEvaluate() throws Exception {
        Path dir = tmp.resolve("run");
        assertEquals(0, run(train(dir, 1)));
        Path png = tmp.resolve("png");
        assertEquals(0, run("sample", "--checkpoint", dir.resolve("checkpoint.ckpt").toString(), "--out", png.toString(),
                "--count", "20"), err.toString());
        for (String f : List.of("samples.png", "figure2.png", "figure3.png")) {
            assertTrue(Files.size(png.resolve(f)) > 1000, f);
        }
        assertEquals(0, run("evaluate", "--samples", "500", "--select", "--best", dir.resolve("best.ckpt").toString(),
                dir.resolve("epoch-0001.ckpt").toString(), dir.resolve("checkpoint.ckpt").toString()), err.toString());
        String o = out.toString();
        assertTrue(o.contains("NOT the paper's protocol") && o.contains("sigma curve") && o.contains("chosen by held-out score")
                && o.contains("TEST: "), o);
        assertTrue(Files.exists(dir.resolve("best.ckpt")));
    }

    /** A `train` command line in its own JVM. */
    private Process startTrain(Path dir, int epochs, boolean resume) throws Exception {
        // through perl (Debian's perl-base is Essential), which resets SIGINT to its default before exec: a
        // test run started as a background job of a non-interactive shell (e.g. `./environment/test.sh &`)
        // inherits SIGINT ignored, the JVM then installs no handler for it, and Ctrl-C would do nothing
        List<String> cmd = new ArrayList<>(List.of("perl", "-e", "$SIG{INT} = 'DEFAULT'; exec @ARGV or die \"exec: $!\"",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(train(dir, epochs)));
        if (resume) {
            cmd.add("--resume");
        }
        cmd.set(cmd.indexOf("500"), "2000"); // 20 iterations per epoch
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("log-" + System.nanoTime()).toFile())
                .start();
    }

    private static long lastStep(Path dir) throws Exception {
        Path csv = dir.resolve("steps.csv");
        if (!Files.exists(csv)) {
            return 0;
        }
        List<String> lines = Files.readAllLines(csv);
        String last = lines.get(lines.size() - 1);
        return last.startsWith("step") ? 0 : Long.parseLong(last.substring(0, last.indexOf(',')));
    }

    private static GanTrainer straightRun(int epochs) {
        GanTrainer t = GanTrainer.create(GanConfig.paperMnist(), GanData.of(Mnist.load().train().head(2000).images()), 2014L);
        t.trainEpochs(epochs);
        return t;
    }

    @Test
    @Tag("slow")
    void killMinus9MidEpochThenResumeIsBitIdentical() throws Exception {
        Path dir = tmp.resolve("killed");
        Process p = startTrain(dir, 3, false);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (lastStep(dir) < 27 && System.nanoTime() < deadline && p.isAlive()) {
            Thread.sleep(20);
        }
        p.destroyForcibly(); // SIGKILL: no hook runs
        p.waitFor();
        long killedAt = lastStep(dir);
        assertTrue(killedAt >= 27 && killedAt < 60, "killed mid-run at step " + killedAt);
        Checkpoint before = Checkpoint.read(dir.resolve("checkpoint.ckpt"));
        assertTrue(before.step() == 20 || before.step() == 40, "last epoch-end checkpoint, got step " + before.step());
        Process resumed = startTrain(dir, 3, true);
        assertEquals(0, resumed.waitFor(), "resume exit status");
        Checkpoint end = Checkpoint.read(dir.resolve("checkpoint.ckpt"));
        assertEquals(60, end.step());
        GanTrainer straight = straightRun(3);
        assertSameParameters(straight.generator(), end.generator());
        assertSameParameters(straight.discriminator(), end.discriminator());
    }

    @Test
    @Tag("slow")
    void ctrlCSavesMidEpochAndResumeIsBitIdentical() throws Exception {
        Path dir = tmp.resolve("interrupted");
        // 100 epochs (2,000 steps, about a minute) so that the signal always arrives mid-run: with 10 epochs
        // (200 steps, about 4 s on an idle machine) a loaded CI machine once let the run finish first (exit 0
        // instead of 130). The run never goes that far: the resume below ends one epoch after the saved step.
        Process p = startTrain(dir, 100, false);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (lastStep(dir) < 25 && System.nanoTime() < deadline && p.isAlive()) {
            Thread.sleep(20);
        }
        new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "exits after Ctrl-C");
        assertEquals(130, p.exitValue());
        Checkpoint saved = Checkpoint.read(dir.resolve("checkpoint.ckpt"));
        assertTrue(saved.step() >= 25 && saved.step() % 20 != 0, "saved mid-epoch at step " + saved.step());
        int endEpoch = (int) (saved.step() / 20) + 2; // the rest of the interrupted epoch, then one more
        Process resumed = startTrain(dir, endEpoch, true);
        assertEquals(0, resumed.waitFor());
        Checkpoint end = Checkpoint.read(dir.resolve("checkpoint.ckpt"));
        assertEquals(20L * endEpoch, end.step());
        GanTrainer straight = straightRun(endEpoch);
        assertSameParameters(straight.generator(), end.generator());
        assertSameParameters(straight.discriminator(), end.discriminator());
    }
}
