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
