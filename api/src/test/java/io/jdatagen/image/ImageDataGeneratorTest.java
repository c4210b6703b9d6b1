package io.jdatagen.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdatagen.core.DataFormat;
import io.jdatagen.core.FillMode;
import io.jdatagen.core.Tensor;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ImageDataGeneratorTest {

    private static ImageDataGenerator fullOptions() {
        return ImageDataGenerator.builder().featurewiseCenter(true).samplewiseCenter(true)
                .featurewiseStdNormalization(true).samplewiseStdNormalization(true).zcaWhitening(true)
                .rotationRange(90).widthShiftRange(0.1).heightShiftRange(0.1).shearRange(0.5).zoomRange(0.2)
                .channelShiftRange(0.1).brightnessRange(1, 5).fillMode(FillMode.NEAREST).cval(0.5)
                .horizontalFlip(true).verticalFlip(true).interpolationOrder(1).build();
    }

    @Test
    void couplingsFollowKeras() {
        ImageDataGenerator g = fullOptions();
        assertTrue(g.featurewiseCenter());
        assertFalse(g.featurewiseStdNormalization(), "zca disables featurewise std");
        assertTrue(g.samplewiseCenter());
        ImageDataGenerator std = ImageDataGenerator.builder().featurewiseStdNormalization(true)
                .samplewiseStdNormalization(true).build();
        assertTrue(std.featurewiseCenter(), "featurewise std forces featurewise centre");
        assertTrue(std.samplewiseCenter(), "samplewise std forces samplewise centre");
    }

    @Test
    void seedsGiveDifferentNonZeroParametersForEveryOption() {
        ImageDataGenerator g = fullOptions();
        TransformParameters a = g.getRandomTransform(new int[] {10, 20, 3}, 1);
        TransformParameters b = g.getRandomTransform(new int[] {10, 20, 3}, 2);
        double[] va = {a.theta(), a.tx(), a.ty(), a.shear(), a.zx(), a.zy(),
                a.channelShiftIntensity().getAsDouble(), a.brightness().getAsDouble()};
        double[] vb = {b.theta(), b.tx(), b.ty(), b.shear(), b.zx(), b.zy(),
                b.channelShiftIntensity().getAsDouble(), b.brightness().getAsDouble()};
        for (int i = 0; i < va.length; i++) {
            assertNotEquals(0, va[i]);
            assertNotEquals(va[i], vb[i]);
        }
        assertEquals(a, g.getRandomTransform(new int[] {10, 20, 3}, 1), "same seed, same parameters");
    }

    @Test
    void defaultGeneratorDrawsIdentity() {
        TransformParameters p = ImageDataGenerator.builder().build().getRandomTransform(new int[] {10, 20, 3}, 7);
        assertEquals(TransformParameters.identity(), p);
    }

    @Test
    void applyTransformFlipsMatchFlipAxisAndIdentityReturnsInput() {
        ImageDataGenerator g = ImageDataGenerator.builder().build();
        Tensor x = Images.random(1, 5, 6, 3);
        assertEquals(AffineTransforms.flipAxis(x, 0), g.applyTransform(x, TransformParameters.identity()
                .withFlips(false, true)));
        assertEquals(AffineTransforms.flipAxis(x, 1), g.applyTransform(x, TransformParameters.identity()
                .withFlips(true, false)));
        assertSame(x, g.applyTransform(x, TransformParameters.identity()));
    }

    @Test
    void rotation45OfOnesWithConstantFillZeroesTheCorners() {
        ImageDataGenerator g = ImageDataGenerator.builder().fillMode(FillMode.CONSTANT).build();
        Tensor ones = Tensor.of(new float[27], 3, 3, 3);
        java.util.Arrays.fill(ones.data(), 1f);
        Tensor y = g.applyTransform(ones, TransformParameters.affine(45, 0, 0, 0, 1, 1));
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                boolean corner = (r == 0 || r == 2) && (c == 0 || c == 2);
                for (int ch = 0; ch < 3; ch++) {
                    assertEquals(corner ? 0f : 1f, y.get(r, c, ch), 1e-6, "at " + r + "," + c);
                }
            }
        }
    }

    @Test
    void optionsAreValidatedWithTheOptionNamed() {
        var split = assertThrows(IllegalArgumentException.class,
                () -> ImageDataGenerator.builder().validationSplit(5).build());
        assertEquals("`validation_split` must be strictly between 0 and 1.  Received: 5", split.getMessage());
        var brightness = assertThrows(IllegalArgumentException.class,
                () -> ImageDataGenerator.fromJson("{\"brightness_range\": 0.1}"));
        assertEquals("`brightness_range should be tuple or list of two floats (an array of two numbers in JSON)."
                + " Received: 0.1", brightness.getMessage());
        var zoom = assertThrows(IllegalArgumentException.class,
                () -> ImageDataGenerator.fromJson("{\"zoom_range\": [1, 2, 3]}"));
        assertTrue(zoom.getMessage().startsWith("`zoom_range` should be a float or a tuple or list of two floats (a"
                + " number or an array of two numbers in JSON)."), zoom.getMessage());
        var order = assertThrows(IllegalArgumentException.class,
                () -> ImageDataGenerator.builder().interpolationOrder(6).build());
        assertTrue(order.getMessage().contains("interpolation_order must be an integer from 0 to 5 (0 nearest, 1"
                + " bilinear, 2-5 B-splines); got: 6"), order.getMessage());
        var rotation = assertThrows(IllegalArgumentException.class,
                () -> ImageDataGenerator.builder().rotationRange(-5).build());
        assertEquals("rotation_range must be a finite number >= 0; got: -5.0", rotation.getMessage());
        var format = assertThrows(IllegalArgumentException.class,
                () -> ImageDataGenerator.fromJson("{\"data_format\": \"nhwc\"}"));
        assertTrue(format.getMessage().startsWith("`data_format` should be `\"channels_last\"`"), format.getMessage());
        var fill = assertThrows(IllegalArgumentException.class,
                () -> ImageDataGenerator.fromJson("{\"fill_mode\": \"edge\"}"));
        assertEquals("unknown fillMode 'edge'; Allowed: constant, nearest, reflect, wrap, mirror, grid-wrap,"
                + " grid-constant, grid-mirror", fill.getMessage());
        var shift = assertThrows(IllegalArgumentException.class,
                () -> ImageDataGenerator.fromJson("{\"width_shift_range\": \"wide\"}"));
        assertTrue(shift.getMessage().startsWith("width_shift_range must be a float, an int or a list"));
        assertThrows(IllegalArgumentException.class, () -> ImageDataGenerator.builder().resize(0, 4).build());
    }

    @Test
    void unknownConfigKeysAndUnserialisableValuesAreErrors() {
        var unknown = assertThrows(IllegalArgumentException.class,
                () -> ImageDataGenerator.fromJson("{\"rotation\": 10}"));
        assertTrue(unknown.getMessage().startsWith("unknown ImageDataGenerator option 'rotation'; allowed: ["
                + "featurewise_center"), unknown.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> ImageDataGenerator.fromJson("{\"preprocessing_function\": \"my_fn\"}"));
        var conflict = assertThrows(IllegalArgumentException.class,
                () -> ImageDataGenerator.fromJson("{\"cval\": 1, \"fill_value\": 2}"));
        assertTrue(conflict.getMessage().contains("cval and fill_value"));
        assertThrows(IllegalArgumentException.class, () -> ImageDataGenerator.fromJson("[1, 2]"));
        assertThrows(IllegalArgumentException.class, () -> ImageDataGenerator.fromJson("{\"rescale\": "));
    }

    @Test
    void kerasConfigJsonLoadsAsIs() {
        String keras = "{\"featurewise_center\": false, \"samplewise_center\": false,"
                + " \"featurewise_std_normalization\": false, \"samplewise_std_normalization\": false,"
                + " \"zca_whitening\": false, \"zca_epsilon\": 1e-06, \"rotation_range\": 15,"
                + " \"width_shift_range\": 0.1, \"height_shift_range\": [-2, 0, 2], \"brightness_range\": [0.8, 1.2],"
                + " \"shear_range\": 0.0, \"zoom_range\": 0.1, \"channel_shift_range\": 0.0, \"fill_mode\": \"reflect\","
                + " \"cval\": 0.0, \"horizontal_flip\": true, \"vertical_flip\": false, \"rescale\": 0.00392156862745098,"
                + " \"preprocessing_function\": null, \"data_format\": \"channels_last\", \"validation_split\": 0.2,"
                + " \"interpolation_order\": 1, \"dtype\": \"float32\"}";
        ImageDataGenerator g = ImageDataGenerator.fromJson(keras);
        Map<String, Object> config = g.getConfig();
        assertEquals(15.0, config.get("rotation_range"));
        assertEquals(java.util.List.of(-2.0, 0.0, 2.0), config.get("height_shift_range"));
        assertEquals(0.1, config.get("width_shift_range"));
        assertEquals(java.util.List.of(0.9, 1.1), config.get("zoom_range"));
        assertEquals("reflect", config.get("fill_mode"));
        assertEquals(0.2, g.validationSplit());
        assertEquals(Compatibility.DOCUMENTED, g.compatibility());
    }

    @Test
    void configRoundTripsThroughJson() {
        ImageDataGenerator g = ImageDataGenerator.builder().rotationRange(12).widthShiftRange(ShiftRange.ofInt(3))
                .heightShiftRange(ShiftRange.choices(0.1, 0.2)).zoomRange(0.9, 1.3).brightnessRange(0.5, 1.5)
                .channelShiftRange(10).fillMode(FillMode.CONSTANT).fillValue(7).rescale(1 / 255.0)
                .dataFormat(DataFormat.CHANNELS_FIRST).validationSplit(0.25).interpolationOrder(0)
                .dtype(Precision.FLOAT64).resize(32, 48).compatibility(Compatibility.KERAS_REFERENCE).build();
        ImageDataGenerator back = ImageDataGenerator.fromJson(g.toJson());
        assertEquals(g.getConfig(), back.getConfig());
        assertEquals(3, back.getConfig().get("width_shift_range"));
        assertArrayEquals(new int[] {32, 48}, back.resizeTarget());
        assertEquals(g.getRandomTransform(new int[] {3, 32, 48}, 9), back.getRandomTransform(new int[] {3, 32, 48}, 9));
    }

    @Test
    void standardizeCopiesAndAppliesStepsInOrder() {
        ImageDataGenerator g = ImageDataGenerator.builder().rescale(0.5)
                .preprocessingFunction(t -> {
                    for (int i = 0; i < t.size(); i++) {
                        t.data()[i] += 2;
                    }
                    return t;
                }).samplewiseCenter(true).build();
        Tensor x = Tensor.of(new float[] {0, 2, 4, 6}, 2, 2, 1);
        Tensor y = g.standardize(x);
        assertArrayEquals(new float[] {0, 2, 4, 6}, x.data(), "input untouched");
        // (x + 2) * 0.5 = 1,2,3,4; minus the mean 2.5
        assertArrayEquals(new float[] {-1.5f, -0.5f, 0.5f, 1.5f}, y.data());
    }

    @Test
    void featurewiseStepsAreSkippedUntilFitted() {
        ImageDataGenerator g = ImageDataGenerator.builder().featurewiseStdNormalization(true).build();
        Tensor x = Images.random(3, 4, 4, 3);
        assertEquals(x, g.standardize(x));
        Tensor batch = Images.random(4, 20, 6, 5, 3);
        g.fit(batch);
        Tensor s = g.standardize(batch);
        for (int c = 0; c < 3; c++) {
            double sum = 0;
            double sq = 0;
            int n = 0;
            for (int i = c; i < s.size(); i += 3) {
                sum += s.data()[i];
                sq += s.data()[i] * s.data()[i];
                n++;
            }
            assertEquals(0, sum / n, 1e-4, "channel mean");
            assertEquals(1, Math.sqrt(sq / n), 1e-4, "channel std");
        }
    }

    @Test
    void zcaWhitensTheFittedData() {
        ImageDataGenerator g = ImageDataGenerator.builder().zcaWhitening(true).rescale(1 / 255.0)
                .dtype(Precision.FLOAT64).build();
        Tensor batch = Images.random(8, 40, 3, 3, 1);
        g.fit(batch);
        Tensor white = g.standardize(batch);
        int n = 40;
        int d = 9;
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double cov = 0;
                for (int k = 0; k < n; k++) {
                    cov += white.data()[k * d + i] * white.data()[k * d + j];
                }
                assertEquals(i == j ? 1 : 0, cov / n, 1e-4, "whitened covariance " + i + "," + j);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> g.standardize(Images.random(1, 4, 4, 1)),
                "ZCA fitted on 9 features cannot whiten 16");
    }

    @Test
    void fitNeedsRankFour() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> ImageDataGenerator.builder().build().fit(Tensor.zeros(3, 10, 10)));
        assertEquals("Input to `.fit()` (ImageDataGenerator.fit in Java) should have rank 4. Got array with shape:"
                + " (3, 10, 10)", e.getMessage());
    }

    @Test
    void resizeResamplesToTheTargetAndDrawsForTheResizedShape() {
        ImageDataGenerator g = ImageDataGenerator.builder().resize(8, 12).rotationRange(10).build();
        Tensor constant = Tensor.zeros(20, 30, 3);
        java.util.Arrays.fill(constant.data(), 42f);
        Tensor resized = g.resize(constant);
        assertArrayEquals(new int[] {8, 12, 3}, resized.shape());
        for (float v : resized.data()) {
            assertEquals(42f, v, 1e-4);
        }
        assertArrayEquals(new int[] {8, 12, 3}, g.randomTransform(constant, 3).shape());
        Tensor same = Tensor.zeros(8, 12, 3);
        assertSame(same, g.resize(same));
        Tensor ramp = Images.positional(4, 4, 1);
        Tensor up = ImageDataGenerator.builder().resize(8, 8).build().resize(ramp);
        assertEquals(ramp.get(0, 0, 0), up.get(0, 0, 0), 1e-5, "edges clamp");
        assertEquals((ramp.get(1, 1, 0) * 3 + ramp.get(2, 2, 0)) / 4, up.get(3, 3, 0), 1e-3, "half-pixel centres");
    }

    @Test
    void channelShiftAndBrightnessComeAfterTheAffine() {
        ImageDataGenerator g = ImageDataGenerator.builder().fillMode(FillMode.CONSTANT).cval(300).build();
        Tensor x = Images.random(2, 6, 6, 3);
        TransformParameters p = new TransformParameters(0, 2, 0, 0, 1, 1, false, false, OptionalDouble.of(-500),
                OptionalDouble.empty());
        Tensor y = g.applyTransform(x, p);
        // The clip bounds come from the shifted image, which contains the fill value 300.
        float min = Float.MAX_VALUE;
        for (float v : y.data()) {
            min = Math.min(min, v);
        }
        float lo = Float.MAX_VALUE;
        for (float v : x.data()) {
            lo = Math.min(lo, v);
        }
        assertEquals(lo, min, 0, "clip at the minimum of the affine output");
    }
}
