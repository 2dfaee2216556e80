/**
 * Pictures for notebooks, returned as {@link java.awt.image.BufferedImage} so that any Java
 * Jupyter kernel shows them inline as PNG: {@link org.ganworkbook.plot.ImageGrid} tiles images
 * into a grid (the sample sheets of paper Figure 2, with the nearest training image outlined, and
 * the interpolation strips of Figure 3); {@link org.ganworkbook.plot.Charts} draws XChart line and
 * bar charts (loss curves, D(x) during training, the 1-D densities of Figure 1).
 */
package org.ganworkbook.plot;
