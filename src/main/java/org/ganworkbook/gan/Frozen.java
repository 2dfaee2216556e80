package org.ganworkbook.gan;

/**
 * Which player, if any, is held fixed while training. The paper's runs train both ({@link #NONE}).
 * {@link #DISCRIMINATOR} trains G alone against a fixed D: §6 warns that G "must not be trained too much
 * without updating D", or it collapses many z onto one x (the "Helvetica scenario").
 * {@link #GENERATOR} trains D alone against a fixed G, the inner loop of Proposition 1 (D → D*_G).
 * A frozen player's parameters and momentum velocities are left untouched.
 */
public enum Frozen {
    NONE, GENERATOR, DISCRIMINATOR;

    /** @return true if D is updated */
    public boolean trainsDiscriminator() {
        return this != DISCRIMINATOR;
    }

    /** @return true if G is updated */
    public boolean trainsGenerator() {
        return this != GENERATOR;
    }
}
