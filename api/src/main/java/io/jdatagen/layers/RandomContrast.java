package io.jdatagen.layers;

import io.jdatagen.augment.ImageShape;
import io.jdatagen.core.DataFormat;
import io.jdatagen.flow.SampleContext;
import io.jdatagen.spi.PixelKernel;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Keras 3's {@code RandomContrast(factor, value_range=(0, 255), seed=None)}: one contrast factor per image
 * drawn from {@code U(1 − factor[0], 1 + factor[1])}, then per channel {@code (x − mean)·f + mean} with the
 * channel's mean over the image, clipped to {@code value_range}, in float32. As in Keras 3.15, a single
 * number {@code f} becomes the factor range {@code [0, f]} (its lower bound is clamped at 0), so the
 * contrast only grows, by up to {@code f}. Its parameter is Keras's {@code contrast_factor}.
 *
 * @see <a href="https://keras.io/api/layers/preprocessing_layers/image_augmentation/random_contrast/">Keras RandomContrast</a>
 */
public final class RandomContrast extends FactorLayer implements InPlacePixelStep<Float> {
    private static final FactorLayerConfig.Rules RULES = new FactorLayerConfig.Rules(
            "RandomContrast", "random_contrast", null, 0, 1, false);

    /**
     * @param factor one number in [0, 1] or two {@code {low, high}} (sorted), the factor range
     *     {@code [1 − low, 1 + high]}
     * @param valueRange the {@code {min, max}} outputs are clipped to, Keras's default {@code {0, 255}}
     * @param seed Keras's seed, kept for the config (draws come from the sample's stream), or null
     * @throws IllegalArgumentException with Keras's message for a factor out of [0, 1], or a value range
     *     that is not two numbers
     */
    public RandomContrast(double[] factor, double[] valueRange, Integer seed) {
        this(FactorLayerConfig.of(RULES, factor, valueRange, seed));
    }

    private RandomContrast(FactorLayerConfig args) {
        super(args);
    }

    /**
     * {@return the layer Keras's {@code get_config()} describes: {@code factor} (required),
     * {@code value_range}, {@code data_format}, {@code seed}}
     *
     * @throws IllegalArgumentException with Keras's message, or for an unknown key
     */
    public static RandomContrast fromConfig(Map<String, Object> config) {
        return new RandomContrast(FactorLayerConfig.fromConfig(RULES, config));
    }

    /** {@inheritDoc} Keras's draw: {@code U(1 − factor[0], 1 + factor[1])} in float32. */
    @Override
    public Float draw(ImageShape image, RandomGenerator rng) {
        float low = 1f - args.low();
        float high = 1f + args.high();
        return low + (high - low) * rng.nextFloat();
    }

    /**
     * {@inheritDoc} The channel means are summed in double (see {@link ChannelLoops#sums}), then rounded to
     * float32 as Keras's are.
     */
    @Override
    public boolean applyInPlace(Float contrastFactor, float[] data, int offset, ImageShape shape,
            SampleContext context) {
        return applyInPlace(contrastFactor, data, offset, shape, context, PlainKernel.INSTANCE);
    }

    /** {@inheritDoc} Always, the blend on the backend's {@link PixelKernel#contrast}. */
    @Override
    public boolean applyInPlace(Float contrastFactor, float[] data, int offset, ImageShape shape,
            SampleContext context, PixelKernel kernel) {
        blend(contrastFactor, data, offset, shape, kernel);
        return true;
    }

    private void blend(float contrastFactor, float[] x, int offset, ImageShape shape, PixelKernel kernel) {
        double[] sum = ChannelLoops.sums(x, offset, shape);
        int plane = shape.height() * shape.width();
        float[] mean = new float[sum.length];
        for (int c = 0; c < sum.length; c++) {
            mean[c] = (float) (sum[c] / plane);
        }
        float lo = args.rangeMin();
        float hi = args.rangeMax();
        if (shape.format() == DataFormat.CHANNELS_FIRST) {
            for (int c = 0; c < mean.length; c++) {
                kernel.contrast(x, offset + c * plane, plane, new float[] {mean[c]}, contrastFactor, lo, hi);
            }
        } else {
            kernel.contrast(x, offset, plane * mean.length, mean, contrastFactor, lo, hi);
        }
    }
}
