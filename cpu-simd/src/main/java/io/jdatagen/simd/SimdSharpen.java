package io.jdatagen.simd;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link io.jdatagen.spi.PixelKernel#sharpen} on float lanes: the same float32 operations per value in the same
 * order as the plain loop, so the same bits. The rows above, at and below the one being written are copies
 * padded with {@code pixel} zeros at each end, so that a value's nine terms are loads from the three copies at
 * three offsets, the zeros beyond the plane included; the result goes straight into the plane, whose rows below
 * are copied before they are written.
 */
final class SimdSharpen {
    private static final VectorSpecies<Float> FS = Boundaries.FS;
    private static final int L = FS.length();

    private SimdSharpen() {
    }

    static void run(float[] data, int offset, int height, int length, int pixel, float edge, float centre, float keep,
            float lo, float hi) {
        int padded = length + 2 * pixel;
        float[] up = new float[padded];
        float[] mid = new float[padded];
        float[] down = new float[padded];
        if (height > 0) {
            System.arraycopy(data, offset, mid, pixel, length);
        }
        if (height > 1) {
            System.arraycopy(data, offset + length, down, pixel, length);
        }
        boolean comparing = SimdColor.clipsByComparing(lo, hi);
        int right = 2 * pixel;
        for (int i = 0; i < height; i++) {
            int at = offset + i * length;
            int k = 0;
            for (; k + L <= length; k += L) {
                FloatVector s = FloatVector.fromArray(FS, up, k).mul(edge);
                s = s.add(FloatVector.fromArray(FS, up, k + pixel).mul(edge));
                s = s.add(FloatVector.fromArray(FS, up, k + right).mul(edge));
                s = s.add(FloatVector.fromArray(FS, mid, k).mul(edge));
                FloatVector x = FloatVector.fromArray(FS, mid, k + pixel);
                s = s.add(x.mul(centre));
                s = s.add(FloatVector.fromArray(FS, mid, k + right).mul(edge));
                s = s.add(FloatVector.fromArray(FS, down, k).mul(edge));
                s = s.add(FloatVector.fromArray(FS, down, k + pixel).mul(edge));
                s = s.add(FloatVector.fromArray(FS, down, k + right).mul(edge));
                FloatVector y = s.sub(x).mul(keep).add(x);
                if (comparing) {
                    y = y.blend(lo, y.compare(VectorOperators.LE, lo));
                    y = y.blend(hi, y.compare(VectorOperators.GT, hi));
                } else {
                    y = y.max(lo).min(hi);
                }
                y.intoArray(data, at + k);
            }
            for (; k < length; k++) {
                float s = edge * up[k];
                s += edge * up[k + pixel];
                s += edge * up[k + right];
                s += edge * mid[k];
                s += centre * mid[k + pixel];
                s += edge * mid[k + right];
                s += edge * down[k];
                s += edge * down[k + pixel];
                s += edge * down[k + right];
                float x = mid[k + pixel];
                data[at + k] = Math.min(Math.max(x + keep * (s - x), lo), hi);
            }
            float[] free = up;
            up = mid;
            mid = down;
            down = free;
            if (i + 2 < height) {
                System.arraycopy(data, offset + (i + 2) * length, down, pixel, length);
            } else {
                Arrays.fill(down, 0f);
            }
        }
    }
}
