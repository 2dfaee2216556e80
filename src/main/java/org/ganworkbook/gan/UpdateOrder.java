package org.ganworkbook.gan;

/**
 * How the discriminator and generator updates of one training iteration are ordered.
 *
 * <ul>
 *   <li>{@link #SIMULTANEOUS}: what the authors' released configs do (stock pylearn2 SGD over D's and G's
 *       parameters together, paper-setup §0): one minibatch of m real images and m noise vectors, one
 *       forward pass, both gradients from the <em>pre-update</em> parameters, then D and G move at the
 *       same time. Only k = 1 exists in this form.</li>
 *   <li>{@link #SEQUENTIAL}: Algorithm 1 of the paper (§4): k discriminator steps, each on a fresh
 *       minibatch of real data and fresh noise, then one generator step on fresh noise through the
 *       <em>updated</em> D.</li>
 * </ul>
 */
public enum UpdateOrder {
    SIMULTANEOUS, SEQUENTIAL
}
