package io.jdatagen.image;

import io.jdatagen.augment.BrightnessShift;
import io.jdatagen.augment.ChannelShift;
import io.jdatagen.augment.StepPipeline;
import io.jdatagen.core.FillMode;
import io.jdatagen.core.Tensor;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Keras's single-image transform functions ({@code keras.preprocessing.image.apply_affine_transform}
 * and friends) on float32 tensors. Resampling runs on the backend of the
 * {@link WarpOptions}. Results are new tensors, except that identity geometry returns the input
 * itself, as Keras does.
 *
 * <p>Convention: every geometric function runs in the {@link Compatibility} its arguments name (the
 * {@link WarpOptions}' compatibility, or the explicit argument); the overload without one uses
 * {@link Compatibility#DOCUMENTED}, which pivots rotations on the image centre and moves {@code tx}
 * along columns. Code ported from Keras that must give Keras's pixels passes
 * {@link Compatibility#KERAS_REFERENCE}.
 */
public final class AffineTransforms {
    private AffineTransforms() {
    }

    /**
     * Keras's {@code apply_affine_transform} with Keras's argument list, in the
     * {@link Compatibility#DOCUMENTED} convention on the selected backend.
     *
     * @param x a rank-3 image
     * @param theta rotation in degrees
     * @param tx shift along the column axis (pixels)
     * @param ty shift along the row axis (pixels)
     * @param shear shear in degrees
     * @param zx zoom along the column axis
     * @param zy zoom along the row axis
     * @param axes the image's axes
     * @param fillMode boundary handling
     * @param cval constant fill value
     * @param order interpolation order, 0 to 5
     * @return the transformed image, or {@code x} itself when no factor is present
     */
    public static Tensor applyAffineTransform(Tensor x, double theta, double tx, double ty, double shear,
            double zx, double zy, ImageAxes axes, FillMode fillMode, double cval, int order) {
        return applyAffineTransform(x, theta, tx, ty, shear, zx, zy, axes, fillMode, cval, order,
                Compatibility.DOCUMENTED);
    }

    /**
     * Keras's {@code apply_affine_transform} with Keras's argument list in the given convention:
     * {@link Compatibility#KERAS_REFERENCE} gives Keras's pixels (its pivot and axis order),
     * {@link Compatibility#DOCUMENTED} what its documentation describes.
     *
     * @param x a rank-3 image
     * @param theta rotation in degrees
     * @param tx shift along the column axis (pixels)
     * @param ty shift along the row axis (pixels)
     * @param shear shear in degrees
     * @param zx zoom along the column axis
     * @param zy zoom along the row axis
     * @param axes the image's axes
     * @param fillMode boundary handling
     * @param cval constant fill value
     * @param order interpolation order, 0 to 5
     * @param compatibility the convention
     * @return the transformed image, or {@code x} itself when no factor is present
     */
    public static Tensor applyAffineTransform(Tensor x, double theta, double tx, double ty, double shear,
            double zx, double zy, ImageAxes axes, FillMode fillMode, double cval, int order,
            Compatibility compatibility) {
        return applyAffineTransform(x, theta, tx, ty, shear, zx, zy,
                WarpOptions.of(axes, fillMode, cval, order, compatibility));
    }

    /**
     * Keras's {@code apply_affine_transform} with explicit options, in the options' convention
     * ({@link WarpOptions#compatibility()}) on their backend.
     *
     * @param x the input
     * @param tx the shift along the column axis, in pixels
     * @param ty the shift along the row axis, in pixels
     * @param zx the zoom along the column axis
     * @param zy the zoom along the row axis
     * @return the transformed image, or {@code x} itself when no factor is present
     * @throws IllegalArgumentException with Keras's message if {@code x} is not rank 3
     */
    public static Tensor applyAffineTransform(Tensor x, double theta, double tx, double ty, double shear,
            double zx, double zy, WarpOptions options) {
        checkImage(x);
        TransformParameters p = TransformParameters.affine(theta, tx, ty, shear, zx, zy);
        if (!p.hasAffine()) {
            return x;
        }
        KerasAffineStep step = new KerasAffineStep(null, options.axes(), options.compatibility());
        StepPipeline pipeline = new StepPipeline(List.of(step), options.resampling(), options.resolvedBackend(),
                options.axes().dataFormat(), null, null);
        return pipeline.transformImage(x, null, pipeline.given(Map.of(step,
                new KerasAffineStep.Affine(theta, tx, ty, shear, zx, zy))));
    }

    static void checkImage(Tensor x) {
        if (x.rank() != 3) {
            throw new IllegalArgumentException("Input arrays must be multi-channel 2D images.");
        }
    }

    /**
     * {@return Keras's {@code flip_axis}: a copy of {@code x} reversed along {@code axis}}
     *
     * @param x the input
     */
    public static Tensor flipAxis(Tensor x, int axis) {
        int[] shape = x.shape();
        if (axis < 0 || axis >= shape.length) {
            throw new IllegalArgumentException("axis must be in [0, " + shape.length + "); got: " + axis);
        }
        int outer = 1;
        for (int a = 0; a < axis; a++) {
            outer *= shape[a];
        }
        int inner = 1;
        for (int a = axis + 1; a < shape.length; a++) {
            inner *= shape[a];
        }
        int n = shape[axis];
        float[] in = x.data();
        float[] out = new float[in.length];
        for (int o = 0; o < outer; o++) {
            for (int k = 0; k < n; k++) {
                System.arraycopy(in, (o * n + k) * inner, out, (o * n + n - 1 - k) * inner, inner);
            }
        }
        return Tensor.of(out, shape);
    }

    /**
     * {@return Keras's {@code apply_channel_shift}: adds {@code intensity} to every channel and clips to the
     * minimum and maximum of the whole image (all channels), in float32}
     *
     * @param x the input
     * @throws IllegalArgumentException if {@code x} is not rank 3 or the channel axis is not 0 or 2
     */
    public static Tensor applyChannelShift(Tensor x, double intensity, int channelAxis) {
        checkImage(x);
        if (channelAxis != 0 && channelAxis != 2) {
            throw new IllegalArgumentException("channel_axis must be 0 or 2; got: " + channelAxis);
        }
        return ChannelShift.shifted(x, intensity);
    }

    /**
     * {@return Keras's {@code apply_brightness_shift} with Pillow's uint8 semantics: with {@code scale} the
     * image is min-max scaled to 0..255 and stays there; without it, values outside 0..255 are scaled for
     * Pillow and scaled back} Reads the image as channels last, like the reference.
     *
     * @param x the input
     * @throws IllegalArgumentException {@code "Unsupported channel number: N"} unless the last
     *     axis has 1, 3 or 4 channels
     */
    public static Tensor applyBrightnessShift(Tensor x, double brightness, boolean scale) {
        return BrightnessShift.shifted(x, brightness, scale);
    }

    /**
     * {@return Keras's {@code random_rotation}: {@code theta ~ U(-rg, rg)} degrees, in the options'
     * convention}
     *
     * @param x the input
     * @param rg the rotation range in degrees
     * @param rng the random source
     */
    public static Tensor randomRotation(Tensor x, double rg, WarpOptions options, RandomGenerator rng) {
        double theta = -rg + (rg - -rg) * rng.nextDouble();
        return applyAffineTransform(x, theta, 0, 0, 0, 1, 1, options);
    }

    /**
     * {@return Keras's {@code random_shift} with fractions {@code wrg} of the width and {@code hrg} of the
     * height} In {@link Compatibility#KERAS_REFERENCE} the height fraction feeds the column shift (the
     * reference's behaviour); in {@link Compatibility#DOCUMENTED} the width fraction moves content
     * horizontally.
     *
     * @param x the input
     * @param rng the random source
     */
    public static Tensor randomShift(Tensor x, double wrg, double hrg, WarpOptions options,
            RandomGenerator rng) {
        checkImage(x);
        int h = x.dim(options.axes().rowAxis());
        int w = x.dim(options.axes().colAxis());
        double[] shift = options.compatibility().drawShifts(() -> (-wrg + (wrg - -wrg) * rng.nextDouble()) * w,
                () -> (-hrg + (hrg - -hrg) * rng.nextDouble()) * h);
        return applyAffineTransform(x, 0, shift[0], shift[1], 0, 1, 1, options);
    }

    /**
     * {@return Keras's {@code random_shear}: shear {@code ~ U(-intensity, intensity)} degrees, in the
     * options' convention}
     *
     * @param x the input
     * @param rng the random source
     */
    public static Tensor randomShear(Tensor x, double intensity, WarpOptions options, RandomGenerator rng) {
        double shear = -intensity + (intensity - -intensity) * rng.nextDouble();
        return applyAffineTransform(x, 0, 0, 0, shear, 1, 1, options);
    }

    /**
     * {@return Keras's {@code random_zoom}: {@code zx, zy ~ U(lo, hi)}, in the options' convention;
     * {@code (1, 1)} returns {@code x} without drawing}
     *
     * @param x the input
     * @param rng the random source
     * @throws IllegalArgumentException with Keras's message if {@code zoomRange} is not two numbers
     */
    public static Tensor randomZoom(Tensor x, double[] zoomRange, WarpOptions options, RandomGenerator rng) {
        if (zoomRange == null || zoomRange.length != 2) {
            throw new IllegalArgumentException("`zoom_range` should be a tuple or list of two floats (a double[] of"
                    + " two in Java). Received: " + Arrays.toString(zoomRange));
        }
        if (zoomRange[0] == 1 && zoomRange[1] == 1) {
            return x;
        }
        double lo = zoomRange[0];
        double hi = zoomRange[1];
        double zx = lo + (hi - lo) * rng.nextDouble();
        double zy = lo + (hi - lo) * rng.nextDouble();
        return applyAffineTransform(x, 0, 0, 0, 0, zx, zy, options);
    }

    /**
     * {@return Keras's {@code random_channel_shift}: intensity {@code ~ U(-range, range)}}
     *
     * @param x the input
     * @param rng the random source
     */
    public static Tensor randomChannelShift(Tensor x, double intensityRange, int channelAxis,
            RandomGenerator rng) {
        double intensity = -intensityRange + (intensityRange - -intensityRange) * rng.nextDouble();
        return applyChannelShift(x, intensity, channelAxis);
    }

    /**
     * {@return Keras's {@code random_brightness}: factor {@code ~ U(lo, hi)}, then {@link
     * #applyBrightnessShift} with {@code scale}}
     *
     * @param x the input
     * @param rng the random source
     * @throws IllegalArgumentException with Keras's message if {@code range} is not two numbers
     */
    public static Tensor randomBrightness(Tensor x, double[] range, boolean scale, RandomGenerator rng) {
        if (range == null || range.length != 2) {
            throw new IllegalArgumentException("`brightness_range should be tuple or list of two floats (a double[]"
                    + " of two in Java). Received: " + Arrays.toString(range));
        }
        double factor = range[0] + (range[1] - range[0]) * rng.nextDouble();
        return applyBrightnessShift(x, factor, scale);
    }
}
