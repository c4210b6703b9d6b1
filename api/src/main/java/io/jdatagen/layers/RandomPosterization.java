package io.jdatagen.layers;

import io.jdatagen.augment.ImageShape;
import io.jdatagen.core.Tensor;
import io.jdatagen.flow.SampleContext;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Keras 3's {@code RandomPosterization(factor, value_range=(0, 255), data_format=None, seed=None)}: per
 * image a number of bits {@code b} is drawn and every value, moved to 0..255 and truncated to 8 bits, keeps
 * its {@code b} high bits; then it is moved back to the value range (float32). As in Keras 3.15 (on
 * TensorFlow), {@code b} is a uniform integer in {@code [factor[0], factor[1])}, the upper bound excluded,
 * unless the two are equal; a single number {@code f} in [1, 8] means {@code [1, f]}. Its parameter is
 * Keras's {@code shift_factor}, {@code 8 − b}.
 *
 * @see <a href="https://keras.io/api/layers/preprocessing_layers/image_augmentation/random_posterization/">Keras RandomPosterization</a>
 */
public final class RandomPosterization extends FactorLayer implements InPlacePixelStep<Integer> {
    private static final FactorLayerConfig.Rules RULES = new FactorLayerConfig.Rules(
            "RandomPosterization", "random_posterization", null, 1, 8, true);
    private static final int MAX_FACTOR = 8;

    private final KerasValueRange range;

    /**
     * @param factor one number {@code f} in [1, 8] (bits {@code [1, f]}) or two (sorted)
     * @param valueRange the images' {@code {min, max}} (sorted), Keras's default {@code {0, 255}}
     * @param seed Keras's seed, kept for the config (draws come from the sample's stream), or null
     * @throws IllegalArgumentException with Keras's message for a factor outside [1, 8] or a value range that
     *     is not two numbers
     */
    public RandomPosterization(double[] factor, double[] valueRange, Integer seed) {
        this(FactorLayerConfig.of(RULES, integers(factor), valueRange, seed));
    }

    /** Whole numbers become integers in the config, as a Keras user writes bit counts ({@code factor=4}). */
    private static Object integers(double[] factor) {
        Object f = ColorConfigs.argument(factor);
        if (factor != null && factor.length <= 2) {
            boolean whole = true;
            for (double v : factor) {
                whole &= v == Math.rint(v);
            }
            if (whole) {
                f = factor.length == 1 ? (Object) (int) factor[0] : List.of((int) factor[0], (int) factor[1]);
            }
        }
        return f;
    }

    private RandomPosterization(FactorLayerConfig args) {
        super(args);
        this.range = new KerasValueRange(args.valueRange());
    }

    /**
     * {@return the layer Keras's {@code get_config()} describes: {@code factor} (required),
     * {@code value_range}, {@code data_format}, {@code seed}}
     *
     * @throws IllegalArgumentException with Keras's messages, or for an unknown key
     */
    public static RandomPosterization fromConfig(Map<String, Object> config) {
        return new RandomPosterization(FactorLayerConfig.fromConfig(RULES, config));
    }

    /**
     * {@inheritDoc} Keras's draw: bits {@code b} uniform in {@code [factor[0], factor[1])} (TensorFlow's
     * integer uniform; the factor's integer parts, as Keras's uint8 draw takes them), or {@code factor[0]}
     * when the two are equal (or share their integer part); the parameter is {@code 8 − b}.
     */
    @Override
    public Integer draw(ImageShape image, RandomGenerator rng) {
        int low = args.factor().get(0).intValue();
        int high = args.factor().get(1).intValue();
        int bits = high > low ? rng.nextInt(low, high) : low;
        return MAX_FACTOR - bits;
    }

    @Override
    public boolean applyInPlace(Integer shiftFactor, float[] x, int offset, ImageShape shape,
            SampleContext context) {
        int shift = shiftFactor;
        int end = offset + shape.size();
        range.to255(x, offset, end);
        for (int k = offset; k < end; k++) {
            int v = ((int) x[k]) & 0xFF;
            x[k] = (float) ((v >> shift) << shift & 0xFF);
        }
        range.from255(x, offset, end);
        return true;
    }
}
