package io.jdatagen.layers;

import io.jdatagen.augment.ImageShape;
import io.jdatagen.core.DataFormat;
import io.jdatagen.flow.SampleContext;
import io.jdatagen.spi.PixelKernel;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Keras 3's {@code RandomSharpness(factor, value_range=(0, 255), data_format=None, seed=None)}: per image a
 * factor {@code f} from {@code U(factor[0], factor[1])}; each channel is smoothed with the 3×3 kernel
 * {@code [[1, 1, 1], [1, 5, 1], [1, 1, 1]] / 13} (zeros outside the image: a "same" depthwise convolution,
 * so border pixels darken), then {@code x + (1 − 2f)·(smoothed − x)} is clipped to the value range, in
 * float32. So {@code f = 0.5} keeps the image, below it blurs and above it sharpens. A single number
 * {@code f} in [0, 1] means {@code [0, f]}. Its parameter is Keras's {@code factor}.
 *
 * @see <a href="https://keras.io/api/layers/preprocessing_layers/image_augmentation/random_sharpness/">Keras RandomSharpness</a>
 */
public final class RandomSharpness extends FactorLayer implements InPlacePixelStep<Float> {
    private static final FactorLayerConfig.Rules RULES = new FactorLayerConfig.Rules(
            "RandomSharpness", "random_sharpness", null, 0, 1, true);
    private static final float EDGE = 1f / 13f;
    private static final float CENTRE = 5f / 13f;

    /**
     * @param factor one number in [0, 1] or two (sorted), the range of {@code f}
     * @param valueRange the {@code {min, max}} (sorted) results are clipped to, Keras's default {@code {0, 255}}
     * @param seed Keras's seed, kept for the config (draws come from the sample's stream), or null
     * @throws IllegalArgumentException with Keras's message for a factor outside [0, 1] or a value range
     *     that is not two numbers
     */
    public RandomSharpness(double[] factor, double[] valueRange, Integer seed) {
        this(FactorLayerConfig.of(RULES, factor, valueRange, seed));
    }

    private RandomSharpness(FactorLayerConfig args) {
        super(args);
    }

    /**
     * {@return the layer Keras's {@code get_config()} describes: {@code factor} (required),
     * {@code value_range}, {@code data_format}, {@code seed}}
     *
     * @throws IllegalArgumentException with Keras's messages, or for an unknown key
     */
    public static RandomSharpness fromConfig(Map<String, Object> config) {
        return new RandomSharpness(FactorLayerConfig.fromConfig(RULES, config));
    }

    /** {@inheritDoc} Keras's draw: {@code U(factor[0], factor[1])} in float32. */
    @Override
    public Float draw(ImageShape image, RandomGenerator rng) {
        return args.uniform(rng);
    }

    /**
     * {@inheritDoc} Each output row is computed from copies of the three input rows around it, each copied
     * three times shifted by one pixel (left neighbour, pixel, right neighbour) with zeros beyond the
     * image, so the loop over a row reads every tap at the output's own index: no bounds test, and C2
     * vectorizes it. A zero tap adds {@code +0} to a sum that is never {@code −0}, so the zeros give what
     * leaving the tap out gives; the taps are summed in the kernel's row order, as before. The sum starts
     * at the first tap rather than at {@code 0 +} it (C2 does not vectorize that): they differ only when
     * every tap so far is {@code −0}, and if all nine are, the pixel is {@code −0} and
     * {@code smoothed − x} is {@code +0} either way.
     */
    @Override
    public boolean applyInPlace(Float f, float[] x, int offset, ImageShape shape, SampleContext context) {
        return applyInPlace(f, x, offset, shape, context, PlainKernel.INSTANCE);
    }

    /**
     * {@inheritDoc} Always, as {@link PixelKernel#sharpen} passes (the same bits on every backend): one over a
     * channels-last image, whose rows interleave the channels (a value's left and right neighbours lie a pixel
     * away), one per plane of a channels-first image.
     */
    @Override
    public boolean applyInPlace(Float f, float[] x, int offset, ImageShape shape, SampleContext context,
            PixelKernel kernel) {
        int h = shape.height();
        int w = shape.width();
        int channels = shape.channels();
        float keep = 1f - f * 2f;
        float lo = args.rangeMin();
        float hi = args.rangeMax();
        if (shape.format() == DataFormat.CHANNELS_FIRST) {
            for (int c = 0; c < channels; c++) {
                kernel.sharpen(x, offset + c * h * w, h, w, 1, EDGE, CENTRE, keep, lo, hi);
            }
        } else {
            kernel.sharpen(x, offset, h, w * channels, channels, EDGE, CENTRE, keep, lo, hi);
        }
        return true;
    }
}
