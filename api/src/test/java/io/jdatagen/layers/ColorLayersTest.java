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
        e = assertThrows(IllegalArgumentException.class,
                () -> new RandomBrightness(new double[] {0.2}, new double[] {0, 1, 2}, null));
        assertEquals("The `value_range` argument should be a list of two numbers. Received: value_range=[0.0, 1.0,"
                + " 2.0]", e.getMessage());
        assertEquals(List.of(0.0, 1.0), new RandomBrightness(new double[] {0.2}, new double[] {1, 0}, null)
                .getConfig().get("value_range"), "sorted, as Keras sorts it");
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

    // RandomGrayscale

    @ParameterizedTest
    @MethodSource("backends")
    void grayscaleMatchesKeras(Backend backend) {
        ColorGolden.check("RandomGrayscale", backend,
                c -> c.get("transformation").get("should_apply").asDouble() != 0 ? Boolean.TRUE : null,
                ColorGolden.CaseAdapter.NONE);
    }

    @Test
    void grayscaleDrawsAsKeras() {
        ColorGolden.checkDistribution("RandomGrayscale", "should_apply",
                (layer, shape, rng) -> ((RandomGrayscale) layer).draw(shape, rng) != null ? 1 : 0);
    }

    @Test
    void grayscaleValidatesAsKeras() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new RandomGrayscale(1.5));
        assertEquals("`factor` should be between 0 and 1. Received: factor=1.5", e.getMessage());
        RandomGrayscale g = new RandomGrayscale(1.0);
        ImageShape two = new ImageShape(1, 1, 2, DataFormat.CHANNELS_LAST);
        e = assertThrows(IllegalArgumentException.class,
                () -> g.apply(Boolean.TRUE, Tensor.zeros(1, 1, 2), two, io.jdatagen.flow.SampleContext.NONE));
        assertTrue(e.getMessage().startsWith("Invalid channel size: expected 3 (RGB) or 1 (Grayscale)."),
                e.getMessage());
    }

    @Test
    void grayscaleReadsChannelsFirstImages() {
        // two pixels, (10, 30, 50) and (20, 40, 60)
        Tensor last = Tensor.of(new float[] {10, 30, 50, 20, 40, 60}, 1, 2, 3);
        Tensor first = Tensor.of(new float[] {10, 20, 30, 40, 50, 60}, 3, 1, 2);
        RandomGrayscale g = new RandomGrayscale(1.0);
        Tensor a = g.apply(Boolean.TRUE, last, new ImageShape(1, 2, 3, DataFormat.CHANNELS_LAST),
                io.jdatagen.flow.SampleContext.NONE);
        Tensor b = g.apply(Boolean.TRUE, first, new ImageShape(1, 2, 3, DataFormat.CHANNELS_FIRST),
                io.jdatagen.flow.SampleContext.NONE);
        assertEquals(a.get(0, 0, 0), b.get(2, 0, 0));
        assertEquals(a.get(0, 1, 1), b.get(0, 0, 1));
        assertEquals(10 * 0.2989f + 30 * 0.5870f + 50 * 0.1140f, b.get(1, 0, 0));
        assertEquals(20 * 0.2989f + 40 * 0.5870f + 60 * 0.1140f, a.get(0, 1, 2));
    }

    // Solarization

    @ParameterizedTest
    @MethodSource("backends")
    void solarizationMatchesKeras(Backend backend) {
        ColorGolden.check("Solarization", backend, c -> new Solarization.Transformation(number(c, "additions"),
                number(c, "thresholds")), ColorGolden.CaseAdapter.NONE);
    }

    @Test
    void solarizationDrawsAsKeras() {
        ColorGolden.checkDistribution("Solarization", "additions",
                (layer, shape, rng) -> ((Solarization) layer).draw(shape, rng).additions());
        ColorGolden.checkDistribution("Solarization", "thresholds",
                (layer, shape, rng) -> ((Solarization) layer).draw(shape, rng).thresholds());
    }

    @Test
    void solarizationValidatesAsKeras() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Solarization(new double[] {1.5}, null, null, null));
        assertEquals("The `addition_factor` and `threshold_factor` arguments should be a number (or a list of two"
                + " numbers) in the range [0, 1]. Received: input_number=1.5", e.getMessage());
        Map<String, Object> config = new Solarization(null, null, null, null).getConfig();
        assertEquals(List.of(0, 0.0), config.get("addition_factor"));
        assertEquals(List.of(0, 0.0), config.get("threshold_factor"));
    }

    // RandomPosterization

    @ParameterizedTest
    @MethodSource("backends")
    void posterizationMatchesKeras(Backend backend) {
        ColorGolden.check("RandomPosterization", backend, c -> (int) number(c, "shift_factor"),
                ColorGolden.CaseAdapter.NONE);
    }

    @Test
    void posterizationDrawsAsKeras() {
        ColorGolden.checkDistribution("RandomPosterization", "shift_factor",
                (layer, shape, rng) -> ((RandomPosterization) layer).draw(shape, rng));
    }

    @Test
    void posterizationFactorAsKeras() {
        assertEquals(List.of(1, 4), new RandomPosterization(new double[] {4}, null, null).getConfig().get("factor"));
        RandomPosterization fixed = new RandomPosterization(new double[] {3, 3}, null, null);
        ImageShape shape = new ImageShape(1, 1, 1, DataFormat.CHANNELS_LAST);
        assertEquals(5, fixed.draw(shape, new java.util.SplittableRandom(1)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RandomPosterization(new double[] {9}, null, null));
        assertEquals("The `factor` argument should be a number (or a list of two numbers) in the range [1, 8]."
                + " Received: factor=9", e.getMessage());
    }

    // AutoContrast

    @ParameterizedTest
    @MethodSource("backends")
    void autoContrastMatchesKeras(Backend backend) {
        ColorGolden.check("AutoContrast", backend, c -> ColorGolden.STEP_DRAWS, ColorGolden.CaseAdapter.NONE);
    }

    @Test
    void autoContrastRefusesAFactor() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AutoContrast.fromConfig(Map.of("factor", 0.5)));
        assertTrue(e.getMessage().contains("'factor'"), e.getMessage());
        assertTrue(!new AutoContrast(null).augments(), "AutoContrast applies to every sample");
    }

    // RandomColorDegeneration

    @ParameterizedTest
    @MethodSource("backends")
    void colorDegenerationMatchesKeras(Backend backend) {
        ColorGolden.check("RandomColorDegeneration", backend, c -> number(c, "factor"), ColorGolden.CaseAdapter.NONE);
    }

    @Test
    void colorDegenerationDrawsAsKeras() {
        ColorGolden.checkDistribution("RandomColorDegeneration", "factor",
                (layer, shape, rng) -> ((RandomColorDegeneration) layer).draw(shape, rng));
    }

    // RandomSharpness

    @ParameterizedTest
    @MethodSource("backends")
    void sharpnessMatchesKeras(Backend backend) {
        ColorGolden.check("RandomSharpness", backend, c -> number(c, "factor"), ColorGolden.CaseAdapter.NONE);
    }

    @Test
    void sharpnessDrawsAsKeras() {
        ColorGolden.checkDistribution("RandomSharpness", "factor",
                (layer, shape, rng) -> ((RandomSharpness) layer).draw(shape, rng));
    }

    @Test
    void sharpnessHalfKeepsTheImageInEitherLayout() {
        RandomSharpness s = new RandomSharpness(new double[] {0.5}, null, null);
        float[] values = {10, 200, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120};
        Tensor last = Tensor.of(values.clone(), 2, 3, 2);
        assertArrayEquals(values, s.apply(0.5f, last, new ImageShape(2, 3, 2, DataFormat.CHANNELS_LAST),
                io.jdatagen.flow.SampleContext.NONE).data());
        // channels first: a blur of each plane alone, the same numbers as the channels-last image's planes
        Tensor a = s.apply(0f, Tensor.of(values.clone(), 2, 3, 2), new ImageShape(2, 3, 2, DataFormat.CHANNELS_LAST),
                io.jdatagen.flow.SampleContext.NONE);
        float[] planes = new float[12];
        for (int k = 0; k < 12; k++) {
            planes[(k % 2) * 6 + k / 2] = values[k];
        }
        Tensor b = s.apply(0f, Tensor.of(planes, 2, 2, 3), new ImageShape(2, 3, 2, DataFormat.CHANNELS_FIRST),
                io.jdatagen.flow.SampleContext.NONE);
        for (int k = 0; k < 12; k++) {
            assertEquals(a.data()[k], b.data()[(k % 2) * 6 + k / 2], "value " + k);
        }
    }

    // RandomSaturation

    @ParameterizedTest
    @MethodSource("backends")
    void saturationMatchesKeras(Backend backend) {
        ColorGolden.check("RandomSaturation", backend, c -> number(c, "factor"), ColorGolden.CaseAdapter.NONE);
    }

    @Test
    void saturationDrawsAsKeras() {
        ColorGolden.checkDistribution("RandomSaturation", "factor",
                (layer, shape, rng) -> ((RandomSaturation) layer).draw(shape, rng));
    }

    @Test
    void saturationNeedsRgb() {
        RandomSaturation s = new RandomSaturation(new double[] {0.5}, null, null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.apply(1f,
                Tensor.zeros(1, 1, 1), new ImageShape(1, 1, 1, DataFormat.CHANNELS_LAST),
                io.jdatagen.flow.SampleContext.NONE));
        assertTrue(e.getMessage().contains("3 channels"), e.getMessage());
    }

    // RandomHue

    @ParameterizedTest
    @MethodSource("backends")
    void hueMatchesKeras(Backend backend) {
        ColorGolden.check("RandomHue", backend, c -> number(c, "factor"), ColorGolden.CaseAdapter.NONE);
    }

    @Test
    void hueDrawsAsKeras() {
        ColorGolden.checkDistribution("RandomHue", "factor",
                (layer, shape, rng) -> ((RandomHue) layer).draw(shape, rng));
    }

    @Test
    void hueShiftOfAWholeTurnKeepsChannelsFirstAndLastAlike() {
        RandomHue h = new RandomHue(new double[] {1.0}, null, null);
        float[] last = {200, 40, 90, 10, 220, 30};
        float[] first = {200, 10, 40, 220, 90, 30};
        Tensor a = h.apply(0.3f, Tensor.of(last.clone(), 1, 2, 3), new ImageShape(1, 2, 3, DataFormat.CHANNELS_LAST),
                io.jdatagen.flow.SampleContext.NONE);
        Tensor b = h.apply(0.3f, Tensor.of(first.clone(), 3, 1, 2),
                new ImageShape(1, 2, 3, DataFormat.CHANNELS_FIRST), io.jdatagen.flow.SampleContext.NONE);
        for (int p = 0; p < 2; p++) {
            for (int c = 0; c < 3; c++) {
                assertEquals(a.get(0, p, c), b.get(c, 0, p), "pixel " + p + " channel " + c);
            }
        }
    }

    // RandomColorJitter

    private static Float part(JsonNode c, String key) {
        JsonNode t = c.get("transformation");
        return t.has(key) ? (float) t.get(key).asDouble() : null;
    }

    @ParameterizedTest
    @MethodSource("backends")
    void colorJitterMatchesKeras(Backend backend) {
        ColorGolden.check("RandomColorJitter", backend, c -> new RandomColorJitter.Transformation(part(c, "brightness"),
                part(c, "contrast"), part(c, "saturation"), part(c, "hue")), ColorGolden.CaseAdapter.NONE);
    }

    @Test
    void colorJitterDrawsItsPartsInKerasOrder() {
        RandomColorJitter jitter = new RandomColorJitter(null, new double[] {0.2}, new double[] {0.5},
                new double[] {0.3, 0.7}, new double[] {0.4}, null);
        ImageShape shape = new ImageShape(2, 2, 3, DataFormat.CHANNELS_LAST);
        java.util.SplittableRandom a = new java.util.SplittableRandom(5);
        java.util.SplittableRandom b = new java.util.SplittableRandom(5);
        RandomColorJitter.Transformation t = jitter.draw(shape, a);
        assertEquals(new RandomBrightness(new double[] {0.2}, null, null).draw(shape, b), t.brightness());
        assertEquals(new RandomContrast(new double[] {0.5}, null, null).draw(shape, b), t.contrast());
        assertEquals(new RandomSaturation(new double[] {0.3, 0.7}, null, null).draw(shape, b), t.saturation());
        assertEquals(new RandomHue(new double[] {0.4}, null, null).draw(shape, b), t.hue());
        RandomColorJitter none = new RandomColorJitter(null, null, new double[] {0.5}, null, null, null);
        RandomColorJitter.Transformation only = none.draw(shape, a);
        assertNull(only.brightness());
        assertNull(only.hue());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RandomColorJitter(null, null, null, null, new double[] {2}, null));
        assertTrue(e.getMessage().contains("in the range [0, 1]"), e.getMessage());
    }

    @Test
    void everyLayerOfTheGroupIsRegistered() {
        for (String name : List.of("Rescaling", "Normalization", "RandomBrightness", "RandomContrast", "RandomInvert",
                "RandomGrayscale", "Solarization", "RandomPosterization", "AutoContrast", "RandomColorDegeneration",
                "RandomSharpness", "RandomSaturation", "RandomHue",
                "RandomColorJitter")) {
            assertTrue(KerasLayers.classNames().contains(name), name);
            assertTrue(ColorGolden.LAYERS.has(name), name + " has golden vectors");
        }
    }
}
