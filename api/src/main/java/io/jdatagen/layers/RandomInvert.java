package io.jdatagen.layers;

import io.jdatagen.augment.ColorLinear;
import io.jdatagen.augment.ColorLinearStep;
import io.jdatagen.augment.ImageShape;
import java.util.Arrays;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Keras 3's {@code RandomInvert(factor=1.0, value_range=(0, 255), seed=None)}: an image is inverted,
 * {@code value_range[1] − x}, when a uniform threshold falls below a probability itself drawn from
 * {@code U(factor[0], factor[1])} (so with probability the mean of the factor range). The inversion is a
 * per-channel linear map (scale −1), so the layer rides in the warp's color step. Its parameter is
 * {@link Boolean#TRUE} for an inverted image (Keras's {@code apply_inversion}); an image left alone draws
 * null.
 *
 * @see <a href="https://keras.io/api/layers/preprocessing_layers/image_augmentation/random_invert/">Keras RandomInvert</a>
 */
public final class RandomInvert extends FactorLayer implements ColorLinearStep<Boolean> {
    private static final FactorLayerConfig.Rules RULES = new FactorLayerConfig.Rules(
            "RandomInvert", "random_invert", 1.0, 0, 1, false);

    /**
     * @param factor one number in [0, 1] (the range {@code [0, f]}) or two {@code {low, high}} (sorted), the
     *     range the inversion probability is drawn from; Keras's default 1.0
     * @param valueRange the images' {@code {min, max}}; inversion maps {@code x} to {@code max − x}
     * @param seed Keras's seed, kept for the config (draws come from the sample's stream), or null
     * @throws IllegalArgumentException with Keras's message for a factor out of [0, 1], or a value range
     *     that is not two numbers
     */
    public RandomInvert(double[] factor, double[] valueRange, Integer seed) {
        this(FactorLayerConfig.of(RULES, factor, valueRange, seed));
    }

    private RandomInvert(FactorLayerConfig args) {
        super(args);
    }

    /**
     * {@return the layer Keras's {@code get_config()} describes: {@code factor}, {@code value_range},
     * {@code data_format}, {@code seed}}
     *
     * @throws IllegalArgumentException with Keras's message, or for an unknown key
     */
    public static RandomInvert fromConfig(Map<String, Object> config) {
        return new RandomInvert(FactorLayerConfig.fromConfig(RULES, config));
    }

    /**
     * {@inheritDoc} Keras's draw: a probability {@code U(factor[0], factor[1])}, then a threshold
     * {@code U(0, 1)}; the image is inverted when the threshold is below the probability.
     */
    @Override
    public Boolean draw(ImageShape image, RandomGenerator rng) {
        float probability = args.uniform(rng);
        float threshold = rng.nextFloat();
        return threshold < probability ? Boolean.TRUE : null;
    }

    @Override
    public ColorLinear color(Boolean inverted, ImageShape image) {
        float[] scale = new float[image.channels()];
        float[] offset = new float[image.channels()];
        Arrays.fill(scale, -1f);
        Arrays.fill(offset, args.rangeMax());
        return ColorLinear.of(scale, offset);
    }
}
