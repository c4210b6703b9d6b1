package io.jdatagen.layers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jdatagen.core.DataFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * A stack of image layers in one of the JSON shapes Keras writes, read and written back in the same shape:
 * <ul>
 *   <li>a {@code keras.Sequential}'s {@code model.to_json()}: {@code {"class_name": "Sequential", "config":
 *       {..., "layers": [...]}}}, its {@code InputLayer} kept as it is and not run;</li>
 *   <li>a {@code keras.layers.Pipeline}'s {@code keras.saving.serialize_keras_object(pipeline)}:
 *       {@code {"class_name": "Pipeline", "config": {"layers": [...], "name": ...}}};</li>
 *   <li>a list of serialized layers, {@code [{"class_name": ..., "config": {...}}, ...]}.</li>
 * </ul>
 * Writing keeps every key the document had (the wrapper's, each layer's {@code module},
 * {@code registered_name}, {@code build_config}, and config keys a layer does not write, such as
 * {@code name}, {@code trainable} and {@code dtype}) and takes each config value from the layer; a value
 * equal to the document's as a number keeps the document's spelling ({@code 0} stays {@code 0}, not
 * {@code 0.0}), so reading and writing gives the document back.
 */
final class KerasConfig {
    /** The JSON shape of the document. */
    enum Shape {
        SEQUENTIAL, PIPELINE, LIST
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INPUT_LAYER = "InputLayer";
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };
    /** Numbers equal by value, everything else by Jackson's equality. */
    private static final Comparator<JsonNode> SAME = (a, b) -> a.isNumber() && b.isNumber()
            ? Double.compare(a.doubleValue(), b.doubleValue()) : a.equals(b) ? 0 : 1;

    private final Shape shape;
    private final ObjectNode root;
    /** The document's entries of the layers list, the input layer included. */
    private final List<ObjectNode> entries;

    private KerasConfig(Shape shape, ObjectNode root, List<ObjectNode> entries) {
        this.shape = shape;
        this.root = root;
        this.entries = entries;
    }

    /** {@return an empty document of {@code shape}, the wrapper as Keras writes it for an unnamed stack} */
    static KerasConfig empty(Shape shape) {
        ObjectNode root = null;
        if (shape != Shape.LIST) {
            root = JsonNodeFactory.instance.objectNode();
            boolean sequential = shape == Shape.SEQUENTIAL;
            root.put("module", sequential ? "keras" : "keras.layers");
            root.put("class_name", sequential ? "Sequential" : "Pipeline");
            ObjectNode config = root.putObject("config");
            if (sequential) {
                config.put("name", "sequential");
                config.putArray("layers");
            } else {
                config.putArray("layers");
                config.put("name", "pipeline");
            }
            root.putNull("registered_name");
        }
        return new KerasConfig(shape, root, List.of());
    }

