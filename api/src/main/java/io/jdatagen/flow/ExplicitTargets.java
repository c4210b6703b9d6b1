package io.jdatagen.flow;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The class table of explicit integer targets (the preprocessing RFC's {@code targets} list for
 * directory flows): classes named {@code "0"} to {@code "max"}, so that one-hot targets have
 * {@code max + 1} columns.
 */
final class ExplicitTargets {
    private ExplicitTargets() {
    }

    static Map<String, Integer> classIndices(int[] targets) {
        int max = -1;
        for (int t : targets) {
            if (t < 0) {
                throw new IllegalArgumentException("targets must be class indices >= 0; got " + t);
            }
            max = Math.max(max, t);
        }
        Map<String, Integer> indices = new LinkedHashMap<>();
        for (int c = 0; c <= max; c++) {
            indices.put(Integer.toString(c), c);
        }
        return indices;
    }
}
