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
        if (n <= 0) {
            throw new IllegalArgumentException("the loss needs at least one logit, got n = " + n);
        }
        if (!(target >= 0f && target <= 1f)) {
            throw new IllegalArgumentException("target must be in [0, 1], got " + target);
        }
        double sum = 0;
        double scale = (double) weight / n;
        for (int i = 0; i < n; i++) {
            double a = logits[off + i];
            double l = (target == 0f ? 0 : target * softplus(-a)) + (target == 1f ? 0 : (1 - target) * softplus(a));
            sum += l;
            if (grad != null) {
                grad[gradOff + i] = (float) (scale * (sigmoid(a) - target));
            }
        }
        return weight * sum / n;
    }
}
