/**
 * Stochastic gradient descent as the paper's released code runs it (Goodfellow et al. 2014, Algorithm 1;
 * pylearn2's SGD with the {@code Momentum} rule): plain momentum with one learning rate shared by all
 * parameters, the learning rate divided by a constant factor after every minibatch
 * ({@code ExponentialDecay}), and the momentum ramped linearly over epochs ({@code MomentumAdjustor}).
 */
package org.ganworkbook.optim;
