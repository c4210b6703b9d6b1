package io.jdatagen.timeseries;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** JSON for {@link TimeseriesGenerator}: Keras's {@code {"class_name", "config"}} document. */
final class TimeseriesConfig {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLASS_NAME = "TimeseriesGenerator";
    private static final Set<String> KEYS = Set.of("data", "targets", "length", "sampling_rate", "stride",
            "start_index", "end_index", "shuffle", "reverse", "batch_size", "seed");

    private TimeseriesConfig() {
    }

    static Map<String, Object> toMap(TimeseriesGenerator g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("length", g.length());
        m.put("sampling_rate", g.samplingRate());
        m.put("stride", g.stride());
        m.put("start_index", g.startIndex());
        m.put("end_index", g.endIndex());
        m.put("shuffle", g.shuffle());
        m.put("reverse", g.reverse());
        m.put("batch_size", g.batchSize());
        m.put("seed", g.seed());
        return m;
    }

    static String toJson(TimeseriesGenerator g, SeriesData data, SeriesData targets) {
        ObjectNode config = JSON.valueToTree(toMap(g));
        config.set("data", series(data));
        config.set("targets", series(targets));
        ObjectNode root = JSON.createObjectNode();
        root.put("class_name", CLASS_NAME);
        root.set("config", config);
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the generator as JSON", e);
        }
    }

    /** The series as nested lists of shape {@code (length, *stepShape)}. */
    private static JsonNode series(SeriesData s) {
        int length = Math.toIntExact(s.length());
        float[] values = new float[Math.multiplyExact(length, s.stepSize())];
        s.copySteps(0, length, 1, values, 0);
        int[] shape = new int[1 + s.stepShape().length];
        shape[0] = length;
        System.arraycopy(s.stepShape(), 0, shape, 1, shape.length - 1);
        return nest(values, shape, 0, 0);
    }

    private static JsonNode nest(float[] values, int[] shape, int axis, int offset) {
        ArrayNode array = JSON.createArrayNode();
        int inner = 1;
        for (int a = axis + 1; a < shape.length; a++) {
            inner *= shape[a];
        }
        for (int i = 0; i < shape[axis]; i++) {
            if (axis == shape.length - 1) {
                array.add(values[offset + i]);
            } else {
                array.add(nest(values, shape, axis + 1, offset + i * inner));
            }
        }
        return array;
    }

    static TimeseriesGenerator fromJson(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("TimeseriesGenerator JSON is malformed: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("TimeseriesGenerator JSON must be an object");
        }
        if (root.has("class_name") && !CLASS_NAME.equals(root.get("class_name").asText())) {
            throw new IllegalArgumentException("class_name must be " + CLASS_NAME + "; got: " + root.get("class_name"));
        }
        JsonNode config = root.has("config") ? root.get("config") : root;
        for (Iterator<String> it = config.fieldNames(); it.hasNext();) {
            String key = it.next();
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown TimeseriesGenerator option '" + key + "'; allowed: "
                        + KEYS);
            }
        }
        TimeseriesGenerator.Builder b = TimeseriesGenerator.builder(parseSeries(config, "data"),
                parseSeries(config, "targets"));
        b.length(integer(config, "length", -1));
        b.samplingRate(integer(config, "sampling_rate", 1));
        b.stride(integer(config, "stride", 1));
        b.startIndex(integer(config, "start_index", 0));
        b.endIndex(config.hasNonNull("end_index") ? integer(config, "end_index", 0) : null);
        b.shuffle(config.path("shuffle").asBoolean(false));
        b.reverse(config.path("reverse").asBoolean(false));
        b.batchSize(integer(config, "batch_size", 128));
        b.seed(config.path("seed").asLong(0));
        return b.build();
    }

    private static int integer(JsonNode config, String key, int absent) {
        JsonNode v = config.get(key);
        if (v == null || v.isNull()) {
            return absent;
        }
        if (!v.canConvertToInt() || !v.isIntegralNumber()) {
            throw new IllegalArgumentException(key + " must be an integer; got: " + v);
        }
        return v.asInt();
    }

    /** Nested lists, or (as Keras writes them) a JSON string holding nested lists. */
    private static SeriesData parseSeries(JsonNode config, String key) {
        JsonNode node = config.get(key);
        if (node == null || node.isNull()) {
            throw new IllegalArgumentException("TimeseriesGenerator config needs '" + key + "'");
        }
        if (node.isTextual()) {
            try {
                node = JSON.readTree(node.asText());
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("'" + key + "' is not valid JSON: " + e.getOriginalMessage(), e);
            }
        }
        List<Integer> shape = new ArrayList<>();
        for (JsonNode n = node; n.isArray(); n = n.size() > 0 ? n.get(0) : null) {
            shape.add(n.size());
            if (n.size() == 0) {
                break;
            }
        }
        if (shape.isEmpty()) {
            throw new IllegalArgumentException("'" + key + "' must be a (nested) list of numbers");
        }
        List<Float> values = new ArrayList<>();
        flatten(node, 0, shape, values, key);
        float[] data = new float[values.size()];
        for (int i = 0; i < data.length; i++) {
            data[i] = values.get(i);
        }
        int[] step = shape.subList(1, shape.size()).stream().mapToInt(Integer::intValue).toArray();
        return SeriesData.of(data, step);
    }

    private static void flatten(JsonNode node, int axis, List<Integer> shape, List<Float> out, String key) {
        if (axis == shape.size()) {
            if (!node.isNumber()) {
                throw new IllegalArgumentException("'" + key + "' must hold numbers; got: " + node);
            }
            out.add((float) node.asDouble());
            return;
        }
        if (!node.isArray() || node.size() != shape.get(axis)) {
            throw new IllegalArgumentException("'" + key + "' must be a rectangular nested list; axis " + axis
                    + " should have " + shape.get(axis) + " elements, got: " + node);
        }
        for (JsonNode child : node) {
            flatten(child, axis + 1, shape, out, key);
        }
    }
}
