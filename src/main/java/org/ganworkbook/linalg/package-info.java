/**
 * Fast float32 matrix products for the training hot path.
 *
 * <p>Every layer of the paper's networks (Goodfellow et al. 2014, §4 and §5; the MLPs of the released
 * code) spends almost all of its time in three matrix products per layer: the forward product
 * {@code X·W}, the weight gradient {@code Xᵀ·δ} and the input gradient {@code δ·Wᵀ}. {@link
 * org.ganworkbook.linalg.Gemm} computes them with native BLAS (OpenBLAS through JNI) when the machine
 * has it and with a cache-blocked, multi-threaded pure-Java kernel otherwise; both give the same result
 * within float rounding. EJML's {@code FMatrixRMaj} stays the matrix type everywhere else.
 */
package org.ganworkbook.linalg;
