package org.ganworkbook.eval;

import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParzenWindowTest {

    private static final double U = 0x1p-24;

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    // ---------------------------------------------------------------- references

    /** Brute force in double: log-mean-exp (max trick) of -||x - μ_j||²/(2σ²), minus d·log(σ√(2π)). */
    static double[] bruteForce(FMatrixRMaj x, FMatrixRMaj mu, double sigma) {
        int d = x.numCols;
        int n = mu.numRows;
        double[] out = new double[x.numRows];
        for (int i = 0; i < x.numRows; i++) {
            double[] a = new double[n];
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < n; j++) {
                double dist = 0;
                for (int p = 0; p < d; p++) {
                    double diff = (double) x.get(i, p) - (double) mu.get(j, p);
                    dist += diff * diff;
                }
                a[j] = -dist / (2 * sigma * sigma);
                max = Math.max(max, a[j]);
            }
            double sum = 0;
            for (int j = 0; j < n; j++) {
                sum += Math.exp(a[j] - max);
            }
            out[i] = max + Math.log(sum / n) - d * Math.log(sigma * Math.sqrt(2 * Math.PI));
        }
        return out;
    }

    /** The naive form log(mean(exp(a))) - d·log(σ√(2π)), which underflows for far points. */
    static double naive(float[] x, FMatrixRMaj mu, double sigma) {
        double mean = 0;
        for (int j = 0; j < mu.numRows; j++) {
            double dist = 0;
            for (int p = 0; p < x.length; p++) {
                double diff = x[p] - mu.get(j, p);
                dist += diff * diff;
            }
            mean += Math.exp(-dist / (2 * sigma * sigma)) / mu.numRows;
        }
        return Math.log(mean) - x.length * Math.log(sigma * Math.sqrt(2 * Math.PI));
    }

    static FMatrixRMaj uniform(int rows, int cols, double lo, double hi, SplittableRandom rng) {
        FMatrixRMaj m = new FMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = (float) (lo + (hi - lo) * rng.nextDouble());
        }
        return m;
    }

    /** Values k/16 for integer k in [lo·16, hi·16]: products and short sums of these are exact in float. */
    static FMatrixRMaj sixteenths(int rows, int cols, int lo16, int hi16, SplittableRandom rng) {
        FMatrixRMaj m = new FMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = (lo16 + rng.nextInt(hi16 - lo16 + 1)) / 16f;
        }
        return m;
    }

    static double maxRowNormAfterShift(FMatrixRMaj m, float[] shift) {
        double max = 0;
        for (int i = 0; i < m.numRows; i++) {
            double s = 0;
            for (int p = 0; p < m.numCols; p++) {
                double v = m.get(i, p) - shift[p];
                s += v * v;
            }
            max = Math.max(max, Math.sqrt(s));
        }
        return max;
    }

    static float[] shiftOf(FMatrixRMaj mu) {
        float[] shift = new float[mu.numCols];
        for (int p = 0; p < mu.numCols; p++) {
            double s = 0;
            for (int j = 0; j < mu.numRows; j++) {
                s += mu.get(j, p);
            }
            shift[p] = ParzenWindow.coarse(s / mu.numRows);
        }
        return shift;
    }

    /**
     * Bound on the error of any δ_j = D_j - D_k from float cross terms, to be multiplied by c = 1/(2σ²):
     * two dot products of length d, each off by at most γ_d·|x|·|μ| (after the shift), plus the shift's
     * own rounding (at most u per shifted value, so about 2u·|x|·|μ| more).
     */
    static double roundingBound(FMatrixRMaj x, FMatrixRMaj mu) {
        int d = mu.numCols;
        float[] shift = shiftOf(mu);
        return 4 * (d * U / (1 - d * U) + 2 * U) * maxRowNormAfterShift(x, shift) * maxRowNormAfterShift(mu, shift);
    }

    static FMatrixRMaj stack(FMatrixRMaj a, FMatrixRMaj b) {
        FMatrixRMaj out = new FMatrixRMaj(a.numRows + b.numRows, a.numCols);
        System.arraycopy(a.data, 0, out.data, 0, a.numRows * a.numCols);
        System.arraycopy(b.data, 0, out.data, a.numRows * a.numCols, b.numRows * b.numCols);
        return out;
    }

    // ---------------------------------------------------------------- the formula

    @Test
    void equalsBruteForceExactlyWhenFloatArithmeticIsExact() {
        // k/16 data: the shifted values, their products and sums are exact in float, so the only errors
        // left are double rounding and the exp kernel (< 1e-13 relative): a tight check of the formula.
        SplittableRandom rng = new SplittableRandom(11);
        int[][] shapes = {{1, 1, 1}, {3, 7, 5}, {17, 50, 13}, {64, 300, 9}, {100, 40, 21}};
        double[] sigmas = {0.03, 0.1, 0.2154, 1.0, 4.0};
        for (int[] shape : shapes) {
            int d = shape[0], n = shape[1], m = shape[2];
            FMatrixRMaj mu = sixteenths(n, d, 0, 16, rng);
            FMatrixRMaj x = sixteenths(m, d, 0, 16, rng);
            ParzenWindow parzen = ParzenWindow.of(mu).withBatchSize(4);
            double[][] ll = parzen.logLikelihoods(x, sigmas);
            for (int s = 0; s < sigmas.length; s++) {
                double[] ref = bruteForce(x, mu, sigmas[s]);
                for (int i = 0; i < m; i++) {
                    assertEquals(ref[i], ll[s][i], 1e-12 * Math.max(1, Math.abs(ref[i])),
                            "d=" + d + " n=" + n + " sigma=" + sigmas[s] + " row " + i);
                }
            }
        }
    }

    @Test
    void farPointsAreFiniteWhereTheNaiveFormUnderflows() {
        SplittableRandom rng = new SplittableRandom(12);
        int d = 3;
        FMatrixRMaj mu = sixteenths(40, d, 0, 16, rng);
        FMatrixRMaj x = sixteenths(6, d, 64, 128, rng); // 4..8 in every coordinate: far from [0,1]^3
        double sigma = 0.1;
        for (int i = 0; i < x.numRows; i++) {
            float[] row = {x.get(i, 0), x.get(i, 1), x.get(i, 2)};
            assertEquals(Double.NEGATIVE_INFINITY, naive(row, mu, sigma), "the test needs points where exp underflows");
        }
        double[] ll = ParzenWindow.of(mu).logLikelihoods(x, sigma);
        double[] ref = bruteForce(x, mu, sigma);
        for (int i = 0; i < x.numRows; i++) {
            assertTrue(Double.isFinite(ll[i]) && ll[i] < -1000, "finite and very negative: " + ll[i]);
            assertEquals(ref[i], ll[i], 1e-12 * Math.abs(ref[i]), "row " + i);
        }
    }

    @Test
    void matchesBruteForceOnGeneralFloatsWithinTheRoundingBound() {
        // General float data: the GEMM's cross terms carry float rounding. A float dot product of length
        // d errs by at most γ_d·|x|·|μ|; δ_j is a difference of two such terms (plus the shift's rounding),
        // and log-sum-exp is 1-Lipschitz, so |error| <= c·4·(γ_d + 2u)·|x|·|μ|max, c = 1/(2σ²).
        SplittableRandom rng = new SplittableRandom(13);
        int[][] shapes = {{1, 5, 4}, {2, 30, 7}, {10, 100, 25}, {50, 200, 10}, {784, 60, 6}};
        double[] sigmas = {0.05, 0.1, 0.3, 1.0, 3.0};
        double worstRatio = 0;
        for (int[] shape : shapes) {
            int d = shape[0], n = shape[1], m = shape[2];
            FMatrixRMaj mu = uniform(n, d, 0, 1, rng);
            // test points: near the centres, and far away (distance ~ d·25)
            FMatrixRMaj x = stack(uniform(m, d, 0, 1, rng), uniform(3, d, 4, 6, rng));
            double bound = roundingBound(x, mu);
            ParzenWindow parzen = ParzenWindow.of(mu).withBatchSize(7);
            double[][] ll = parzen.logLikelihoods(x, sigmas);
            for (int s = 0; s < sigmas.length; s++) {
                double c = 0.5 / (sigmas[s] * sigmas[s]);
                double[] ref = bruteForce(x, mu, sigmas[s]);
                for (int i = 0; i < x.numRows; i++) {
                    double tol = c * bound + 1e-12 * Math.abs(ref[i]);
                    double err = Math.abs(ref[i] - ll[s][i]);
                    assertTrue(Double.isFinite(ll[s][i]));
                    assertTrue(err <= tol, "d=" + d + " n=" + n + " sigma=" + sigmas[s] + " row " + i
                            + ": |" + ll[s][i] + " - " + ref[i] + "| = " + err + " > " + tol);
                    worstRatio = Math.max(worstRatio, err / tol);
                }
            }
        }
        assertTrue(worstRatio > 0, "some rounding must be visible on general data (or the test checks nothing)");
    }

    @Test
    void identicalCentresGiveTheGaussianOfTheirPoint() {
        // n copies of one point: log-mean-exp of equal terms is that term.
        SplittableRandom rng = new SplittableRandom(14);
        int d = 20;
        FMatrixRMaj one = uniform(1, d, 0, 1, rng);
        FMatrixRMaj mu = new FMatrixRMaj(500, d);
        for (int j = 0; j < 500; j++) {
            System.arraycopy(one.data, 0, mu.data, j * d, d);
        }
        FMatrixRMaj x = uniform(9, d, 0, 1, rng);
        double sigma = 0.2783;
        double[] ll = ParzenWindow.of(mu).logLikelihoods(x, sigma);
        for (int i = 0; i < x.numRows; i++) {
            double dist = 0;
            for (int p = 0; p < d; p++) {
                double diff = (double) x.get(i, p) - one.get(0, p);
                dist += diff * diff;
            }
            double expected = -dist / (2 * sigma * sigma) - d * Math.log(sigma * Math.sqrt(2 * Math.PI));
            // The nearest centre's distance is exact (double), but the offsets delta_j = p_ij - p_ik of the
            // other centres come from float32 cross terms p_ij = ||mu_j'||^2 - 2 x'.mu_j' (x', mu' shifted
            // by about the centres' mean, so every coordinate is in [-1, 1]); BLAS may sum them in another
            // order for other columns, so delta_j is rounding noise, not 0. A float32 dot product of
            // length d errs by at most gamma_{d+2} * sum|a_p b_p| <= gamma_{d+2} * d (gamma_k = k*u,
            // u = 2^-24), so |p_ij error| <= gamma_{d+2} * 3d, |delta_j| <= twice that, and
            // log-mean-exp_j(-c*delta_j) is within c * max|delta_j| of 0 (c = 1/(2 sigma^2)).
            double gamma = (d + 2) * 0x1p-24;
            double tolerance = 2 * gamma * 3 * d / (2 * sigma * sigma);
            assertEquals(expected, ll[i], tolerance);
        }
    }

    @Test
    void oneDimensionalDensityIntegratesToOne() {
        // In d = 1 the estimate is a mixture of Gaussians: its density must integrate to 1.
        FMatrixRMaj mu = new FMatrixRMaj(new float[][]{{0f}, {0.25f}, {1.5f}});
        int steps = 4000;
        double lo = -3, hi = 4.5, h = (hi - lo) / steps;
        FMatrixRMaj grid = new FMatrixRMaj(steps + 1, 1);
        for (int i = 0; i <= steps; i++) {
            grid.data[i] = (float) (lo + i * h);
        }
        double[] ll = ParzenWindow.of(mu).logLikelihoods(grid, 0.3);
        double integral = 0;
        for (int i = 0; i <= steps; i++) {
            double w = (i == 0 || i == steps) ? 0.5 : 1.0;
            integral += w * Math.exp(ll[i]) * h;
        }
        assertEquals(1.0, integral, 1e-6);
    }

    // ---------------------------------------------------------------- independence of batch and threads

    @Test
    void resultDoesNotDependOnBatchSizeOrThreads() {
        SplittableRandom rng = new SplittableRandom(15);
        FMatrixRMaj mu = uniform(700, 64, 0, 1, rng);
        FMatrixRMaj x = uniform(53, 64, 0, 1, rng);
        double[] sigmas = ParzenConfig.paperMnist().sigmas();
        double[][] reference = ParzenWindow.of(mu).withBatchSize(53).withThreads(1).logLikelihoods(x, sigmas);
        // BLAS may order a dot product's sum differently for another block shape (OpenBLAS does for a
        // one-row block), so rows can differ by float rounding of the cross terms, within the bound of
        // matchesBruteForceOnGeneralFloatsWithinTheRoundingBound. A mean of rows that each differ by at most
        // that bound differs by at most the same bound (plus double rounding of the two sums, 1e-12
        // relative covers it); a tighter tolerance would be a guess about how the roundings cancel.
        double rounding = roundingBound(x, mu);
        for (int batch : new int[]{1, 2, 7, 16, 100}) {
            for (int threads : new int[]{1, 2, 3}) {
                double[][] ll = ParzenWindow.of(mu).withBatchSize(batch).withThreads(threads).logLikelihoods(x, sigmas);
                for (int s = 0; s < sigmas.length; s++) {
                    double c = 0.5 / (sigmas[s] * sigmas[s]);
                    for (int i = 0; i < x.numRows; i++) {
                        assertEquals(reference[s][i], ll[s][i], 2 * c * rounding + 1e-12 * Math.abs(reference[s][i]),
                                "batch " + batch + ", threads " + threads);
                    }
                    double meanRef = ParzenScore.of(sigmas[s], reference[s]).mean();
                    double largest = 0;
                    for (double v : reference[s]) {
                        largest = Math.max(largest, Math.abs(v));
                    }
                    assertEquals(meanRef, ParzenScore.of(sigmas[s], ll[s]).mean(), 2 * c * rounding + 1e-12 * largest);
                }
            }
        }
        // Same blocks, different thread counts: each row is computed by one thread in a fixed order.
        double[][] one = ParzenWindow.of(mu).withBatchSize(10).withThreads(1).logLikelihoods(x, sigmas);
        double[][] three = ParzenWindow.of(mu).withBatchSize(10).withThreads(3).logLikelihoods(x, sigmas);
        for (int s = 0; s < sigmas.length; s++) {
            assertArrayEquals(one[s], three[s], 0.0);
        }
    }

    @Test
    void allSigmasAtOnceEqualOneSigmaAtATime() {
        SplittableRandom rng = new SplittableRandom(16);
        FMatrixRMaj mu = uniform(120, 30, 0, 1, rng);
        FMatrixRMaj x = uniform(17, 30, 0, 1, rng);
        ParzenWindow parzen = ParzenWindow.of(mu);
        double[] sigmas = ParzenConfig.paperMnist().sigmas();
        double[][] all = parzen.logLikelihoods(x, sigmas);
        for (int s = 0; s < sigmas.length; s++) {
            assertArrayEquals(parzen.logLikelihoods(x, sigmas[s]), all[s], 0.0);
        }
    }

    // ---------------------------------------------------------------- the protocol

    @Test
    void selectSigmaAveragesTheValidationSetAndTakesTheArgmax() {
        SplittableRandom rng = new SplittableRandom(17);
        FMatrixRMaj mu = uniform(300, 12, 0, 1, rng);
        FMatrixRMaj validation = uniform(40, 12, 0, 1, rng);
        double[] sigmas = ParzenConfig.paperMnist().sigmas();
        SigmaSelection selection = ParzenWindow.of(mu).selectSigma(validation, sigmas);
        double[] means = selection.meanLogLikelihoods();
        int best = 0;
        for (int s = 0; s < sigmas.length; s++) {
            double[] ref = bruteForce(validation, mu, sigmas[s]);
            double mean = 0;
            for (double v : ref) {
                mean += v / ref.length;
            }
            assertEquals(mean, means[s], 1e-6 * Math.max(1, Math.abs(mean)));
            if (mean > means[best]) {
                best = s;
            }
        }
        assertEquals(best, selection.bestIndex());
        assertEquals(sigmas[best], selection.sigma());
        assertEquals(40, selection.validationSize());
        assertFalse(selection.bestIndex() == 0 || selection.bestIndex() == sigmas.length - 1,
                "this data should have an interior optimum, or the argmax is not really tested");
    }

    @Test
    void sigmaSelectionPicksTheFirstMaximumLikeNumpyArgmax() {
        double[] sigmas = {0.1, 0.2, 0.3, 0.4};
        assertEquals(1, new SigmaSelection(sigmas, new double[]{-5, 7, 7, 1}, 10).bestIndex());
        assertEquals(0.2, new SigmaSelection(sigmas, new double[]{-5, 7, 7, 1}, 10).sigma());
        assertEquals(3, new SigmaSelection(sigmas, new double[]{-5, -4, -3, -2}, 10).bestIndex());
        assertEquals(2, new SigmaSelection(sigmas, new double[]{Double.NaN, 1, 2, Double.NEGATIVE_INFINITY}, 10).bestIndex());
        assertTrue(new SigmaSelection(sigmas, new double[]{-5, -4, -3, -2}, 10).atGridEdge());
        assertFalse(new SigmaSelection(sigmas, new double[]{-5, 7, 7, 1}, 10).atGridEdge());
        assertThrows(IllegalArgumentException.class, () -> new SigmaSelection(sigmas, new double[]{1}, 10));
    }

    @Test
    void evaluateScoresTheTestSetAtTheChosenSigma() {
        SplittableRandom rng = new SplittableRandom(18);
        FMatrixRMaj mu = uniform(250, 16, 0, 1, rng);
        FMatrixRMaj validation = uniform(30, 16, 0, 1, rng);
        FMatrixRMaj test = uniform(45, 16, 0, 1, rng);
        ParzenWindow parzen = ParzenWindow.of(mu);
        ParzenResult result = parzen.evaluate(validation, test);
        double sigma = parzen.selectSigma(validation, ParzenConfig.paperMnist().sigmas()).sigma();
        assertEquals(sigma, result.sigma());
        double[] ref = bruteForce(test, mu, sigma);
        ParzenScore expected = ParzenScore.of(sigma, ref);
        assertEquals(expected.mean(), result.mean(), 1e-6 * Math.abs(expected.mean()));
        assertEquals(expected.standardError(), result.standardError(), 1e-6 * expected.standardError());
        assertEquals(45, result.n());
        assertEquals(250, result.numCentres());
        assertEquals(16, result.dimension());
        assertTrue(result.wallTime().toNanos() > 0);
        assertTrue(result.toString().contains("nats"), result.toString());
    }

    @Test
    void standardErrorUsesThePopulationStandardDeviation() {
        ParzenScore score = ParzenScore.of(0.2, new double[]{1, 2, 3, 4});
        assertEquals(2.5, score.mean(), 0);
        // ddof 0: sqrt(((1.5² + 0.5²)·2)/4) / √4 = √1.25 / 2; ddof 1 would give √(5/3) / 2
        assertEquals(Math.sqrt(1.25) / 2, score.standardError(), 1e-15);
        assertEquals(4, score.n());
        SplittableRandom rng = new SplittableRandom(19);
        double[] ll = new double[1001];
        for (int i = 0; i < ll.length; i++) {
            ll[i] = 200 + 30 * rng.nextGaussian();
        }
        ParzenScore big = ParzenScore.of(0.17, ll);
        double mean = 0;
        for (double v : ll) {
            mean += v;
        }
        mean /= ll.length;
        double ss = 0;
        for (double v : ll) {
            ss += (v - mean) * (v - mean);
        }
        assertEquals(Math.sqrt(ss / ll.length) / Math.sqrt(ll.length), big.standardError(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> ParzenScore.of(0.1, new double[0]));
    }

    // ---------------------------------------------------------------- progress, interrupts, bad input

    @Test
    void reportsProgressAfterEveryBlockOnTheCallingThread() {
        SplittableRandom rng = new SplittableRandom(20);
        FMatrixRMaj mu = uniform(50, 8, 0, 1, rng);
        FMatrixRMaj validation = uniform(10, 8, 0, 1, rng);
        FMatrixRMaj test = uniform(25, 8, 0, 1, rng);
        List<String> reports = new ArrayList<>();
        Thread caller = Thread.currentThread();
        ParzenWindow.of(mu).withBatchSize(10).evaluate(validation, test, ParzenConfig.paperMnist().sigmas(),
                (stage, done, total) -> {
                    assertTrue(Thread.currentThread() == caller);
                    reports.add(stage + " " + done + "/" + total);
                });
        assertEquals(List.of("SIGMA_SELECTION 10/10", "TEST 10/25", "TEST 20/25", "TEST 25/25"), reports);
    }

    @Test
    void anInterruptedThreadStopsBeforeTheFirstBlock() {
        FMatrixRMaj mu = uniform(50, 8, 0, 1, new SplittableRandom(21));
        Thread.currentThread().interrupt();
        CancellationException e = assertThrows(CancellationException.class,
                () -> ParzenWindow.of(mu).logLikelihoods(mu, 0.2));
        assertTrue(e.getMessage().contains("interrupted"), e.getMessage());
        assertTrue(Thread.currentThread().isInterrupted(), "the interrupt flag stays set for the caller");
    }

    @Test
    void anInterruptDuringTheEvaluationStopsAtTheNextBlock() {
        SplittableRandom rng = new SplittableRandom(22);
        FMatrixRMaj mu = uniform(50, 8, 0, 1, rng);
        FMatrixRMaj test = uniform(100, 8, 0, 1, rng);
        List<Integer> done = new ArrayList<>();
        CancellationException e = assertThrows(CancellationException.class,
                () -> ParzenWindow.of(mu).withBatchSize(10).withThreads(2).score(test, 0.3, (stage, d, total) -> {
                    done.add(d);
                    if (d == 30) {
                        Thread.currentThread().interrupt(); // what a kernel's "interrupt" does to the cell's thread
                    }
                }));
        assertEquals(List.of(10, 20, 30), done);
        assertTrue(e.getMessage().contains("after 30 of 100"), e.getMessage());
        assertTrue(Thread.interrupted());
        // the window is still usable afterwards
        assertEquals(100, ParzenWindow.of(mu).score(test, 0.3).n());
    }

    @Test
    void badInputGetsAClearMessage() {
        SplittableRandom rng = new SplittableRandom(23);
        FMatrixRMaj mu = uniform(20, 5, 0, 1, rng);
        ParzenWindow parzen = ParzenWindow.of(mu);
        IllegalArgumentException wrongWidth = assertThrows(IllegalArgumentException.class,
                () -> parzen.logLikelihoods(uniform(3, 6, 0, 1, rng), 0.1));
        assertTrue(wrongWidth.getMessage().contains("6 columns"), wrongWidth.getMessage());
        assertThrows(IllegalArgumentException.class, () -> parzen.logLikelihoods(mu, 0.0));
        assertThrows(IllegalArgumentException.class, () -> parzen.logLikelihoods(mu, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> parzen.logLikelihoods(mu, new double[0]));
        assertThrows(IllegalArgumentException.class, () -> parzen.logLikelihoods(new FMatrixRMaj(0, 5), 0.1));
        assertThrows(IllegalArgumentException.class, () -> parzen.withBatchSize(0));
        assertThrows(IllegalArgumentException.class, () -> parzen.withThreads(0));
        FMatrixRMaj nan = mu.copy();
        nan.set(4, 2, Float.NaN);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ParzenWindow.of(nan));
        assertTrue(e.getMessage().contains("row 4, column 2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> parzen.logLikelihoods(nan, 0.1));
    }

    @Test
    void samplesAreCopied() {
        SplittableRandom rng = new SplittableRandom(24);
        FMatrixRMaj mu = uniform(30, 4, 0, 1, rng);
        FMatrixRMaj x = uniform(5, 4, 0, 1, rng);
        ParzenWindow parzen = ParzenWindow.of(mu);
        double[] before = parzen.logLikelihoods(x, 0.2);
        mu.fill(100f);
        assertArrayEquals(before, parzen.logLikelihoods(x, 0.2), 0.0);
    }

    @Test
    void coarseShiftKeepsEightSignificantBits() {
        assertEquals(0f, ParzenWindow.coarse(0));
        assertEquals(0.5f, ParzenWindow.coarse(0.5));
        assertEquals(0.3359375f, ParzenWindow.coarse(0.3361)); // 86/256
        assertEquals(-1000f, ParzenWindow.coarse(-1000.4));
        for (double v : new double[]{1e-7, 0.13, 3.7, 12345.678}) {
            float c = ParzenWindow.coarse(v);
            assertEquals(v, c, v / 256);
            assertEquals(0, Float.floatToIntBits(c) & 0xFFFF, "only 8 significant bits are used for " + v);
        }
    }
}
