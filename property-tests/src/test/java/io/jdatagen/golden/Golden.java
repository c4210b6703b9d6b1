package io.jdatagen.golden;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jdatagen.core.Tensor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

/**
 * Access to the Keras golden vectors in {@code ../shared/golden} (system property
 * {@code jdatagen.golden.dir}). When the folder is missing, tests that need it are aborted, so
 * they show as skipped, never as passed.
 */
final class Golden {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, JsonNode> CACHE = new ConcurrentHashMap<>();

    private Golden() {
    }

    private static Path location() {
        return Path.of(System.getProperty("jdatagen.golden.dir", "../../shared/golden"));
    }

    private static String missingMessage() {
        return "SKIPPED: Keras golden vectors not found at " + location().toAbsolutePath()
                + " (set -Djdatagen.golden.dir or put shared/ beside the checkout)";
    }

    /** The golden folder; aborts the calling test when it is absent. */
    static Path dir() {
        Assumptions.assumeTrue(Files.isDirectory(location()), missingMessage());
        return location();
    }

    /**
     * The dynamic tests {@code body} makes from golden file {@code file}; when the folder is absent,
     * one skipped test instead (an aborted factory would not be counted at all).
     */
    static Stream<DynamicNode> cases(String file, Function<JsonNode, Stream<DynamicNode>> body) {
        if (!Files.isDirectory(location())) {
            return Stream.of(DynamicTest.dynamicTest(file + " (golden vectors missing)",
                    () -> Assumptions.abort(missingMessage())));
        }
        return body.apply(load(file));
    }

    /** A golden file, parsed once. */
    static JsonNode load(String file) {
        Path path = dir().resolve(file);
        return CACHE.computeIfAbsent(file, f -> {
            try {
                return JSON.readTree(path.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read golden file " + path, e);
            }
        });
    }

    /** A {@code {"shape", "dtype", "data"}} array as a float32 tensor. */
    static Tensor tensor(JsonNode array) {
        double[] values = doubles(array);
        float[] data = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            data[i] = (float) values[i];
        }
        return Tensor.of(data, shape(array));
    }

    /** The shape of an encoded array. */
    static int[] shape(JsonNode array) {
        JsonNode s = array.get("shape");
        int[] shape = new int[s.size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = s.get(i).asInt();
        }
        return shape;
    }

    /** The flattened (C order) values of an encoded array, or of a plain nested list. */
    static double[] doubles(JsonNode array) {
        List<Double> out = new ArrayList<>();
        flatten(array.has("data") ? array.get("data") : array, out);
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static void flatten(JsonNode node, List<Double> out) {
        if (node.isArray()) {
            for (JsonNode child : node) {
                flatten(child, out);
            }
        } else {
            out.add(node.asDouble());
        }
    }

    /** A JSON object as a plain map (numbers stay Integer/Long/Double), for config loading. */
    static Map<String, Object> map(JsonNode node) {
        return JSON.convertValue(node, JSON.getTypeFactory().constructMapType(Map.class, String.class, Object.class));
    }

    /** Largest absolute value. */
    static double maxAbs(double[] values) {
        double m = 0;
        for (double v : values) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }
}
