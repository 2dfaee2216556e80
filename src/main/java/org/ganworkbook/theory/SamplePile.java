package org.ganworkbook.theory;

/**
 * How much of a 2-D sample sits in one pile: the numbers behind "G maps too many z to the same x"
 * (paper §6, the Helvetica scenario).
 *
 * <ul>
 *   <li>{@link #biggestPileShare()}: the largest share of the samples within {@code radius} of one sample
 *       (the pile's centre, {@link #pileX()}, {@link #pileY()}); 1 means every sample is in one clump of
 *       that radius. For the ring of eight Gaussians (σ = 0.05) the data itself scores about 1/8 with a
 *       radius of 0.25.</li>
 *   <li>{@link #shareNear(double, double)}: the share within {@code radius} of a given point, for example
 *       the point where a discriminator is highest.</li>
 *   <li>{@link #rmsSpread()}: the root-mean-square distance of the samples from their mean.</li>
 * </ul>
 * Samples are interleaved rows {@code (x, y)} of {@code xy} ([n, 2], not copied). The biggest pile is
 * searched over up to 500 evenly spaced samples as centres (cost O(500 n)).
 */
public final class SamplePile {

    private static final int MAX_CENTRES = 500;

    private final float[] xy;
    private final int n;
    private final double radius;
    private final double pileShare;
    private final double pileX;
    private final double pileY;

    private SamplePile(float[] xy, double radius) {
        this.xy = xy;
        this.n = xy.length / 2;
        this.radius = radius;
        int stride = Math.max(1, n / MAX_CENTRES);
        double r2 = radius * radius;
        int best = -1;
        int bestCount = -1;
        for (int i = 0; i < n; i += stride) {
            int count = 0;
            for (int j = 0; j < n; j++) {
                double dx = xy[2 * j] - xy[2 * i];
                double dy = xy[2 * j + 1] - xy[2 * i + 1];
                if (dx * dx + dy * dy <= r2) {
                    count++;
                }
            }
            if (count > bestCount) {
                bestCount = count;
                best = i;
            }
        }
        this.pileShare = bestCount / (double) n;
        this.pileX = xy[2 * best];
        this.pileY = xy[2 * best + 1];
    }

    /**
     * @param xy     samples as interleaved rows (x, y); at least one
     * @param radius what "the same place" means, in data units (&gt; 0)
     */
    public static SamplePile of(float[] xy, double radius) {
        if (xy == null || xy.length < 2 || xy.length % 2 != 0) {
            throw new IllegalArgumentException("xy must hold at least one sample as interleaved (x, y) pairs, got "
                    + (xy == null ? "null" : xy.length + " values"));
        }
        if (!(radius > 0) || Double.isInfinite(radius)) {
            throw new IllegalArgumentException("radius must be a positive finite distance, got " + radius);
        }
        return new SamplePile(xy, radius);
    }

    /** @return the largest share of samples within the radius of one sample */
    public double biggestPileShare() {
        return pileShare;
    }

    /** @return x of the biggest pile's centre (a sample) */
    public double pileX() {
        return pileX;
    }

    /** @return y of the biggest pile's centre (a sample) */
    public double pileY() {
        return pileY;
    }

    /** @return the share of samples within the radius of the point (px, py) */
    public double shareNear(double px, double py) {
        double r2 = radius * radius;
        int count = 0;
        for (int j = 0; j < n; j++) {
            double dx = xy[2 * j] - px;
            double dy = xy[2 * j + 1] - py;
            if (dx * dx + dy * dy <= r2) {
                count++;
            }
        }
        return count / (double) n;
    }

    /** @return the root-mean-square distance of the samples from their mean */
    public double rmsSpread() {
        double mx = 0;
        double my = 0;
        for (int j = 0; j < n; j++) {
            mx += xy[2 * j];
            my += xy[2 * j + 1];
        }
        mx /= n;
        my /= n;
        double s = 0;
        for (int j = 0; j < n; j++) {
            double dx = xy[2 * j] - mx;
            double dy = xy[2 * j + 1] - my;
            s += dx * dx + dy * dy;
        }
        return Math.sqrt(s / n);
    }

    /** @return the radius */
    public double radius() {
        return radius;
    }
}
