package io.jdatagen.layers;

import io.jdatagen.augment.ImageShape;
import io.jdatagen.augment.PixelStep;
import io.jdatagen.core.DataFormat;
import io.jdatagen.core.Tensor;
import io.jdatagen.flow.SampleContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Keras 3's {@code RandomElasticTransform}: with a probability drawn from {@code U(factor)} per image, every
 * pixel moves by a smooth random displacement, as {@code keras.ops.image.elastic_transform} does on
 * TensorFlow. With {@code d} the distortion factor drawn from {@code U(scale)}, {@code sigma =
 * 0.05 d min(h, w)} and {@code alpha = 0.1 d max(h, w)} (float32): a field of standard normal values, one per
 * pixel, times {@code sigma}, is blurred by a Gaussian of deviation {@code sigma} over
 * {@code 6 int(sigma) | 1} taps per axis (zeros outside, "same" size; one tap, no blur, while
 * {@code sigma < 1}), and output pixel {@code (y, x)} reads the input at {@code (y + alpha D, x + alpha D)},
 * {@code D} the blurred field there, with {@code map_coordinates}'s {@code fill_mode} and interpolation (see
 * {@link TfMapCoordinates}). Keras draws the row and column displacements from one seed, so they are the same
 * field and every pixel moves along the diagonal; this layer reproduces that. Every image of a transformed
 * batch, moved or not, is then clipped to {@code value_range}.
 *
 * <p>Keras draws the distortion factor once per batch and the noise from TensorFlow's generator; here each
 * image draws its own factor (same law) and its field from the sample's stream.
 *
 * <p>This layer is a {@link PixelStep} that resamples the image itself: its map is not affine, so it cannot
 * join the fused affine warp of its neighbours. In the fused mode it therefore ends a run of geometric layers
 * and the image is resampled once more for it (as Keras resamples once per layer anyway).
 *
 * @see <a href="https://keras.io/api/layers/preprocessing_layers/image_augmentation/random_elastic_transform/">
 *     Keras RandomElasticTransform</a>
 */
