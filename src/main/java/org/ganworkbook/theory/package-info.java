/**
 * The theory of the paper checked numerically: the value function, the optimal discriminator, the
 * Jensen-Shannon divergence and the -log 4 global optimum, saturation of the generator's loss, and mode
 * coverage.
 *
 * <p>Goodfellow et al. 2014, §3-4. The game is min_G max_D V(D, G) with
 * V(D, G) = E_{x~p_data}[log D(x)] + E_{z~p_z}[log(1 - D(G(z)))] ({@link org.ganworkbook.theory.ValueFunction}).
 * Proposition 1: for fixed G the best D is D*_G(x) = p_data(x) / (p_data(x) + p_g(x))
 * ({@link org.ganworkbook.theory.OptimalDiscriminator}). Theorem 1: C(G) = max_D V(D, G)
 * = -log 4 + 2 JSD(p_data || p_g), minimal (-log 4 = -1.386294) exactly when p_g = p_data
 * ({@link org.ganworkbook.theory.Divergences}). §3's remark that log(1 - D(G(z))) saturates early in
 * training, and the non-saturating -log D(G(z)) the code uses instead, are in
 * {@link org.ganworkbook.theory.Saturation} and {@link org.ganworkbook.theory.CodeLosses}; §6's "Helvetica
 * scenario" (mode collapse) is measured by {@link org.ganworkbook.theory.ModeCoverage}.
 * {@link org.ganworkbook.theory.Game1d} takes a snapshot of a trained 1-D GAN as Figure 1 draws it (p_data,
 * p_g, D, D* and the z-to-x arrows) and reports its JSD and C(G).
 *
 * <p>Densities come from {@code org.ganworkbook.sampling}; integrals are taken on a uniform grid
 * ({@link org.ganworkbook.theory.Grid1d}, composite Simpson). Everything is in double precision and in
 * natural logarithms (nats). Conventions: 0 log 0 = 0; KL(p || q) = +infinity where q = 0 &lt; p.
 */
package org.ganworkbook.theory;
