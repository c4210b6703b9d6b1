package io.jdatagen.simd;

/** Per-thread work arrays of the SIMD warp, grown on demand and reused across images. */
final class Scratch {
    private static final ThreadLocal<Scratch> CURRENT = ThreadLocal.withInitial(Scratch::new);

    /** Source pixels packed one int per pixel, channel c in bits 8c..8c+7 (8-bit sources). */
    int[] packed = new int[0];
    /** Source pixel pairs ({@link PixelPairs}; float sources: one plane per channel, {@link FloatPairs}). */
    long[] pairs = new long[0];
    /** Source planes (float sources stored channels last). */
    float[] planes = new float[0];
    /** Combined source pixel index of each tap: (row tap, column tap) 00, 01, 10, 11. */
    int[] tap00 = new int[0];
    int[] tap01 = new int[0];
    int[] tap10 = new int[0];
    int[] tap11 = new int[0];
    /** Gathered packed pixels of each tap. */
    int[] got00 = new int[0];
    int[] got01 = new int[0];
    int[] got10 = new int[0];
    int[] got11 = new int[0];
    /** Fractions along the row and column axes, and 1/0 for inside (constant fill). */
    float[] coordRow = new float[0];
    float[] coordCol = new float[0];
    float[] fracRow = new float[0];
    float[] fracCol = new float[0];
    float[] inside = new float[0];
    /** One output row per channel, {@code padded} apart. */
    float[] row = new float[0];
    /** A band of such rows (tiled warps). */
    private float[][] band = new float[0][];

    static Scratch get() {
        return CURRENT.get();
    }

    void ensureRow(int padded, int channels) {
        if (tap00.length < padded) {
            tap00 = new int[padded];
            tap01 = new int[padded];
            tap10 = new int[padded];
            tap11 = new int[padded];
            got00 = new int[padded];
            got01 = new int[padded];
            got10 = new int[padded];
            got11 = new int[padded];
            coordRow = new float[padded];
            coordCol = new float[padded];
            fracRow = new float[padded];
            fracCol = new float[padded];
            inside = new float[padded];
        }
        if (row.length < padded * channels) {
            row = new float[padded * channels];
        }
    }

    /** The packed-pixel array for {@code pixels} pixels plus a guard vector on each side. */
    int[] packed(int pixels) {
        int size = pixels + 2 * Packing.GUARD;
        if (packed.length < size) {
            packed = new int[size];
        }
        return packed;
    }

    /** {@code rows} row buffers of at least {@code length} floats each. */
    float[][] band(int rows, int length) {
        if (band.length < rows || band[0].length < length) {
            band = new float[rows][length];
        }
        return band;
    }

    long[] pairs(int pixels) {
        if (pairs.length < pixels) {
            pairs = new long[pixels];
        }
        return pairs;
    }

    float[] planes(int size) {
        if (planes.length < size) {
            planes = new float[size];
        }
        return planes;
    }
}
