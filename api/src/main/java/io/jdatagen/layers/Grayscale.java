package io.jdatagen.layers;

import io.jdatagen.augment.ImageShape;
import io.jdatagen.core.DataFormat;

/**
 * Keras 3's {@code rgb_to_grayscale} (TensorFlow backend): per pixel
 * {@code 0.2989·r + 0.5870·g + 0.1140·b} in float32; a one-channel image is its own grey.
 */
final class Grayscale {
    private static final float R = 0.2989f;
    private static final float G = 0.5870f;
    private static final float B = 0.1140f;

    private Grayscale() {
    }

    /**
     * {@return the grey value of every pixel, in row-major pixel order}
     *
     * @throws IllegalArgumentException with Keras's message unless the image has 1 or 3 channels
     */
    static float[] of(float[] x, ImageShape shape) {
        int channels = shape.channels();
        int plane = shape.height() * shape.width();
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("Invalid channel size: expected 3 (RGB) or 1 (Grayscale). Received"
                    + " input with shape: images.shape=" + java.util.Arrays.toString(shape.tensorShape()));
        }
        float[] grey = new float[plane];
        boolean first = shape.format() == DataFormat.CHANNELS_FIRST;
        for (int p = 0; p < plane; p++) {
            if (channels == 1) {
                grey[p] = x[p];
            } else if (first) {
                grey[p] = x[p] * R + x[plane + p] * G + x[2 * plane + p] * B;
            } else {
                grey[p] = x[3 * p] * R + x[3 * p + 1] * G + x[3 * p + 2] * B;
            }
        }
        return grey;
    }

    /** {@return the index in {@link #of}'s result of value {@code k} of the image} */
    static int pixel(int k, ImageShape shape) {
        int plane = shape.height() * shape.width();
        return shape.format() == DataFormat.CHANNELS_FIRST ? k % plane : k / shape.channels();
    }
}
