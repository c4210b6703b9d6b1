package io.jdatagen.layers;

import io.jdatagen.augment.ImageShape;
import io.jdatagen.augment.PixelStep;
import io.jdatagen.augment.Step;
import io.jdatagen.core.DataFormat;
import io.jdatagen.core.Tensor;
import io.jdatagen.flow.SampleContext;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
public final class RandomSharpness implements KerasLayer, PixelStep<Float> {
    private static final Set<String> KEYS = Set.of("data_format", "factor", "value_range", "seed");
    private static final float EDGE = 1f / 13f;
    private static final float CENTRE = 5f / 13f;

    private final ColorConfigs.Base base;
    private final Object dataFormat;
    private final List<Number> factor;
    private final List<Number> valueRange;
    private final Object seed;

    /**
     * @param factor one number in [0, 1] or two (sorted), the range of {@code f}
     * @param valueRange the {@code {min, max}} (sorted) results are clipped to, Keras's default {@code {0, 255}}
     * @param seed Keras's seed, kept for the config (draws come from the sample's stream), or null
     * @throws IllegalArgumentException with Keras's message for a factor outside [0, 1] or a value range
     *     that is not two numbers
     */
    public RandomSharpness(double[] factor, double[] valueRange, Integer seed) {
        this(ColorConfigs.Base.named("random_sharpness"), "channels_last", ColorConfigs.factorArgument(factor),
                valueRange == null ? List.of(0, 255) : List.of(valueRange[0], valueRange[1]), seed);
    }

    private RandomSharpness(ColorConfigs.Base base, Object dataFormat, Object factor, Object valueRange,
            Object seed) {
        this.base = base;
        this.dataFormat = dataFormat;
        this.factor = ColorConfigs.factor(factor, 0, 1);
        this.valueRange = ColorConfigs.sorted(ColorConfigs.pair(valueRange,
                "The `value_range` argument should be a list of two numbers. ", "value_range"));
        this.seed = seed;
    }

    /**
     * {@return the layer Keras's {@code get_config()} describes: {@code factor} (required),
     * {@code value_range}, {@code data_format}, {@code seed}}
     *
     * @throws IllegalArgumentException with Keras's messages, or for an unknown key
     */
    public static RandomSharpness fromConfig(Map<String, Object> config) {
        ColorConfigs.checkKeys("RandomSharpness", config, KEYS);
        return new RandomSharpness(ColorConfigs.Base.of(config, "random_sharpness"),
                config.getOrDefault("data_format", "channels_last"), config.get("factor"),
                config.getOrDefault("value_range", List.of(0, 255)), config.get("seed"));
    }

    @Override
    public String className() {
        return "RandomSharpness";
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> m = base.start();
        m.put("data_format", dataFormat);
        m.put("factor", ColorConfigs.list(factor));
        m.put("value_range", ColorConfigs.list(valueRange));
        m.put("seed", seed);
        return m;
    }

    @Override
    public Step step() {
        return this;
    }

    @Override
    public String name() {
        return base.name();
    }

    /** {@inheritDoc} Keras's draw: {@code U(factor[0], factor[1])} in float32. */
    @Override
    public Float draw(ImageShape image, RandomGenerator rng) {
        float low = factor.get(0).floatValue();
        float high = factor.get(1).floatValue();
        return low + (high - low) * rng.nextFloat();
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
        float lo = valueRange.get(0).floatValue();
        float hi = valueRange.get(1).floatValue();
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
