package org.ganworkbook.data;

import java.util.List;
import java.util.Objects;

/**
 * A data set in the three parts the paper's code uses.
 *
 * <ul>
 *   <li>{@code train}: what the GAN is trained on (MNIST: the first 50,000 official training images).
 *   <li>{@code valid}: held out from training; the authors monitor on it and choose the Parzen
 *       window width on its first 1,000 images (MNIST: training images 50,000..59,999).
 *   <li>{@code test}: scored for Table 1 (MNIST: the official 10,000 test images).
 * </ul>
 *
 * @param name the data set's name, e.g. {@code "MNIST"}
 * @param train training images
 * @param valid held-out images
 * @param test test images
 * @param classNames the name of each label (index = label)
 */
public record Splits(String name, LabeledImages train, LabeledImages valid, LabeledImages test,
                     List<String> classNames) {

    /** Checks that nothing is missing. */
    public Splits {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(valid, "valid");
        Objects.requireNonNull(test, "test");
        classNames = List.copyOf(classNames);
    }

    /** @return the number of classes */
    public int numClasses() {
        return classNames.size();
    }

    @Override
    public String toString() {
        return name + ": train " + train.size() + ", valid " + valid.size() + ", test " + test.size()
                + " images of " + train.height() + "x" + train.width() + " pixels in [0, 1]";
    }
}
