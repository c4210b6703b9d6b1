package io.jdatagen.layers;

import io.jdatagen.augment.ImageShape;
import io.jdatagen.augment.PixelStep;
import io.jdatagen.core.DataFormat;
import io.jdatagen.core.Tensor;
import io.jdatagen.flow.SampleContext;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Keras 3's {@code RandomSaturation(factor, value_range=(0, 255), data_format=None, seed=None)}: per image
 * {@code u} from {@code U(factor[0], factor[1])} becomes the multiplier {@code u / (1 − u + 1e-7)}; each pixel
 * goes to HSV (TensorFlow's kernel, on the values as they are), its saturation is multiplied and clipped to
 * {@code value_range} (as Keras 3.15 does, so with 0..255 only negatives are clipped), and it comes back to
 * RGB, in float32. So {@code u = 0.5} keeps the image, 0 or below makes it grey. A single number {@code f} in
 * [-1, 1] means {@code [-|f|, |f|]}. Images need 3 channels. Its parameter is the multiplier, Keras's
 * {@code factor}.
 *
 * @see <a href="https://keras.io/api/layers/preprocessing_layers/image_augmentation/random_saturation/">Keras RandomSaturation</a>
 */
public final class RandomSaturation extends FactorLayer implements PixelStep<Float> {
    private static final FactorLayerConfig.Rules RULES = new FactorLayerConfig.Rules(
            "RandomSaturation", "random_saturation", null, -1, 1, true);
    private static final float EPSILON = 1e-7f;

    /**
     * @param factor one number in [-1, 1] or two (sorted), the range of {@code u}
     * @param valueRange the {@code {min, max}} (sorted) the saturation is clipped to, Keras's default
     *     {@code {0, 255}}
     * @param seed Keras's seed, kept for the config (draws come from the sample's stream), or null
     * @throws IllegalArgumentException with Keras's message for a factor outside [-1, 1] or a value range
     *     that is not two numbers
     */
    public RandomSaturation(double[] factor, double[] valueRange, Integer seed) {
        this(FactorLayerConfig.of(RULES, factor, valueRange, seed));
    }

    private RandomSaturation(FactorLayerConfig args) {
        super(args);
    }

    /**
     * {@return the layer Keras's {@code get_config()} describes: {@code factor} (required),
     * {@code value_range}, {@code data_format}, {@code seed}}
     *
     * @throws IllegalArgumentException with Keras's messages, or for an unknown key
     */
    public static RandomSaturation fromConfig(Map<String, Object> config) {
        return new RandomSaturation(FactorLayerConfig.fromConfig(RULES, config));
    }

    /** {@inheritDoc} Keras's draw: {@code u = U(factor[0], factor[1])}, then {@code u / (1 − u + 1e-7)}. */
    @Override
    public Float draw(ImageShape image, RandomGenerator rng) {
        float u = args.uniform(rng);
        return u / (1f - u + EPSILON);
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException unless the image has 3 channels
     */
    @Override
    public Tensor apply(Float multiplier, Tensor image, ImageShape shape, SampleContext context) {
        float lo = args.rangeMin();
        float hi = args.rangeMax();
        float m = multiplier;
        forEachPixel(image, shape, "RandomSaturation", (hsv) -> hsv[1] = Math.min(Math.max(hsv[1] * m, lo), hi));
        return image;
    }

    /** A change of one pixel's hue, saturation and value, in place. */
    interface HsvChange {
        void change(float[] hsv);
    }

    /** Runs {@code change} on every pixel of a 3-channel image through TensorFlow's HSV conversions. */
    static void forEachPixel(Tensor image, ImageShape shape, String layer, HsvChange change) {
        if (shape.channels() != 3) {
            throw new IllegalArgumentException(layer + " needs RGB images (3 channels); got "
                    + shape.channels() + " channels");
        }
        float[] x = image.data();
        int plane = shape.height() * shape.width();
        boolean first = shape.format() == DataFormat.CHANNELS_FIRST;
        int step = first ? plane : 1;
        float[] hsv = new float[3];
        float[] rgb = new float[3];
        for (int p = 0; p < plane; p++) {
            int at = first ? p : 3 * p;
            Hsv.fromRgb(x[at], x[at + step], x[at + 2 * step], hsv);
            change.change(hsv);
            Hsv.toRgb(hsv[0], hsv[1], hsv[2], rgb);
            x[at] = rgb[0];
            x[at + step] = rgb[1];
            x[at + 2 * step] = rgb[2];
        }
    }
}