public final class RandomElasticTransform extends KerasLayerBase
        implements PixelStep<RandomElasticTransform.Elastic> {
    private static final List<String> ARGUMENTS = List.of("factor", "scale", "interpolation", "fill_mode",
            "fill_value", "value_range", "seed");

    private final LayerConfig base;
    private final FactorRange factor;
    private final FactorRange scale;
    private final String interpolation;
    private final String fillMode;
    private final Number fillValue;
    private final List<Object> valueRange;
    private final Number seed;

    /**
     * Keras's transformation for one image, with the noise TensorFlow draws inside {@code elastic_transform}.
     *
     * @param applied whether the image moves ({@code apply_transform}); it is clipped either way
     * @param distortionFactor {@code distortion_factor}, drawn from {@code U(scale)}
     * @param noise the standard normal field, {@code height * width} values row after row
     */
    public record Elastic(boolean applied, float distortionFactor, float[] noise) {
    }

    /**
     * A RandomElasticTransform with Keras's defaults: factor 1 (probability from [0, 1]), scale 1 (factor from
     * [0, 1]), bilinear, fill mode reflect, fill value 0, values in [0, 255].
     */
    public RandomElasticTransform() {
        this(LayerConfig.defaults("random_elastic_transform", DataFormat.CHANNELS_LAST), 1.0, 1.0, "bilinear",
                "reflect", 0.0, List.of(0, 255), null);
    }

    private RandomElasticTransform(LayerConfig base, Object factor, Object scale, String interpolation,
            String fillMode, Number fillValue, Object valueRange, Number seed) {
        this.base = base;
        this.factor = FactorRange.of(factor, "factor", 0, 1);
        this.scale = FactorRange.of(scale, "scale", 0, 1);
        if (!GeometricArgs.INTERPOLATIONS.contains(interpolation)) {
            throw new IllegalArgumentException("Unknown `interpolation` " + interpolation + ". Expected of one "
                    + "('nearest', 'bilinear').");
        }
        if (fillMode.equals("mirror")) {
            throw new IllegalArgumentException("fill_mode=mirror: Keras's layer accepts it but its TensorFlow "
                    + "backend's elastic_transform refuses it; expected one of ('constant', 'nearest', 'wrap', "
                    + "'reflect')");
        }
        if (!GeometricArgs.FILL_MODES.contains(fillMode)) {
            throw new IllegalArgumentException("Unknown `fill_mode` " + fillMode + ". Expected of one "
                    + "{'constant', 'nearest', 'wrap', 'mirror', 'reflect'}.");
        }
        if (!(valueRange instanceof List<?> l && l.size() == 2 && l.get(0) instanceof Number
                && l.get(1) instanceof Number)) {
            throw new IllegalArgumentException("value_range must be a list of two numbers [low, high]; got "
                    + valueRange);
        }
        this.interpolation = interpolation;
        this.fillMode = fillMode;
        this.fillValue = fillValue;
        this.valueRange = new ArrayList<>((List<?>) valueRange);
        this.seed = seed;
    }

    /**
     * {@return the RandomElasticTransform that Keras's {@code get_config()} describes}
     *
     * @param config Keras's keys: {@code name}, {@code trainable}, {@code dtype}, {@code data_format},
     *     {@code factor}, {@code scale}, {@code interpolation}, {@code fill_mode}, {@code fill_value},
     *     {@code value_range}, {@code seed}; absent ones take Keras's defaults
     * @throws IllegalArgumentException for an unknown key or an invalid value, with Keras's messages
     */
    public static RandomElasticTransform fromConfig(Map<String, Object> config) {
        return new RandomElasticTransform(LayerConfig.read(config, "random_elastic_transform", ARGUMENTS),
                config.getOrDefault("factor", 1.0), config.getOrDefault("scale", 1.0),
                GeometricArgs.string(config, "interpolation", "bilinear"),
                GeometricArgs.string(config, "fill_mode", "reflect"), LayerConfig.number(config, "fill_value", 0.0),
                config.getOrDefault("value_range", List.of(0, 255)), LayerConfig.seed(config));
    }

    /** {@return a builder with Keras's argument names; unset arguments take Keras's defaults} */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects Keras's arguments as a config and builds the layer with {@link #fromConfig}'s checks. */
    public static final class Builder extends LayerBuilder<Builder, RandomElasticTransform> {
        private Builder() {
            super(RandomElasticTransform::fromConfig);
        }

        /** Keras's {@code factor} as one number {@code f}: the probability is drawn from {@code [0, f]}. */
        public Builder factor(double factor) {
            return put("factor", factor);
        }

        /** Keras's {@code factor} as two numbers: the probability is drawn from {@code [lower, upper]}. */
        public Builder factor(double lower, double upper) {
            return put("factor", List.of(lower, upper));
        }

        /** Keras's {@code scale} as one number {@code s}: the distortion factor is drawn from {@code [0, s]}. */
        public Builder scale(double scale) {
            return put("scale", scale);
        }

        /** Keras's {@code scale} as two numbers: the distortion factor is drawn from {@code [lower, upper]}. */
        public Builder scale(double lower, double upper) {
            return put("scale", List.of(lower, upper));
        }

        /** Keras's {@code interpolation}: {@code "bilinear"} or {@code "nearest"}. */
        public Builder interpolation(String interpolation) {
            return put("interpolation", interpolation);
        }

        /** Keras's {@code fill_mode}: {@code "reflect"}, {@code "constant"}, {@code "nearest"} or {@code "wrap"}. */
        public Builder fillMode(String fillMode) {
            return put("fill_mode", fillMode);
        }

        /** Keras's {@code fill_value}: what a tap outside the image reads with {@code fill_mode="constant"}. */
        public Builder fillValue(double fillValue) {
            return put("fill_value", fillValue);
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
        c.put("interpolation", interpolation);
        c.put("fill_mode", fillMode);
        c.put("fill_value", fillValue);
        c.put("value_range", new ArrayList<>(valueRange));
        c.put("seed", seed);
        return c;
    }

    /**
     * {@return Keras's transformation given as numbers, for applying a transformation Keras drew}
     *
     * @param noise the standard normal field TensorFlow draws for the image, {@code height * width} values
     */
    static Elastic given(boolean applied, float distortionFactor, float[] noise) {
        return new Elastic(applied, distortionFactor, noise);
    }

    /**
     * Draws as Keras's {@code get_random_transformation} (the probability, its threshold, the distortion
     * factor), then the noise field; null, leaving the image as it is (unclipped), when the upper end of
     * {@code factor} or {@code scale} is 0, as Keras returns no transformation then.
     */
    @Override
    public Elastic draw(ImageShape image, RandomGenerator rng) {
        if (factor.high() == 0 || scale.high() == 0) {
            return null;
        }
        float probability = KerasDraws.uniform(rng, factor.low(), factor.high());
        float threshold = KerasDraws.uniform(rng, 0f, 1f);
        float distortion = KerasDraws.uniform(rng, scale.low(), scale.high());
        float[] noise = new float[image.height() * image.width()];
        for (int k = 0; k < noise.length; k++) {
            noise[k] = (float) KerasDraws.normal(rng);
        }
        return new Elastic(threshold < probability, distortion, noise);
    }

    /** Moves the pixels (when drawn so) and clips, as Keras's {@code transform_images}. */
    @Override
    public Tensor apply(Elastic params, Tensor image, ImageShape shape, SampleContext context) {
        Tensor out = params.applied() ? Tensor.of(displace(image.data(), shape, params), image.shape()) : image;
        float[] v = out.data();
        float low = ((Number) valueRange.get(0)).floatValue();
        float high = ((Number) valueRange.get(1)).floatValue();
        for (int k = 0; k < v.length; k++) {
            v[k] = Math.min(Math.max(v[k], low), high);
        }
        return out;
    }

    /** {@return the image resampled at the displaced coordinates, a new array} */
    private float[] displace(float[] in, ImageShape shape, Elastic params) {
        int h = shape.height();
        int w = shape.width();
        int channels = shape.channels();
        float[] field = ElasticField.displacement(params.noise(), h, w, params.distortionFactor());
        boolean last = shape.format() == DataFormat.CHANNELS_LAST;
        boolean bilinear = interpolation.equals("bilinear");
        TfMapCoordinates.Fill fill = TfMapCoordinates.Fill.of(fillMode);
        float fillAt = fillValue.floatValue();
        float[] out = new float[in.length];
        for (int ch = 0; ch < channels; ch++) {
            int channel = ch;
            TfMapCoordinates.Channel reader = last ? (r, c) -> in[(r * w + c) * channels + channel]
                    : (r, c) -> in[(channel * h + r) * w + c];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    float d = field[y * w + x];
                    float v = TfMapCoordinates.sample(reader, h, w, y + d, x + d, bilinear, fill, fillAt);
                    out[last ? (y * w + x) * channels + ch : (ch * h + y) * w + x] = v;
                }
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "RandomElasticTransform(factor=" + factor.toList() + ", scale=" + scale.toList() + ", fill_mode="
                + fillMode + ")";
    }
}
