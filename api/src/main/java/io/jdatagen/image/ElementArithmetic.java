package io.jdatagen.image;

import io.jdatagen.core.DataFormat;

/**
 * The element-wise pieces shared by {@code standardize} and {@code fit}: values widened to double
 * for the work and narrowed back, the rescale step in a {@link Precision}, and the channel of each
 * element for a layout (any rank: the last three axes are the image).
 */
final class ElementArithmetic {
    private ElementArithmetic() {
    }

    static double[] widen(float[] values) {
        double[] d = new double[values.length];
        for (int k = 0; k < values.length; k++) {
            d[k] = values[k];
        }
        return d;
    }

    static float[] narrow(double[] values) {
        float[] f = new float[values.length];
        for (int k = 0; k < values.length; k++) {
            f[k] = (float) values[k];
        }
        return f;
    }

    /** Keras's {@code x *= rescale} when rescale is set and non-zero, each product in {@code p}. */
    static void rescale(double[] w, Double rescale, Precision p) {
        if (rescale == null || rescale == 0) {
            return;
        }
        double r = p.round(rescale);
        for (int k = 0; k < w.length; k++) {
            w[k] = p.round(w[k] * r);
        }
    }

    /** The number of channels of a tensor of this shape (rank >= 3) in {@code format}. */
    static int channels(int[] shape, DataFormat format) {
        return format == DataFormat.CHANNELS_LAST ? shape[shape.length - 1] : shape[shape.length - 3];
    }

    /** Elements of one channel that are contiguous: 1 channels last, a whole plane channels first. */
    static int plane(int[] shape, DataFormat format) {
        return format == DataFormat.CHANNELS_LAST ? 1 : shape[shape.length - 2] * shape[shape.length - 1];
    }

    /** The channel of flat element {@code k}, given {@link #channels} and {@link #plane}. */
    static int channelOf(int k, int channels, int plane) {
        return (k / plane) % channels;
    }
}
