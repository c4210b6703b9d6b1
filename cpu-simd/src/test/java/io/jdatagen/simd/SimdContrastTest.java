package io.jdatagen.simd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jdatagen.spi.PixelKernel;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The vector contrast pass gives the plain loop's bits (NaN, infinities and signed zeros included, in the values,
 * the centres and the bounds) on its range only, for any number of centres, length and offset.
 */
class SimdContrastTest {
    private static final PixelKernel PLAIN = new PixelKernel() {
    };
    /** Value ranges: Keras's, a signed one, the signed zeros either way round, and NaN bounds. */
    private static final float[][] RANGES = {
        {0f, 255f}, {0f, 255f}, {-1f, 1f}, {-0f, 0f}, {0f, -0f}, {-0f, -0f}, {Float.NaN, 255f}, {0f, Float.NaN}};

    @Test
    void theVectorPassGivesThePlainLoopsBits() {
        SimdBackend simd = new SimdBackend();
        SplittableRandom r = new SplittableRandom(5);
        float[] special = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0f, -0f, 255f, 1e-30f, -7f};
        for (int period : new int[] {1, 2, 3, 4, 5}) {
            for (int length : new int[] {0, 1, 15, 16, 17, 47, 48, 49, 1000, 150528}) {
                for (int offset : new int[] {0, 3, 16}) {
                    float[] centers = new float[period];
                    for (int c = 0; c < period; c++) {
                        centers[c] = r.nextInt(8) == 0 ? special[r.nextInt(special.length)]
                                : (float) r.nextDouble(-2, 260);
                    }
                    float[] data = new float[offset + length + 5];
                    for (int k = 0; k < data.length; k++) {
                        data[k] = r.nextInt(20) == 0 ? special[r.nextInt(special.length)]
                                : (float) r.nextDouble(-20, 280);
                    }
                    float factor = r.nextInt(10) == 0 ? -0f : (float) r.nextDouble(0, 2);
                    float[] range = RANGES[r.nextInt(RANGES.length)];
                    float[] expected = data.clone();
                    PLAIN.contrast(expected, offset, length, centers, factor, range[0], range[1]);
                    simd.contrast(data, offset, length, centers, factor, range[0], range[1]);
                    assertArrayEquals(expected, data, period + " centres, " + length + " values from " + offset
                            + " in [" + range[0] + ", " + range[1] + "]");
                }
            }
        }
        assertThrows(IllegalArgumentException.class, () -> simd.contrast(new float[4], 2, 3, new float[] {1}, 1, 0, 1));
    }
}
