package io.jdatagen.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/** {@code out = a · b} with double accumulation, a row of {@code b} at a time in double lanes. */
final class SimdMatrix {
    private static final VectorSpecies<Double> DS = DoubleVector.SPECIES_PREFERRED;

    private SimdMatrix() {
    }

    static void multiply(float[] a, int rows, int inner, double[] b, int cols, float[] out) {
        double[] acc = new double[cols];
        int bound = DS.loopBound(cols);
        for (int r = 0; r < rows; r++) {
            java.util.Arrays.fill(acc, 0.0);
            for (int k = 0; k < inner; k++) {
                accumulate(acc, a[r * inner + k], b, k * cols, bound, cols);
            }
            for (int c = 0; c < cols; c++) {
                out[r * cols + c] = (float) acc[c];
            }
        }
    }

    private static void accumulate(double[] acc, double av, double[] b, int row, int bound, int cols) {
        int c = 0;
        for (; c < bound; c += DS.length()) {
            DoubleVector.fromArray(DS, b, row + c).fma(DoubleVector.broadcast(DS, av), DoubleVector.fromArray(DS, acc, c))
                    .intoArray(acc, c);
        }
        for (; c < cols; c++) {
            acc[c] += av * b[row + c];
        }
    }
}
