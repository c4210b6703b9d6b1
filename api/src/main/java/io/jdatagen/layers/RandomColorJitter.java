package io.jdatagen.layers;

import io.jdatagen.augment.ImageShape;
import io.jdatagen.augment.PixelStep;
import io.jdatagen.core.Tensor;
import io.jdatagen.flow.SampleContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Keras 3's {@code RandomColorJitter(value_range=(0, 255), brightness_factor=None, contrast_factor=None,
 * saturation_factor=None, hue_factor=None, seed=None)}: {@link RandomBrightness}, {@link RandomContrast},
 * {@link RandomSaturation} and {@link RandomHue}, each present when its factor is given, run in that order
 * on the image, each with its own draw and the jitter's {@code value_range}. Its parameters are the four
 * draws (null for an absent part).
 *
 * @see <a href="https://keras.io/api/layers/preprocessing_layers/image_augmentation/random_color_jitter/">Keras RandomColorJitter</a>
 */
public final class RandomColorJitter extends KerasLayerBase implements PixelStep<RandomColorJitter.Transformation> {
    private static final Set<String> KEYS = Set.of("data_format", "value_range", "brightness_factor",
            "contrast_factor", "saturation_factor", "hue_factor", "seed");

    private final ColorConfigs.Base base;
    private final Object dataFormat;
    private final Object valueRange;
    private final Object brightnessFactor;
    private final Object contrastFactor;
    private final Object saturationFactor;
    private final Object hueFactor;
    private final Object seed;
    private final RandomBrightness brightness;
    private final RandomContrast contrast;
    private final RandomSaturation saturation;
    private final RandomHue hue;

    /**
     * One image's draws, each what the part's own layer draws, null for an absent part.
     *
     * @param brightness {@link RandomBrightness}'s {@code rgb_delta}
     * @param contrast {@link RandomContrast}'s {@code contrast_factor}
     * @param saturation {@link RandomSaturation}'s multiplier
     * @param hue {@link RandomHue}'s shift
     */
    record Transformation(Float brightness, Float contrast, Float saturation, Float hue) {
    }

    /**
     * Each factor is what the part's own layer takes (one number or two), or null to leave the part out.
     *
     * @param valueRange the images' {@code {min, max}}, Keras's default {@code {0, 255}}
     * @param seed Keras's seed, kept for the config (draws come from the sample's stream), or null
     * @throws IllegalArgumentException with the part's Keras message for a factor it refuses
     */
    public RandomColorJitter(double[] valueRange, double[] brightnessFactor, double[] contrastFactor,
            double[] saturationFactor, double[] hueFactor, Integer seed) {
        this(ColorConfigs.Base.named("random_color_jitter"), "channels_last",
                valueRange == null ? List.of(0, 255) : ColorConfigs.argument(valueRange),
                ColorConfigs.argument(brightnessFactor), ColorConfigs.argument(contrastFactor),
                ColorConfigs.argument(saturationFactor), ColorConfigs.argument(hueFactor), seed);
    }

    private RandomColorJitter(ColorConfigs.Base base, Object dataFormat, Object valueRange, Object brightnessFactor,
            Object contrastFactor, Object saturationFactor, Object hueFactor, Object seed) {
        this.base = base;
        this.dataFormat = dataFormat;
        this.valueRange = valueRange;
        this.brightnessFactor = brightnessFactor;
        this.contrastFactor = contrastFactor;
        this.saturationFactor = saturationFactor;
        this.hueFactor = hueFactor;
        this.seed = seed;
        this.brightness = brightnessFactor == null ? null : RandomBrightness.fromConfig(part(brightnessFactor));
        this.contrast = contrastFactor == null ? null : RandomContrast.fromConfig(part(contrastFactor));
        this.saturation = saturationFactor == null ? null : RandomSaturation.fromConfig(part(saturationFactor));
        this.hue = hueFactor == null ? null : RandomHue.fromConfig(part(hueFactor));
    }

    /** The config of one part, as Keras builds it: the factor, the jitter's value range and seed. */
    private Map<String, Object> part(Object factor) {
        Map<String, Object> m = new HashMap<>();
        m.put("factor", factor);
        m.put("value_range", valueRange);
        m.put("seed", seed);
        return m;
    }

    /**
     * {@return the layer Keras's {@code get_config()} describes: {@code value_range}, the four factors (each
     * null when absent), {@code data_format}, {@code seed}}
     *
     * @throws IllegalArgumentException with the parts' Keras messages, or for an unknown key
     */
    public static RandomColorJitter fromConfig(Map<String, Object> config) {
        ColorConfigs.checkKeys("RandomColorJitter", config, KEYS);
        return new RandomColorJitter(ColorConfigs.Base.of(config, "random_color_jitter"),
                config.getOrDefault("data_format", "channels_last"),
                config.getOrDefault("value_range", List.of(0, 255)), config.get("brightness_factor"),
                config.get("contrast_factor"), config.get("saturation_factor"), config.get("hue_factor"),
                config.get("seed"));
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> m = base.start();
        m.put("data_format", dataFormat);
        m.put("value_range", valueRange);
        m.put("brightness_factor", brightnessFactor);
        m.put("contrast_factor", contrastFactor);
        m.put("saturation_factor", saturationFactor);
        m.put("hue_factor", hueFactor);
        m.put("seed", seed);
        return m;
    }

    /** {@inheritDoc} Each present part draws as its own layer does, in Keras's order. */
    @Override
    public Transformation draw(ImageShape image, RandomGenerator rng) {
        Float b = brightness == null ? null : brightness.draw(image, rng);
        Float c = contrast == null ? null : contrast.draw(image, rng);
        Float s = saturation == null ? null : saturation.draw(image, rng);
        Float h = hue == null ? null : hue.draw(image, rng);
        return new Transformation(b, c, s, h);
    }

    @Override
    public Tensor apply(Transformation t, Tensor image, ImageShape shape, SampleContext context) {
        Tensor x = image;
        if (brightness != null && t.brightness() != null) {
            x = brightness.apply(t.brightness(), x, shape, context);
        }
        if (contrast != null && t.contrast() != null) {
            x = contrast.apply(t.contrast(), x, shape, context);
        }
        if (saturation != null && t.saturation() != null) {
            x = saturation.apply(t.saturation(), x, shape, context);
        }
        if (hue != null && t.hue() != null) {
            x = hue.apply(t.hue(), x, shape, context);
        }
        return x;
    }
}
