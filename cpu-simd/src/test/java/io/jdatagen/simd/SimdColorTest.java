package io.jdatagen.simd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jdatagen.spi.PixelKernel;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The vector color passes ({@code solarize}, {@code extremes}, {@code stretch}, {@code towardsGrey},
 * {@code histogram}, {@code equalize}) give the plain
 * loops' bits (NaN, infinities and signed zeros included, in the values, the per-channel values and the bounds)
 * on their range only, for any number of channels, length and offset.
 */
class SimdColorTest {
    private static final PixelKernel PLAIN = new PixelKernel() {
    };
    /** Bounds: Keras's, a signed range, the signed zeros either way round, and NaN bounds. */
    private static final float[][] RANGES = {
        {0f, 255f}, {0f, 255f}, {-1f, 1f}, {-0f, 0f}, {0f, -0f}, {-0f, -0f}, {Float.NaN, 255f}, {0f, Float.NaN}};
    private static final float[] SPECIAL = {
        Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0f, -0f, 255f, 1e-30f, -7f, 128f};
    private static final int[] LENGTHS = {0, 1, 15, 16, 17, 47, 48, 49, 1000, 150528};
    private static final int[] OFFSETS = {0, 3, 16};
    private final SimdBackend simd = new SimdBackend();
    private final SplittableRandom r = new SplittableRandom(5);

    private float[] values(int length) {
        float[] data = new float[length];
        for (int k = 0; k < data.length; k++) {
            data[k] = r.nextInt(20) == 0 ? SPECIAL[r.nextInt(SPECIAL.length)] : (float) r.nextDouble(-20, 280);
        }
        return data;
    }

    private float number() {
        return r.nextInt(8) == 0 ? SPECIAL[r.nextInt(SPECIAL.length)] : (float) r.nextDouble(-2, 260);
    }

