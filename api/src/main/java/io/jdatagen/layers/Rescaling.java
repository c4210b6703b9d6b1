package io.jdatagen.layers;

import io.jdatagen.augment.ColorLinear;
import io.jdatagen.augment.ColorLinearStep;
import io.jdatagen.augment.ImageShape;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Keras 3's {@code Rescaling(scale, offset=0.0)}: every value becomes {@code x·scale + offset} in float32,
 * for every sample (it is not an augmentation: validation data gets it too). As a color-linear step it
 * rides in the warp's color step. Keras also takes a numpy array per channel; this layer takes numbers.
 * Its parameters are the map itself, one scale and offset per channel of the image.
 *
 * @see <a href="https://keras.io/api/layers/preprocessing_layers/image_preprocessing/rescaling/">Keras Rescaling</a>
 */
public final class Rescaling extends KerasLayerBase implements ColorLinearStep<ColorLinear> {
    private static final Set<String> KEYS = Set.of("scale", "offset");

    private final ColorConfigs.Base base;
    private final Number scale;
    private final Number offset;

    /**
     * @param scale the factor every value is multiplied by, e.g. {@code 1/255.0}
     * @param offset the term added after scaling (Keras's default 0.0)
     * @throws IllegalArgumentException when either is not finite
     */
    public Rescaling(double scale, double offset) {
        this(ColorConfigs.Base.named("rescaling"), scale, offset);
    }

    /** Keras's {@code Rescaling(scale)}: offset 0.0. */
    public Rescaling(double scale) {
        this(scale, 0.0);
    }

    private Rescaling(ColorConfigs.Base base, Number scale, Number offset) {
        if (!Double.isFinite(scale.doubleValue()) || !Double.isFinite(offset.doubleValue())) {
            throw new IllegalArgumentException("Rescaling needs a finite scale and offset; got scale=" + scale
                    + ", offset=" + offset);
        }
        this.base = base;
        this.scale = scale;
        this.offset = offset;
    }

    /**
     * {@return the layer Keras's {@code get_config()} describes: {@code scale} (required) and
     * {@code offset}, numbers}
     *
     * @throws IllegalArgumentException for a missing or non-numeric scale, or an unknown key
     */
    public static Rescaling fromConfig(Map<String, Object> config) {
        ColorConfigs.checkKeys("Rescaling", config, KEYS);
        Number scale = ColorConfigs.number("Rescaling", config, "scale", null);
        if (scale == null) {
            throw new IllegalArgumentException("Rescaling needs the argument 'scale' (a number); got none");
        }
        return new Rescaling(ColorConfigs.Base.of(config, "rescaling"), scale,
                ColorConfigs.number("Rescaling", config, "offset", 0.0));
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> m = base.start();
        m.put("scale", scale);
        m.put("offset", offset);
        return m;
    }

    /** Rescaling applies to every sample, augmented or not, as Keras applies it at inference. */
    @Override
    public boolean augments() {
        return false;
    }

    @Override
    public ColorLinear draw(ImageShape image, RandomGenerator rng) {
        float[] s = new float[image.channels()];
        float[] o = new float[image.channels()];
        Arrays.fill(s, scale.floatValue());
        Arrays.fill(o, offset.floatValue());
        return ColorLinear.of(s, o);
    }

    @Override
    public ColorLinear color(ColorLinear params, ImageShape image) {
        return params;
    }
}
