package org.ganworkbook.gan;

/**
 * The generator's objective (paper §3). With a = D's logit on a fake sample and D(G(z)) = σ(a):
 * <ul>
 *   <li>{@link #NON_SATURATING}: minimize −log D(G(z)) = softplus(−a), d/da = σ(a) − 1. What the released
 *       code uses ({@code AdversaryCost2}); gradients stay large while D rejects the fakes.</li>
 *   <li>{@link #SATURATING}: minimize log(1 − D(G(z))) = −softplus(a), d/da = −σ(a). The minimax form of
 *       Algorithm 1; its gradient vanishes when D(G(z)) is near 0, early in training.</li>
 * </ul>
 * Both are means over the m fake samples of the minibatch.
 */
public enum GeneratorLoss {
    NON_SATURATING, SATURATING
}
