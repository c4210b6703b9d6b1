package io.jdatagen.cli;

import java.util.Locale;

/**
 * The demo's throughput lines: the first epoch on its own (it includes the JIT's warm-up of the
 * kernels and the loader's start) and the later epochs as the steady state.
 */
final class Throughput {
    private Throughput() {
    }

    /**
     * The report for epochs of {@code samples} images each that started at {@code start} and ended
     * at {@code epochEnds} (nanosecond times).
     */
    static String report(int samples, String imageShape, long start, long[] epochEnds) {
        int epochs = epochEnds.length;
        double first = (epochEnds[0] - start) / 1e9;
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "%d epoch(s) of %d images of %s%n  epoch 1 (JVM warm-up):  %7.2f s = %6.0f images/s%n", epochs,
                samples, imageShape, first, samples / first));
        if (epochs > 1) {
            double steady = (epochEnds[epochs - 1] - epochEnds[0]) / 1e9;
            out.append(String.format(Locale.ROOT, "  epochs 2-%d (steady):    %7.2f s = %6.0f images/s%n", epochs,
                    steady, (double) samples * (epochs - 1) / steady));
        }
        return out.toString();
    }
}
