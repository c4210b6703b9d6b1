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

    /** {@return the weights of red, green and blue, in the order they are added} */
    static float[] weights() {
        return new float[] {R, G, B};
    }

    /**
     * {@return the grey value of every pixel of the image at {@code offset} of {@code x}, in row-major pixel
     * order}
     *
     * @throws IllegalArgumentException with Keras's message unless the image has 1 or 3 channels
     */
    static float[] of(float[] x, int offset, ImageShape shape) {
        int channels = check(shape);
        int plane = shape.height() * shape.width();
        float[] grey = new float[plane];
        if (channels == 1) {
            System.arraycopy(x, offset, grey, 0, plane);
        } else if (shape.format() == DataFormat.CHANNELS_FIRST) {
            for (int p = 0, r = offset, g = offset + plane, b = offset + 2 * plane; p < plane; p++) {
                grey[p] = x[r + p] * R + x[g + p] * G + x[b + p] * B;
            }
        } else {
            for (int p = 0; p < plane; p++) {
                int at = offset + 3 * p;
                grey[p] = x[at] * R + x[at + 1] * G + x[at + 2] * B;
            }
        }
        return grey;
    }

    /**
     * {@return the image's channel count, 1 or 3}
     *
     * @throws IllegalArgumentException with Keras's message unless the image has 1 or 3 channels
     */
    static int check(ImageShape shape) {
        int channels = shape.channels();
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("Invalid channel size: expected 3 (RGB) or 1 (Grayscale). Received"
                    + " input with shape: images.shape=" + java.util.Arrays.toString(shape.tensorShape()));
        }
        return channels;
    }

    /** {@return the index in {@link #of}'s result of value {@code k} of the image} */
    static int pixel(int k, ImageShape shape) {
        int plane = shape.height() * shape.width();
        return shape.format() == DataFormat.CHANNELS_FIRST ? k % plane : k / shape.channels();
    }
}
