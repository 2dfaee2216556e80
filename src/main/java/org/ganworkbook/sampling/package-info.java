/**
 * Noise priors, target densities and samplers: the distributions the generator's game is played on.
 *
 * <p>The paper (Goodfellow et al. 2014, §3) defines a prior {@code p_z} on the input noise and a
 * generator {@code G(z)} whose outputs follow an implicit density {@code p_g}; the discriminator compares
 * {@code p_g} with the data density {@code p_data}. This package supplies, in double precision for the
 * theory notebooks and as fast float fills for training:
 * <ul>
 *   <li>the paper's noise priors ({@link org.ganworkbook.sampling.NoisePrior}: U(-sqrt3, sqrt3) per
 *       coordinate in the MNIST config, N(0, 1) in the TFD and CIFAR-10 configs; both have variance 1);</li>
 *   <li>1-D densities with exact pdf, log-pdf and cdf ({@link org.ganworkbook.sampling.Gaussian1d},
 *       {@link org.ganworkbook.sampling.Uniform1d}, {@link org.ganworkbook.sampling.GaussianMixture1d})
 *       behind one interface, {@link org.ganworkbook.sampling.Density1d};</li>
 *   <li>the 2-D "Gaussians on a ring" target used to study mode collapse (§6 of the paper calls it the
 *       "Helvetica scenario"), {@link org.ganworkbook.sampling.GaussianMixture2d};</li>
 *   <li>two ways to turn a generator into a density: a Gaussian kernel density estimate from its samples
 *       ({@link org.ganworkbook.sampling.Kde1d}) and the pushforward of {@code p_z} through a 1-D
 *       {@code G} ({@link org.ganworkbook.sampling.Pushforward1d}), which is what the arrows of Figure 1
 *       depict.</li>
 * </ul>
 * Randomness is always passed in as the last argument ({@code java.util.random.RandomGenerator}); nothing
 * here keeps a random generator of its own. Divergences, the value function and the optimal
 * discriminator live in {@code org.ganworkbook.theory}, which builds on these densities.
 */
package org.ganworkbook.sampling;
