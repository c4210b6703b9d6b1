package io.jdatagen.augment;

import io.jdatagen.core.DataFormat;
import java.util.Objects;

/**
 * The shape of one image as a step sees it: its spatial size in stored order (height is the outer
 * spatial axis), its channels and the layout of its tensor.
 *
 * @param height rows (the outer spatial axis as stored), at least 1
 * @param width columns (the inner spatial axis as stored), at least 1
 * @param channels at least 1
 * @param format where the channel axis lies in the image's rank-3 tensor
 */
public record ImageShape(int height, int width, int channels, DataFormat format) {
    /**
     * Rejects empty sizes and a null format.
     *
     * @throws IllegalArgumentException naming the size that is below 1
     */
    public ImageShape {
        Objects.requireNonNull(format, "format");
        if (height < 1 || width < 1 || channels < 1) {
            throw new IllegalArgumentException("an image needs height, width and channels of at least 1; got "
                    + height + "x" + width + "x" + channels);
        }
    }

    /** {@return the number of values in the image, {@code height · width · channels}} */
    public int size() {
        return height * width * channels;
    }

    /** {@return the rank-3 tensor shape in {@link #format()}'s order} */
    public int[] tensorShape() {
        return format.imageShape(height, width, channels);
    }

    /**
     * {@return this shape with another spatial size (same channels and format)}
     *
     * @param newHeight rows, at least 1
     * @param newWidth columns, at least 1
     */
    public ImageShape withSize(int newHeight, int newWidth) {
        return new ImageShape(newHeight, newWidth, channels, format);
    }
}
