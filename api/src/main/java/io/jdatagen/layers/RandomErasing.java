package io.jdatagen.layers;

import io.jdatagen.augment.ImageShape;
import io.jdatagen.core.DataFormat;
import io.jdatagen.flow.SampleContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Keras 3's {@code RandomErasing} (Zhong et al., "Random Erasing Data Augmentation", 2017): with a
 * probability drawn from {@code U(factor)} per image, a box is replaced by the fill: Keras's
 * {@code fill_value} (a number, or three numbers along the image's last axis), or, when it is null, noise
 * {@code N(0, 1) * value_range[1]} per value; the fill is clipped to {@code value_range}. The box's width and
 * height are {@code sqrt(s)} times the image's, {@code s ~ U(scale)} drawn for each side, at a uniform
 * position; a pixel {@code (row, col)} is in it when {@code x0 <= col < x1} and {@code y0 <= row < y1},
 * compared in float32 as Keras does.
 *
 * @see <a href="https://keras.io/api/layers/preprocessing_layers/image_augmentation/random_erasing/">Keras
 *     RandomErasing</a>
 */
public final class RandomErasing extends KerasLayerBase implements InPlacePixelStep<RandomErasing.Erase> {
    private static final List<String> ARGUMENTS = List.of("factor", "scale", "fill_value", "value_range", "seed");

    private final LayerConfig base;
    private final FactorRange factor;
    private final FactorRange scale;
    private final Object fillValue;
    private final float[] fill;
    private final List<Object> valueRange;
    private final Number seed;

    /**
     * Keras's transformation for one image that is erased (one that is not draws null): the crop bounds
     * Keras turns into its mask and, for a null {@code fill_value}, the noise.
     *
     * @param x0 the box's first column bound (inclusive)
     * @param x1 the box's last column bound (exclusive)
     * @param y0 the box's first row bound (inclusive)
     * @param y1 the box's last row bound (exclusive)
     * @param noise Keras's {@code fill_value} for this image, every value in the image's layout and already
     *     clipped, or null to fill with the layer's {@code fill_value}
     */
    public record Erase(float x0, float x1, float y0, float y1, float[] noise) {
    }

    /** A RandomErasing with Keras's defaults: factor 1, scale (0.02, 0.33), noise fill, values in [0, 255]. */
    public RandomErasing() {
        this(LayerConfig.defaults("random_erasing", DataFormat.CHANNELS_LAST), 1.0, List.of(0.02, 0.33), null,
                List.of(0, 255), null);
    }

    private RandomErasing(LayerConfig base, Object factor, Object scale, Object fillValue, Object valueRange,
            Number seed) {
        this.base = base;
        this.factor = FactorRange.of(factor, "factor", 0, 1);
        this.scale = FactorRange.of(scale, "scale", 0, 1);
        this.valueRange = valueRange(valueRange);
        this.fillValue = fillValue instanceof List<?> l ? new ArrayList<Object>(l) : fillValue;
        this.fill = constantFill(fillValue, this.valueRange);
        this.seed = seed;
    }

    private static List<Object> valueRange(Object v) {
        if (v instanceof List<?> l && l.size() == 2 && l.get(0) instanceof Number && l.get(1) instanceof Number) {
            return new ArrayList<>(l);
        }
        throw new IllegalArgumentException("value_range must be a list of two numbers [low, high]; got " + v);
    }

    /** {@return the clipped constant fill per position along the last axis (1 or 3 values), or null for noise} */
    private static float[] constantFill(Object fillValue, List<Object> range) {
        String message = "The `fill_value` argument should be a number (or a list of three numbers) ";
        float[] values;
        if (fillValue == null) {
            return null;
        } else if (fillValue instanceof List<?> l) {
            if (l.size() != 3 || !l.stream().allMatch(Number.class::isInstance)) {
                throw new IllegalArgumentException(message + "Received: fill_value=" + fillValue);
            }
            values = new float[] {((Number) l.get(0)).floatValue(), ((Number) l.get(1)).floatValue(),
                ((Number) l.get(2)).floatValue()};
        } else if (fillValue instanceof Number n) {
            values = new float[] {n.floatValue()};
        } else {
            throw new IllegalArgumentException(message + "Received: fill_value=" + fillValue);
        }
        for (int i = 0; i < values.length; i++) {
            values[i] = clip(values[i], range);
        }
        return values;
    }

    private static float clip(float v, List<Object> range) {
        return Math.min(Math.max(v, ((Number) range.get(0)).floatValue()), ((Number) range.get(1)).floatValue());
    }

    /**
     * {@return the RandomErasing that Keras's {@code get_config()} describes}
     *
     * @param config Keras's keys: {@code name}, {@code trainable}, {@code dtype}, {@code data_format},
     *     {@code factor}, {@code scale}, {@code fill_value}, {@code value_range}, {@code seed}; absent ones
     *     take Keras's defaults
     * @throws IllegalArgumentException for an unknown key or an invalid value, with Keras's messages
     */
    public static RandomErasing fromConfig(Map<String, Object> config) {
        return new RandomErasing(LayerConfig.read(config, "random_erasing", ARGUMENTS),
                config.getOrDefault("factor", 1.0), config.getOrDefault("scale", List.of(0.02, 0.33)),
                config.get("fill_value"), config.getOrDefault("value_range", List.of(0, 255)),
                LayerConfig.seed(config));
    }

    /** {@return a builder with Keras's argument names; unset arguments take Keras's defaults} */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects Keras's arguments as a config and builds the layer with {@link #fromConfig}'s checks. */
    public static final class Builder extends LayerBuilder<Builder, RandomErasing> {
        private Builder() {
            super(RandomErasing::fromConfig);
        }

        /** Keras's {@code factor} as one number {@code f}: the probability is drawn from {@code [0, f]}. */
        public Builder factor(double factor) {
            return put("factor", factor);
        }

        /** Keras's {@code factor} as two numbers: the probability is drawn from {@code [lower, upper]}. */
        public Builder factor(double lower, double upper) {
            return put("factor", List.of(lower, upper));
        }

        /** Keras's {@code scale}: the range each side's squared share of the image is drawn from, in [0, 1]. */
        public Builder scale(double lower, double upper) {
            return put("scale", List.of(lower, upper));
        }

        /** Keras's {@code fill_value} as one number (clipped to the value range); without it the fill is noise. */
        public Builder fillValue(double fillValue) {
            return put("fill_value", fillValue);
        }

        /** Keras's {@code fill_value} as three numbers, one per position along the image's last axis. */
        public Builder fillValue(double first, double second, double third) {
            return put("fill_value", List.of(first, second, third));
        }

        /** Keras's {@code seed}, kept in the config; the draws come from the keyed streams whatever it is. */
        public Builder seed(long seed) {
            return put("seed", seed);
        }
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = base.start();
        c.put("factor", factor.toList());
        c.put("scale", scale.toList());
        c.put("fill_value", fillValue);
        c.put("value_range", new ArrayList<>(valueRange));
        c.put("seed", seed);
        return c;
    }

    /**
     * Draws as Keras's {@code get_random_transformation} does for one image: the two scales, the column and
     * row positions, the erase probability and its threshold, then (for a noise fill) the noise.
     */
    @Override
    public Erase draw(ImageShape image, RandomGenerator rng) {
        float sx = (float) Math.sqrt(KerasDraws.uniform(rng, scale.low(), scale.high()));
        float sy = (float) Math.sqrt(KerasDraws.uniform(rng, scale.low(), scale.high()));
        float cropX = sx * image.width();
        float x0 = KerasDraws.uniform(rng, 0f, 1f) * (image.width() - cropX);
        float cropY = sy * image.height();
        float y0 = KerasDraws.uniform(rng, 0f, 1f) * (image.height() - cropY);
        float probability = KerasDraws.uniform(rng, factor.low(), factor.high());
        float threshold = KerasDraws.uniform(rng, 0f, 1f);
        if (!(threshold < probability)) {
            return null;
        }
        float[] noise = null;
        if (fill == null) {
            noise = new float[image.size()];
            float high = ((Number) valueRange.get(1)).floatValue();
            for (int k = 0; k < noise.length; k++) {
                noise[k] = clip((float) KerasDraws.normal(rng) * high, valueRange);
            }
        }
        return new Erase(x0, x0 + cropX, y0, y0 + cropY, noise);
    }

    /** Fills the box with the noise or the constant, as Keras's {@code transform_images}. */
    @Override
    public boolean applyInPlace(Erase params, float[] v, int offset, ImageShape shape, SampleContext context) {
        int height = shape.height();
        int width = shape.width();
        int channels = shape.channels();
        boolean channelsLast = shape.format() == DataFormat.CHANNELS_LAST;
        int last = shape.tensorShape()[2];
        if (fill != null && fill.length == 3 && last != 3) {
            throw new IllegalArgumentException("fill_value " + fillValue + " broadcasts along the image's last axis "
                    + "(as Keras's full_like does), which has " + last + " values, not 3");
        }
        for (int r = 0; r < height; r++) {
            if (!(r >= params.y0() && r < params.y1())) {
                continue;
            }
            for (int c = 0; c < width; c++) {
                if (!(c >= params.x0() && c < params.x1())) {
                    continue;
                }
                for (int ch = 0; ch < channels; ch++) {
                    int k = channelsLast ? (r * width + c) * channels + ch : (ch * height + r) * width + c;
                    v[offset + k] = params.noise() != null ? params.noise()[k] : fill[fill.length == 1 ? 0 : k % 3];
                }
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "RandomErasing(factor=" + factor.toList() + ", scale=" + scale.toList() + ", fill_value=" + fillValue
                + ")";
    }
}
