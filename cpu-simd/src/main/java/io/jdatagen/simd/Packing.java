package io.jdatagen.simd;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/** Source layouts for the gathers: 8-bit pixels packed into ints, float pixels split into planes. */
final class Packing {
    private static final VectorSpecies<Byte> BS = VectorSpecies.of(byte.class, Boundaries.FS.vectorShape());
    /** Pixels per vector: one int (4 bytes) each. */
    private static final int PIXELS = BS.length() / 4;
    /** Guard ints before (and, by the callers' sizing, after) the packed pixels: one vector. */
    static final int GUARD = Boundaries.FS.length();
    /** Output byte 4k+c takes input byte 3k+c (c < 3); byte 3 is masked off afterwards. */
    private static final VectorShuffle<Byte> RGB_TO_INT = VectorShuffle.fromOp(BS, o -> 3 * (o / 4) + Math.min(o % 4, 2));

    private Packing() {
    }

    /**
     * Packs up to 4 8-bit channels of each pixel into one int, channel c in bits 8c..8c+7, writing
     * pixel p to {@code packed[GUARD + p]} (a vector of guard ints on each side keeps chunked reads
     * in bounds).
     */
    static void pack(byte[] bytes, int offset, int pixels, int channels, int[] packed) {
        switch (channels) {
            case 1:
                for (int p = 0; p < pixels; p++) {
                    packed[GUARD + p] = bytes[offset + p] & 0xFF;
                }
                break;
            case 3:
                packRgb(bytes, offset, pixels, packed);
                break;
            default:
                for (int p = 0, o = offset; p < pixels; p++, o += channels) {
                    int v = 0;
                    for (int c = 0; c < channels; c++) {
                        v |= (bytes[o + c] & 0xFF) << (8 * c);
                    }
                    packed[GUARD + p] = v;
                }
        }
    }

    /**
     * RGB packing with one byte permutation per {@value #PIXELS}-pixel vector; the last pixels
     * (whose 3-byte groups would read past the array) are packed one by one.
     */
    private static void packRgb(byte[] bytes, int offset, int pixels, int[] packed) {
        int p = 0;
        int vectorEnd = Math.min(pixels, (bytes.length - offset - BS.length()) / 3 + 1);
        for (; p + PIXELS <= vectorEnd; p += PIXELS) {
            ByteVector.fromArray(BS, bytes, offset + 3 * p).rearrange(RGB_TO_INT).reinterpretAsInts().and(0xFFFFFF)
                    .intoArray(packed, GUARD + p);
        }
        for (int o = offset + 3 * p; p < pixels; p++, o += 3) {
            packed[GUARD + p] = (bytes[o] & 0xFF) | (bytes[o + 1] & 0xFF) << 8 | (bytes[o + 2] & 0xFF) << 16;
        }
    }

    /**
     * Splits channels-last float pixels into planes: {@code planes[c * pixels + p]}. Three channels are
     * read in one pass over the pixels (one sequential read of the image, three sequential writes); other
     * counts one channel at a time.
     */
    static void deinterleave(float[] floats, int offset, int pixels, int channels, float[] planes) {
        if (channels == 3) {
            for (int p = 0, o = offset; p < pixels; p++, o += 3) {
                planes[p] = floats[o];
                planes[pixels + p] = floats[o + 1];
                planes[2 * pixels + p] = floats[o + 2];
            }
            return;
        }
        for (int c = 0; c < channels; c++) {
            int base = c * pixels;
            for (int p = 0, o = offset + c; p < pixels; p++, o += channels) {
                planes[base + p] = floats[o];
            }
        }
    }
}
