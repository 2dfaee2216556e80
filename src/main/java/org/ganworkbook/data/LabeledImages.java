package org.ganworkbook.data;

import java.util.Arrays;
import java.util.Objects;
import org.ejml.data.FMatrixRMaj;

/**
 * A set of grayscale images with their class labels: row {@code i} of {@link #images()} is image
 * {@code i} flattened row by row ({@code height * width} pixels in [0, 1]), {@code labels[i]} its class.
 *
 * @param images {@code [n, height * width]}, float32, values in [0, 1]
 * @param labels {@code [n]}, class of each image (0..9 for MNIST)
 * @param height image height in pixels
 * @param width image width in pixels
 */
public record LabeledImages(FMatrixRMaj images, int[] labels, int height, int width) {

    /** Checks that the shapes agree. */
    public LabeledImages {
        Objects.requireNonNull(images, "images");
        Objects.requireNonNull(labels, "labels");
        if (images.numCols != height * width) {
            throw new IllegalArgumentException("images have " + images.numCols + " columns, but "
                    + height + "x" + width + " images need " + height * width);
        }
        if (images.numRows != labels.length) {
            throw new IllegalArgumentException(images.numRows + " images but " + labels.length + " labels");
        }
    }

    /** @return the number of images */
    public int size() {
        return labels.length;
    }

    /** @return pixels per image, {@code height * width} */
    public int pixels() {
        return images.numCols;
    }

    /** @return a copy of image {@code i}, {@code height * width} values */
    public float[] image(int i) {
        Objects.checkIndex(i, size());
        int d = pixels();
        return Arrays.copyOfRange(images.data, i * d, (i + 1) * d);
    }

    /** @return a copy of the first {@code n} images and labels */
    public LabeledImages head(int n) {
        return range(0, Math.min(n, size()));
    }

    /** @return a copy of images {@code from .. to-1} with their labels */
    public LabeledImages range(int from, int to) {
        Objects.checkFromToIndex(from, to, size());
        int d = pixels();
        FMatrixRMaj m = new FMatrixRMaj(to - from, d);
        System.arraycopy(images.data, from * d, m.data, 0, (to - from) * d);
        return new LabeledImages(m, Arrays.copyOfRange(labels, from, to), height, width);
    }

    /** @return a copy of the images at the given indices, in that order, with their labels */
    public LabeledImages rows(int... indices) {
        int d = pixels();
        FMatrixRMaj m = new FMatrixRMaj(indices.length, d);
        int[] l = new int[indices.length];
        for (int r = 0; r < indices.length; r++) {
            int i = Objects.checkIndex(indices[r], size());
            System.arraycopy(images.data, i * d, m.data, r * d, d);
            l[r] = labels[i];
        }
        return new LabeledImages(m, l, height, width);
    }

    /**
     * Averages each {@code factor × factor} block of pixels into one (box filter): a 64×64 face becomes 32×32
     * with {@code factor = 2}. Labels are kept.
     *
     * @param factor block side, which must divide both height and width
     * @return a new set of {@code (height / factor) × (width / factor)} images
     */
    public LabeledImages downscale(int factor) {
        if (factor < 1 || height % factor != 0 || width % factor != 0) {
            throw new IllegalArgumentException("downscale factor " + factor + " must be >= 1 and divide the image size "
                    + height + "x" + width);
        }
        int h = height / factor;
        int w = width / factor;
        FMatrixRMaj m = new FMatrixRMaj(size(), h * w);
        float inv = 1f / (factor * factor);
        for (int n = 0; n < size(); n++) {
            int in = n * pixels();
            int out = n * h * w;
            for (int r = 0; r < h; r++) {
                for (int c = 0; c < w; c++) {
                    float sum = 0f;
                    for (int a = 0; a < factor; a++) {
                        for (int b = 0; b < factor; b++) {
                            sum += images.data[in + (r * factor + a) * width + c * factor + b];
                        }
                    }
                    m.data[out + r * w + c] = sum * inv;
                }
            }
        }
        return new LabeledImages(m, labels.clone(), h, w);
    }

    /**
     * These images followed by their left-right mirror images (same labels): twice as many examples, a common
     * way to enlarge a small set of roughly symmetric pictures such as faces. Image {@code size() + i} is image
     * {@code i} flipped.
     *
     * @return a new set of {@code 2 * size()} images
     */
    public LabeledImages withMirrors() {
        int n = size();
        int d = pixels();
        FMatrixRMaj m = new FMatrixRMaj(2 * n, d);
        System.arraycopy(images.data, 0, m.data, 0, n * d);
        for (int i = 0; i < n; i++) {
            for (int r = 0; r < height; r++) {
                for (int c = 0; c < width; c++) {
                    m.data[(n + i) * d + r * width + c] = images.data[i * d + r * width + width - 1 - c];
                }
            }
        }
        int[] l = new int[2 * n];
        System.arraycopy(labels, 0, l, 0, n);
        System.arraycopy(labels, 0, l, n, n);
        return new LabeledImages(m, l, height, width);
    }

    /**
     * @param numClasses the number of classes (labels must lie in 0..numClasses-1)
     * @return how many images carry each label
     */
    public int[] countsPerClass(int numClasses) {
        int[] counts = new int[numClasses];
        for (int label : labels) {
            if (label < 0 || label >= numClasses) {
                throw new IllegalArgumentException("label " + label + " is outside 0.." + (numClasses - 1));
            }
            counts[label]++;
        }
        return counts;
    }

    @Override
    public String toString() {
        return "LabeledImages[" + size() + " images of " + height + "x" + width + "]";
    }
}
