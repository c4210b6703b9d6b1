package io.jdatagen.timeseries;

import io.jdatagen.core.Tensor;
import io.jdatagen.data.Batch;

/**
 * Assembles a batch of windows straight from the series into the batch array (one copy per
 * window, no intermediate arrays).
 */
final class Windows {
    private Windows() {
    }

    /**
     * A batch whose row {@code k} is the window of {@code steps} steps starting at
     * {@code firsts[k]}, {@code rate} apart (reversed when asked), with target
     * {@code targets[targetRows[k]]} when targets exist.
     */
    static Batch batch(SeriesData data, long[] firsts, int steps, int rate, boolean reverse, SeriesData targets,
            long[] targetRows, int[] indices) {
        int rows = firsts.length;
        int stepSize = data.stepSize();
        int windowSize = Math.multiplyExact(steps, stepSize);
        float[] x = new float[Math.multiplyExact(rows, windowSize)];
        for (int k = 0; k < rows; k++) {
            if (reverse) {
                data.copySteps(firsts[k] + (long) (steps - 1) * rate, steps, -rate, x, k * windowSize);
            } else {
                data.copySteps(firsts[k], steps, rate, x, k * windowSize);
            }
        }
        Tensor xs = Tensor.of(x, shape(rows, steps, data.stepShape()));
        if (targets == null) {
            return Batch.of(xs, null, indices);
        }
        int targetSize = targets.stepSize();
        float[] y = new float[Math.multiplyExact(rows, targetSize)];
        for (int k = 0; k < rows; k++) {
            targets.copySteps(targetRows[k], 1, 1, y, k * targetSize);
        }
        return Batch.of(xs, Tensor.of(y, shape(rows, -1, targets.stepShape())), indices);
    }

    /** {@code (rows, steps, *step)}, or {@code (rows, *step)} when {@code steps < 0}. */
    private static int[] shape(int rows, int steps, int[] step) {
        int lead = steps < 0 ? 1 : 2;
        int[] s = new int[lead + step.length];
        s[0] = rows;
        if (steps >= 0) {
            s[1] = steps;
        }
        System.arraycopy(step, 0, s, lead, step.length);
        return s;
    }
}
