package org.ganworkbook.paper;

import org.ejml.data.FMatrixRMaj;
import org.ganworkbook.data.Splits;
import org.ganworkbook.eval.ParzenConfig;
import org.ganworkbook.eval.ParzenResult;
import org.ganworkbook.eval.ParzenWindow;
import org.ganworkbook.gan.Samples;
import org.ganworkbook.nn.Mlp;
import org.ganworkbook.sampling.NoisePrior;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * Table 1's TFD number (Goodfellow et al. 2014, §5; paper-setup §4): the Parzen-window protocol run once
 * per fold. One set of {@link ParzenConfig#numSamples()} generator samples G(z), z ~ p_z, is the kernel
 * centres for every fold (as re-running {@code parzen_ll.py -f <fold>} with its fixed seed gives); in fold
 * f, sigma is chosen from the grid on the fold's whole validation part and the fold's test part is scored.
 * The result is the mean over folds of the per-fold test means, ± their standard error across folds,
 * {@code s / √k} with s the sample standard deviation of the k fold means (ddof 1; the paper does not say
 * which, and with 5 folds ddof 0 would be 11% smaller).
 *
 * @param folds      per fold: the sigma search and the test score
 * @param numSamples generator samples used as centres
 * @param wallTime   sampling plus evaluation time
 */
public record FoldedParzen(List<ParzenResult> folds, int numSamples, Duration wallTime) {

    public FoldedParzen {
        folds = List.copyOf(folds);
        if (folds.isEmpty()) {
            throw new IllegalArgumentException("need at least one fold");
        }
    }

    /**
     * Runs the protocol on every fold's valid and test parts (the train parts are not used).
     *
     * @param g        the generator; not modified
     * @param prior    its noise prior
     * @param folds    e.g. {@code Tfd.folds()} or {@code OlivettiFaces.folds(faces)}
     * @param config   sample count and sigma grid ({@link ParzenConfig#paperTfd()}: 10,000 samples, all of
     *                 each validation part, logspace(−1, 0, 10))
     * @param rng      draws the noise
     * @param progress reports per fold (null for none)
     */
    public static FoldedParzen evaluate(Mlp g, NoisePrior prior, List<Splits> folds, ParzenConfig config,
                                        RandomGenerator rng, ParzenWindow.ProgressListener progress) {
        long start = System.nanoTime();
        ParzenWindow.ProgressListener p = progress == null ? ParzenWindow.ProgressListener.NONE : progress;
        ParzenWindow window = ParzenWindow.of(Samples.sample(g, prior, config.numSamples(), rng));
        List<ParzenResult> results = new java.util.ArrayList<>();
        for (Splits fold : folds) {
            FMatrixRMaj valid = fold.valid().images();
            int rows = config.validationRows(valid.numRows);
            results.add(window.evaluate(ParzenEvaluation.rows(valid, 0, rows), fold.test().images(), config.sigmas(), p));
        }
        return new FoldedParzen(results, config.numSamples(), Duration.ofNanos(System.nanoTime() - start));
    }

    /** {@link #evaluate(Mlp, NoisePrior, List, ParzenConfig, RandomGenerator, ParzenWindow.ProgressListener)} without progress reports. */
    public static FoldedParzen evaluate(Mlp g, NoisePrior prior, List<Splits> folds, ParzenConfig config,
                                        RandomGenerator rng) {
        return evaluate(g, prior, folds, config, rng, null);
    }

    /** Per fold, the test mean log-likelihood (nats). */
    public double[] foldMeans() {
        return folds.stream().mapToDouble(ParzenResult::mean).toArray();
    }

    /** Per fold, the chosen sigma. */
    public double[] sigmas() {
        return folds.stream().mapToDouble(ParzenResult::sigma).toArray();
    }

    /** The mean of the fold means (Table 1's number for TFD). */
    public double mean() {
        double s = 0;
        for (double m : foldMeans()) {
            s += m;
        }
        return s / folds.size();
    }

    /** Standard error across folds: sample std (ddof 1) of the fold means / √k; NaN for one fold. */
    public double standardError() {
        double[] m = foldMeans();
        int k = m.length;
        if (k < 2) {
            return Double.NaN;
        }
        double mean = mean();
        double ss = 0;
        for (double v : m) {
            ss += (v - mean) * (v - mean);
        }
        return Math.sqrt(ss / (k - 1)) / Math.sqrt(k);
    }

    /** True if some fold chose the smallest or largest sigma of the grid. */
    public boolean anyAtGridEdge() {
        return folds.stream().anyMatch(r -> r.selection().atGridEdge());
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "Parzen log-likelihood %.1f ± %.1f nats (mean over %d folds ± standard error across folds; %d samples;"
                        + " %.1f s)", mean(), standardError(), folds.size(), numSamples, wallTime.toNanos() / 1e9));
        for (int f = 0; f < folds.size(); f++) {
            ParzenResult r = folds.get(f);
            sb.append(String.format(Locale.ROOT, "%n  fold %d: %.1f ± %.1f on %d test images, sigma %.4f chosen on %d%s",
                    f, r.mean(), r.standardError(), r.n(), r.sigma(), r.selection().validationSize(),
                    r.selection().atGridEdge() ? " (edge of the grid)" : ""));
        }
        return sb.toString();
    }
}
