package io.jdatagen.layers;

import io.jdatagen.augment.ImageShape;
import io.jdatagen.core.DataFormat;
import io.jdatagen.flow.SampleContext;
import io.jdatagen.spi.PixelKernel;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Keras 3's {@code RandomColorDegeneration(factor, value_range=(0, 255), data_format=None, seed=None)}: per
 * image a factor {@code f} from {@code U(factor[0], factor[1])}, then every value blends towards its pixel's
 * grey, {@code x + f·(grey − x)}, clipped to the value range (float32). A single number {@code f} in
 * [-1, 1] means {@code [-|f|, |f|]}, so negative factors (more colour) are drawn too, as in Keras 3.15.
 * Its parameter is Keras's {@code factor}.
 *
 * @see <a href="https://keras.io/api/layers/preprocessing_layers/image_augmentation/random_color_degeneration/">Keras RandomColorDegeneration</a>
 */
public final class RandomColorDegeneration extends FactorLayer implements InPlacePixelStep<Float> {
    private static final FactorLayerConfig.Rules RULES = new FactorLayerConfig.Rules(
            "RandomColorDegeneration", "random_color_degeneration", null, -1, 1, true);

    /**
     * @param factor one number in [-1, 1] or two (sorted), the range of the blend factor
     * @param valueRange the {@code {min, max}} (sorted) results are clipped to, Keras's default {@code {0, 255}}
     * @param seed Keras's seed, kept for the config (draws come from the sample's stream), or null
     * @throws IllegalArgumentException with Keras's message for a factor outside [-1, 1] or a value range
     *     that is not two numbers
     */
    public RandomColorDegeneration(double[] factor, double[] valueRange, Integer seed) {
        this(FactorLayerConfig.of(RULES, factor, valueRange, seed));
    }

    private RandomColorDegeneration(FactorLayerConfig args) {
        super(args);
    }

    /**
     * {@return the layer Keras's {@code get_config()} describes: {@code factor} (required),
     * {@code value_range}, {@code data_format}, {@code seed}}
     *
     * @throws IllegalArgumentException with Keras's messages, or for an unknown key
     */
    public static RandomColorDegeneration fromConfig(Map<String, Object> config) {
        return new RandomColorDegeneration(FactorLayerConfig.fromConfig(RULES, config));
    }

    /** {@inheritDoc} Keras's draw: {@code U(factor[0], factor[1])} in float32. */
    @Override
    public Float draw(ImageShape image, RandomGenerator rng) {
        return args.uniform(rng);
    }

    @Override
    public boolean applyInPlace(Float f, float[] x, int offset, ImageShape shape, SampleContext context) {
        return applyInPlace(f, x, offset, shape, context, PlainKernel.INSTANCE);
    }

    /**
     * {@inheritDoc} Always. A channels-last RGB image takes one {@link PixelKernel#towardsGrey} pass (the same
     * bits on every backend). Other images go row by row through a copy of the row (see {@link ChannelLoops}):
     * each value's pixel grey ({@link Grayscale}; a one-channel image is its own) is laid beside it in a second
     * row, then one vectorizable loop blends and clips.
     */
    @Override
    public boolean applyInPlace(Float f, float[] x, int offset, ImageShape shape, SampleContext context,
            PixelKernel kernel) {
        int channels = Grayscale.check(shape);
        if (channels == 3 && shape.format() == DataFormat.CHANNELS_LAST) {
            kernel.towardsGrey(x, offset, shape.height() * shape.width(), Grayscale.weights(), f, args.rangeMin(),
                    args.rangeMax());
            return true;
        }
        boolean first = shape.format() == DataFormat.CHANNELS_FIRST;
        float[] grey = first ? Grayscale.of(x, offset, shape) : null;
        float lo = args.rangeMin();
        float hi = args.rangeMax();
        float blend = f;
        int h = shape.height();
        int w = shape.width();
        int length = ChannelLoops.rowLength(shape);
        float[] row = new float[length];
        float[] g = new float[length];
        for (int plane = 0; plane < ChannelLoops.planes(shape); plane++) {
            for (int i = 0; i < h; i++) {
                int at = offset + (plane * h + i) * length;
                System.arraycopy(x, at, row, 0, length);
                if (first) {
                    System.arraycopy(grey, i * w, g, 0, w);
                } else {
                    System.arraycopy(row, 0, g, 0, length);
                }
                for (int k = 0; k < length; k++) {
                    float v = row[k] + blend * (g[k] - row[k]);
                    row[k] = Math.min(Math.max(v, lo), hi);
                }
                System.arraycopy(row, 0, x, at, length);
            }
        }
        return true;
    }
}
