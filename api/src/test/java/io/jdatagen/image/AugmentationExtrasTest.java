package io.jdatagen.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdatagen.augment.Noise;
import io.jdatagen.core.DataFormat;
import io.jdatagen.core.Tensor;
import io.jdatagen.spi.SourceImage;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** mltk's extras (contrast, noise) and the RFC's {@code apply(data, seed)}. */
class AugmentationExtrasTest {
    private static final int SIDE = 200;

    private static Tensor constant(float value) {
        Tensor t = Tensor.zeros(SIDE, SIDE, 3);
        java.util.Arrays.fill(t.data(), value);
        return t;
    }

    private static double mean(float[] x) {
        double s = 0;
        for (float v : x) {
            s += v;
        }
        return s / x.length;
    }

    private static double variance(float[] x) {
        double m = mean(x);
        double s = 0;
        for (float v : x) {
            s += (v - m) * (v - m);
        }
        return s / x.length;
    }

    private static float[] noised(Noise noise, float value, long seed) {
        ImageDataGenerator g = ImageDataGenerator.builder().noise(noise).build();
        return g.randomTransform(constant(value), new SplittableRandom(seed)).data();
    }

    /** Sample mean and variance within 5 standard errors of the expected values (n = 120,000). */
    private static void assertStatistics(float[] x, double mean, double variance, double fourthMoment) {
        int n = x.length;
        double meanError = Math.sqrt(variance / n);
        double varianceError = Math.sqrt(Math.max(fourthMoment - variance * variance, 1e-12) / n);
        assertEquals(mean, mean(x), 5 * meanError + 1e-6, "mean");
        assertEquals(variance, variance(x), 5 * varianceError + 1e-6, "variance");
    }

    @Test
    void gaussNoiseHasItsMeanAndVariance() {
        double sigma = 8;
        assertStatistics(noised(Noise.gauss(sigma), 100, 1), 100, sigma * sigma, 3 * Math.pow(sigma, 4));
    }

    @Test
    void speckleNoiseScalesWithTheValue() {
        double sd = 0.1 * 100;
        assertStatistics(noised(Noise.speckle(0.1), 100, 2), 100, sd * sd, 3 * Math.pow(sd, 4));
    }

    @Test
    void poissonNoiseHasVarianceEqualToItsMean() {
        for (double lambda : new double[] {4, 100}) {
            // Poisson(λ): variance λ, fourth central moment λ(1 + 3λ).
            assertStatistics(noised(Noise.poisson(1), (float) lambda, 3), lambda, lambda, lambda * (1 + 3 * lambda));
        }
        // scale 4: Poisson(4·100)/4 has mean 100 and variance 100/4.
        float[] x = noised(Noise.poisson(4), 100, 4);
        assertStatistics(x, 100, 25, (400 * (1 + 3 * 400.0)) / Math.pow(4, 4));
        for (float v : x) {
            assertEquals(0, (v * 4) % 1, 0, "Poisson(400)/4 takes quarter values");
        }
    }

    @Test
    void saltAndPepperReplacesTheRightFraction() {
        float[] x = noised(Noise.saltAndPepper(0.1, 0.25, 255, 0), 100, 5);
        int salt = 0;
        int pepper = 0;
        for (float v : x) {
            assertTrue(v == 100 || v == 255 || v == 0, "only 100, salt or pepper; got " + v);
            salt += v == 255 ? 1 : 0;
            pepper += v == 0 ? 1 : 0;
        }
        double n = x.length;
        assertEquals(0.025, salt / n, 5 * Math.sqrt(0.025 * 0.975 / n));
        assertEquals(0.075, pepper / n, 5 * Math.sqrt(0.075 * 0.925 / n));
        double p = 0.025;
        double q = 0.075;
        double mean = (1 - p - q) * 100 + p * 255;
        double second = (1 - p - q) * 100 * 100 + p * 255 * 255;
        assertEquals(mean, mean(x), 0.5);
        assertEquals(second - mean * mean, variance(x), 0.05 * (second - mean * mean));
    }

    @Test
    void oneNoiseKindIsChosenPerImage() {
        ImageDataGenerator g = ImageDataGenerator.builder().noise(Noise.saltAndPepper(0.5), Noise.gauss(3)).build();
        int saltAndPepper = 0;
        for (int seed = 0; seed < 40; seed++) {
            float[] x = g.randomTransform(constant(100), new SplittableRandom(seed)).data();
            long exact = 0;
            for (float v : x) {
                exact += v == 100 || v == 0 || v == 255 ? 1 : 0;
            }
            boolean sp = exact == x.length;
            assertTrue(sp || exact < x.length / 100, "either all values are 100/0/255 or almost none");
            saltAndPepper += sp ? 1 : 0;
        }
        assertTrue(saltAndPepper > 5 && saltAndPepper < 35, "both kinds are chosen; s&p " + saltAndPepper + "/40");
    }

