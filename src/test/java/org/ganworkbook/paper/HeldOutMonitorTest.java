package org.ganworkbook.paper;

import org.ejml.data.FMatrixRMaj;
import org.ganworkbook.data.LabeledImages;
import org.ganworkbook.data.Splits;
import org.ganworkbook.eval.ParzenConfig;
import org.ganworkbook.gan.Checkpoint;
import org.ganworkbook.gan.GanConfig;
import org.ganworkbook.gan.GanData;
import org.ganworkbook.gan.GanTrainer;
import org.ganworkbook.nn.Activation;
import org.ganworkbook.nn.DenseSpec;
import org.ganworkbook.nn.Dropout;
import org.ganworkbook.nn.MaxoutSpec;
import org.ganworkbook.nn.Mlp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The monitor on a paper-shaped GAN of 4×4 images: rows and sheets at the right epochs, best.ckpt by the
 * held-out score, resume without duplicates, the same training with and without monitoring.
 */
class HeldOutMonitorTest {

    static final int SIDE = 4;
    static final ParzenConfig PROTOCOL = ParzenConfig.paperMnist().withNumSamples(300).withValidationLimit(100);

    @TempDir
    Path dir;

    static GanConfig tiny() {
        return GanConfig.paperMnist().withName("tiny").withLatentDim(4)
                .withGenerator(List.of(DenseSpec.of(8, Activation.RELU).withIrange(0.3f),
                        DenseSpec.of(SIDE * SIDE, Activation.SIGMOID).withIrange(0.3f)))
                .withDiscriminator(List.of(MaxoutSpec.of(6, 2).withIrange(0.3f).withInputDropout(Dropout.of(0.8f, 1.25f)),
                        DenseSpec.of(1, Activation.SIGMOID).withIrange(0.3f).withInputDropout(Dropout.of(0.5f, 2f))))
                .withBatchSize(10);
    }

    static FMatrixRMaj data(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        FMatrixRMaj x = new FMatrixRMaj(n, SIDE * SIDE);
        for (int i = 0; i < n; i++) {
            int proto = rng.nextInt(3);
            for (int j = 0; j < SIDE * SIDE; j++) {
                float base = (j % 3 == proto) ? 0.9f : 0.05f;
                x.data[i * SIDE * SIDE + j] = (float) Math.min(1, Math.max(0, base + 0.05 * rng.nextGaussian()));
            }
        }
        return x;
    }

    static LabeledImages images(FMatrixRMaj x) {
        return new LabeledImages(x, new int[x.numRows], SIDE, SIDE);
    }

    static final Splits SPLITS = new Splits("tiny", images(data(200, 11)), images(data(400, 12)), images(data(50, 13)),
            List.of("0"));

    static GanTrainer trainer() {
        return GanTrainer.create(tiny(), GanData.of(SPLITS.train().images()), 5L);
    }

    HeldOutMonitor monitor(Path run, int every, List<String> lines) {
        return new HeldOutMonitor(run, SPLITS, PROTOCOL, every, HeldOutMonitor.DEFAULT_SEED, lines::add);
    }

    static void assertSameParameters(Mlp a, Mlp b) {
        for (int i = 0; i < a.parameters().size(); i++) {
            assertArrayEquals(a.parameters().get(i).value(), b.parameters().get(i).value(), a.parameters().get(i).name());
        }
    }

    @Test
    void monitoringChangesNothingInTheTraining() throws IOException {
        GanTrainer plain = trainer();
        plain.trainEpochs(6);
        GanTrainer watched = trainer();
        HeldOutMonitor m = monitor(dir, 1, new ArrayList<>());
        m.start(watched);
        watched.addListener(m);
        watched.trainEpochs(6);
        assertEquals(6, m.log().rows().size(), "epochs 1..6 scored");
        assertSameParameters(plain.generator(), watched.generator());
        assertSameParameters(plain.discriminator(), watched.discriminator());
    }

    @Test
    void scoresEveryNEpochsKeepsTheBestAndSavesTheFixedNoiseSheets() throws IOException {
        GanTrainer t = trainer();
        List<String> lines = new ArrayList<>();
        HeldOutMonitor m = monitor(dir, 2, lines);
        m.start(t);
        t.addListener(m);
        t.trainEpochs(6);
        List<Integer> epochs = m.log().rows().stream().map(HeldOutLog.Row::epoch).toList();
        assertEquals(List.of(2, 4, 6), epochs);
        assertEquals(List.of(2, 4, 6), new ArrayList<>(FixedNoiseSheets.list(dir).keySet()));
        assertEquals(3, lines.size(), lines.toString());
        HeldOutLog.Row top = m.log().best().orElseThrow();
        assertEquals(top.epoch(), Checkpoint.read(dir.resolve(BestCheckpoint.FILE)).completedEpochs());
        assertEquals(top.epoch(), m.best().epoch());
        assertTrue(m.status().contains("best " + String.format(java.util.Locale.ROOT, "%.1f @%d", top.score(), top.epoch())),
                m.status());
        // the row is exactly what evaluate --no-test computes for that generator (same protocol, same seed)
        HeldOutLog.Row last = m.log().row(6).orElseThrow();
        ParzenEvaluation e = ParzenEvaluation.heldOutOnly(t.generator(), t.config().noise(), SPLITS, PROTOCOL, new SplittableRandom(HeldOutMonitor.DEFAULT_SEED));
        assertEquals(String.format(java.util.Locale.ROOT, "%.4f", e.heldOutMean()),
                String.format(java.util.Locale.ROOT, "%.4f", last.score()));
        assertEquals(100, last.sigmaImages());
        assertEquals(300, last.scoredImages());
        // the sheet holds G's images of the fixed noise
        FMatrixRMaj sheet = FixedNoiseSheets.read(FixedNoiseSheets.file(dir, 6), SIDE);
        FMatrixRMaj g = FixedNoiseSheets.images(t.generator(), t.config().noise());
        for (int i = 0; i < g.data.length; i++) {
            assertEquals(g.data[i], sheet.data[i], 0.5 / 255 + 1e-6, "pixel " + i);
        }
    }

