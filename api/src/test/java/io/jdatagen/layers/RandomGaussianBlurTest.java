package io.jdatagen.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jdatagen.augment.ImageShape;
import io.jdatagen.core.DataFormat;
import io.jdatagen.core.Tensor;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** RandomGaussianBlur against Keras 3.15.1: given Keras's deviations and coins, each image equals Keras's. */
class RandomGaussianBlurTest {
    private static final JsonNode GOLDEN = BatchGolden.layer("RandomGaussianBlur");

    @Test
    void imagesEqualKerasForKerasTransformation() {
        double tolerance = GOLDEN.get("tolerance").asDouble();
        int blurred = 0;
        int clipped = 0;
        for (JsonNode c : GOLDEN.get("cases")) {
            Map<String, Object> config = BatchGolden.config(c);
            RandomGaussianBlur layer = RandomGaussianBlur.fromConfig(config);
            assertEquals(config, layer.getConfig(), "the config round trip");
            JsonNode t = c.get("transformation");
            float[] sigma = BatchGolden.floats(t.get("blur_factor"));
            Tensor images = BatchGolden.tensor(c.get("images"));
            Tensor expected = BatchGolden.tensor(c.get("output_images"));
            DataFormat format = "channels_first".equals(config.get("data_format"))
                    ? DataFormat.CHANNELS_FIRST : DataFormat.CHANNELS_LAST;
            double range = ((Number) ((List<?>) config.get("value_range")).get(1)).doubleValue();
            for (int i = 0; i < images.dim(0); i++) {
                boolean blur = t.get("should_apply_blur").get(i).asBoolean();
                RandomGaussianBlur.Blur params = new RandomGaussianBlur.Blur(blur, sigma[0], sigma[1]);
                String what = "RandomGaussianBlur " + config + " " + c.get("kind").asText() + " sample " + i;
                for (var backend : BatchGolden.BACKENDS) {
                    Tensor out = BatchGolden.throughPipeline(layer, params, images.item(i), format, backend);
                    BatchGolden.assertClose(what + " on " + backend.name(), expected.item(i), out, tolerance * range);
                }
                if (blur) {
                    blurred++;
                } else if (!expected.item(i).equals(images.item(i))) {
                    clipped++;
                }
            }
        }
        assertTrue(blurred >= 8, blurred + " blurred samples");
        assertTrue(clipped >= 1, "a sample that is clipped but not blurred");
    }

    @Test
    void coinsAndDeviationsFollowKerasDistributions() {
        JsonNode d = GOLDEN.get("distribution");
        int n = d.get("sigma0").size();
        RandomGaussianBlur layer = RandomGaussianBlur.fromConfig(Map.of("factor", List.of(0.3, 0.8),
                "sigma", List.of(0.2, 0.9)));
        SplittableRandom rng = new SplittableRandom(23);
        ImageShape shape = new ImageShape(4, 4, 1, DataFormat.CHANNELS_LAST);
        double[] applied = new double[n];
        double[] sigma0 = new double[n];
        double[] sigma1 = new double[n];
        for (int i = 0; i < n; i++) {
            RandomGaussianBlur.Blur b = layer.draw(shape, rng);
            applied[i] = b.blurred() ? 1 : 0;
            sigma0[i] = b.sigma0();
            sigma1[i] = b.sigma1();
        }
        TwoSample.assertSameDistribution("RandomGaussianBlur should_apply_blur", applied,
                BatchGolden.doubles(d.get("should_apply_blur")));
        TwoSample.assertSameDistribution("RandomGaussianBlur sigma0", sigma0, BatchGolden.doubles(d.get("sigma0")));
        TwoSample.assertSameDistribution("RandomGaussianBlur sigma1", sigma1, BatchGolden.doubles(d.get("sigma1")));
    }

    @Test
    void theKernelOfANonSquareSizeIsKerasRowMajorReading() {
        RandomGaussianBlur layer = RandomGaussianBlur.fromConfig(Map.of("kernel_size", List.of(1, 3)));
        float[][] k = layer.kernel(new RandomGaussianBlur.Blur(true, 1f, 1e-3f));
        // one tap along kernel_size[0] with any deviation, three along kernel_size[1] with a tiny one:
        // Keras's outer product is 3 x 1 ([0, 1, 0] times [1]) read back as 1 x 3
        assertEquals(1, k.length);
        assertEquals(List.of(0f, 1f, 0f), List.of(k[0][0], k[0][1], k[0][2]));
    }

    @Test
    void kerasValidationDefaultsAndTheRegistry() {
        Map<String, Object> defaults = new RandomGaussianBlur().getConfig();
        assertEquals(List.of(3, 3), defaults.get("kernel_size"));
        assertEquals(List.of(0, 1.0), defaults.get("sigma"));
        assertEquals(defaults, RandomGaussianBlur.fromConfig(Map.of()).getConfig());
        assertInstanceOf(RandomGaussianBlur.class, KerasLayers.fromConfig("RandomGaussianBlur", defaults));
        IllegalArgumentException even = assertThrows(IllegalArgumentException.class,
                () -> RandomGaussianBlur.fromConfig(Map.of("kernel_size", 4)));
        assertEquals("kernel_size must be an odd number. Received: kernel_size=4", even.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> RandomGaussianBlur.fromConfig(Map.of("kernel_size", List.of(3, 3, 3))));
        IllegalArgumentException sigma = assertThrows(IllegalArgumentException.class,
                () -> RandomGaussianBlur.fromConfig(Map.of("sigma", 2)));
        assertEquals("The `sigma` argument should be a number (or a list of two numbers) in the range [0, 1]. "
                + "Received: factor=2", sigma.getMessage());
    }

    @Test
    void theBuilderWritesKerasArguments() {
        RandomGaussianBlur layer = RandomGaussianBlur.builder().factor(0.5).kernelSize(5, 3).sigma(0.2, 0.8)
                .valueRange(0, 1).seed(3).build();
        Map<String, Object> config = layer.getConfig();
        assertEquals(List.of(0, 0.5), config.get("factor"));
        assertEquals(List.of(5, 3), config.get("kernel_size"));
        assertEquals(List.of(0.2, 0.8), config.get("sigma"));
        assertEquals(List.of(0.0, 1.0), config.get("value_range"));
        assertEquals(config, RandomGaussianBlur.fromConfig(config).getConfig());
        assertEquals(List.of(7, 7), RandomGaussianBlur.builder().kernelSize(7).build().getConfig().get("kernel_size"));
        assertThrows(IllegalArgumentException.class, () -> RandomGaussianBlur.builder().kernelSize(2).build());
    }
}
