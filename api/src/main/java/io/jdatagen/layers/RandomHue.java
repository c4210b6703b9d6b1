package io.jdatagen.layers;

import io.jdatagen.augment.ImageShape;
import io.jdatagen.augment.PixelStep;
import io.jdatagen.core.Tensor;
import io.jdatagen.flow.SampleContext;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Keras 3's {@code RandomHue(factor, value_range=(0, 255), data_format=None, seed=None)}: per image a sign
 * (negative when a uniform draw exceeds 0.5) and a magnitude {@code U(factor[0], factor[1])} give the hue
 * shift {@code ±magnitude/2}; values are moved to [0, 1], each pixel goes to HSV (TensorFlow's kernel), its
 * hue is shifted and wrapped once into [0, 1], and it comes back to RGB, clipped to [0, 1] and moved back to
 * the value range, in float32. A single number {@code f} in [0, 1] means {@code [0, f]}. Images need 3
 * channels. Its parameter is the shift, Keras's {@code factor}.
 *
 * @see <a href="https://keras.io/api/layers/preprocessing_layers/image_augmentation/random_hue/">Keras RandomHue</a>
 */
public final class RandomHue extends FactorLayer implements PixelStep<Float> {
    private static final FactorLayerConfig.Rules RULES = new FactorLayerConfig.Rules(
            "RandomHue", "random_hue", null, 0, 1, false);

    private final float min;
    private final float max;
    private final boolean unit;

    /**
     * @param factor one number in [0, 1] or two (sorted), the range of the shift's magnitude (twice the shift)
     * @param valueRange the images' {@code {min, max}}, Keras's default {@code {0, 255}}
     * @param seed Keras's seed, kept for the config (draws come from the sample's stream), or null
     * @throws IllegalArgumentException with Keras's message for a factor outside [0, 1], or a value range
     *     that is not two numbers
     */
    public RandomHue(double[] factor, double[] valueRange, Integer seed) {
        this(FactorLayerConfig.of(RULES, factor, valueRange, seed));
    }

    private RandomHue(FactorLayerConfig args) {
        super(args);
        this.min = args.rangeMin();
        this.max = args.rangeMax();
        this.unit = args.valueRange().get(0).doubleValue() == 0 && args.valueRange().get(1).doubleValue() == 1;
    }

    /**
     * {@return the layer Keras's {@code get_config()} describes: {@code factor} (required),
     * {@code value_range}, {@code data_format}, {@code seed}}
     *
     * @throws IllegalArgumentException with Keras's messages, or for an unknown key
     */
    public static RandomHue fromConfig(Map<String, Object> config) {
        return new RandomHue(FactorLayerConfig.fromConfig(RULES, config));
    }

    /**
     * {@inheritDoc} Keras's draws, in its order: the sign ({@code −1} when {@code U(0, 1) > 0.5}), then the
     * magnitude {@code U(factor[0], factor[1])}; the shift is {@code sign·magnitude·0.5}.
     */
    @Override
    public Float draw(ImageShape image, RandomGenerator rng) {
        float sign = rng.nextFloat() > 0.5f ? -1f : 1f;
        float magnitude = args.uniform(rng);
        return sign * magnitude * 0.5f;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException unless the image has 3 channels
     */
    @Override
    public Tensor apply(Float shift, Tensor image, ImageShape shape, SampleContext context) {
        float[] x = image.data();
        if (!unit) {
            for (int k = 0; k < x.length; k++) {
                x[k] = (x[k] - min) / (max - min);
            }
        }
        float s = shift;
        RandomSaturation.forEachPixel(image, shape, "RandomHue", hsv -> {
            float h = hsv[0] + s;
            h = h > 1f ? h - 1f : h;
            hsv[0] = h < 0f ? h + 1f : h;
        });
        for (int k = 0; k < x.length; k++) {
            float v = Math.min(Math.max(x[k], 0f), 1f);
            x[k] = unit ? v : v * (max - min) + min;
        }
        return image;
    }
}
