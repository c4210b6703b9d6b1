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
        ColorLoops.contrast(data, offset, length, centers, factor, lo, hi);
    }

    /**
     * Replaces each of the {@code length} values {@code x} of {@code data} from {@code offset}, values on the
     * scale 0..255, by their solarization: {@code v = min(max(x + addition, 0), 255)} in float32, then
     * {@code v} where {@code v < threshold} and {@code 255 − v} elsewhere (Keras's {@code Solarization}; a NaN
     * stays NaN).
     *
     * @throws IllegalArgumentException if the range leaves {@code data}
     */
    default void solarize(float[] data, int offset, int length, float addition, float threshold) {
        checkRange(data, offset, length);
        ColorLoops.solarize(data, offset, length, addition, threshold);
    }

    /**
     * Writes into {@code low[c]} and {@code high[c]} the least and the greatest of the values
     * {@code data[offset + k]}, {@code k < length}, whose {@code k % low.length} is {@code c} (the channels of a
     * channels-last image, or one plane), as {@code Math.min} and {@code Math.max} fold them: NaN where a value
     * is NaN, and -0 below 0. A channel without values gets +∞ and −∞.
     *
     * @throws IllegalArgumentException if {@code low} is empty, {@code high} is shorter, or the range leaves
     *     {@code data}
     */
    default void extremes(float[] data, int offset, int length, float[] low, float[] high) {
        checkPeriod(data, offset, length, low, high);
        ColorLoops.extremes(data, offset, length, low, high);
    }

    /**
     * Replaces each of the {@code length} values {@code v} of {@code data} from {@code offset} by
     * {@code min(max(v·scales[c] + offsets[c], lo), hi)} in float32, where {@code c} is {@code k % scales.length}
     * for the {@code k}-th value (Keras's {@code AutoContrast}: each channel stretched onto 0..255).
     *
     * @throws IllegalArgumentException if {@code scales} is empty, {@code offsets} is shorter, or the range
     *     leaves {@code data}
     */
    default void stretch(float[] data, int offset, int length, float[] scales, float[] offsets, float lo, float hi) {
        checkPeriod(data, offset, length, scales, offsets);
        ColorLoops.stretch(data, offset, length, scales, offsets, lo, hi);
    }

    /**
     * Blends each value of the {@code pixels} pixels of a channels-last RGB image at {@code offset} of
     * {@code data} towards its pixel's grey: {@code grey = r·weights[0] + g·weights[1] + b·weights[2]} (added in
     * that order), and each of the pixel's values {@code v} becomes {@code min(max(v + factor·(grey − v), lo),
     * hi)}, all in float32 (Keras's {@code RandomColorDegeneration}).
     *
     * @throws IllegalArgumentException if {@code weights} does not hold 3 values or the range leaves {@code data}
     */
    default void towardsGrey(float[] data, int offset, int pixels, float[] weights, float factor, float lo, float hi) {
        checkGrey(data, offset, pixels, weights);
        ColorLoops.towardsGrey(data, offset, pixels, weights, factor, lo, hi);
    }

    /**
     * Sharpens in place the plane of {@code height} rows of {@code length} values at {@code offset} of
     * {@code data} (Keras's {@code RandomSharpness}): each value {@code x} is smoothed with a 3×3 kernel, weight
     * {@code centre} on the value and {@code edge} on its eight neighbours (the left and right ones
     * {@code pixel} values away along the row, the rows above and below; zeros beyond the plane), summed in
     * float32 in row order (the row above left to right, then the row, then the row below) as
     * {@code s = edge·a; s += edge·b; …}, and becomes {@code min(max(x + keep·(s − x), lo), hi)}.
     *
     * @throws IllegalArgumentException if {@code pixel} is not in {@code [1, length]} or the plane leaves
     *     {@code data}
     */
    default void sharpen(float[] data, int offset, int height, int length, int pixel, float edge, float centre,
            float keep, float lo, float hi) {
        checkPlane(data, offset, height, length, pixel);
        new SharpenLoop(data, offset, height, length, pixel).run(edge, centre, keep, lo, hi);
    }

    /**
     * Validates the arguments of {@link #sharpen}, for backends that override it.
     *
     * @throws IllegalArgumentException if {@code pixel} is not in {@code [1, length]} or the plane leaves
     *     {@code data}
     */
    static void checkPlane(float[] data, int offset, int height, int length, int pixel) {
        if (height < 0 || pixel < 1 || pixel > length) {
            throw new IllegalArgumentException("a plane of " + height + " rows of " + length
                    + " values with neighbours " + pixel + " apart");
        }
        checkRange(data, offset, (int) Math.min(Integer.MAX_VALUE, (long) height * length));
    }

    /**
     * Counts the {@code length} values of {@code data} from {@code offset} into {@code hist}, Keras's histogram
     * for {@code Equalization}: the {@code k}-th value {@code v} adds one to
     * {@code hist[first + (k % channels)·bins + b]}, its bin {@code b = clamp((int) (y·(bins − 1) / 255), 0,
     * bins − 1)} with {@code y = v·scale + shift}, in float32 and that order ({@code (int)} as Java casts: NaN
     * to 0, out-of-range values to the int bounds).
     *
     * @throws IllegalArgumentException if {@code channels} or {@code bins} is below 1, the range leaves
     *     {@code data}, or the bins of {@code channels} channels from {@code first} leave {@code hist}
     */
    default void histogram(float[] data, int offset, int length, int channels, float scale, float shift, int bins,
            int[] hist, int first) {
        checkHistogram(data, offset, length, channels, bins, hist.length, first);
        ColorLoops.histogram(data, offset, length, channels, scale, shift, bins, hist, first);
    }

    /**
     * Replaces each of the {@code length} values {@code v} of {@code data} from {@code offset} by its entry of
     * {@code table}, Keras's mapping for {@code Equalization}: the {@code k}-th value becomes
     * {@code table[first + (k % channels)·bins + b]}, {@code b = clamp((int) (y / 255·(bins − 1)), 0, bins − 1)}
     * with {@code y = v·scale + shift}, in float32 and that order (a different order from {@link #histogram}'s, as
     * in Keras).
     *
     * @throws IllegalArgumentException if {@code channels} or {@code bins} is below 1, the range leaves
     *     {@code data}, or the bins of {@code channels} channels from {@code first} leave {@code table}
     */
    default void equalize(float[] data, int offset, int length, int channels, float scale, float shift, int bins,
            float[] table, int first) {
        checkHistogram(data, offset, length, channels, bins, table.length, first);
        ColorLoops.equalize(data, offset, length, channels, scale, shift, bins, table, first);
    }

    /**
     * Validates the arguments of {@link #histogram} and {@link #equalize}, for backends that override them.
     *
     * @param entries the length of the histogram or the table
     * @throws IllegalArgumentException if {@code channels} or {@code bins} is below 1, the range leaves
     *     {@code data}, or the bins of {@code channels} channels from {@code first} leave the {@code entries}
     */
    static void checkHistogram(float[] data, int offset, int length, int channels, int bins, int entries, int first) {
        if (channels < 1 || bins < 1) {
            throw new IllegalArgumentException("channels and bins must be at least 1; got " + channels + " and "
                    + bins);
        }
        if (first < 0 || (long) first + (long) channels * bins > entries) {
            throw new IllegalArgumentException(channels + " channels of " + bins + " bins from " + first
                    + " do not fit in " + entries + " entries");
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

    /**
     * Validates the arguments of a pass with one pair of values per channel ({@link #extremes},
     * {@link #stretch}), for backends that override one.
     *
     * @throws IllegalArgumentException if {@code first} is empty, {@code second} is shorter, or the range leaves
     *     {@code data}
     */
    static void checkPeriod(float[] data, int offset, int length, float[] first, float[] second) {
        if (first.length == 0 || second.length < first.length) {
            throw new IllegalArgumentException("one value per channel in each of two arrays; got " + first.length
                    + " and " + second.length);
        }
        checkRange(data, offset, length);
    }

    /**
     * Validates the arguments of {@link #towardsGrey}, for backends that override it.
     *
     * @throws IllegalArgumentException if {@code weights} does not hold 3 values or the range leaves {@code data}
     */
    static void checkGrey(float[] data, int offset, int pixels, float[] weights) {
        if (weights.length != 3) {
            throw new IllegalArgumentException("3 grey weights (red, green, blue); got " + weights.length);
        }
        if (pixels < 0 || pixels > Integer.MAX_VALUE / 3) {
            throw new IllegalArgumentException("pixels must lie in [0, " + Integer.MAX_VALUE / 3 + "]; got " + pixels);
        }
        checkRange(data, offset, 3 * pixels);
    }

    /**
     * Validates that the {@code length} values from {@code offset} lie in {@code data}, for backends that
     * override a pass.
     *
     * @throws IllegalArgumentException if the range leaves {@code data}
     */
    static void checkRange(float[] data, int offset, int length) {
        if (offset < 0 || length < 0 || offset > data.length - length) {
            throw new IllegalArgumentException("values " + offset + ".." + ((long) offset + length)
                    + " lie outside an array of " + data.length);
        }
    }
}
