package io.jdatagen.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link io.jdatagen.spi.PixelKernel#contrast} on float lanes, in place: the same float32 operations per value
 * in the same order as the plain loop (subtract, multiply, add, then {@code Math.max} and {@code Math.min},
 * which the Vector API's lanewise maximum and minimum follow, NaN and signed zeros included), so the same
 * bits. The centres are laid out along {@code period · L} values, where a vector at any multiple of {@code L}
 * finds its lanes' centres.
 */
final class SimdContrast {
    private static final VectorSpecies<Float> FS = Boundaries.FS;
    private static final int L = FS.length();

    private SimdContrast() {
    }

    static void run(float[] data, int offset, int length, float[] centers, float factor, float lo, float hi) {
        int period = centers.length;
        int cycle = period * L;
        float[] c = new float[cycle];
        for (int k = 0; k < cycle; k++) {
            c[k] = centers[k % period];
        }
        // a compare and a blend per bound where they give Math.max and Math.min's bits (the pass over a
        // 224×224×3 image took 27 µs with the lanewise maximum and minimum and 21 µs with the blends, JDK 25)
        boolean comparing = SimdColor.clipsByComparing(lo, hi);
        int k = 0;
        for (int at = 0; k + L <= length; k += L) {
            FloatVector centre = FloatVector.fromArray(FS, c, at);
            FloatVector v = FloatVector.fromArray(FS, data, offset + k).sub(centre).mul(factor).add(centre);
            if (comparing) {
                v = v.blend(lo, v.compare(VectorOperators.LE, lo));
                v = v.blend(hi, v.compare(VectorOperators.GT, hi));
            } else {
                v = v.max(lo).min(hi);
            }
            v.intoArray(data, offset + k);
            at += L;
            if (at == cycle) {
                at = 0;
            }
        }
        for (; k < length; k++) {
            float centre = centers[k % period];
            data[offset + k] = Math.min(Math.max((data[offset + k] - centre) * factor + centre, lo), hi);
        }
    }
}
