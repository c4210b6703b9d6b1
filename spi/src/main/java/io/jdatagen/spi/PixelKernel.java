package io.jdatagen.spi;

/**
 * Kernel contract: element-wise passes over one image that lies in a larger array (a slot of a batch).
 * Each pass is specified as a formula per value in float32, operations in the order given, so that
 * every implementation gives the same bits; the default methods are the plain loops.
 */
public interface PixelKernel {
    /**
     * Replaces each of the {@code length} values {@code v} of {@code data} from {@code offset} by
     * {@code min(max((v − c)·factor + c, lo), hi)} in float32 (Keras's contrast: each value moved away from
     * its channel's centre, then clipped to the value range), where {@code c} is
     * {@code centers[k % centers.length]} for the {@code k}-th value: one centre per channel of a
     * channels-last image, or one for a single plane.
     *
     * @throws IllegalArgumentException if {@code centers} is empty or the range leaves {@code data}
     */
    default void contrast(float[] data, int offset, int length, float[] centers, float factor, float lo, float hi) {
        checkRun(data, offset, length, centers);
        ContrastLoop.run(data, offset, length, centers, factor, lo, hi);
    }

    /**
     * Writes {@code table[index[k]]} to {@code data[offset + k]} for each {@code k < length}: one table lookup per
     * value (a histogram equalization's mapping), the table's floats copied as they are.
     *
     * @throws IllegalArgumentException if {@code index} holds fewer than {@code length} indices or the range
     *     leaves {@code data}
     * @throws IndexOutOfBoundsException if one of the indices lies outside {@code table} (values before it may
     *     have been written)
     */
    default void lookup(float[] table, int[] index, int length, float[] data, int offset) {
        checkLookup(index, length, data, offset);
        for (int k = 0; k < length; k++) {
            data[offset + k] = table[index[k]];
        }
    }

    /**
     * Validates the arguments of {@link #lookup}, for backends that override it.
     *
     * @throws IllegalArgumentException if {@code index} holds fewer than {@code length} indices or the range
     *     leaves {@code data}
     */
    static void checkLookup(int[] index, int length, float[] data, int offset) {
        if (length < 0 || length > index.length) {
            throw new IllegalArgumentException(length + " lookups asked of " + index.length + " indices");
        }
        checkRange(data, offset, length);
    }

    /**
     * Validates the arguments of a pass, for backends that override one.
     *
     * @throws IllegalArgumentException if {@code centers} is empty or the range leaves {@code data}
     */
    static void checkRun(float[] data, int offset, int length, float[] centers) {
        if (centers.length == 0) {
            throw new IllegalArgumentException("centers must hold at least one value");
        }
        checkRange(data, offset, length);
    }

    private static void checkRange(float[] data, int offset, int length) {
        if (offset < 0 || length < 0 || offset > data.length - length) {
            throw new IllegalArgumentException("values " + offset + ".." + ((long) offset + length)
                    + " lie outside an array of " + data.length);
        }
    }
}
