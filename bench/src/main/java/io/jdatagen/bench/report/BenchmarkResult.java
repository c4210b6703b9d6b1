package io.jdatagen.bench.report;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * One JMH result row.
 *
 * @param benchmark the fully qualified benchmark method
 * @param params the JMH parameters
 * @param threads the number of benchmark threads
 * @param score the primary metric's score
 * @param error the score's error (99.9% half-width), NaN when JMH gives none
 * @param unit the score's unit
 * @param jdk the JDK version the run used
 * @param vm the VM name and options summary
 */
public record BenchmarkResult(String benchmark, Map<String, String> params, int threads, double score, double error,
        String unit, String jdk, String vm) {

    /** The benchmark class's simple name. */
    public String group() {
        String[] parts = benchmark.split("\\.");
        return parts.length >= 2 ? parts[parts.length - 2] : benchmark;
    }

    /** The benchmark method's name. */
    public String method() {
        return benchmark.substring(benchmark.lastIndexOf('.') + 1);
    }

    /** Method, parameters and threads in one label. */
    public String label() {
        String p = params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
        return method() + (p.isEmpty() ? "" : " [" + p + "]") + (threads > 1 ? " ×" + threads + " threads" : "");
    }
}
