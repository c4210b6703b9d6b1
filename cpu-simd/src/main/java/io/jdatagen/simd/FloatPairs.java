package io.jdatagen.simd;

import io.jdatagen.core.DataFormat;
import io.jdatagen.spi.SourceImage;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * A float32 source as pixel pairs, one plane per channel ({@code pixels} longs each, channel after
 * channel): long {@code p} of plane {@code c} holds the bits of pixel p's channel c in its low int and
 * those of pixel p+1 in its high int, zero past the last pixel, the layout {@link PixelPairs} gives
 * 8-bit sources, so one 64-bit gather element fetches both horizontal bilinear taps of one channel.
 *
 * <p>Only sources whose samples all lie below 2^64 in magnitude and none of them is {@code -0} are taken.
 * The pair gathers clamp coordinates before the floor, which reads a pixel's neighbour with weight zero
 * where the per-tap gathers read the pixel twice. {@code (b - a) · 0 + a} is {@code a} whenever
 * {@code b - a} is finite (here it cannot overflow) and {@code a} is not {@code -0}, and a lerp of such
 * values is never {@code -0} itself, so on these sources both give the same bits. A NaN, an infinity, a
 * magnitude of 2^64 or more or a {@code -0} sends the warp to the per-tap gathers.
 */
final class FloatPairs {
    private static final VectorSpecies<Float> FS = Boundaries.FS;
    private static final int L = FS.length();
    /** Pairs per vector. */
    private static final int HALF = L / 2;
    /** Pairs of a channel plane: lane 2k takes lane k, lane 2k+1 lane k+1. */
    private static final VectorShuffle<Float> PLANE = VectorShuffle.fromOp(FS, i -> i / 2 + i % 2);
    /**
     * Pairs of channel c of RGB pixels from two vectors read back to back: lane 2k takes sample 3k+c,
     * lane 2k+1 sample 3(k+1)+c (indexes of {@code L} and more select from the second vector); null where
     * the {@code HALF + 1} pixels do not fit in two vectors.
     */
    private static final VectorShuffle<Float>[] RGB = rgbShuffles();
    private static final int SIGN = 0x80000000;
    private static final int MAGNITUDE = 0x7FFFFFFF;
    /** The bits of 2^64: magnitudes from here on (infinities and NaN among them) are refused. */
    private static final int HUGE = Float.floatToRawIntBits(0x1p64f);

    private FloatPairs() {
    }

    @SuppressWarnings("unchecked")
    private static VectorShuffle<Float>[] rgbShuffles() {
        if (3 * HALF + 3 > 2 * L) {
            return null;
        }
        VectorShuffle<Float>[] shuffles = new VectorShuffle[3];
        for (int c = 0; c < 3; c++) {
            int channel = c;
            shuffles[c] = VectorShuffle.fromOp(FS, i -> 3 * (i / 2 + i % 2) + channel);
        }
        return shuffles;
    }

    /**
     * {@return the pairs of {@code src} (a float32 source) in {@code s}'s pair array, or null when a sample
     * is refused (see above)} The array is valid until the next use of {@code s}'s pairs.
     */
    static long[] of(SourceImage src, Scratch s) {
        int pixels = src.height() * src.width();
        int channels = src.channels();
        long[] pairs = s.pairs(channels * pixels);
        float[] x = src.floats();
        int from = src.offset();
        boolean taken;
        if (src.format() == DataFormat.CHANNELS_FIRST || channels == 1) {
            taken = true;
            for (int c = 0; c < channels && taken; c++) {
                taken = plane(x, from + c * pixels, pixels, pairs, c * pixels);
            }
        } else if (channels == 3 && RGB != null) {
            taken = rgb(x, from, pixels, pairs);
        } else {
            taken = tail(x, from, pixels, channels, 0, pairs);
        }
        return taken ? pairs : null;
    }

    /**
     * The pairs of the {@code pixels} values from {@code from} into {@code pairs} from {@code at}: one read and
     * one rearrange per vector of pairs while the read stays in the plane, then one value at a time. No method
     * here takes or returns a vector (see {@link SimdWarp}).
     */
    private static boolean plane(float[] x, int from, int pixels, long[] pairs, int at) {
        VectorMask<Integer> bad = Boundaries.IS.maskAll(false);
        int p = 0;
        for (; p + L <= pixels; p += HALF) {
            FloatVector v = FloatVector.fromArray(FS, x, from + p);
            IntVector bits = v.reinterpretAsInts();
            bad = bad.or(bits.compare(VectorOperators.EQ, SIGN))
                    .or(bits.and(MAGNITUDE).compare(VectorOperators.GE, HUGE));
            v.rearrange(PLANE).reinterpretAsLongs().intoArray(pairs, at + p);
        }
        boolean taken = !bad.anyTrue();
        for (; p < pixels && taken; p++) {
            float low = x[from + p];
            float high = p + 1 < pixels ? x[from + p + 1] : 0f;
            taken = accepted(low);
            pairs[at + p] = pair(low, high);
        }
        return taken;
    }

    /**
     * The three planes' pairs of {@code pixels} RGB pixels from {@code from}: two reads, three rearranges per
     * vector of pairs while both reads stay in the image (so each plane's stores stay in its plane), then one
     * value at a time.
     */
    private static boolean rgb(float[] x, int from, int pixels, long[] pairs) {
        VectorMask<Integer> bad = Boundaries.IS.maskAll(false);
        int p = 0;
        for (; 3 * p + 2 * L <= 3 * pixels; p += HALF) {
            FloatVector first = FloatVector.fromArray(FS, x, from + 3 * p);
            FloatVector second = FloatVector.fromArray(FS, x, from + 3 * p + L);
            IntVector a = first.reinterpretAsInts();
            IntVector b = second.reinterpretAsInts();
            bad = bad.or(a.compare(VectorOperators.EQ, SIGN)).or(a.and(MAGNITUDE).compare(VectorOperators.GE, HUGE))
                    .or(b.compare(VectorOperators.EQ, SIGN)).or(b.and(MAGNITUDE).compare(VectorOperators.GE, HUGE));
            first.rearrange(RGB[0], second).reinterpretAsLongs().intoArray(pairs, p);
            first.rearrange(RGB[1], second).reinterpretAsLongs().intoArray(pairs, pixels + p);
            first.rearrange(RGB[2], second).reinterpretAsLongs().intoArray(pairs, 2 * pixels + p);
        }
        return !bad.anyTrue() && tail(x, from, pixels, 3, p, pairs);
    }

    /** The pairs of pixels {@code p0..pixels-1} of a channels-last source, one value at a time. */
    private static boolean tail(float[] x, int from, int pixels, int channels, int p0, long[] pairs) {
        for (int p = p0; p < pixels; p++) {
            for (int c = 0; c < channels; c++) {
                float low = x[from + p * channels + c];
                float high = p + 1 < pixels ? x[from + (p + 1) * channels + c] : 0f;
                if (!accepted(low)) {
                    return false;
                }
                pairs[c * pixels + p] = pair(low, high);
            }
        }
        return true;
    }

    private static long pair(float low, float high) {
        return Float.floatToRawIntBits(low) & 0xFFFFFFFFL | (long) Float.floatToRawIntBits(high) << 32;
    }

    private static boolean accepted(float v) {
        int bits = Float.floatToRawIntBits(v);
        return bits != SIGN && (bits & MAGNITUDE) < HUGE;
    }
}
