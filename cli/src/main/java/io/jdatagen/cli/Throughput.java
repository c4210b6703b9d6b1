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
     * at {@code epochEnds} (nanosecond times): a heading ({@code 1 epoch of ...}, {@code 3 epochs of
     * ...}), the first epoch's line, and for two or more epochs the steady line, labelled with the
     * epochs it covers ({@code epoch 2}, {@code epochs 2-3}).
     */
    static String report(int samples, String imageShape, long start, long[] epochEnds) {
        int epochs = epochEnds.length;
        double first = (epochEnds[0] - start) / 1e9;
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%d %s of %d images of %s%n", epochs,
                epochs == 1 ? "epoch" : "epochs", samples, imageShape));
        out.append(line("epoch 1 (JVM warm-up):", first, samples));
        if (epochs > 1) {
            double steady = (epochEnds[epochs - 1] - epochEnds[0]) / 1e9;
            out.append(line(steadyLabel(epochs) + " (steady):", steady, (long) samples * (epochs - 1)));
        }
        return out.toString();
    }

    /** {@return the epochs after the first, as a label: {@code epoch 2} for two epochs, else {@code epochs 2-N}} */
    static String steadyLabel(int epochs) {
        return epochs == 2 ? "epoch 2" : "epochs 2-" + epochs;
    }

    private static String line(String label, double seconds, long images) {
        return String.format(Locale.ROOT, "  %-24s%7.2f s = %6.0f images/s%n", label, seconds, images / seconds);
    }
}
