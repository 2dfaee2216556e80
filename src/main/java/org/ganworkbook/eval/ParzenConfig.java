package org.ganworkbook.eval;

/**
 * The numbers of the Parzen-window protocol (Goodfellow et al. 2014, Table 1; the defaults of the
 * authors' {@code parzen_ll.py}): how many generator samples become kernel centres, how many validation
 * images choose sigma, and the sigma grid {@code numpy.logspace(sigmaLog10Start, sigmaLog10End, sigmaCount)}.
 *
 * <p>Callers draw {@link #numSamples()} samples and slice the validation set to
 * {@link #validationRows(int)} rows; {@link ParzenWindow} takes the matrices and {@link #sigmas()}.
 *
 * @param numSamples      generator samples used as centres ({@code --num_samples}, 10,000)
 * @param validationLimit validation rows used to choose sigma ({@code --limit_size}: 1,000 for MNIST,
 *                        the first rows of train[50000:60000]); {@link #ALL} for the whole split (TFD)
 * @param sigmaLog10Start log10 of the smallest sigma ({@code --sigma_start}, -1)
 * @param sigmaLog10End   log10 of the largest sigma ({@code --sigma_end}, 0)
 * @param sigmaCount      number of grid points ({@code --cross_val}, 10)
 */
public record ParzenConfig(int numSamples, int validationLimit, double sigmaLog10Start, double sigmaLog10End,
                           int sigmaCount) {

    /** {@link #validationLimit()} meaning "every validation row". */
    public static final int ALL = Integer.MAX_VALUE;

    public ParzenConfig {
        if (numSamples < 1) {
            throw new IllegalArgumentException("numSamples must be >= 1, got " + numSamples);
        }
        if (validationLimit < 1) {
            throw new IllegalArgumentException("validationLimit must be >= 1 (or ParzenConfig.ALL), got "
                    + validationLimit);
        }
        if (!Double.isFinite(sigmaLog10Start) || !Double.isFinite(sigmaLog10End)) {
            throw new IllegalArgumentException("the sigma grid exponents must be finite, got " + sigmaLog10Start
                    + " and " + sigmaLog10End);
        }
        if (sigmaCount < 1) {
            throw new IllegalArgumentException("sigmaCount must be >= 1, got " + sigmaCount);
        }
    }

    /** MNIST as in the paper: 10,000 samples, sigma chosen on 1,000 validation images from 10^-1..10^0. */
    public static ParzenConfig paperMnist() {
        return new ParzenConfig(10_000, 1_000, -1.0, 0.0, 10);
    }

    /** TFD as in the paper: like MNIST, but sigma is chosen on the fold's whole validation split. */
    public static ParzenConfig paperTfd() {
        return new ParzenConfig(10_000, ALL, -1.0, 0.0, 10);
    }

    /** The same protocol with another number of centres (e.g. a quick run in CI). */
    public ParzenConfig withNumSamples(int n) {
        return new ParzenConfig(n, validationLimit, sigmaLog10Start, sigmaLog10End, sigmaCount);
    }

    /**
     * The same protocol with another sigma grid, {@code logspace(log10Start, log10End, count)} (the authors'
     * {@code --sigma_start}, {@code --sigma_end}, {@code --cross_val}), e.g. a finer one to see how much
     * the paper's coarse grid costs.
     */
    public ParzenConfig withSigmaGrid(double log10Start, double log10End, int count) {
        return new ParzenConfig(numSamples, validationLimit, log10Start, log10End, count);
    }

    /** The same protocol with another validation limit ({@link #ALL} for the whole split). */
    public ParzenConfig withValidationLimit(int limit) {
        return new ParzenConfig(numSamples, limit, sigmaLog10Start, sigmaLog10End, sigmaCount);
    }

    /** The sigma grid, {@code numpy.logspace(sigmaLog10Start, sigmaLog10End, sigmaCount)}; a new array. */
    public double[] sigmas() {
        return logspace(sigmaLog10Start, sigmaLog10End, sigmaCount);
    }

    /** How many of {@code available} validation rows the protocol uses (the first ones). */
    public int validationRows(int available) {
        return Math.min(validationLimit, available);
    }

    /**
     * {@code 10^y_i} with {@code y_i = start + i·(end - start)/(count - 1)} and {@code y_{count-1} = end}
     * exactly, as numpy's {@code linspace}/{@code logspace} compute it ({@code count == 1} gives
     * {@code 10^start}). Agrees with numpy to within a few ulps (numpy's {@code power} is not always
     * correctly rounded: its first value of {@code logspace(-1, 0, 10)} is 0.09999999999999999).
     */
    public static double[] logspace(double start, double end, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("logspace needs count >= 1, got " + count);
        }
        double[] out = new double[count];
        double step = count > 1 ? (end - start) / (count - 1) : 0.0;
        for (int i = 0; i < count; i++) {
            double y = (count > 1 && i == count - 1) ? end : i * step + start;
            out[i] = Math.pow(10.0, y);
        }
        return out;
    }

    @Override
    public String toString() {
        return "ParzenConfig[numSamples=" + numSamples
                + ", validationLimit=" + (validationLimit == ALL ? "all" : Integer.toString(validationLimit))
                + ", sigmas=logspace(" + sigmaLog10Start + ", " + sigmaLog10End + ", " + sigmaCount + ")]";
    }
}
