package io.jdatagen.simd;

import io.jdatagen.spi.SourceImage;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * An 8-bit source as pixel pairs: long {@code p} holds pixel p in its low int and pixel p+1 in its
 * high int (channel c in bits 8c..8c+7 of each), so one 64-bit gather element fetches both
 * horizontal bilinear taps. The last pixel's neighbour is zero.
 */
final class PixelPairs {
    private static final VectorSpecies<Byte> BS = VectorSpecies.of(byte.class, Boundaries.FS.vectorShape());
    /** Pairs per vector. */
    private static final int PAIRS = BS.length() / 8;
    /** Output byte 8k+q takes RGB byte 3k+q (q < 3) or 3(k+1)+q-4 (4 ≤ q < 7); bytes 3 and 7 are masked off. */
    private static final VectorShuffle<Byte> RGB_TO_PAIRS = VectorShuffle.fromOp(BS, o -> {
        int k = o / 8;
        int q = o % 8;
        return q < 3 ? 3 * k + q : q >= 4 && q < 7 ? 3 * (k + 1) + q - 4 : 0;
    });
    private static final long RGB_BITS = 0x00FFFFFF00FFFFFFL;

    private PixelPairs() {
    }

    /** The pairs of {@code src} in this thread's scratch array (valid until the next call). */
    static long[] of(SourceImage src, Scratch s) {
        int pixels = src.height() * src.width();
        long[] pairs = s.pairs(pixels);
        if (src.channels() == 3) {
            rgb(src.bytes(), src.offset(), pixels, pairs);
        } else {
            int[] packed = s.packed(pixels);
            Packing.pack(src.bytes(), src.offset(), pixels, src.channels(), packed);
            for (int p = 0; p < pixels - 1; p++) {
                pairs[p] = packed[Packing.GUARD + p] & 0xFFFFFFFFL | (long) packed[Packing.GUARD + p + 1] << 32;
            }
            pairs[pixels - 1] = packed[Packing.GUARD + pixels - 1] & 0xFFFFFFFFL;
        }
        return pairs;
    }

    /**
     * One byte permutation per vector of pairs while the vector read stays inside the image's
     * bytes (and the last pair's neighbour inside the image); the rest one by one.
     */
    private static void rgb(byte[] bytes, int offset, int pixels, long[] pairs) {
        int p = 0;
        int end = offset + 3 * pixels;
        for (; p + PAIRS < pixels && offset + 3 * p + BS.length() <= end; p += PAIRS) {
            ByteVector.fromArray(BS, bytes, offset + 3 * p).rearrange(RGB_TO_PAIRS).reinterpretAsLongs().and(RGB_BITS)
                    .intoArray(pairs, p);
        }
        for (; p < pixels; p++) {
            long low = rgbPixel(bytes, offset + 3 * p);
            long high = p + 1 < pixels ? rgbPixel(bytes, offset + 3 * p + 3) : 0L;
            pairs[p] = low | high << 32;
        }
    }

    private static long rgbPixel(byte[] bytes, int at) {
        return (bytes[at] & 0xFF) | (bytes[at + 1] & 0xFF) << 8 | (bytes[at + 2] & 0xFF) << 16;
    }
}
