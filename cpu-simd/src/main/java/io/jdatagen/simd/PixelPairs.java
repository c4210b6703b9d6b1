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
            rgb(src.bytes(), src.offset(), pixels, src.offset() + 3 * pixels, pairs, 0);
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
     * The pairs of source row {@code r}, columns {@code [col0, col1]}, into {@code pairs} from {@code at}.
     * The right neighbour of the span's last column is the pixel after it in the source (the next
     * row's first one past the last column, zero past the image), as in {@link #of}. RGB rows may
     * also write the pairs of a few pixels after the span, when {@code pairs} has room: a caller
     * builds rows in the order of their place in the array, so that any of those it needs are
     * written again.
     */
    static void row(SourceImage src, int r, int col0, int col1, long[] pairs, int at) {
        int count = col1 - col0 + 1;
        int channels = src.channels();
        byte[] bytes = src.bytes();
        int end = src.offset() + src.height() * src.width() * channels;
        int from = src.offset() + (r * src.width() + col0) * channels;
        if (channels == 3) {
            rgb(bytes, from, count, end, pairs, at);
        } else {
            for (int k = 0, b = from; k < count; k++, b += channels) {
                long high = b + channels < end ? pixel(bytes, b + channels, channels) : 0L;
                pairs[at + k] = pixel(bytes, b, channels) | high << 32;
            }
        }
    }

    /**
     * The pairs of the {@code count} RGB pixels from byte {@code from} into {@code pairs} from
     * {@code at}: one byte permutation per vector of pairs while the vector read stays before
     * {@code end} (the source's last byte, exclusive) and the store inside {@code pairs}, so the last
     * vector may also write the pairs of up to {@code PAIRS - 1} pixels after the span; the rest one
     * by one.
     */
    private static void rgb(byte[] bytes, int from, int count, int end, long[] pairs, int at) {
        int p = 0;
        for (; p < count && from + 3 * p + BS.length() <= end && at + p + PAIRS <= pairs.length; p += PAIRS) {
            ByteVector.fromArray(BS, bytes, from + 3 * p).rearrange(RGB_TO_PAIRS).reinterpretAsLongs().and(RGB_BITS)
                    .intoArray(pairs, at + p);
        }
        for (; p < count; p++) {
            int b = from + 3 * p;
            long high = b + 3 < end ? pixel(bytes, b + 3, 3) : 0L;
            pairs[at + p] = pixel(bytes, b, 3) | high << 32;
        }
    }

    /** The pixel at byte {@code at} packed as channel c in bits 8c..8c+7. */
    private static long pixel(byte[] bytes, int at, int channels) {
        long v = 0;
        for (int c = 0; c < channels; c++) {
            v |= (long) (bytes[at + c] & 0xFF) << (8 * c);
        }
        return v;
    }
}
