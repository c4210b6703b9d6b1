package io.jdatagen.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The plain passes: the element-wise formulas bit for bit, on their range of the array only. */
class PixelKernelTest {
    private static final PixelKernel PLAIN = new PixelKernel() {
    };

    @Test
    void contrastIsTheElementwiseFormulaOnItsRangeOnly() {
        SplittableRandom r = new SplittableRandom(3);
        for (int period : new int[] {1, 3, 4}) {
            for (int length : new int[] {0, 1, 7, 2047, 2048, 2049, 6000}) {
                float[] centers = new float[period];
                for (int c = 0; c < period; c++) {
                    centers[c] = (float) r.nextDouble(-2, 260);
                }
                float[] data = values(r, length + 20);
                float factor = (float) r.nextDouble(0, 2);
                float[] expected = contrast(data, 9, length, centers, factor, 0f, 255f);
                PLAIN.contrast(data, 9, length, centers, factor, 0f, 255f);
                assertArrayEquals(expected, data, period + " centres, " + length + " values");
            }
        }
    }

    @Test
    void aRangeOutsideTheArrayOrNoCentreIsRefused() {
        float[] data = new float[10];
        assertThrows(IllegalArgumentException.class, () -> PLAIN.contrast(data, 0, 10, new float[0], 1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> PLAIN.contrast(data, 5, 6, new float[] {1}, 1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> PLAIN.contrast(data, -1, 2, new float[] {1}, 1, 0, 1));
    }

    @Test
    void lookupCopiesEachIndexedTableValueOnItsRangeOnly() {
        SplittableRandom r = new SplittableRandom(4);
        float[] table = values(r, 300);
        for (int length : new int[] {0, 1, 7, 2049}) {
            int[] index = new int[length + 3];
            for (int k = 0; k < index.length; k++) {
                index[k] = r.nextInt(table.length);
            }
            float[] data = values(r, length + 20);
            float[] expected = data.clone();
            for (int k = 0; k < length; k++) {
                expected[9 + k] = table[index[k]];
            }
            PLAIN.lookup(table, index, length, data, 9);
            assertArrayEquals(expected, data, length + " values");
        }
        assertThrows(IllegalArgumentException.class, () -> PLAIN.lookup(table, new int[3], 4, new float[9], 0));
        assertThrows(IllegalArgumentException.class, () -> PLAIN.lookup(table, new int[3], 3, new float[9], 7));
        assertThrows(IndexOutOfBoundsException.class, () -> PLAIN.lookup(table, new int[] {300}, 1, new float[9], 0));
    }

    /**
     * {@return {@code n} values: mostly in and around 0..255, with NaN, infinities, signed zeros and the range's
     * ends among them}
     */
    static float[] values(SplittableRandom r, int n) {
        float[] special = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0f, -0f, 255f, 1e-30f, -7f};
        float[] v = new float[n];
        for (int k = 0; k < n; k++) {
            v[k] = r.nextInt(20) == 0 ? special[r.nextInt(special.length)] : (float) r.nextDouble(-20, 280);
        }
        return v;
    }

    /** {@return a copy of {@code data} with the formula applied value by value on the range} */
    static float[] contrast(float[] data, int offset, int length, float[] centers, float factor, float lo,
            float hi) {
        float[] out = data.clone();
        for (int k = 0; k < length; k++) {
            float c = centers[k % centers.length];
            out[offset + k] = Math.min(Math.max((out[offset + k] - c) * factor + c, lo), hi);
        }
        return out;
    }
}
