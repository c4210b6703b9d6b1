package io.jdatagen.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jdatagen.core.FillMode;
import io.jdatagen.core.Tensor;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Keras's affine_transformations_test (KERAS-SPEC.md §8.1) and the axis validation of §1.1. */
class AffineTransformsTest {
    private static final WarpOptions CHANNELS_FIRST = WarpOptions.defaults().withAxes(ImageAxes.CHANNELS_FIRST);

    @Test
    void theFunctionalApiNamesItsConvention() {
        Tensor x = Tensor.zeros(5, 8, 1);
        for (int k = 0; k < x.size(); k++) {
            x.data()[k] = k;
        }
        Tensor keras = AffineTransforms.applyAffineTransform(x, 30, 1, 0, 0, 1, 1, ImageAxes.CHANNELS_LAST,
                FillMode.NEAREST, 0, 1, Compatibility.KERAS_REFERENCE);
        Tensor viaOptions = AffineTransforms.applyAffineTransform(x, 30, 1, 0, 0, 1, 1,
                WarpOptions.of(ImageAxes.CHANNELS_LAST, FillMode.NEAREST, 0, 1, Compatibility.KERAS_REFERENCE));
        Tensor byDefault = AffineTransforms.applyAffineTransform(x, 30, 1, 0, 0, 1, 1, ImageAxes.CHANNELS_LAST,
                FillMode.NEAREST, 0, 1);
        Tensor documented = AffineTransforms.applyAffineTransform(x, 30, 1, 0, 0, 1, 1, ImageAxes.CHANNELS_LAST,
                FillMode.NEAREST, 0, 1, Compatibility.DOCUMENTED);
        assertArrayEquals(viaOptions.data(), keras.data(), "the overload runs the convention it is given");
        assertArrayEquals(documented.data(), byDefault.data(), "without one, the documented convention");
        assertNotEquals(Arrays.toString(keras.data()), Arrays.toString(documented.data()),
                "on a non-square image the two conventions give different pixels");
    }

    @Test
    void randomHelpersKeepTheShape() {
        Tensor x = Images.random(1, 2, 28, 28);
        SplittableRandom rng = new SplittableRandom(1);
        assertArrayEquals(x.shape(), AffineTransforms.randomRotation(x, 45, CHANNELS_FIRST, rng).shape());
        assertArrayEquals(x.shape(), AffineTransforms.randomShift(x, 1, 1, CHANNELS_FIRST, rng).shape());
        assertArrayEquals(x.shape(), AffineTransforms.randomShear(x, 20, CHANNELS_FIRST, rng).shape());
        assertArrayEquals(x.shape(), AffineTransforms.randomChannelShift(x, 20, 0, rng).shape());
        assertArrayEquals(x.shape(), AffineTransforms.randomZoom(x, new double[] {5, 5}, CHANNELS_FIRST, rng).shape());
        assertSame(x, AffineTransforms.randomZoom(x, new double[] {1, 1}, CHANNELS_FIRST, rng));
    }

    @Test
    void randomHelpersRejectBadRangesWithKerasMessages() {
        Tensor x = Images.random(1, 4, 4, 3);
        var zoom = assertThrows(IllegalArgumentException.class,
                () -> AffineTransforms.randomZoom(x, new double[] {0}, WarpOptions.defaults(), new SplittableRandom()));
        assertEquals("`zoom_range` should be a tuple or list of two floats (a double[] of two in Java). Received:"
                + " [0.0]", zoom.getMessage());
        var brightness = assertThrows(IllegalArgumentException.class,
                () -> AffineTransforms.randomBrightness(x, new double[] {0}, true, new SplittableRandom()));
        assertEquals("`brightness_range should be tuple or list of two floats (a double[] of two in Java). Received:"
                + " [0.0]", brightness.getMessage());
    }

    @Test
    void randomBrightnessWithAFixedRangeEqualsTheShift() {
        Tensor x = Images.random(2, 3, 3, 3);
        assertEquals(AffineTransforms.applyBrightnessShift(x, 3, true),
                AffineTransforms.randomBrightness(x, new double[] {3, 3}, true, new SplittableRandom(4)));
    }

    @Test
    void brightnessOfAConstantImage() {
        for (float v : new float[] {128, 1024, -1024}) {
            Tensor x = Tensor.zeros(1, 1, 3);
            Arrays.fill(x.data(), v);
            assertEquals(x, AffineTransforms.applyBrightnessShift(x, 1, false), "unchanged without scale: " + v);
            assertEquals(Tensor.zeros(1, 1, 3), AffineTransforms.applyBrightnessShift(x, 1, true), "zeros with scale");
        }
    }

    @Test
    void translationFollowsTheAxes() {
        Tensor x = Tensor.zeros(1, 3, 4);
        x.set(1f, 0, 1, 1);
        WarpOptions cf = WarpOptions.of(ImageAxes.CHANNELS_FIRST, FillMode.NEAREST, 0, 1, Compatibility.KERAS_REFERENCE);
        assertEquals(1f, AffineTransforms.applyAffineTransform(x, 0, 1, 0, 0, 1, 1, cf).get(0, 1, 0));
        assertEquals(1f, AffineTransforms.applyAffineTransform(x, 0, 0, -1, 0, 1, 1, cf).get(0, 2, 1));
        WarpOptions swapped = cf.withAxes(new ImageAxes(2, 1, 0));
        assertEquals(1f, AffineTransforms.applyAffineTransform(x, 0, 0, 1, 0, 1, 1, swapped).get(0, 1, 0),
                "with row_axis=2, col_axis=1, ty moves content horizontally");
    }

    @Test
    void axesAreValidatedWithKerasMessages() {
        assertEquals("'row_axis', 'col_axis', and 'channel_axis' must be distinct",
                assertThrows(IllegalArgumentException.class, () -> new ImageAxes(0, 0, 2)).getMessage());
        assertEquals("Invalid axis' indices: {3}",
                assertThrows(IllegalArgumentException.class, () -> new ImageAxes(0, 3, 2)).getMessage());
        assertEquals("Channels are allowed and the first and last dimensions.",
                assertThrows(IllegalArgumentException.class, () -> new ImageAxes(0, 2, 1)).getMessage());
        assertEquals("Input arrays must be multi-channel 2D images.",
                assertThrows(IllegalArgumentException.class, () -> AffineTransforms.applyAffineTransform(
                        Tensor.zeros(4, 4), 10, 0, 0, 0, 1, 1, WarpOptions.defaults())).getMessage());
    }

    @Test
    void rotation90OfALabelMapWithOrderZeroKeepsItsValues() {
        Tensor labels = Tensor.zeros(6, 6, 1);
        for (int i = 0; i < labels.size(); i++) {
            labels.data()[i] = i % 4;
        }
        WarpOptions nearest = WarpOptions.defaults().withInterpolation(io.jdatagen.core.Interpolation.NEAREST);
        Tensor rotated = AffineTransforms.applyAffineTransform(labels, 90, 0, 0, 0, 1, 1, nearest);
        assertNotEquals(labels, rotated);
        for (float v : rotated.data()) {
            assertEquals(v, Math.rint(v), "label values stay integral");
        }
    }
}
