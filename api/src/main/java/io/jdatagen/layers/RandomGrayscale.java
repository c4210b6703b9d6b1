package io.jdatagen.layers;

import io.jdatagen.augment.ImageShape;
import io.jdatagen.flow.SampleContext;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Keras 3's {@code RandomGrayscale(factor=0.5, data_format=None, seed=None)}: with probability
 * {@code factor} (a uniform draw below it) every channel of the image becomes its grey value
 * ({@code 0.2989·r + 0.5870·g + 0.1140·b}, float32). Its parameter is {@link Boolean#TRUE} for an image
 * turned grey (Keras's transformation); an image left alone draws null. Keras 3.15's config keeps no
 * {@code seed}.
 *
 * @see <a href="https://keras.io/api/layers/preprocessing_layers/image_augmentation/random_grayscale/">Keras RandomGrayscale</a>
 */
public final class RandomGrayscale extends KerasLayerBase implements InPlacePixelStep<Boolean> {
    private static final Set<String> KEYS = Set.of("data_format", "factor", "seed");

    private final ColorConfigs.Base base;
    private final Object dataFormat;
    private final Number factor;

    /**
     * @param factor the probability of turning an image grey, in [0, 1] (Keras's default 0.5)
     * @throws IllegalArgumentException with Keras's message outside [0, 1]
     */
    public RandomGrayscale(double factor) {
        this(ColorConfigs.Base.named("random_grayscale"), "channels_last", factor);
    }

    private RandomGrayscale(ColorConfigs.Base base, Object dataFormat, Number factor) {
        if (factor == null || !(factor.doubleValue() >= 0 && factor.doubleValue() <= 1)) {
            throw new IllegalArgumentException("`factor` should be between 0 and 1. Received: factor=" + factor);
        }
        this.base = base;
        this.dataFormat = dataFormat;
        this.factor = factor;
    }

    /**
     * {@return the layer Keras's {@code get_config()} describes: {@code factor}, {@code data_format} (and a
     * {@code seed}, accepted and not kept, as Keras keeps none)}
     *
     * @throws IllegalArgumentException with Keras's message, or for an unknown key
     */
    public static RandomGrayscale fromConfig(Map<String, Object> config) {
        ColorConfigs.checkKeys("RandomGrayscale", config, KEYS);
        return new RandomGrayscale(ColorConfigs.Base.of(config, "random_grayscale"),
                config.getOrDefault("data_format", "channels_last"),
                ColorConfigs.number("RandomGrayscale", config, "factor", 0.5));
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> m = base.start();
        m.put("data_format", dataFormat);
        m.put("factor", factor);
        return m;
    }

    /** {@inheritDoc} Keras's draw: grey when {@code U(0, 1) < factor}. */
    @Override
    public Boolean draw(ImageShape image, RandomGenerator rng) {
        return rng.nextFloat() < factor.floatValue() ? Boolean.TRUE : null;
    }

    @Override
    public boolean applyInPlace(Boolean grey, float[] x, int offset, ImageShape shape, SampleContext context) {
        float[] g = Grayscale.of(x, offset, shape);
        int size = shape.size();
        for (int k = 0; k < size; k++) {
            x[offset + k] = g[Grayscale.pixel(k, shape)];
        }
        return true;
    }
}
