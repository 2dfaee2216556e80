package org.ganworkbook.paper;

import org.ejml.data.FMatrixRMaj;
import org.ganworkbook.data.Splits;
import org.ganworkbook.eval.ParzenConfig;
import org.ganworkbook.eval.ParzenResult;
import org.ganworkbook.eval.ParzenScore;
import org.ganworkbook.eval.ParzenWindow;
import org.ganworkbook.eval.SigmaSelection;
import org.ganworkbook.gan.GanTrainer;
import org.ganworkbook.gan.Samples;
import org.ganworkbook.nn.Mlp;
import org.ganworkbook.sampling.NoisePrior;

import java.time.Duration;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * Table 1's number for a generator (Goodfellow et al. 2014, §5; the authors' {@code parzen_ll.py}):
 * draw {@link ParzenConfig#numSamples()} samples G(z), z ~ p_z, without dropout; choose sigma from the
 * grid on the first {@link ParzenConfig#validationRows(int)} held-out images; score the test set at that
 * sigma (mean log-likelihood ± std/√N, nats).
 *
 * <p>For choosing among checkpoints without touching the test set, the remaining held-out images
 * (MNIST: valid[1000:10000]) are also scored at the chosen sigma: the {@code heldOut} score. Pick the
 * checkpoint with the highest one, and only then score its test set
 * ({@link #heldOutOnly} for every checkpoint, then {@link #evaluate} for the chosen one).
 *
 * @param sigmaSelection mean log-likelihood of the sigma set at every sigma of the grid, and the choice
 * @param heldOut        held-out images not used for sigma, at the chosen sigma (null if none are left)
 * @param parzen         the protocol's test result (null if the test set was not scored)
 * @param numSamples     generator samples used as centres
 * @param wallTime       sampling plus evaluation time
 */
public record ParzenEvaluation(SigmaSelection sigmaSelection, ParzenScore heldOut, ParzenResult parzen, int numSamples,
                               Duration wallTime) {

    /**
     * The whole protocol on a data set's splits (valid = held out, test = test): sigma chosen, held-out
     * and test sets scored.
     *
     * @param g      the generator; not modified
     * @param prior  its noise prior
     * @param splits train/valid/test (MNIST: 50k/10k/10k)
     * @param config the protocol, {@link ParzenConfig#paperMnist()} for Table 1
     * @param rng    draws the noise
     */
    public static ParzenEvaluation evaluate(Mlp g, NoisePrior prior, Splits splits, ParzenConfig config,
                                            RandomGenerator rng) {
        long start = System.nanoTime();
        return ofSamples(Samples.sample(g, prior, config.numSamples(), rng), splits, config, true, start);
    }

    /**
     * The protocol for choosing a checkpoint: sigma chosen and the held-out images scored, the test set
     * left untouched ({@link #parzen()} null, {@link #mean()} NaN). Arguments as for {@link #evaluate}.
     */
    public static ParzenEvaluation heldOutOnly(Mlp g, NoisePrior prior, Splits splits, ParzenConfig config,
                                               RandomGenerator rng) {
        long start = System.nanoTime();
        return ofSamples(Samples.sample(g, prior, config.numSamples(), rng), splits, config, false, start);
    }

    /**
     * The protocol with given "samples" as kernel centres ([n, d]; not modified), e.g. the calibration
     * cases of {@link #calibrationSamples}.
     */
    public static ParzenEvaluation ofSamples(FMatrixRMaj samples, Splits splits, ParzenConfig config) {
        return ofSamples(samples, splits, config, true, System.nanoTime());
    }

    private static ParzenEvaluation ofSamples(FMatrixRMaj samples, Splits splits, ParzenConfig config, boolean scoreTest,
                                              long start) {
        ParzenWindow.ProgressListener p = ParzenWindow.ProgressListener.NONE;
        FMatrixRMaj valid = splits.valid().images();
        int sigmaRows = config.validationRows(valid.numRows);
        ParzenWindow window = ParzenWindow.of(samples);
        ParzenResult result = null;
        SigmaSelection selection;
        if (scoreTest) {
            result = window.evaluate(rows(valid, 0, sigmaRows), splits.test().images(), config.sigmas(), p);
            selection = result.selection();
        } else {
            selection = window.selectSigma(rows(valid, 0, sigmaRows), config.sigmas(), p);
        }
        ParzenScore heldOut = sigmaRows < valid.numRows
                ? window.score(rows(valid, sigmaRows, valid.numRows), selection.sigma()) : null;
        return new ParzenEvaluation(selection, heldOut, result, samples.numRows,
                Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * Stand-ins for generator samples whose Parzen scores bracket any GAN's ([n, d], new):
     * {@code "real"}, the first n training images (a generator that memorised them; MNIST ≈ 241 nats);
     * {@code "mean"}, n copies of the training set's mean image (a collapsed generator; ≈ −59);
     * {@code "noise"}, uniform [0, 1] pixels (an untrained generator; ≈ −629).
     */
    public static FMatrixRMaj calibrationSamples(String kind, Splits splits, int n, RandomGenerator rng) {
        FMatrixRMaj train = splits.train().images();
        int d = train.numCols;
        FMatrixRMaj out = new FMatrixRMaj(n, d);
        switch (kind) {
            case "real" -> {
                if (n > train.numRows) {
                    throw new IllegalArgumentException("only " + train.numRows + " training images, asked for " + n);
                }
                System.arraycopy(train.data, 0, out.data, 0, n * d);
            }
            case "mean" -> {
                double[] mean = new double[d];
                for (int i = 0; i < train.numRows; i++) {
                    for (int j = 0; j < d; j++) {
                        mean[j] += train.data[i * d + j];
                    }
                }
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < d; j++) {
                        out.data[i * d + j] = (float) (mean[j] / train.numRows);
                    }
                }
            }
            case "noise" -> {
                for (int i = 0; i < out.data.length; i++) {
                    out.data[i] = (float) rng.nextDouble();
                }
            }
            default -> throw new IllegalArgumentException("unknown calibration case '" + kind + "'; use real, mean or noise");
        }
        return out;
    }

    /** The full protocol, test set included, for a trainer's current generator. */
    public static ParzenEvaluation evaluate(GanTrainer trainer, Splits splits, ParzenConfig config, RandomGenerator rng) {
        return evaluate(trainer.generator(), trainer.config().noise(), splits, config, rng);
    }

    /** The chosen sigma. */
    public double sigma() {
        return sigmaSelection.sigma();
    }

    /** The test mean log-likelihood in nats (Table 1's number); NaN if the test set was not scored. */
    public double mean() {
        return parzen == null ? Double.NaN : parzen.mean();
    }

    /** Its standard error; NaN if the test set was not scored. */
    public double standardError() {
        return parzen == null ? Double.NaN : parzen.standardError();
    }

    /** The held-out selection score (mean LL of valid[1000:]); NaN if there is none. */
    public double heldOutMean() {
        return heldOut == null ? Double.NaN : heldOut.mean();
    }

    static FMatrixRMaj rows(FMatrixRMaj m, int from, int to) {
        FMatrixRMaj out = new FMatrixRMaj(to - from, m.numCols);
        System.arraycopy(m.data, from * m.numCols, out.data, 0, (to - from) * m.numCols);
        return out;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(parzen != null ? parzen.toString() : String.format(Locale.ROOT,
                "test set not scored; sigma %.4f chosen on %d validation rows", sigma(), sigmaSelection.validationSize()));
        if (heldOut != null) {
            sb.append(String.format(Locale.ROOT, "; held-out selection score %.2f ± %.2f on %d other validation images",
                    heldOut.mean(), heldOut.standardError(), heldOut.n()));
        }
        return sb.append(String.format(Locale.ROOT, "; %.1f s in all", wallTime.toNanos() / 1e9)).toString();
    }
}
