package io.jdatagen.spi;

/**
 * {@link PixelKernel#contrast} as a plain loop that C2 auto-vectorizes: the values are processed in runs of
 * whole centre periods, each copied into a scratch run, blended there against the centres repeated along the
 * run, and copied back. C2 does not vectorize a loop that reads one float array at an offset and another at
 * index 0 while writing the first (the two might be one array), and a copy each way costs far less than the
 * scalar loop.
 */
final class ContrastLoop {
    /** Values per run, before rounding down to whole periods. */
    private static final int RUN = 2048;

    private ContrastLoop() {
    }

    static void run(float[] data, int offset, int length, float[] centers, float factor, float lo, float hi) {
        int period = centers.length;
        int run = Math.max(period, RUN / period * period);
        float[] c = new float[run];
        for (int k = 0; k < run; k++) {
            c[k] = centers[k % period];
        }
        float[] values = new float[Math.min(run, length)];
        for (int at = 0; at < length; at += run) {
            int n = Math.min(run, length - at);
            System.arraycopy(data, offset + at, values, 0, n);
            for (int k = 0; k < n; k++) {
                values[k] = Math.min(Math.max((values[k] - c[k]) * factor + c[k], lo), hi);
            }
            System.arraycopy(values, 0, data, offset + at, n);
        }
    }
}
