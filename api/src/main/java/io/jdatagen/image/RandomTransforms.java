package io.jdatagen.image;

import io.jdatagen.core.DataFormat;
import io.jdatagen.core.FillMode;
import io.jdatagen.core.Tensor;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;

/**
 * The preprocessing RFC's shape of Keras's random transform utilities: each takes one image (rank 3)
 * or a batch (rank 4) in a {@link DataFormat}, its range as an {@link Amplitude}, and, for the
 * geometric ones, a fill mode and {@code fillValue} (Keras's {@code cval}). Image {@code i} of a batch
 * draws from {@code rng} after image {@code i - 1}, so a batch gives the same pixels as its images
 * transformed one by one. Geometry uses the {@link Compatibility#DOCUMENTED} convention (rotations
 * pivot on the image centre, the width shift moves content along columns) with bilinear
 * interpolation on the selected backend; {@link AffineTransforms} has Keras's argument lists and
 * either convention.
 */
public final class RandomTransforms {
    private RandomTransforms() {
    }

    /**
     * {@return {@code x} rotated by {@code degrees.draw()} degrees per image}
     *
     * @param x an image or a batch
     * @param degrees the rotation range in degrees
     * @param format the layout of {@code x}
     * @param fillMode boundary handling
     * @param fillValue the constant fill value
     * @param rng the random source
     */
    public static Tensor randomRotation(Tensor x, Amplitude degrees, DataFormat format, FillMode fillMode,
            double fillValue, RandomGenerator rng) {
        WarpOptions o = options(format, fillMode, fillValue);
        return each(x, image -> AffineTransforms.applyAffineTransform(image, degrees.draw(rng), 0, 0, 0, 1, 1, o));
    }

    /**
     * {@return {@code x} shifted per image by a fraction of its height (rows) and of its width (columns)}
     *
     * @param x an image or a batch
     * @param height the row shift range, as a fraction of the height
     * @param width the column shift range, as a fraction of the width
     * @param format the layout of {@code x}
     * @param fillMode boundary handling
     * @param fillValue the constant fill value
     * @param rng the random source (the row shift is drawn first)
     */
    public static Tensor randomShift(Tensor x, Amplitude height, Amplitude width, DataFormat format,
            FillMode fillMode, double fillValue, RandomGenerator rng) {
        WarpOptions o = options(format, fillMode, fillValue);
        return each(x, image -> {
            double ty = height.draw(rng) * image.dim(o.axes().rowAxis());
            double tx = width.draw(rng) * image.dim(o.axes().colAxis());
            return AffineTransforms.applyAffineTransform(image, 0, tx, ty, 0, 1, 1, o);
        });
    }

    /**
     * {@return {@code x} sheared by {@code degrees.draw()} degrees per image}
     *
     * @param x an image or a batch
     * @param degrees the shear range in degrees
     * @param format the layout of {@code x}
     * @param fillMode boundary handling
     * @param fillValue the constant fill value
     * @param rng the random source
     */
    public static Tensor randomShear(Tensor x, Amplitude degrees, DataFormat format, FillMode fillMode,
            double fillValue, RandomGenerator rng) {
        WarpOptions o = options(format, fillMode, fillValue);
        return each(x, image -> AffineTransforms.applyAffineTransform(image, 0, 0, 0, degrees.draw(rng), 1, 1, o));
    }

    /**
     * {@return {@code x} zoomed per image by factors drawn from {@code zoom} (columns first, then rows)}
     *
     * @param x an image or a batch
     * @param zoom the zoom range, e.g. {@code Amplitude.of(0.8, 1.2)}
     * @param format the layout of {@code x}
     * @param fillMode boundary handling
     * @param fillValue the constant fill value
     * @param rng the random source
     */
    public static Tensor randomZoom(Tensor x, Amplitude zoom, DataFormat format, FillMode fillMode,
            double fillValue, RandomGenerator rng) {
        WarpOptions o = options(format, fillMode, fillValue);
        return each(x, image -> {
            double zx = zoom.draw(rng);
            double zy = zoom.draw(rng);
            return AffineTransforms.applyAffineTransform(image, 0, 0, 0, 0, zx, zy, o);
        });
    }

    /**
     * {@return {@code x} with {@code intensity.draw()} added to every channel per image, clipped to the
     * image's range as Keras does}
     *
     * @param x an image or a batch
     * @param intensity the shift range
     * @param format the layout of {@code x}
     * @param rng the random source
     */
    public static Tensor randomChannelShift(Tensor x, Amplitude intensity, DataFormat format, RandomGenerator rng) {
        int channelAxis = format.imageChannelAxis();
        return each(x, image -> AffineTransforms.applyChannelShift(image, intensity.draw(rng), channelAxis));
    }

    /**
     * {@return {@code x} with its brightness scaled by {@code factor.draw()} per image (Keras's
     * {@code apply_brightness_shift}, {@code scale=True})}
     *
     * @param x an image or a batch, channels last
     * @param factor the brightness factor range, e.g. {@code Amplitude.of(0.8, 1.2)}
     * @param rng the random source
     */
    public static Tensor randomBrightness(Tensor x, Amplitude factor, RandomGenerator rng) {
        return each(x, image -> AffineTransforms.applyBrightnessShift(image, factor.draw(rng), true));
    }

    private static WarpOptions options(DataFormat format, FillMode fillMode, double fillValue) {
        return WarpOptions.of(ImageAxes.of(format), fillMode, fillValue, 1, Compatibility.DOCUMENTED);
    }

    /** {@code transform} on an image, or on each image of a batch in order. */
    private static Tensor each(Tensor x, UnaryOperator<Tensor> transform) {
        if (x.rank() == 3) {
            return transform.apply(x);
        }
        if (x.rank() != 4) {
            throw new IllegalArgumentException("x must be an image (rank 3) or a batch (rank 4); got rank " + x.rank());
        }
        Tensor out = Tensor.zeros(x.shape());
        for (int i = 0; i < x.dim(0); i++) {
            out.setItem(i, transform.apply(x.item(i)));
        }
        return out;
    }
}
