/**
 * Evaluating a trained generator the way the paper does.
 *
 * <p>{@link org.ganworkbook.eval.ParzenWindow} is the Gaussian Parzen-window log-likelihood of Table 1
 * (Goodfellow et al. 2014, §5 "Experiments", following the protocol of the authors' {@code parzen_ll.py}):
 * 10,000 generator samples as kernel centres, sigma chosen on a validation set from a 10-point log grid,
 * mean log-likelihood of the test set in nats with its standard error. {@link
 * org.ganworkbook.eval.NearestNeighbours} finds the training image nearest to a sample in squared
 * Euclidean pixel distance, the extra column of Figure 2 that shows the model did not just memorise its
 * training set; {@link org.ganworkbook.eval.NeighbourGrid} lays that figure out. Both compute their
 * distances as one matrix product per block of queries ({@link org.ganworkbook.linalg.Gemm}), in
 * bounded memory, and stop with a {@link java.util.concurrent.CancellationException} when the calling
 * thread is interrupted.
 */
package org.ganworkbook.eval;
