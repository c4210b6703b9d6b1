package io.jdatagen.spi;

import java.util.Arrays;

/**
 * The fixed-point coefficients of one axis of a Pillow-style separable resampling: output sample
 * {@code k} is {@code (2^21 + sum over t < count(k) of in[first(k) + t] * weight(k, t)) >> 22},
 * clamped to 0–255 (Pillow's 8-bit arithmetic, 22 fraction bits).
 *
 * @param outSize output samples on this axis
 * @param taps the largest number of taps (weights per output sample)
 * @param bounds {@code first(k), count(k)} pairs, {@code 2 * outSize} entries
 * @param weights {@code weight(k, t)} at {@code k * taps + t}; entries past {@code count(k)} are 0
 */
public record ResampleTable(int outSize, int taps, int[] bounds, int[] weights) {
    /** Fraction bits of the weights. */
    public static final int PRECISION_BITS = 22;

    /**
     * Checks the sizes.
     *
     * @param outSize output samples on this axis
     * @param taps the largest number of taps
     * @param bounds {@code first, count} pairs
     */
    public ResampleTable {
        if (outSize < 1 || taps < 1 || bounds.length != 2 * outSize || weights.length != outSize * taps) {
            throw new IllegalArgumentException("a resample table needs 2 bounds and " + taps + " weights per output"
                    + " sample; got " + bounds.length + " bounds and " + weights.length + " weights for " + outSize);
        }
        for (int k = 0; k < outSize; k++) {
            if (bounds[2 * k] < 0 || bounds[2 * k + 1] < 0 || bounds[2 * k + 1] > taps) {
                throw new IllegalArgumentException("output sample " + k + " has bounds " + bounds[2 * k] + ", "
                        + bounds[2 * k + 1] + " for " + taps + " taps");
            }
        }
        bounds = bounds.clone();
        weights = weights.clone();
    }

    /**
     * {@return the first input sample of output sample {@code k}}
     *
     * @param k the output sample
     */
    public int first(int k) {
        return bounds[2 * k];
    }

    /**
     * {@return the number of taps of output sample {@code k}}
     *
     * @param k the output sample
     */
    public int count(int k) {
        return bounds[2 * k + 1];
    }

    /**
     * {@return weight {@code t} of output sample {@code k}}
     *
     * @param k the output sample
     * @param t the tap
     */
    public int weight(int k, int t) {
        return weights[k * taps + t];
    }

    /**
     * {@return the table with every first input sample moved by {@code -offset}}
     *
     * @param offset how far the input's origin moves
     */
    public ResampleTable shifted(int offset) {
        int[] b = bounds.clone();
        for (int i = 0; i < b.length; i += 2) {
            b[i] -= offset;
        }
        return new ResampleTable(outSize, taps, b, weights);
    }

    /** {@return a copy of the {@code first, count} pairs} */
    @Override
    public int[] bounds() {
        return bounds.clone();
    }

    /** {@return a copy of the weights} */
    @Override
    public int[] weights() {
        return weights.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof ResampleTable t && t.outSize == outSize && t.taps == taps
                && Arrays.equals(t.bounds, bounds) && Arrays.equals(t.weights, weights);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * outSize + taps) + Arrays.hashCode(bounds) * 7 + Arrays.hashCode(weights);
    }

    @Override
    public String toString() {
        return "ResampleTable[" + outSize + " outputs, " + taps + " taps]";
    }
}