    @Test
    void solarizeGivesThePlainLoopsBits() {
        for (int length : LENGTHS) {
            for (int offset : OFFSETS) {
                float[] data = values(offset + length + 5);
                float addition = number();
                float threshold = number();
                float[] expected = data.clone();
                PLAIN.solarize(expected, offset, length, addition, threshold);
                simd.solarize(data, offset, length, addition, threshold);
                assertArrayEquals(expected, data, length + " values from " + offset + ", +" + addition + ", threshold "
                        + threshold);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> simd.solarize(new float[4], 2, 3, 1, 1));
    }

    @Test
    void extremesAndStretchGiveThePlainLoopsBits() {
        for (int period : new int[] {1, 2, 3, 4, 5}) {
            for (int length : LENGTHS) {
                for (int offset : OFFSETS) {
                    float[] data = values(offset + length + 5);
                    float[] low = new float[period];
                    float[] high = new float[period];
                    float[] expectedLow = new float[period];
                    float[] expectedHigh = new float[period];
                    PLAIN.extremes(data, offset, length, expectedLow, expectedHigh);
                    simd.extremes(data, offset, length, low, high);
                    String what = period + " channels, " + length + " values from " + offset;
                    assertArrayEquals(expectedLow, low, what + ": lows");
                    assertArrayEquals(expectedHigh, high, what + ": highs");
                    float[] scales = new float[period];
                    float[] offsets = new float[period];
                    for (int c = 0; c < period; c++) {
                        scales[c] = number() / 100;
                        offsets[c] = number();
                    }
                    float[] range = RANGES[r.nextInt(RANGES.length)];
                    float[] expected = data.clone();
                    PLAIN.stretch(expected, offset, length, scales, offsets, range[0], range[1]);
                    simd.stretch(data, offset, length, scales, offsets, range[0], range[1]);
                    assertArrayEquals(expected, data, what + " in [" + range[0] + ", " + range[1] + "]");
                }
            }
        }
        for (float[] range : RANGES) {
            float[] zeros = new float[50];
            for (int k = 0; k < zeros.length; k++) {
                zeros[k] = k % 2 == 0 ? -0f : 0f;
            }
            float[] expected = zeros.clone();
            PLAIN.stretch(expected, 1, 48, new float[] {1f, 2f, 1f}, new float[] {-0f, 0f, -0f}, range[0], range[1]);
            simd.stretch(zeros, 1, 48, new float[] {1f, 2f, 1f}, new float[] {-0f, 0f, -0f}, range[0], range[1]);
            assertArrayEquals(expected, zeros, "signed zeros in [" + range[0] + ", " + range[1] + "]");
        }
        assertThrows(IllegalArgumentException.class, () -> simd.extremes(new float[4], 0, 4, new float[0],
                new float[0]));
        assertThrows(IllegalArgumentException.class, () -> simd.stretch(new float[4], 0, 4, new float[2],
                new float[1], 0, 1));
    }

    @Test
    void towardsGreyGivesThePlainLoopsBits() {
        float[] weights = {0.2989f, 0.5870f, 0.1140f};
        for (int length : LENGTHS) {
            int pixels = length / 3;
            for (int offset : OFFSETS) {
                float[] data = values(offset + 3 * pixels + 5);
                float factor = r.nextInt(10) == 0 ? -0f : (float) r.nextDouble(-1, 1);
                float[] range = RANGES[r.nextInt(RANGES.length)];
                float[] expected = data.clone();
                PLAIN.towardsGrey(expected, offset, pixels, weights, factor, range[0], range[1]);
                simd.towardsGrey(data, offset, pixels, weights, factor, range[0], range[1]);
                assertArrayEquals(expected, data, pixels + " pixels from " + offset + ", factor " + factor + " in ["
                        + range[0] + ", " + range[1] + "]");
            }
        }
        assertThrows(IllegalArgumentException.class, () -> simd.towardsGrey(new float[9], 1, 3, weights, 1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> simd.towardsGrey(new float[9], 0, 3, new float[2], 1, 0,
                1));
    }
    @Test
    void histogramAndEqualizeGiveThePlainLoopsBits() {
        for (int channels : new int[] {1, 2, 3, 4}) {
            for (int bins : new int[] {1, 2, 64, 256}) {
                for (int length : LENGTHS) {
                    int offset = OFFSETS[r.nextInt(OFFSETS.length)];
                    int first = r.nextInt(3) * bins;
                    float[] data = values(offset + length + 5);
                    float scale = r.nextInt(6) == 0 ? SPECIAL[r.nextInt(SPECIAL.length)] : (float) r.nextDouble(0.5, 2);
                    float shift = r.nextInt(6) == 0 ? SPECIAL[r.nextInt(SPECIAL.length)] : (float) r.nextDouble(-9, 9);
                    int[] expectedHist = new int[first + channels * bins + 2];
                    int[] hist = expectedHist.clone();
                    PLAIN.histogram(data, offset, length, channels, scale, shift, bins, expectedHist, first);
                    simd.histogram(data, offset, length, channels, scale, shift, bins, hist, first);
                    String what = channels + " channels of " + bins + " bins from " + first + ", " + length
                            + " values from " + offset + ", scale " + scale + ", shift " + shift;
                    assertArrayEquals(expectedHist, hist, what);
                    float[] table = values(first + channels * bins);
                    float[] expected = data.clone();
                    PLAIN.equalize(expected, offset, length, channels, scale, shift, bins, table, first);
                    simd.equalize(data, offset, length, channels, scale, shift, bins, table, first);
                    assertArrayEquals(expected, data, what);
                }
            }
        }
        assertThrows(IllegalArgumentException.class, () -> simd.histogram(new float[4], 0, 4, 3, 1, 0, 256,
                new int[767], 0));
        assertThrows(IllegalArgumentException.class, () -> simd.equalize(new float[4], 0, 4, 1, 1, 0, 256,
                new float[256], 1));
    }
}
