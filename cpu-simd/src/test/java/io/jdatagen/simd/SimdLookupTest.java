package io.jdatagen.simd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jdatagen.spi.PixelKernel;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The vector lookup pass writes the plain loop's floats (NaN and signed zeros among the table's values) on its
 * range only, for any length and offset, and refuses an index outside the table as the loop does.
 */
class SimdLookupTest {
    private static final PixelKernel PLAIN = new PixelKernel() {
    };

    @Test
    void theVectorPassGivesThePlainLoopsFloats() {
        SimdBackend simd = new SimdBackend();
        SplittableRandom r = new SplittableRandom(6);
        float[] table = new float[3 * 256];
        for (int k = 0; k < table.length; k++) {
            table[k] = k % 97 == 0 ? Float.NaN : k % 89 == 0 ? -0f : (float) r.nextDouble(-1, 256);
        }
        for (int length : new int[] {0, 1, 15, 16, 17, 47, 48, 49, 672, 1000}) {
            for (int offset : new int[] {0, 3, 16}) {
                int[] index = new int[length + 5];
                for (int k = 0; k < index.length; k++) {
                    index[k] = r.nextInt(table.length);
                }
                float[] data = new float[offset + length + 9];
                for (int k = 0; k < data.length; k++) {
                    data[k] = (float) r.nextDouble(-5, 5);
                }
                float[] expected = data.clone();
                PLAIN.lookup(table, index, length, expected, offset);
                float[] got = data.clone();
                simd.lookup(table, index, length, got, offset);
                assertArrayEquals(expected, got, length + " values from " + offset);
            }
        }
    }

    @Test
    void anIndexOutsideTheTableOrARangeOutsideTheArraysIsRefused() {
        SimdBackend simd = new SimdBackend();
        float[] table = new float[10];
        int[] index = new int[40];
        index[37] = 10;
        assertThrows(IndexOutOfBoundsException.class, () -> simd.lookup(table, index, 40, new float[40], 0));
        assertThrows(IndexOutOfBoundsException.class, () -> PLAIN.lookup(table, index, 40, new float[40], 0));
        index[37] = 0;
        index[3] = -1;
        assertThrows(IndexOutOfBoundsException.class, () -> simd.lookup(table, index, 40, new float[40], 0));
        assertThrows(IllegalArgumentException.class, () -> simd.lookup(table, index, 41, new float[50], 0));
        assertThrows(IllegalArgumentException.class, () -> simd.lookup(table, index, 40, new float[45], 6));
        assertThrows(IllegalArgumentException.class, () -> PLAIN.lookup(table, index, 40, new float[45], -1));
    }
}