    /**
     * {@return the document {@code json} holds}
     *
     * @throws IllegalArgumentException for text that is not JSON or not one of the three shapes
     */
    static KerasConfig parse(String json) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("json: not valid JSON (" + e.getOriginalMessage() + ")", e);
        }
        if (node instanceof ArrayNode list) {
            return new KerasConfig(Shape.LIST, null, entries(list, "the list"));
        }
        if (!(node instanceof ObjectNode root)) {
            throw new IllegalArgumentException("json: a Keras config is a JSON object or list; got " + node.getNodeType());
        }
        String className = root.path("class_name").asText("");
        Shape shape = switch (className) {
            case "Sequential" -> Shape.SEQUENTIAL;
            case "Pipeline" -> Shape.PIPELINE;
            default -> throw new IllegalArgumentException("json: expected a Sequential's model.to_json(), a"
                    + " serialized keras.layers.Pipeline or a list of serialized layers; got class_name '"
                    + className + "'");
        };
        JsonNode layers = root.path("config").path("layers");
        if (!(layers instanceof ArrayNode list)) {
            throw new IllegalArgumentException("json: the " + className + "'s config has no \"layers\" list");
        }
        return new KerasConfig(shape, root, entries(list, "the " + className + "'s layers"));
    }

    private static List<ObjectNode> entries(ArrayNode list, String where) {
        List<ObjectNode> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            JsonNode e = list.get(i);
            if (!(e instanceof ObjectNode o) || !e.path("class_name").isTextual() || !e.path("config").isObject()) {
                throw new IllegalArgumentException("json: entry " + i + " of " + where + " is not a serialized layer"
                        + " ({\"class_name\": ..., \"config\": {...}}): " + e);
            }
            out.add(o);
        }
        return out;
    }

    Shape shape() {
        return shape;
    }

    /**
     * {@return the document's image layers in order, each made by {@link KerasLayers#fromConfig}; a
     * Sequential's {@code InputLayer} is skipped}
     *
     * @throws IllegalArgumentException naming the entry, for a class this library does not run (with the
     *     known ones) or an invalid config
     */
    List<KerasLayer> layers() {
        return layers(KerasLayers::fromConfig);
    }

    /** {@link #layers()} with each layer made by {@code factory} from its class name and config (a test seam). */
    List<KerasLayer> layers(BiFunction<String, Map<String, Object>, KerasLayer> factory) {
        List<KerasLayer> layers = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            ObjectNode e = entries.get(i);
            String className = e.get("class_name").asText();
            if (isInput(className)) {
                continue;
            }
            try {
                layers.add(factory.apply(className, JSON.convertValue(e.get("config"), MAP)));
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("layer " + i + " (" + className + "): " + ex.getMessage(), ex);
            }
        }
        return layers;
    }

    private boolean isInput(String className) {
        return shape == Shape.SEQUENTIAL && INPUT_LAYER.equals(className);
    }

    /**
     * {@return the layers' {@code data_format}: the one every layer's config that has the key names, or
     * channels_last when none does}
     *
     * @throws IllegalArgumentException when two layers name different formats
     */
    DataFormat dataFormat() {
        String found = null;
        for (ObjectNode e : entries) {
            JsonNode f = e.get("config").get("data_format");
            if (f == null || !f.isTextual() || isInput(e.get("class_name").asText())) {
                continue;
            }
            if (found != null && !found.equals(f.asText())) {
                throw new IllegalArgumentException("json: the layers' data_format differ: '" + found + "' and '"
                        + f.asText() + "'; one pipeline runs in one format");
            }
            found = f.asText();
        }
        return found == null ? DataFormat.CHANNELS_LAST : DataFormat.fromKerasName(found);
    }

    /**
     * {@return this document with {@code layers} as its image layers, as JSON: entry by entry where the
     * document has an entry of the same class at that place, a fresh {@code {"module": "keras.layers",
     * "class_name": ..., "config": ..., "registered_name": null}} elsewhere}
     */
    String write(List<KerasLayer> layers) {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        Iterator<KerasLayer> next = layers.iterator();
        List<ObjectNode> originals = new ArrayList<>();
        for (ObjectNode e : entries) {
            if (isInput(e.get("class_name").asText())) {
                if (originals.isEmpty()) {
                    list.add(e.deepCopy());
                }
                continue;
            }
            originals.add(e);
        }
        int i = 0;
        while (next.hasNext()) {
            KerasLayer layer = next.next();
            ObjectNode original = i < originals.size() ? originals.get(i) : null;
            i++;
            if (original != null && !original.get("class_name").asText().equals(layer.className())) {
                original = null;
            }
            list.add(entry(layer, original));
        }
        if (shape == Shape.LIST) {
            return list.toString();
        }
        ObjectNode out = root.deepCopy();
        ((ObjectNode) out.get("config")).set("layers", list);
        return out.toString();
    }

    /** {@return {@code layer} serialized, over {@code original}'s entry when there is one} */
    private static ObjectNode entry(KerasLayer layer, ObjectNode original) {
        ObjectNode config = JSON.valueToTree(layer.getConfig());
        if (original == null) {
            ObjectNode e = JsonNodeFactory.instance.objectNode();
            e.put("module", "keras.layers");
            e.put("class_name", layer.className());
            e.set("config", config);
            e.putNull("registered_name");
            return e;
        }
        ObjectNode e = original.deepCopy();
        ObjectNode merged = JsonNodeFactory.instance.objectNode();
        ObjectNode before = (ObjectNode) original.get("config");
        for (Map.Entry<String, JsonNode> f : before.properties()) {
            JsonNode now = config.get(f.getKey());
            merged.set(f.getKey(), now == null || f.getValue().equals(SAME, now) ? f.getValue().deepCopy() : now);
        }
        for (Map.Entry<String, JsonNode> f : config.properties()) {
            if (!merged.has(f.getKey())) {
                merged.set(f.getKey(), f.getValue());
            }
        }
        e.set("config", merged);
        return e;
    }
}