    @Test
    void resumedAfterALostRowItIsScoredAgainIdenticallyAndNothingIsDuplicated() throws IOException {
        GanTrainer t = trainer();
        HeldOutMonitor m = monitor(dir, 1, new ArrayList<>());
        m.start(t);
        t.addListener(m);
        t.trainEpochs(3);
        t.save(dir.resolve("checkpoint.ckpt"));
        HeldOutLog.Row lost = m.log().row(3).orElseThrow();
        // kill -9 after checkpoint.ckpt and best.ckpt were written but while the row was being appended
        List<String> lines = Files.readAllLines(m.log().file());
        String torn = lines.get(lines.size() - 1).substring(0, 9);
        Files.writeString(m.log().file(), String.join("\n", lines.subList(0, lines.size() - 1)) + "\n" + torn);
        GanTrainer resumed = Checkpoint.read(dir.resolve("checkpoint.ckpt")).trainer(GanData.of(SPLITS.train().images()));
        HeldOutMonitor again = monitor(dir, 1, new ArrayList<>());
        again.start(resumed);
        HeldOutLog.Row redone = again.log().row(3).orElseThrow();
        assertEquals(lost.score(), redone.score(), 0, "same generator, same seed: same score");
        assertEquals(lost.sigma(), redone.sigma(), 0);
        resumed.addListener(again);
        resumed.trainEpochs(1);
        List<Integer> epochs = HeldOutLog.open(dir, resumed.iterationsPerEpoch(), 4).rows().stream()
                .map(HeldOutLog.Row::epoch).toList();
        assertEquals(List.of(1, 2, 3, 4), epochs);
    }

    @Test
    void theBestCheckpointRule() throws IOException {
        GanTrainer t = trainer();
        HeldOutLog log = HeldOutLog.open(dir, t.iterationsPerEpoch(), 0);
        BestCheckpoint best = BestCheckpoint.reconcile(dir, log);
        assertEquals(-1, best.epoch());
        assertFalse(best.improves(Double.NaN), "NaN never replaces");
        assertTrue(best.offer(t, -40));
        t.trainEpochs(1);
        assertFalse(best.offer(t, -40), "a tie keeps the earlier checkpoint");
        assertEquals(0, Checkpoint.read(best.file()).completedEpochs());
        assertTrue(best.offer(t, -39.5));
        assertEquals(1, Checkpoint.read(best.file()).completedEpochs());
        t.trainEpochs(1);
        assertFalse(best.offer(t, -60), "a worse score leaves best.ckpt alone");
        assertEquals(1, Checkpoint.read(best.file()).completedEpochs());
    }

    @Test
    void anOlderRunFoldersBestCheckpointIsKeptIfItIsTheBestKnownElseTheBetterKeptEpochReplacesIt() throws IOException {
        GanTrainer t = trainer();
        t.trainEpochs(2);
        t.save(dir.resolve("epoch-0002.ckpt"));
        t.trainEpochs(1);
        t.save(dir.resolve(BestCheckpoint.FILE)); // chosen by evaluate --select at epoch 3
        Files.writeString(dir.resolve(HeldOutLog.LEGACY), "epoch 0002: held-out selection score 10.00 ± 1.00\n"
                + "epoch 0003: held-out selection score 12.00 ± 1.00\n");
        HeldOutLog log = HeldOutLog.open(dir, t.iterationsPerEpoch(), 3);
        BestCheckpoint best = BestCheckpoint.reconcile(dir, log);
        assertEquals(3, best.epoch());
        assertEquals(12.0, best.score(), 0);
        assertFalse(best.improves(12.0));
        // the same folder, but heldout.txt says epoch 2 was better: its kept checkpoint becomes best.ckpt
        Files.delete(log.file());
        Files.writeString(dir.resolve(HeldOutLog.LEGACY), "epoch 0002: held-out selection score 14.00 ± 1.00\n"
                + "epoch 0003: held-out selection score 12.00 ± 1.00\n");
        BestCheckpoint fixed = BestCheckpoint.reconcile(dir, HeldOutLog.open(dir, t.iterationsPerEpoch(), 3));
        assertEquals(2, fixed.epoch());
        assertEquals(2, Checkpoint.read(dir.resolve(BestCheckpoint.FILE)).completedEpochs());
    }
}