    @Test
    void contrastScalesTheDeviationFromTheImageMean() {
        Tensor image = Images.random(7, 30, 40, 3);
        double m = mean(image.data());
        ImageDataGenerator g = ImageDataGenerator.builder().contrastRange(0.5, 1.5).build();
        java.util.Set<Double> factors = new java.util.HashSet<>();
        for (int seed = 0; seed < 5; seed++) {
            Tensor y = g.randomTransform(image, new SplittableRandom(seed));
            double factor = (y.data()[0] - m) / (image.data()[0] - m);
            assertTrue(factor >= 0.5 && factor <= 1.5, "factor in range: " + factor);
            factors.add(Math.rint(factor * 1e4));
            assertEquals(m, mean(y.data()), 1e-3, "the mean stays");
            for (int k = 0; k < y.size(); k++) {
                assertEquals(m + factor * (image.data()[k] - m), y.data()[k], 1e-3);
            }
        }
        assertEquals(5, factors.size(), "each seed draws its own factor");
        Tensor flat = ImageDataGenerator.builder().contrastRange(0, 0).build().randomTransform(image, 1L);
        for (float v : flat.data()) {
            assertEquals(m, v, 1e-3, "factor 0 gives the mean grey");
        }
        assertThrows(IllegalArgumentException.class, () -> ImageDataGenerator.builder().contrastRange(1.2, 0.8).build());
    }

    @Test
    void extrasComeAfterKerasDrawsSoKerasValuesAreUnchanged() {
        ImageDataGenerator keras = ImageDataGenerator.builder().rotationRange(20).horizontalFlip(true)
                .compatibility(Compatibility.KERAS_REFERENCE).build();
        ImageDataGenerator extended = keras.toBuilder().contrastRange(0.8, 1.2).noise(Noise.gauss(2)).build();
        int[] shape = {12, 10, 3};
        assertEquals(keras.getRandomTransform(shape, 42), extended.getRandomTransform(shape, 42));
        Tensor image = Images.positional(12, 10, 3);
        assertNotEquals(0, Images.maxAbsDiff(keras.randomTransform(image, 42), extended.randomTransform(image, 42)));
    }

    @Test
    void extrasRoundTripThroughKerasStyleJson() {
        ImageDataGenerator g = ImageDataGenerator.fromJson("{\"rotation_range\": 10, \"contrast_range\": [0.7, 1.3],"
                + " \"noise\": [\"gauss\", {\"type\": \"s&p\", \"amount\": 0.05}], \"augment_validation\": false}");
        assertEquals(List.of(Noise.gauss(Noise.DEFAULT_GAUSS_STDDEV), Noise.saltAndPepper(0.05)),
                ((List<?>) g.getConfig().get("noise")).stream().map(Noise::fromConfig).toList());
        assertEquals(List.of(0.7, 1.3), g.getConfig().get("contrast_range"));
        assertEquals(false, g.augmentValidation());
        assertEquals(g.getConfig(), ImageDataGenerator.fromJson(g.toJson()).getConfig());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ImageDataGenerator.fromJson("{\"noise\": [\"pink\"]}"));
        assertEquals("unknown noise 'pink'; Allowed: gauss, poisson, s&p, speckle", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ImageDataGenerator.fromConfig(Map.of("noise", List.of(Map.of("type", "gauss", "amount", 1)))));
        assertTrue(e.getMessage().contains("unknown parameter 'amount' for gauss noise"), e.getMessage());
    }

    @Test
    void applyAugmentsAndStandardizesImagesAndBatchesByIndexAndSeed() {
        ImageDataGenerator g = ImageDataGenerator.builder().rotationRange(30).horizontalFlip(true).rescale(1 / 255.0)
                .build();
        Tensor batch = Tensor.zeros(3, 16, 12, 3);
        for (int i = 0; i < 3; i++) {
            batch.setItem(i, Images.random(i, 16, 12, 3));
        }
        Tensor out = g.apply(batch, 9);
        assertArrayEquals(batch.shape(), out.shape());
        assertEquals(0, Images.maxAbsDiff(out, g.apply(batch, 9)), "same seed, same result");
        assertNotEquals(0, Images.maxAbsDiff(out, g.apply(batch, 10)));
        Tensor expected = Tensor.zeros(1, 16, 12, 3);
        g.augmentInto(SourceImage.of(batch.item(2), DataFormat.CHANNELS_LAST),
                io.jdatagen.data.RandomKeys.forSample(9, 0, 2), expected, 0);
        assertEquals(0, Images.maxAbsDiff(expected.item(0), out.item(2)));
        assertEquals(0, Images.maxAbsDiff(g.apply(batch.item(0), 9), out.item(0)), "an image is row 0");
        Tensor resized = g.toBuilder().resize(8, 6).build().apply(batch, 9);
        assertArrayEquals(new int[] {3, 8, 6, 3}, resized.shape());
        assertThrows(IllegalArgumentException.class, () -> g.apply(Tensor.zeros(4, 4), 1));
    }

    @Test
    void standardizeIntoLeavesGeometryAlone() {
        ImageDataGenerator g = ImageDataGenerator.builder().rotationRange(45).noise(Noise.gauss(50)).rescale(0.5)
                .build();
        Tensor image = Images.random(3, 9, 7, 3);
        Tensor out = Tensor.zeros(1, 9, 7, 3);
        g.standardizeInto(SourceImage.of(image, DataFormat.CHANNELS_LAST), out, 0);
        for (int k = 0; k < image.size(); k++) {
            assertEquals(image.data()[k] * 0.5f, out.data()[k], 1e-5);
        }
    }
}
