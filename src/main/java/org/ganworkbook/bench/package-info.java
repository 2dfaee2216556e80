/**
 * Benchmarks as runnable main classes (not unit tests): GEMM throughput on the paper's matrix shapes
 * and the cost of one full GAN training step (Goodfellow et al. 2014, §4 Algorithm 1, with the MNIST
 * networks of the released code). They print their numbers together with the machine's load, because
 * a number measured on a busy machine means little.
 */
package org.ganworkbook.bench;
