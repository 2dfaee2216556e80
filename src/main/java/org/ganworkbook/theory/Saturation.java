package org.ganworkbook.theory;

import org.ganworkbook.nn.BinaryCrossEntropy;

/**
 * Why the generator's loss in Algorithm 1 saturates, and why the code trains G on -log D(G(z)) instead
 * (paper §3: early in training a poor G is rejected confidently by D, the term log(1 - D(G(z))) then has
 * almost no gradient, and maximising log D(G(z)) gives G a strong signal with the same fixed point).
 *
 * <p>Write D = sigmoid(a) with a the discriminator's logit on a fake sample. G minimises
 * <ul>
 *   <li>saturating: L_sat(a) = log(1 - sigmoid(a)) = -softplus(a), with dL_sat/da = -sigmoid(a) = -D;</li>
 *   <li>non-saturating: L_ns(a) = -log sigmoid(a) = softplus(-a), with dL_ns/da = -(1 - sigmoid(a)) = -(1 - D).</li>
 * </ul>
 * Both push a up (the gradient is negative) and share their fixed point, but when D rejects the fakes
 * (D(G(z)) near 0) the saturating gradient vanishes like D while the non-saturating one stays near -1:
 * at D = 0.01 the magnitudes are 0.01 versus 0.99. All functions here are written to be exact and free of
 * NaN for any finite logit (e.g. a = +-50 or +-1000), unlike log(1 - sigmoid(a)) evaluated literally.
 */
public final class Saturation {

    private Saturation() {
    }

    /** sigmoid(a) = 1/(1 + e^-a), evaluated without overflow for either sign ({@link BinaryCrossEntropy#sigmoid}). */
    public static double sigmoid(double a) {
        return BinaryCrossEntropy.sigmoid(a);
    }

    /** softplus(a) = log(1 + e^a) = max(a, 0) + log1p(e^-|a|), without overflow ({@link BinaryCrossEntropy#softplus}). */
    public static double softplus(double a) {
        return BinaryCrossEntropy.softplus(a);
    }

    /** log sigmoid(a) = -softplus(-a). */
    public static double logSigmoid(double a) {
        return -softplus(-a);
    }

    /** logit(p) = log(p/(1-p)), the inverse of sigmoid; +-infinity at p = 1 or 0. */
    public static double logit(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("p must lie in [0, 1], got " + p);
        }
        return Math.log(p) - Math.log1p(-p);
    }

    /** L_sat(a) = log(1 - D) = log(1 - sigmoid(a)) = -softplus(a): Algorithm 1's generator loss (minimised). */
    public static double saturatingLossFromLogit(double a) {
        return -softplus(a);
    }

    /** L_ns(a) = -log D = -log sigmoid(a) = softplus(-a): the code's generator loss (minimised). */
    public static double nonSaturatingLossFromLogit(double a) {
        return softplus(-a);
    }

    /** dL_sat/da = -sigmoid(a). */
    public static double saturatingGradientFromLogit(double a) {
        return -sigmoid(a);
    }

    /** dL_ns/da = -(1 - sigmoid(a)) = -sigmoid(-a) (written so, it is exact for large a). */
    public static double nonSaturatingGradientFromLogit(double a) {
        return -sigmoid(-a);
    }

    /** dL_sat/da as a function of D(G(z)): -D. */
    public static double saturatingGradient(double dOfGz) {
        checkProbability(dOfGz);
        return -dOfGz;
    }

    /** dL_ns/da as a function of D(G(z)): -(1 - D). */
    public static double nonSaturatingGradient(double dOfGz) {
        checkProbability(dOfGz);
        return -(1 - dOfGz);
    }

    /**
     * |dL_ns/da| / |dL_sat/da| = (1 - D)/D: how many times stronger the non-saturating signal is
     * (99 at D = 0.01, 1 at the equilibrium D = 1/2).
     */
    public static double gradientRatio(double dOfGz) {
        checkProbability(dOfGz);
        return (1 - dOfGz) / dOfGz;
    }

    private static void checkProbability(double d) {
        if (!(d >= 0 && d <= 1)) {
            throw new IllegalArgumentException("D(G(z)) must lie in [0, 1], got " + d);
        }
    }
}
