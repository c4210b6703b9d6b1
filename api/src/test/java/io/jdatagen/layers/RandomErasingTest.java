package io.jdatagen.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import io.jdatagen.augment.ImageShape;
import io.jdatagen.core.DataFormat;
import io.jdatagen.core.Tensor;
import io.jdatagen.flow.SampleContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** RandomErasing against Keras 3.15.1: given Keras's boxes and fill, each image equals Keras's. */
class RandomErasingTest {
    private static final JsonNode GOLDEN = BatchGolden.layer("RandomErasing");

    @Test
    void imagesEqualKerasForKerasTransformation() {
        double tolerance = GOLDEN.get("tolerance").asDouble();
        int erased = 0;
        int kept = 0;
        for (JsonNode c : GOLDEN.get("cases")) {
            Map<String, Object> config = BatchGolden.config(c);
            RandomErasing layer = RandomErasing.fromConfig(config);
            assertEquals(config, layer.getConfig(), "the config round trip");
            JsonNode t = c.get("transformation");
            Tensor images = BatchGolden.tensor(c.get("images"));
            Tensor expected = BatchGolden.tensor(c.get("output_images"));
            Tensor noise = t.has("fill_value") ? BatchGolden.tensor(t.get("fill_value")) : null;
            DataFormat format = "channels_first".equals(config.get("data_format"))
                    ? DataFormat.CHANNELS_FIRST : DataFormat.CHANNELS_LAST;
            for (int i = 0; i < images.dim(0); i++) {
                String what = "RandomErasing " + config + " " + c.get("kind").asText() + " sample " + i;
                if (!t.get("apply_erasing").get(i).asBoolean()) {
                    BatchGolden.assertClose(what + " (not erased)", expected.item(i), images.item(i), 0);
                    kept++;
                    continue;
                }
                RandomErasing.Erase erase = new RandomErasing.Erase(
                        (float) t.get("x0").get(i).asDouble(), (float) t.get("x1").get(i).asDouble(),
                        (float) t.get("y0").get(i).asDouble(), (float) t.get("y1").get(i).asDouble(),
                        noise == null ? null : noise.item(i).data());
                for (var backend : BatchGolden.BACKENDS) {
                    Tensor out = BatchGolden.throughPipeline(layer, erase, images.item(i), format, backend);
                    BatchGolden.assertClose(what + " on " + backend.name(), expected.item(i), out, tolerance);
                }
                erased++;
            }
        }
        assertEquals(15, erased + kept);
        assertEquals(true, erased >= 8, erased + " erased samples");
    }

    @Test
    void boxesProbabilityAndNoiseFollowKerasDistributions() {
        JsonNode d = GOLDEN.get("distribution");
        int n = d.get("x0").size();
        ImageShape shape = new ImageShape(d.get("height").asInt(), d.get("width").asInt(), 1,
                DataFormat.CHANNELS_LAST);
        RandomErasing layer = RandomErasing.fromConfig(Map.of("factor", List.of(0.3, 0.8)));
        SplittableRandom rng = new SplittableRandom(17);
        List<Double> x0 = new ArrayList<>();
        List<Double> width = new ArrayList<>();
        List<Double> y0 = new ArrayList<>();
        List<Double> noise = new ArrayList<>();
        double[] applied = new double[n];
        for (int i = 0; i < n; i++) {
            RandomErasing.Erase e = layer.draw(shape, rng);
            applied[i] = e == null ? 0 : 1;
            if (e != null) {
                x0.add((double) e.x0());
                width.add((double) (e.x1() - e.x0()));
                y0.add((double) e.y0());
                noise.add((double) e.noise()[0]);
            }
        }
        TwoSample.assertSameDistribution("RandomErasing apply_erasing", applied,
                BatchGolden.doubles(d.get("apply_erasing")));
        // Keras draws a box for every image, erased or not; ours for the erased ones come from the same law
        TwoSample.assertSameDistribution("RandomErasing x0", unbox(x0), BatchGolden.doubles(d.get("x0")));
        TwoSample.assertSameDistribution("RandomErasing box width", unbox(width),
                BatchGolden.doubles(d.get("box_width")));
        TwoSample.assertSameDistribution("RandomErasing y0", unbox(y0), BatchGolden.doubles(d.get("y0")));
        TwoSample.assertSameDistribution("RandomErasing noise fill", unbox(noise),
                BatchGolden.doubles(d.get("fill_value")));
    }

    private static double[] unbox(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Test
    void kerasValidationDefaultsAndTheRegistry() {
        Map<String, Object> defaults = new RandomErasing().getConfig();
        assertEquals(List.of(0, 1.0), defaults.get("factor"));
        assertEquals(List.of(0.02, 0.33), defaults.get("scale"));
        assertNull(defaults.get("fill_value"));
        assertEquals(List.of(0, 255), defaults.get("value_range"));
        assertEquals(defaults, RandomErasing.fromConfig(Map.of()).getConfig());
        assertInstanceOf(RandomErasing.class, KerasLayers.fromConfig("RandomErasing", defaults));
        IllegalArgumentException scale = assertThrows(IllegalArgumentException.class,
                () -> RandomErasing.fromConfig(Map.of("scale", List.of(1.5, 2))));
        assertEquals("The `scale` argument should be a number (or a list of two numbers) in the range [0, 1]. "
                + "Received: factor=[1.5, 2]", scale.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> RandomErasing.fromConfig(Map.of("fill_value", List.of(1, 2))));
        RandomErasing three = RandomErasing.fromConfig(Map.of("fill_value", List.of(1, 2, 3)));
        Tensor gray = Tensor.zeros(2, 2, 1);
        assertThrows(IllegalArgumentException.class, () -> three.apply(new RandomErasing.Erase(0, 2, 0, 2, null), gray,
                new ImageShape(2, 2, 1, DataFormat.CHANNELS_LAST), SampleContext.NONE));
        Tensor rgb = three.apply(new RandomErasing.Erase(0.5f, 1.5f, 0, 1, null), Tensor.zeros(1, 2, 3),
                new ImageShape(1, 2, 3, DataFormat.CHANNELS_LAST), SampleContext.NONE);
        assertEquals("[0.0, 0.0, 0.0, 1.0, 2.0, 3.0]", Arrays.toString(rgb.data()));
    }

    @Test
    void theBuilderWritesKerasArguments() {
        RandomErasing layer = RandomErasing.builder().factor(0.2, 0.6).scale(0.1, 0.4).fillValue(0.5, 0.25, 1)
                .valueRange(0, 1).dataFormat(DataFormat.CHANNELS_FIRST).seed(7).build();
        Map<String, Object> config = layer.getConfig();
        assertEquals(List.of(0.2, 0.6), config.get("factor"));
        assertEquals(List.of(0.1, 0.4), config.get("scale"));
        assertEquals(List.of(0.5, 0.25, 1.0), config.get("fill_value"));
        assertEquals(List.of(0.0, 1.0), config.get("value_range"));
        assertEquals("channels_first", config.get("data_format"));
        assertEquals(7L, config.get("seed"));
        assertEquals(config, RandomErasing.fromConfig(config).getConfig());
        assertThrows(IllegalArgumentException.class, () -> RandomErasing.builder().factor(2).build());
    }
}
