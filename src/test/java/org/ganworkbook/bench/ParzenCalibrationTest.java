package org.ganworkbook.bench;

import org.ejml.data.FMatrixRMaj;
import org.ganworkbook.eval.ParzenConfig;
import org.ganworkbook.eval.ParzenResult;
import org.ganworkbook.eval.ParzenWindow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The calibration of issue 5 on real MNIST: the protocol scores 10,000 training images about 241 nats,
 * 10,000 copies of the mean image about -59, uniform noise about -629 (the same numbers come out of
 * {@code src/test/python/bench/parzen_torch.py}: 241.19, -59.14, -628.75 with numpy's noise).
 * Needs the four IDX files in {@code $GANWB_MNIST_DIR} or {@code data/mnist}; skipped without them.
 */
@Tag("slow")
class ParzenCalibrationTest {

    private static FMatrixRMaj train;
    private static FMatrixRMaj validation;
    private static FMatrixRMaj test;

    @BeforeAll
    static void load() {
        String env = System.getenv("GANWB_MNIST_DIR");
        Path dir = env != null && !env.isBlank() ? Path.of(env) : Path.of("data", "mnist");
        assumeTrue(Files.isRegularFile(dir.resolve("train-images-idx3-ubyte"))
                        && Files.isRegularFile(dir.resolve("t10k-images-idx3-ubyte")),
                "MNIST IDX files not found in " + dir.toAbsolutePath() + " (set GANWB_MNIST_DIR)");
        train = ParzenCalibration.readImages(dir.resolve("train-images-idx3-ubyte"), "6bbc9ace898e44ae57da46a324031adb");
        test = ParzenCalibration.readImages(dir.resolve("t10k-images-idx3-ubyte"), "2646ac647ad5339dbf082846283269ea");
        validation = ParzenCalibration.rows(train, 50_000, 51_000);
    }

    private static ParzenResult run(String name) {
        ParzenConfig config = ParzenConfig.paperMnist();
        return ParzenWindow.of(ParzenCalibration.samples(name, train, config.numSamples()))
                .evaluate(validation, test, config.sigmas(), ParzenWindow.ProgressListener.NONE);
    }

    @Test
    void realTrainingImagesScoreAbout241() {
        ParzenResult r = run("real");
        assertEquals(241.2, r.mean(), 0.5, r.toString());
        assertEquals(2.13, r.standardError(), 0.05, r.toString());
        assertEquals(0.1668, r.sigma(), 1e-4, r.toString());
    }

    @Test
    void copiesOfTheMeanImageScoreAboutMinus59() {
        ParzenResult r = run("mean");
        assertEquals(-59.1, r.mean(), 0.5, r.toString());
        assertEquals(0.2783, r.sigma(), 1e-4, r.toString());
    }

    @Test
    void uniformNoiseScoresAboutMinus629() {
        ParzenResult r = run("noise");
        assertEquals(-629.0, r.mean(), 2.0, r.toString());
        assertEquals(0.5995, r.sigma(), 1e-4, r.toString());
    }
}
