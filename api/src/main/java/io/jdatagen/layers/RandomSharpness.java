package io.jdatagen.layers;

import io.jdatagen.augment.ImageShape;
import io.jdatagen.augment.PixelStep;
import io.jdatagen.core.DataFormat;
import io.jdatagen.core.Tensor;
import io.jdatagen.flow.SampleContext;
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
public final class RandomSharpness extends FactorLayer implements PixelStep<Float> {
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

    @Override
    public Tensor apply(Float f, Tensor image, ImageShape shape, SampleContext context) {
        float[] x = image.data();
        float[] y = new float[x.length];
        int h = shape.height();
        int w = shape.width();
        int channels = shape.channels();
        boolean first = shape.format() == DataFormat.CHANNELS_FIRST;
        float keep = 1f - f * 2f;
        float lo = args.rangeMin();
        float hi = args.rangeMax();
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < h; i++) {
                for (int j = 0; j < w; j++) {
                    float smoothed = 0f;
                    for (int di = -1; di <= 1; di++) {
                        for (int dj = -1; dj <= 1; dj++) {
                            int r = i + di;
                            int q = j + dj;
                            if (r >= 0 && r < h && q >= 0 && q < w) {
                                float weight = di == 0 && dj == 0 ? CENTRE : EDGE;
                                smoothed += weight * x[index(first, r, q, c, h, w, channels)];
                            }
                        }
                    }
                    int k = index(first, i, j, c, h, w, channels);
                    y[k] = Math.min(Math.max(x[k] + keep * (smoothed - x[k]), lo), hi);
                }
            }
        }
        System.arraycopy(y, 0, x, 0, x.length);
        return image;
    }

    private static int index(boolean first, int r, int q, int c, int h, int w, int channels) {
        return first ? (c * h + r) * w + q : (r * w + q) * channels + c;
    }
}
