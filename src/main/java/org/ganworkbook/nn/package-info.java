/**
 * Multilayer perceptrons in float32 with minibatch forward and backward passes: the generator and
 * discriminator of Goodfellow et al. 2014 (§4 Algorithm 1, §5 Experiments) as the released code builds
 * them with pylearn2: dense layers with ReLU/sigmoid/tanh/identity units, maxout layers, inverted
 * dropout on layer inputs, uniform and sparse weight initialisation, the data-marginal output bias, the
 * max-column-norm constraint, and the logistic (binary cross-entropy) loss in logit form.
 *
 * <p>Design for the GAN step: an {@link org.ganworkbook.nn.Mlp} holds only parameters; every forward pass
 * writes into a caller-owned {@link org.ganworkbook.nn.Workspace} (activations, dropout masks, maxout
 * argmax), so D can be run on a real and a fake batch with their own masks and be backpropagated through
 * either pass, with or without parameter gradients, all from the same pre-update parameters. Matrix
 * products go through {@link org.ganworkbook.linalg.Gemm}; element-wise work is fused loops over flat
 * row-major arrays; nothing is allocated per step.
 */
package org.ganworkbook.nn;
