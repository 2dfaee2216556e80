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
 *
 * <p>One simultaneous GAN step (the released code's update), with D run once on real and fake rows
 * stacked ({@code dIn} holds xReal in rows 0..m−1 and xFake in rows m..2m−1):
 * <pre>{@code
 * float[] xFake = g.forward(gWork, z, 0, m, Mode.TRAIN, rng);
 * System.arraycopy(xFake, 0, dIn, m * 784, m * 784);
 * d.forward(dWork, dIn, 0, 2 * m, Mode.TRAIN, rng);                 // own masks per row
 * float[] a = dWork.preActivation();                                 // logits
 * double dLoss = BinaryCrossEntropy.loss(a, 0, m, 1f, 0.5f, dA, 0)   // real: target 1
 *              + BinaryCrossEntropy.loss(a, m, m, 0f, 0.5f, dA, m);  // fake: target 0
 * double gLoss = BinaryCrossEntropy.loss(a, m, m, 1f, 1f, gA, 0);    // -log D(G(z))
 * d.backwardFromPreActivation(dWork, dA, 0, 2 * m, ParamGrads.SET, null);  // D gradients
 * d.backwardFromPreActivation(dWork, gA, m, m, ParamGrads.SKIP, dxFake);   // dGLoss/dxFake only
 * g.backward(gWork, dxFake, 0, m, ParamGrads.SET, null);                   // G gradients
 * sgd.step(lr, momentum);                                            // D and G together
 * }</pre>
 */
package org.ganworkbook.nn;
