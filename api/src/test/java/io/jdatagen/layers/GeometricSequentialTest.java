package io.jdatagen.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.jdatagen.core.Tensor;
import io.jdatagen.spi.Backend;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Keras's {@code Sequential([RandomFlip, RandomRotation, RandomZoom])} with given transformations, run layer by
 * layer as Keras runs it (each geometric layer resampling the previous one's output): what the pipeline's
 * {@code KERAS_REFERENCE} mode must reproduce.
 */
class GeometricSequentialTest {
    @Test
    void layerByLayerEqualsKerasSequential() {
        JsonNode seq = GeometricGolden.root().get("sequential");
        assertEquals(3, seq.get("layers").size());
        for (Backend b : GeometricGolden.BACKENDS) {
            Tensor x = GeometricGolden.input(seq.get("input").asText());
            for (JsonNode l : seq.get("layers")) {
                KerasLayer layer = KerasLayers.fromConfig(l.get("class_name").asText(),
                        GeometricGolden.config(l.get("config")));
                x = GeometricGolden.apply(layer.step(), given(layer, l.get("transformation")), layer.resampling(), b,
                        x);
            }
            GeometricGolden.assertClose("Sequential on " + b.name(), GeometricGolden.tensor(seq.get("output")), x,
                    seq.get("tolerance").asDouble() * 255);
        }
    }

    /** The same case through {@link KerasPipeline} in {@code KERAS_REFERENCE} mode, given Keras's transformations. */
    @Test
    void theKerasReferencePipelineEqualsKerasSequential() {
        JsonNode seq = GeometricGolden.root().get("sequential");
        for (Backend b : GeometricGolden.BACKENDS) {
            List<KerasLayer> layers = new ArrayList<>();
            Map<KerasLayer, Object> transformations = new LinkedHashMap<>();
            for (JsonNode l : seq.get("layers")) {
                KerasLayer layer = KerasLayers.fromConfig(l.get("class_name").asText(),
                        GeometricGolden.config(l.get("config")));
                layers.add(layer);
                transformations.put(layer, given(layer, l.get("transformation")));
            }
            KerasPipeline pipeline = KerasPipeline.builder().layers(layers).mode(KerasPipeline.Mode.KERAS_REFERENCE)
                    .backend(b).build();
            Tensor out = pipeline.transformGiven(GeometricGolden.input(seq.get("input").asText()), transformations);
            GeometricGolden.assertClose("KERAS_REFERENCE pipeline on " + b.name(),
                    GeometricGolden.tensor(seq.get("output")), out, seq.get("tolerance").asDouble() * 255);
        }
    }

    private static Object given(KerasLayer layer, JsonNode t) {
        return switch (layer.className()) {
            case "RandomFlip" -> RandomFlip.given(t.get("flips").asBoolean());
            case "RandomRotation" -> RandomRotation.given(GeometricGolden.scalar(t.get("angle")));
            case "RandomZoom" -> RandomZoom.given(GeometricGolden.scalar(t.get("height_zoom")),
                    GeometricGolden.scalar(t.get("width_zoom")));
            default -> throw new IllegalArgumentException("no given transformation for " + layer.className());
        };
    }
}
