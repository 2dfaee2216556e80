package org.ganworkbook.nn;

/**
 * Binary cross-entropy on logits, numerically stable: with D(x) = σ(a) and target t ∈ [0, 1],
 * <pre>
 *   ℓ(a, t) = −t·log σ(a) − (1 − t)·log(1 − σ(a)) = t·softplus(−a) + (1 − t)·softplus(a)
 *   dℓ/da   = σ(a) − t
 *   softplus(u) = log(1 + e^u) = max(u, 0) + log1p(e^−|u|)     (never overflows)
 * </pre>
 * so t = 1 gives softplus(−a) = −log D and t = 0 gives softplus(a) = −log(1 − D).
 *
 * <p>The GAN losses of the released code (paper-setup §0; Goodfellow et al. 2014, §3 and Algorithm 1),
 * with {@link #loss} returning {@code weight · mean_i ℓ(a_i, t)}:
 * <ul>
 *   <li>D loss = 0.5·mean softplus(−a_real) + 0.5·mean softplus(a_fake):
 *       {@code loss(aReal, .., 1, 0.5f, ..) + loss(aFake, .., 0, 0.5f, ..)}</li>
 *   <li>non-saturating G loss = mean softplus(−a_fake) = −mean log D(G(z)): {@code loss(aFake, .., 1, 1f, ..)}</li>
 *   <li>saturating G loss = mean log(1 − D(G(z))) = −mean softplus(a_fake): {@code loss(aFake, .., 0, -1f, ..)}</li>
 * </ul>
 */
public final class BinaryCrossEntropy {

    private BinaryCrossEntropy() {
    }

    /** softplus(u) = log(1 + e^u), stable for any finite u. */
    public static double softplus(double u) {
        return Math.max(u, 0) + Math.log1p(Math.exp(-Math.abs(u)));
    }

    /** σ(u) = 1 / (1 + e^−u), stable for any u. */
    public static double sigmoid(double u) {
        if (u >= 0) {
            return 1 / (1 + Math.exp(-u));
        }
        double e = Math.exp(u);
        return e / (1 + e);
    }

    /**
     * {@code weight · (1/n) Σ_i ℓ(logits[off + i], target)} for i in [0, n), and, if {@code grad} is not
     * null, its gradient {@code grad[gradOff + i] = weight · (σ(a_i) − target) / n} (overwritten).
     * The logits are not modified. Finite for any finite logits (e.g. ±1000).
     *
     * @param target the label, 1 for "real" and 0 for "fake" (values in between give soft labels)
     * @param weight multiplies value and gradient; a negative weight turns the loss into a gain
     *               (the saturating G loss uses −1)
     */
    public static double loss(float[] logits, int off, int n, float target, float weight, float[] grad, int gradOff) {
        check(n, target);
        double sum = 0;
        double scale = (double) weight / n;
        for (int i = 0; i < n; i++) {
            double a = logits[off + i];
            sum += term(a, target, 1 - target); // 1 - target in float, as it always was
            if (grad != null) {
                grad[gradOff + i] = (float) (scale * (sigmoid(a) - target));
            }
        }
        return weight * sum / n;
    }

    /**
     * As {@link #loss(float[], int, int, float, float, float[], int)} on double logits (the teaching layer's
     * {@link ForwardPass#logits()}), with the gradient in double: for logits that are floats and a float
     * target and weight it gives the same value, and the same gradient once rounded to float.
     */
    public static double loss(double[] logits, int off, int n, double target, double weight, double[] grad, int gradOff) {
        check(n, target);
        double sum = 0;
        double scale = weight / n;
        for (int i = 0; i < n; i++) {
            double a = logits[off + i];
            sum += term(a, target, 1 - target);
            if (grad != null) {
                grad[gradOff + i] = scale * (sigmoid(a) - target);
            }
        }
        return weight * sum / n;
    }

    private static void check(int n, double target) {
        if (n <= 0) {
            throw new IllegalArgumentException("the loss needs at least one logit, got n = " + n);
        }
        if (!(target >= 0 && target <= 1)) {
            throw new IllegalArgumentException("target must be in [0, 1], got " + target);
        }
    }

    /** ℓ(a, t), skipping the softplus whose factor is 0 (so t = 1 or 0 costs one softplus). */
    private static double term(double a, double target, double oneMinusTarget) {
        return (target == 0 ? 0 : target * softplus(-a)) + (target == 1 ? 0 : oneMinusTarget * softplus(a));
    }
}
