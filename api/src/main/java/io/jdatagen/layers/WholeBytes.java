package io.jdatagen.layers;

/**
 * Packs a float32 image whose values are all whole numbers in 0..255 into unsigned bytes, so that a warp can
 * read it through a backend's 8-bit path (one packed gather per tap for all channels, where a float32 source is
 * split into planes and gathered channel by channel). A value packs when converting it to an int and back gives
 * the same float32 bits: that rules out fractions, NaN, infinities and {@code -0}, whose bytes would read back
 * as another value.
 */
final class WholeBytes {
    private WholeBytes() {
    }

    /**
     * {@return whether every value of {@code x[0, n)} is a whole number in 0..255 (not {@code -0}), having
     * written each as an unsigned byte into {@code into[0, n)}} The values are checked a row of {@code row} at
     * a time, and the packing stops at the first row that holds another value ({@code into} then holds
     * whatever was packed before it).
     */
    static boolean pack(float[] x, int n, int row, byte[] into) {
        for (int from = 0; from < n; from += row) {
            int end = Math.min(from + row, n);
            // Two reductions C2 vectorizes: the largest distance of a value to its int (NaN for NaN, infinite
            // for the infinities), and an OR of each value's int, 255 minus it and the int of its reciprocal,
            // negative when one is below 0 or above 255 or is -0 (whose reciprocal is -infinity).
            float fraction = 0f;
            int range = 0;
            for (int k = from; k < end; k++) {
                float v = x[k];
                int i = (int) v;
                fraction = Math.max(fraction, Math.abs(v - (float) i));
                range |= i | (255 - i) | (int) (1f / v);
            }
            if (!(fraction == 0f && range >= 0)) {
                return false;
            }
            for (int k = from; k < end; k++) {
                into[k] = (byte) (int) x[k];
            }
        }
        return true;
    }
}
