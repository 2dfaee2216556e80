/**
 * Pictures for notebooks, returned as {@link java.awt.image.BufferedImage} so that any Java
 * Jupyter kernel shows them inline as PNG: {@link org.ganworkbook.plot.ImageGrid} tiles images
 * into a grid (the sample sheets of paper Figure 2, with the nearest training image outlined, and
 * the interpolation strips of Figure 3); {@link org.ganworkbook.plot.Charts} draws XChart line and
 * bar charts (loss curves, D(x) during training); {@link org.ganworkbook.plot.Figure1Panel} draws one panel
 * of Figure 1 (p_data, p_g, D and the z-to-x arrows); {@link org.ganworkbook.plot.MixturePanel2d} draws a
 * 2-D generator's samples over the modes of a mixture, with D as background (§6, mode collapse);
 * {@link org.ganworkbook.plot.Panels} puts several pictures into one frame for live updates.
 */
package org.ganworkbook.plot;
