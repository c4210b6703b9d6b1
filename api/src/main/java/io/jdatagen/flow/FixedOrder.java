package io.jdatagen.flow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** A saved sample order: written one index per line, read back and checked to be a permutation. */
final class FixedOrder {
    private FixedOrder() {
    }

    static void write(int[] order, Path file) {
        try {
            Files.writeString(file, Arrays.stream(order).mapToObj(Integer::toString)
                    .collect(Collectors.joining("\n", "", "\n")), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the sample order to " + file, e);
        }
    }

    static int[] read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sample order " + file, e);
        }
        int[] order = new int[lines.size()];
        for (int i = 0; i < order.length; i++) {
            try {
                order[i] = Integer.parseInt(lines.get(i).trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("sample order " + file + ", line " + (i + 1)
                        + ": expected a sample index, got \"" + lines.get(i) + "\"", e);
            }
        }
        return order;
    }

    /** {@code order} if it holds every index of {@code samples} exactly once. */
    static int[] checked(int[] order, int samples) {
        if (order.length != samples) {
            throw new IllegalArgumentException("order has " + order.length + " indices but the flow has " + samples
                    + " samples");
        }
        boolean[] seen = new boolean[samples];
        for (int i : order) {
            if (i < 0 || i >= samples || seen[i]) {
                throw new IllegalArgumentException("order must hold every sample index 0.." + (samples - 1)
                        + " exactly once; " + (i < 0 || i >= samples ? "found " + i : i + " appears twice"));
            }
            seen[i] = true;
        }
        return order.clone();
    }
}
