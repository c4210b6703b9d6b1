package io.jdatagen.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jdatagen.core.DataFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Keras's JSON configs (written by {@code property-tests/scripts/keras3_configs.py} with Keras 3.15.1) read
 * into a pipeline and written back, with test-only layers that keep their configs: the structure, not the
 * layers' own parsing, is under test here.
 */
class KerasConfigTest {
    static final List<String> STACK = List.of("RandomFlip", "RandomRotation", "RandomZoom", "RandomTranslation",
            "RandomContrast");
    private static final ObjectMapper JSON = new ObjectMapper();

    static String resource(String name) {
        try (InputStream in = KerasConfigTest.class.getResourceAsStream("configs/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource configs/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static KerasPipeline recorded(String json) {
        return KerasPipeline.builder().json(json, FakeLayers.Recorded::new).build();
    }

    private static List<String> classNames(KerasPipeline p) {
        List<String> names = new ArrayList<>();
        p.layers().forEach(l -> names.add(l.className()));
        return names;
    }

    @ParameterizedTest
    @ValueSource(strings = {"realistic_sequential.json", "realistic_pipeline.json", "realistic_list.json"})
    void readsEachShapeKerasWritesAndWritesItBackEqual(String file) {
        String json = resource(file);
        KerasPipeline p = recorded(json);
        assertEquals(STACK, classNames(p));
        assertEquals(DataFormat.CHANNELS_LAST, p.dataFormat());
        assertEquals(tree(json), tree(p.toJson()), "the recorded layers write whole numbers as doubles: the"
                + " document's spelling must win where the values are equal");
        assertEquals(tree(json), tree(recorded(p.toJson()).toJson()));
    }

    @Test
    void aSequentialKeepsItsInputLayerAndRunsOnlyTheImageLayers() {
        String json = resource("realistic_sequential.json");
        JsonNode written = tree(recorded(json).toJson()).get("config").get("layers");
        assertEquals(6, written.size());
        assertEquals("InputLayer", written.get(0).get("class_name").asText());
        assertEquals(5, recorded(json).layers().size());
    }

    @Test
    void aLayerSeesItsWholeConfigAndWritesItsOwnValues() {
        String json = resource("realistic_pipeline.json");
        KerasPipeline p = recorded(json);
        FakeLayers.Recorded rotation = (FakeLayers.Recorded) p.layers().get(1);
        Map<String, Object> config = rotation.getConfig();
        assertEquals(List.of(-0.1, 0.1), config.get("factor"));
        assertEquals("reflect", config.get("fill_mode"));
        assertTrue(config.get("name").toString().startsWith("random_rotation"), config.toString());

        Map<String, Object> changed = new LinkedHashMap<>(config);
        changed.put("factor", List.of(-0.25, 0.25));
        changed.put("extra", "kept");
        changed.remove("name");
        List<KerasLayer> layers = new ArrayList<>(p.layers());
        layers.set(1, new FakeLayers.Recorded("RandomRotation", changed));
        JsonNode out = tree(p.toBuilder().layers(layers).build().toJson());
        JsonNode entry = out.get("config").get("layers").get(1);
        assertEquals(-0.25, entry.get("config").get("factor").get(0).asDouble());
        assertEquals("kept", entry.get("config").get("extra").asText());
        assertEquals(config.get("name"), entry.get("config").get("name").asText(), "a key the layer does not"
                + " write keeps the document's value");
        assertEquals("keras.layers", entry.get("module").asText());
        assertNotEquals(tree(json), out);
    }

    @Test
    void aPipelineBuiltFromLayersWritesAKerasPipeline() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("factor", 0.2);
        config.put("seed", null);
        KerasPipeline built = KerasPipeline.builder().layers(new FakeLayers.Recorded("RandomContrast", config))
                .build();
        JsonNode out = tree(built.toJson());
        assertEquals("Pipeline", out.get("class_name").asText());
        JsonNode entry = out.get("config").get("layers").get(0);
        assertEquals("RandomContrast", entry.get("class_name").asText());
        assertEquals(0.2, entry.get("config").get("factor").asDouble());
        assertTrue(entry.get("config").get("seed").isNull());
        assertEquals(tree(built.toJson()), tree(recorded(built.toJson()).toJson()));
    }

    @Test
    void refusesLayersItDoesNotRunByName() {
        String json = resource("sequential_with_dense.json");
        Set<String> image = Set.of("RandomFlip");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KerasPipeline.builder()
                .json(json, (name, c) -> image.contains(name) ? new FakeLayers.Recorded(name, c)
                        : KerasLayers.fromConfig(name, c)));
        assertTrue(e.getMessage().startsWith("layer 2 (Flatten): unknown Keras layer 'Flatten'; known layers: "),
                e.getMessage());

        IllegalArgumentException dense = assertThrows(IllegalArgumentException.class,
                () -> KerasPipeline.fromJson("[{\"class_name\": \"Dense\", \"config\": {\"units\": 2}}]"));
        assertEquals("layer 0 (Dense): unknown Keras layer 'Dense'; known layers: " + KerasLayers.classNames(),
                dense.getMessage());
    }

    @Test
    void refusesDocumentsOfOtherShapes() {
        assertMessage("json: not valid JSON", "{\"class_name\": ");
        assertMessage("got class_name 'Functional'", "{\"class_name\": \"Functional\", \"config\": {}}");
        assertMessage("the Sequential's config has no \"layers\" list", "{\"class_name\": \"Sequential\", \"config\": {}}");
        assertMessage("entry 0 of the list is not a serialized layer", "[{\"class_name\": \"RandomFlip\"}]");
        assertMessage("a Keras config is a JSON object or list", "3");
    }

    private static void assertMessage(String part, String json) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> recorded(json));
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }

    @Test
    void theLayersDataFormatIsThePipelines() {
        String first = "[{\"class_name\": \"A\", \"config\": {\"data_format\": \"channels_first\"}},"
                + " {\"class_name\": \"B\", \"config\": {}}]";
        assertEquals(DataFormat.CHANNELS_FIRST, recorded(first).dataFormat());
        String mixed = "[{\"class_name\": \"A\", \"config\": {\"data_format\": \"channels_first\"}},"
                + " {\"class_name\": \"B\", \"config\": {\"data_format\": \"channels_last\"}}]";
        assertMessage("the layers' data_format differ: 'channels_first' and 'channels_last'", mixed);
    }
}
