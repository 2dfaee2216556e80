/**
 * Numerical tools every other package may use: {@link org.ganworkbook.numeric.FiniteDifferences}, the one
 * implementation of central differences behind the network's gradient check ({@code nn.GradientCheck}), the
 * assignments' checks ({@code grading.Check}) and the tests. A leaf: it imports nothing of ours.
 */
package org.ganworkbook.numeric;
