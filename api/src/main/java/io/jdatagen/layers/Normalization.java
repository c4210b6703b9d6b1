package io.jdatagen.layers;

import io.jdatagen.augment.ColorLinear;
import io.jdatagen.augment.ColorLinearStep;
import io.jdatagen.augment.ImageShape;
import io.jdatagen.core.DataFormat;
import io.jdatagen.core.Tensor;
import io.jdatagen.flow.SampleContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Keras 3's {@code Normalization(axis=-1, mean=None, variance=None, invert=False)} over the channel axis of
 * channels-last images: {@code (x − mean) / max(sqrt(variance), 1e-7)} per channel, or with
 * {@code invert} {@code mean + x·max(sqrt(variance), 1e-7)}, in float32. The statistics are given (a
 * number for every channel or one per channel) or learnt by {@link #adapt} from a batch, as Keras's
 * {@code adapt} learns them from a NumPy array: the mean and the population variance ({@code ddof=0}) of
 * each channel over every other axis. A layer neither given nor adapted has mean 0 and variance 1, as a
 * Keras layer built without {@code adapt}. It runs for every sample (not an augmentation), as a
 * color-linear step that rides in the warp's color step; Keras's other {@code axis} choices (a spatial
 * axis, {@code None}) are not per-channel maps and are refused.
 *
 * @see <a href="https://keras.io/api/layers/preprocessing_layers/numerical/normalization/">Keras Normalization</a>
 */
public final class Normalization extends KerasLayerBase implements ColorLinearStep<Normalization.Statistics> {
    /** Keras's {@code backend.epsilon()}, the smallest standard deviation it divides by. */
    static final double EPSILON = 1e-7;
    private static final Set<String> KEYS = Set.of("axis", "invert", "mean", "variance");

    private final ColorConfigs.Base base;
    private final Object mean;
    private final Object variance;
    private final boolean invert;
    private final double[] adaptedMean;
    private final double[] adaptedVariance;

    /**
     * One sample's statistics in float32, as Keras casts its weights: per channel the mean and the
     * divisor {@code max(sqrt(variance), epsilon)}.
     *
     * @param invert whether the step undoes a normalization ({@code mean + x·deviation})
     */
    public record Statistics(float[] mean, float[] deviation, boolean invert) {
    }

    /**
     * @param mean a number for every channel, one per channel, or null (then {@code variance} is null too)
     * @param variance as {@code mean}, each at least 0
     * @param invert whether to undo a normalization ({@code mean + x·deviation}) instead
     * @throws IllegalArgumentException with Keras's message when only one of mean and variance is set or
     *     their lengths differ, or when a variance is negative or not finite
     */
    public Normalization(double[] mean, double[] variance, boolean invert) {
        this(ColorConfigs.Base.named("normalization"), toJson(mean), toJson(variance), invert, null, null);
    }

    /** Keras's {@code Normalization()}: learns its statistics with {@link #adapt}. */
    public Normalization() {
        this(null, null, false);
    }

    private Normalization(ColorConfigs.Base base, Object mean, Object variance, boolean invert,
            double[] adaptedMean, double[] adaptedVariance) {
        if ((mean != null) != (variance != null)) {
            throw new IllegalArgumentException("When setting values directly, both `mean` and `variance` must be"
                    + " set. Received: mean=" + mean + " and variance=" + variance);
        }
        if (mean != null) {
            double[] m = ColorConfigs.doubles(mean, "Normalization", "mean");
            double[] v = ColorConfigs.doubles(variance, "Normalization", "variance");
            if ((mean instanceof List<?>) != (variance instanceof List<?>) || m.length != v.length) {
                throw new IllegalArgumentException("When setting values directly, `mean` and `variance` must have"
                        + " the same shape. Received: mean=" + mean + " and variance=" + variance);
            }
            for (double x : v) {
                if (!(x >= 0) || !Double.isFinite(x)) {
                    throw new IllegalArgumentException("Normalization's variance must be finite and at least 0;"
                            + " got variance=" + variance);
                }
            }
        }
        this.base = base;
        this.mean = mean;
        this.variance = variance;
        this.invert = invert;
        this.adaptedMean = adaptedMean;
        this.adaptedVariance = adaptedVariance;
    }

    private static Object toJson(double[] values) {
        if (values == null) {
            return null;
        }
        List<Object> list = new ArrayList<>();
        for (double v : values) {
            list.add(v);
        }
        return list;
    }

    /**
     * {@return the layer Keras's {@code get_config()} describes: {@code axis} ({@code [-1]} or {@code -1}),
     * {@code invert}, {@code mean} and {@code variance} (numbers, lists of numbers, or null)}
     *
     * @throws IllegalArgumentException for another axis, an unknown key, or statistics Keras refuses
     */
    public static Normalization fromConfig(Map<String, Object> config) {
        ColorConfigs.checkKeys("Normalization", config, KEYS);
        Object axis = config.getOrDefault("axis", List.of(-1));
        if (!(Integer.valueOf(-1).equals(axis) || List.of(-1).equals(axis))) {
            throw new IllegalArgumentException("Normalization runs over the last (channel) axis only: axis must be"
                    + " -1 or [-1]; got axis=" + axis);
        }
        Object invert = config.getOrDefault("invert", Boolean.FALSE);
        if (!(invert instanceof Boolean)) {
            throw new IllegalArgumentException("Normalization argument 'invert' must be a boolean; got: " + invert);
        }
        return new Normalization(ColorConfigs.Base.of(config, "normalization"), config.get("mean"),
                config.get("variance"), (Boolean) invert, null, null);
    }

    /**
     * {@return a copy of this layer whose statistics are learnt from {@code data}, as Keras's
     * {@code adapt(data)} on an array: per channel (the last axis) the mean and the population variance
     * over every other axis, in double}
     *
     * @param data a batch (or one image) with the channels on its last axis, e.g. NHWC
     * @throws IllegalArgumentException when the layer was given its statistics (Keras adapts only a layer
     *     built without them) or {@code data} has rank below 2
     */
    public Normalization adapt(Tensor data) {
        if (mean != null) {
            throw new IllegalArgumentException("Normalization was given mean=" + mean + " and variance=" + variance
                    + "; only a layer built without them adapts");
        }
        if (data.rank() < 2) {
            throw new IllegalArgumentException("Normalization.adapt needs data of rank 2 or more with the channels"
                    + " last; got shape " + java.util.Arrays.toString(data.shape()));
        }
        int channels = data.dim(data.rank() - 1);
        float[] x = data.data();
        int count = x.length / channels;
        double[] m = new double[channels];
        for (int k = 0; k < x.length; k++) {
            m[k % channels] += x[k];
        }
        for (int c = 0; c < channels; c++) {
            m[c] /= count;
        }
        double[] v = new double[channels];
        for (int k = 0; k < x.length; k++) {
            double d = x[k] - m[k % channels];
            v[k % channels] += d * d;
        }
        for (int c = 0; c < channels; c++) {
            v[c] /= count;
        }
        return new Normalization(base, null, null, invert, m, v);
    }

    /** {@return the per-channel means in use (given, adapted, or the unadapted 0), a copy} */
    public double[] mean() {
        return adaptedMean != null ? adaptedMean.clone()
                : mean != null ? ColorConfigs.doubles(mean, "Normalization", "mean") : new double[] {0};
    }

    /** {@return the per-channel variances in use (given, adapted, or the unadapted 1), a copy} */
    public double[] variance() {
        return adaptedVariance != null ? adaptedVariance.clone()
                : variance != null ? ColorConfigs.doubles(variance, "Normalization", "variance") : new double[] {1};
    }

    /** {@inheritDoc} As Keras's, an adapted layer's config holds no statistics (they are its weights). */
    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> m = base.start();
        m.put("axis", new ArrayList<>(List.of(-1)));
        m.put("invert", invert);
        m.put("mean", mean);
        m.put("variance", variance);
        return m;
    }

    /** Normalization applies to every sample, augmented or not. */
    @Override
    public boolean augments() {
        return false;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException for channels-first images (Keras's {@code axis=-1} is their width),
     *     or when the statistics have neither one value nor one per channel of {@code image}
     */
    @Override
    public Statistics draw(ImageShape image, RandomGenerator rng) {
        if (image.format() != DataFormat.CHANNELS_LAST) {
            throw new IllegalArgumentException("Normalization(axis=-1) normalizes the last axis: images must be"
                    + " channels_last; got " + image.format());
        }
        double[] m = mean();
        double[] v = variance();
        int channels = image.channels();
        if (m.length != 1 && m.length != channels) {
            throw new IllegalArgumentException("Normalization has statistics for " + m.length
                    + " channels; the image has " + channels);
        }
        float[] fm = new float[channels];
        float[] fd = new float[channels];
        for (int c = 0; c < channels; c++) {
            int i = m.length == 1 ? 0 : c;
            fm[c] = (float) m[i];
            fd[c] = Math.max((float) Math.sqrt((float) v[i]), (float) EPSILON);
        }
        return new Statistics(fm, fd, invert);
    }

    @Override
    public ColorLinear color(Statistics params, ImageShape image) {
        int channels = params.mean().length;
        float[] scale = new float[channels];
        float[] offset = new float[channels];
        for (int c = 0; c < channels; c++) {
            if (params.invert()) {
                scale[c] = params.deviation()[c];
                offset[c] = params.mean()[c];
            } else {
                scale[c] = 1f / params.deviation()[c];
                offset[c] = -params.mean()[c] / params.deviation()[c];
            }
        }
        return ColorLinear.of(scale, offset);
    }

    /** Keras's arithmetic when the map cannot fold: a float32 subtraction and division per value. */
    @Override
    public Tensor apply(Statistics params, Tensor image, ImageShape shape, SampleContext context) {
        float[] x = image.data();
        int channels = shape.channels();
        for (int k = 0; k < x.length; k++) {
            int c = k % channels;
            x[k] = params.invert() ? params.mean()[c] + x[k] * params.deviation()[c]
                    : (x[k] - params.mean()[c]) / params.deviation()[c];
        }
        return image;
    }
}
