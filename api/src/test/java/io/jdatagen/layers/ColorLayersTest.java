package io.jdatagen.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jdatagen.augment.ImageShape;
import io.jdatagen.core.DataFormat;
import io.jdatagen.core.Tensor;
import io.jdatagen.spi.Backend;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The color and value layers against Keras 3.15.1's golden vectors, config round trips and draws. */
class ColorLayersTest {
    static java.util.stream.Stream<Backend> backends() {
        return ColorGolden.backends();
    }

    private static float number(JsonNode c, String key) {
        return (float) c.get("transformation").get(key).asDouble();
    }

    // Rescaling

    @ParameterizedTest
    @MethodSource("backends")
    void rescalingMatchesKeras(Backend backend) {
        ColorGolden.check("Rescaling", backend, c -> ColorGolden.STEP_DRAWS, ColorGolden.CaseAdapter.NONE);
    }

    @Test
    void rescalingDefaultsAndValidation() {
        Rescaling r = new Rescaling(1 / 255.0);
        assertEquals("Rescaling", r.className());
        assertEquals(0.0, r.getConfig().get("offset"));
        assertEquals("rescaling", r.getConfig().get("name"));
        assertTrue(!r.augments(), "Rescaling applies to every sample");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Rescaling.fromConfig(Map.of("offset", 1.0)));
        assertTrue(e.getMessage().contains("scale"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Rescaling.fromConfig(Map.of("scale", 1.0, "factor", 2.0)));
        assertTrue(e.getMessage().contains("'factor'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Rescaling(Double.NaN));
    }

    // Normalization

    @ParameterizedTest
    @MethodSource("backends")
    void normalizationMatchesKeras(Backend backend) {
        ColorGolden.check("Normalization", backend, c -> ColorGolden.STEP_DRAWS, (layer, c) -> {
            if (!c.has("adapt")) {
                return layer;
            }
            Normalization adapted = ((Normalization) layer).adapt(ColorGolden.tensor(c.get("adapt")));
            double[] mean = adapted.mean();
            double[] variance = adapted.variance();
            for (int i = 0; i < mean.length; i++) {
                double m = c.get("adapted_mean").get(i).asDouble();
                double v = c.get("adapted_variance").get(i).asDouble();
                assertEquals(m, mean[i], 1e-6 * Math.max(1, Math.abs(m)), "adapted mean " + i);
                assertEquals(v, variance[i], 1e-5 * Math.max(1, Math.abs(v)), "adapted variance " + i);
            }
            return adapted;
        });
    }

    @Test
    void normalizationRefusesWhatKerasRefuses() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Normalization(new double[] {1}, null, false));
        assertTrue(e.getMessage().startsWith("When setting values directly, both `mean` and `variance`"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new Normalization(new double[] {1, 2}, new double[] {1}, false));
        assertTrue(e.getMessage().contains("must have the same shape"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Normalization.fromConfig(Map.of("axis", List.of(1))));
        assertTrue(e.getMessage().contains("axis=[1]"), e.getMessage());
        Normalization given = new Normalization(new double[] {1}, new double[] {4}, false);
        assertThrows(IllegalArgumentException.class, () -> given.adapt(Tensor.zeros(2, 2, 1)));
        ImageShape first = new ImageShape(2, 2, 1, DataFormat.CHANNELS_FIRST);
        assertThrows(IllegalArgumentException.class, () -> given.draw(first, null));
    }

    @Test
    void unadaptedNormalizationIsTheIdentity() {
        Normalization n = new Normalization();
        Normalization.Statistics s = n.draw(new ImageShape(2, 2, 3, DataFormat.CHANNELS_LAST), null);
        assertArrayEquals(new float[] {0, 0, 0}, s.mean());
        assertArrayEquals(new float[] {1, 1, 1}, s.deviation());
        assertNull(n.getConfig().get("mean"));
    }

    // RandomBrightness

    @ParameterizedTest
    @MethodSource("backends")
    void brightnessMatchesKeras(Backend backend) {
        ColorGolden.check("RandomBrightness", backend, c -> number(c, "rgb_delta"), ColorGolden.CaseAdapter.NONE);
    }

    @Test
    void brightnessDrawsAsKeras() {
        ColorGolden.checkDistribution("RandomBrightness", "rgb_delta",
                (layer, shape, rng) -> ((RandomBrightness) layer).draw(shape, rng));
    }

    @Test
    void brightnessValidatesAsKeras() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RandomBrightness(new double[] {1.5}, null, null));
        assertEquals("The `factor` argument should be a number (or a list of two numbers) in the range [-1, 1]."
                + " Received: factor=1.5", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> RandomBrightness.fromConfig(Map.of("factor", 0.2, "value_range", 255)));
        assertEquals("The `value_range` argument should be a list of two numbers. Received: value_range=255",
                e.getMessage());
        assertEquals(List.of(-0.2, 0.2), new RandomBrightness(new double[] {0.2}, null, null).getConfig()
                .get("factor"));
    }

    // RandomContrast

    @ParameterizedTest
    @MethodSource("backends")
    void contrastMatchesKeras(Backend backend) {
        ColorGolden.check("RandomContrast", backend, c -> number(c, "contrast_factor"), ColorGolden.CaseAdapter.NONE);
    }

    @Test
    void contrastDrawsAsKeras() {
        ColorGolden.checkDistribution("RandomContrast", "contrast_factor",
                (layer, shape, rng) -> ((RandomContrast) layer).draw(shape, rng));
    }

    @Test
    void contrastFactorIsClampedAtZeroAsInKeras() {
        assertEquals(List.of(0, 0.2), new RandomContrast(new double[] {0.2}, null, null).getConfig().get("factor"));
        assertThrows(IllegalArgumentException.class, () -> new RandomContrast(new double[] {-0.2}, null, null));
    }

    // RandomInvert

    @ParameterizedTest
    @MethodSource("backends")
    void invertMatchesKeras(Backend backend) {
        ColorGolden.check("RandomInvert", backend,
                c -> c.get("transformation").get("apply_inversion").asDouble() != 0 ? Boolean.TRUE : null,
                ColorGolden.CaseAdapter.NONE);
    }

    @Test
    void invertDrawsAsKeras() {
        ColorGolden.checkDistribution("RandomInvert", "apply_inversion",
                (layer, shape, rng) -> ((RandomInvert) layer).draw(shape, rng) != null ? 1 : 0);
    }

    @Test
    void invertDefaultsAsKeras() {
        Map<String, Object> config = new RandomInvert(null, null, null).getConfig();
        assertEquals(List.of(0, 1.0), config.get("factor"));
        assertEquals(List.of(0, 255), config.get("value_range"));
    }
}
