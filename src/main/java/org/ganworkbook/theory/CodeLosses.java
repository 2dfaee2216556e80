package org.ganworkbook.theory;

/**
 * The discriminator and generator losses exactly as the authors' released code scales them
 * ({@code adversarial.AdversaryCost2}; see {@code reference/paper-setup.md} §0), in double precision, so
 * the numbers printed in training logs can be related to V(D, G) and to Theorem 1.
 *
 * <ul>
 *   <li>D loss = 0.5 (BCE on real with label 1 + BCE on fake with label 0)
 *       = 0.5 (mean -log D(x) + mean -log(1 - D(G(z)))) = -V/2 for the batch estimate of V.
 *       At the optimum of Theorem 1 (D = 1/2 everywhere) it equals log 2 = 0.6931.</li>
 *   <li>non-saturating G loss = mean -log D(G(z)) (what the code trains G on); log 2 at the optimum.</li>
 *   <li>saturating G loss = mean log(1 - D(G(z))) (Algorithm 1's, minimised by G); -log 2 at the optimum.</li>
 * </ul>
 * Each loss comes from D's outputs (probabilities) or, numerically stable, from its logits
 * a = logit D: -log sigmoid(a) = softplus(-a) and -log(1 - sigmoid(a)) = softplus(a).
 */
public final class CodeLosses {

    /** The D loss and the non-saturating G loss at the equilibrium D = 1/2: log 2 = 0.693147. */
    public static final double EQUILIBRIUM_LOSS = Math.log(2);

    private CodeLosses() {
    }

    /** The code's D loss that corresponds to a value V(D, G): -V/2 (at C(G) = -log 4 it is log 2). */
    public static double dLossOfV(double v) {
        return -v / 2;
    }

    /**
     * D loss = 0.5 (mean_i -log D(x_i) + mean_j -log(1 - D(G(z_j)))).
     *
     * @param dReal D on a real batch, values in [0, 1]. Not modified.
     * @param dFake D on a fake batch, values in [0, 1]. Not modified.
     */
    public static double dLoss(double[] dReal, double[] dFake) {
        double real = 0;
        for (double d : checkProbabilities(dReal, "dReal")) {
            real -= Math.log(d);
        }
        double fake = 0;
        for (double d : checkProbabilities(dFake, "dFake")) {
            fake -= Math.log1p(-d);
        }
        return 0.5 * (real / dReal.length + fake / dFake.length);
    }

    /** D loss from logits: 0.5 (mean softplus(-aReal) + mean softplus(aFake)). Arrays not modified. */
    public static double dLossFromLogits(double[] aReal, double[] aFake) {
        double real = 0;
        for (double a : checkNonEmpty(aReal, "aReal")) {
            real += Saturation.softplus(-a);
        }
        double fake = 0;
        for (double a : checkNonEmpty(aFake, "aFake")) {
            fake += Saturation.softplus(a);
        }
        return 0.5 * (real / aReal.length + fake / aFake.length);
    }

    /** Non-saturating G loss = mean -log D(G(z)). Not modified. */
    public static double gLossNonSaturating(double[] dFake) {
        double s = 0;
        for (double d : checkProbabilities(dFake, "dFake")) {
            s -= Math.log(d);
        }
        return s / dFake.length;
    }

    /** Non-saturating G loss from logits: mean softplus(-aFake). Not modified. */
    public static double gLossNonSaturatingFromLogits(double[] aFake) {
        double s = 0;
        for (double a : checkNonEmpty(aFake, "aFake")) {
            s += Saturation.nonSaturatingLossFromLogit(a);
        }
        return s / aFake.length;
    }

    /** Saturating G loss = mean log(1 - D(G(z))) (G minimises it; it is &lt;= 0). Not modified. */
    public static double gLossSaturating(double[] dFake) {
        double s = 0;
        for (double d : checkProbabilities(dFake, "dFake")) {
            s += Math.log1p(-d);
        }
        return s / dFake.length;
    }

    /** Saturating G loss from logits: mean -softplus(aFake). Not modified. */
    public static double gLossSaturatingFromLogits(double[] aFake) {
        double s = 0;
        for (double a : checkNonEmpty(aFake, "aFake")) {
            s += Saturation.saturatingLossFromLogit(a);
        }
        return s / aFake.length;
    }

    private static double[] checkNonEmpty(double[] v, String name) {
        if (v.length == 0) {
            throw new IllegalArgumentException(name + " is empty; a loss needs at least one sample");
        }
        return v;
    }

    private static double[] checkProbabilities(double[] v, String name) {
        checkNonEmpty(v, name);
        for (int i = 0; i < v.length; i++) {
            if (!(v[i] >= 0 && v[i] <= 1)) {
                throw new IllegalArgumentException(name + "[" + i + "] = " + v[i] + "; D's outputs must lie in [0, 1]");
            }
        }
        return v;
    }
}
