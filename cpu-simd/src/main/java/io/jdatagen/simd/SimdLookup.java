package io.jdatagen.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The table lookup pass ({@link io.jdatagen.spi.PixelKernel#lookup}) as one float gather per vector of indices:
 * the same floats as the plain loop. The gather checks every index against the table, as the loop's array
 * access does.
 */
final class SimdLookup {
    private static final VectorSpecies<Float> FS = Boundaries.FS;
    private static final int L = FS.length();

    private SimdLookup() {
    }

    static void run(float[] table, int[] index, int length, float[] data, int offset) {
        int k = 0;
        for (; k + L <= length; k += L) {
            FloatVector.fromArray(FS, table, 0, index, k).intoArray(data, offset + k);
        }
        for (; k < length; k++) {
            data[offset + k] = table[index[k]];
        }
    }
}
