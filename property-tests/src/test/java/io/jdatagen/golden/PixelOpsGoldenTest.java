package io.jdatagen.golden;

import io.jdatagen.property.AvailableBackends;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import io.jdatagen.core.Tensor;
import io.jdatagen.image.AffineTransforms;
import io.jdatagen.image.ImageDataGenerator;
import io.jdatagen.image.TransformParameters;
import io.jdatagen.spi.Backend;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** {@code pixel_ops.json}: channel shift, Pillow brightness, and apply_transform with parameter dicts. */
class PixelOpsGoldenTest {
    private static Tensor input(JsonNode golden, String name) {
        return Golden.tensor(golden.get("inputs").get(name));
    }

    private static void assertWithin(double[] want, float[] got, double tolerance, String id) {
        assertEquals(want.length, got.length, id);
        double worst = 0;
        int at = -1;
        for (int i = 0; i < want.length; i++) {
            double d = Math.abs(got[i] - want[i]);
            if (d > worst) {
                worst = d;
                at = i;
            }
        }
        double w = worst;
        int index = at;
        assertEquals(0, worst > tolerance ? 1 : 0,
                () -> id + ": max difference " + w + " at " + index + " exceeds " + tolerance);
    }

    @TestFactory
    Stream<DynamicNode> channelShift() {
        return Golden.cases("pixel_ops.json", golden -> {
            List<DynamicNode> tests = new ArrayList<>();
            for (JsonNode c : golden.get("channel_shift")) {
                String id = c.get("input").asText() + " intensity " + c.get("intensity").asDouble() + " axis "
                        + c.get("channel_axis").asInt();
                tests.add(DynamicTest.dynamicTest(id, () -> {
                    Tensor out = AffineTransforms.applyChannelShift(input(golden, c.get("input").asText()),
                            c.get("intensity").asDouble(), c.get("channel_axis").asInt());
                    assertWithin(Golden.doubles(c.get("output")), out.data(), 1e-6, id);
                }));
            }
            return tests.stream();
        });
    }

    @TestFactory
    Stream<DynamicNode> brightnessShift() {
        return Golden.cases("pixel_ops.json", golden -> {
            List<DynamicNode> tests = new ArrayList<>();
            for (JsonNode c : golden.get("brightness_shift")) {
                String name = c.get("input").asText();
                boolean scale = c.get("scale").asBoolean();
                String id = name + " b=" + c.get("brightness").asDouble() + " scale=" + scale;
                // Exact for in-range inputs; float32 back-scaling on the out-of-range ones (golden README).
                double tolerance = !scale && (name.equals("IMG_WIDE") || name.equals("IMG_S")) ? 1e-3 : 0;
                tests.add(DynamicTest.dynamicTest(id, () -> {
                    Tensor out = AffineTransforms.applyBrightnessShift(input(golden, name), c.get("brightness").asDouble(),
                            scale);
                    assertWithin(Golden.doubles(c.get("output")), out.data(), tolerance, id);
                }));
            }
            return tests.stream();
        });
    }

    @TestFactory
    Stream<DynamicNode> applyTransform() {
        return Golden.cases("pixel_ops.json", golden -> {
            List<DynamicNode> tests = new ArrayList<>();
            for (Backend backend : AvailableBackends.all()) {
                int k = 0;
                for (JsonNode c : golden.get("apply_transform")) {
                    String id = backend.name() + " #" + k++ + " " + c.get("generator") + " " + c.get("transform_parameters");
                    tests.add(DynamicTest.dynamicTest(id, () -> {
                        Map<String, Object> config = new LinkedHashMap<>(Golden.map(c.get("generator")));
                        config.put("compatibility", "keras_reference");
                        ImageDataGenerator generator = ImageDataGenerator.fromConfig(config).toBuilder()
                                .backend(backend).build();
                        TransformParameters params = TransformParameters.fromMap(Golden.map(c.get("transform_parameters")));
                        Tensor out = generator.applyTransform(input(golden, c.get("input").asText()), params);
                        assertWithin(Golden.doubles(c.get("output")), out.data(), 1e-4, id);
                    }));
                }
            }
            return tests.stream();
        });
    }

    @Test
    void channelsFirstBrightnessFailsLikeKeras() {
        JsonNode golden = Golden.load("pixel_ops.json");
        JsonNode error = golden.get("errors").get(0);
        ImageDataGenerator generator = ImageDataGenerator.fromConfig(
                Map.of("data_format", "channels_first", "compatibility", "keras_reference"));
        var e = assertThrows(IllegalArgumentException.class, () -> generator.applyTransform(
                input(golden, "IMG_U_CF"), TransformParameters.identity().withBrightness(1.5)));
        assertEquals(error.get("message").asText(), e.getMessage());
    }
}
