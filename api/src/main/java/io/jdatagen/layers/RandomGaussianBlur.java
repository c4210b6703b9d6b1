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
 * Keras 3's {@code RandomGaussianBlur}: with a probability drawn from {@code U(factor)} per image, the image
 * is convolved with a separable Gaussian kernel of {@code kernel_size} whose two standard deviations are
 * drawn from {@code U(sigma) + 1e-6} (as {@code keras.ops.image.gaussian_blur}: zero padding, "same"
 * output size, each channel on its own); every image, blurred or not, is then clipped to
 * {@code value_range}. Keras draws the two deviations once per batch; here each image draws its own, from
 * the same law.
 *
 * @see <a href="https://keras.io/api/layers/preprocessing_layers/image_augmentation/random_gaussian_blur/">
 *     Keras RandomGaussianBlur</a>
 */
public final class RandomGaussianBlur extends KerasLayerBase implements PixelStep<RandomGaussianBlur.Blur> {
    private static final List<String> ARGUMENTS = List.of("factor", "kernel_size", "sigma", "value_range", "seed");

    private final LayerConfig base;
    private final FactorRange factor;
    private final int[] kernelSize;
    private final List<Object> kernelSizeConfig;
    private final FactorRange sigma;
    private final List<Object> valueRange;
    private final Number seed;

    /**
     * Keras's transformation for one image.
     *
     * @param blurred whether the image is blurred ({@code should_apply_blur}); it is clipped either way
     * @param sigma0 {@code blur_factor[0]}: the deviation of the kernel factor over {@code kernel_size[0]}
     *     taps, the one along the columns for a square kernel
     * @param sigma1 {@code blur_factor[1]}: the deviation of the factor over {@code kernel_size[1]} taps,
     *     along the rows
     */
    public record Blur(boolean blurred, float sigma0, float sigma1) {
    }

    /** A RandomGaussianBlur with Keras's defaults: factor 1, a 3 x 3 kernel, sigma in [0, 1], values in [0, 255]. */
    public RandomGaussianBlur() {
        this(LayerConfig.defaults("random_gaussian_blur", DataFormat.CHANNELS_LAST), 1.0, 3, 1.0, List.of(0, 255),
                null);
    }

    private RandomGaussianBlur(LayerConfig base, Object factor, Object kernelSize, Object sigma, Object valueRange,
            Number seed) {
        this.base = base;
        this.factor = FactorRange.of(factor, "factor", 0, 1);
        this.kernelSizeConfig = kernelSize(kernelSize);
        this.kernelSize = new int[] {LayerConfig.intOf((Number) kernelSizeConfig.get(0), "kernel_size"),
            LayerConfig.intOf((Number) kernelSizeConfig.get(1), "kernel_size")};
        this.sigma = FactorRange.of(sigma, "sigma", 0, 1);
        if (!(valueRange instanceof List<?> l && l.size() == 2 && l.get(0) instanceof Number
                && l.get(1) instanceof Number)) {
            throw new IllegalArgumentException("value_range must be a list of two numbers [low, high]; got "
                    + valueRange);
        }
        this.valueRange = new ArrayList<>((List<?>) valueRange);
        this.seed = seed;
    }

    /** Keras's {@code _set_kernel_size}: an odd integer {@code k} means {@code (k, k)}, two odd integers as given. */
    private static List<Object> kernelSize(Object v) {
        String odd = "kernel_size must be an odd number. Received: kernel_size=" + v;
        if (v instanceof List<?> l) {
            if (l.size() != 2) {
                throw new IllegalArgumentException("The `kernel_size` argument should be a number (or a list of two "
                        + "numbers) Received: kernel_size=" + v);
            }
            if (!isOddInteger(l.get(0)) || !isOddInteger(l.get(1))) {
                throw new IllegalArgumentException(odd);
            }
            return new ArrayList<>(l);
        }
        if (!isOddInteger(v)) {
            throw new IllegalArgumentException(odd);
        }
        List<Object> both = new ArrayList<>(2);
        both.add(v);
        both.add(v);
        return both;
    }

    private static boolean isOddInteger(Object v) {
        return (v instanceof Integer || v instanceof Long) && ((Number) v).longValue() % 2 != 0
                && ((Number) v).longValue() > 0;
    }

    /**
     * {@return the RandomGaussianBlur that Keras's {@code get_config()} describes}
     *
     * @param config Keras's keys: {@code name}, {@code trainable}, {@code dtype}, {@code data_format},
     *     {@code factor}, {@code kernel_size}, {@code sigma}, {@code value_range}, {@code seed}; absent ones
     *     take Keras's defaults
     * @throws IllegalArgumentException for an unknown key or an invalid value, with Keras's messages
     */
    public static RandomGaussianBlur fromConfig(Map<String, Object> config) {
        return new RandomGaussianBlur(LayerConfig.read(config, "random_gaussian_blur", ARGUMENTS),
                config.getOrDefault("factor", 1.0), config.getOrDefault("kernel_size", 3),
                config.getOrDefault("sigma", 1.0), config.getOrDefault("value_range", List.of(0, 255)),
                LayerConfig.seed(config));
    }

    /** {@return a builder with Keras's argument names; unset arguments take Keras's defaults} */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects Keras's arguments as a config and builds the layer with {@link #fromConfig}'s checks. */
    public static final class Builder extends LayerBuilder<Builder, RandomGaussianBlur> {
        private Builder() {
            super(RandomGaussianBlur::fromConfig);
        }

        /** Keras's {@code factor} as one number {@code f}: the probability is drawn from {@code [0, f]}. */
        public Builder factor(double factor) {
            return put("factor", factor);
        }

        /** Keras's {@code factor} as two numbers: the probability is drawn from {@code [lower, upper]}. */
        public Builder factor(double lower, double upper) {
            return put("factor", List.of(lower, upper));
        }

        /** Keras's {@code kernel_size} as one odd number: a square kernel. */
        public Builder kernelSize(int kernelSize) {
            return put("kernel_size", kernelSize);
        }

        /** Keras's {@code kernel_size} as two odd numbers. */
        public Builder kernelSize(int first, int second) {
            return put("kernel_size", List.of(first, second));
        }

        /** Keras's {@code sigma} as one number {@code s}: the deviations are drawn from {@code [0, s]}. */
        public Builder sigma(double sigma) {
            return put("sigma", sigma);
        }

        /** Keras's {@code sigma} as two numbers: the deviations are drawn from {@code [lower, upper]}. */
        public Builder sigma(double lower, double upper) {
            return put("sigma", List.of(lower, upper));
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
        c.put("kernel_size", new ArrayList<>(kernelSizeConfig));
        c.put("sigma", sigma.toList());
        c.put("value_range", new ArrayList<>(valueRange));
        c.put("seed", seed);
        return c;
    }

    /** Draws as Keras's {@code get_random_transformation}: the probability, its threshold, the two deviations. */
    @Override
    public Blur draw(ImageShape image, RandomGenerator rng) {
        float probability = KerasDraws.uniform(rng, factor.low(), factor.high());
        float threshold = KerasDraws.uniform(rng, 0f, 1f);
        float sigma0 = KerasDraws.uniform(rng, sigma.low(), sigma.high()) + 1e-6f;
        float sigma1 = KerasDraws.uniform(rng, sigma.low(), sigma.high()) + 1e-6f;
        return new Blur(threshold < probability, sigma0, sigma1);
    }

    /** Blurs (when drawn so) and clips, as Keras's {@code transform_images}. */
    @Override
    public Tensor apply(Blur params, Tensor image, ImageShape shape, SampleContext context) {
        float[] v = image.data();
        if (params.blurred()) {
            blur(v, shape, kernel(params));
        }
        float low = ((Number) valueRange.get(0)).floatValue();
        float high = ((Number) valueRange.get(1)).floatValue();
        for (int k = 0; k < v.length; k++) {
            v[k] = Math.min(Math.max(v[k], low), high);
        }
        return image;
    }

    /**
     * {@return the 2-D kernel, {@code kernel_size[0]} rows by {@code kernel_size[1]} columns, as Keras builds
     * it in float32: the outer product of the row factor (over {@code kernel_size[1]} taps, {@code sigma1})
     * and the column factor (over {@code kernel_size[0]} taps, {@code sigma0}), laid out row-major and read
     * back as {@code kernel_size[0]} by {@code kernel_size[1]} (the same thing for a square kernel)}
     */
    float[][] kernel(Blur params) {
        float[] columns = gaussian(kernelSize[0], params.sigma0());
        float[] rows = gaussian(kernelSize[1], params.sigma1());
        float[] flat = new float[rows.length * columns.length];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < columns.length; j++) {
                flat[i * columns.length + j] = rows[i] * columns[j];
            }
        }
        float[][] k = new float[kernelSize[0]][kernelSize[1]];
        for (int r = 0; r < kernelSize[0]; r++) {
            System.arraycopy(flat, r * kernelSize[1], k[r], 0, kernelSize[1]);
        }
        return k;
    }

    /**
     * {@return Keras's normalized 1-D Gaussian of {@code size} taps, float32, as its {@code gaussian_blur}
     * builds it (also the blur of {@link RandomElasticTransform}'s displacement field)}
     */
    static float[] gaussian(int size, float sigma) {
        float[] k = new float[size];
        float centre = (size - 1) / 2.0f;
        float sum = 0;
        for (int i = 0; i < size; i++) {
            float x = (i - centre) / sigma;
            k[i] = (float) Math.exp(-0.5f * (x * x));
            sum += k[i];
        }
        for (int i = 0; i < size; i++) {
            k[i] /= sum;
        }
        return k;
    }

    /** Correlates each channel with {@code kernel}, zeros outside the image, "same" size, in double. */
    private static void blur(float[] v, ImageShape shape, float[][] kernel) {
        int height = shape.height();
        int width = shape.width();
        int channels = shape.channels();
        boolean last = shape.format() == DataFormat.CHANNELS_LAST;
        int top = (kernel.length - 1) / 2;
        int left = (kernel[0].length - 1) / 2;
        float[] in = v.clone();
        for (int ch = 0; ch < channels; ch++) {
            for (int r = 0; r < height; r++) {
                for (int c = 0; c < width; c++) {
                    double sum = 0;
                    for (int i = 0; i < kernel.length; i++) {
                        int y = r + i - top;
                        if (y < 0 || y >= height) {
                            continue;
                        }
                        for (int j = 0; j < kernel[i].length; j++) {
                            int x = c + j - left;
                            if (x >= 0 && x < width) {
                                sum += (double) kernel[i][j] * in[index(last, y, x, ch, height, width, channels)];
                            }
                        }
                    }
                    v[index(last, r, c, ch, height, width, channels)] = (float) sum;
                }
            }
        }
    }

    private static int index(boolean channelsLast, int r, int c, int ch, int height, int width, int channels) {
        return channelsLast ? (r * width + c) * channels + ch : (ch * height + r) * width + c;
    }

    @Override
    public String toString() {
        return "RandomGaussianBlur(factor=" + factor.toList() + ", kernel_size=" + kernelSizeConfig + ", sigma="
                + sigma.toList() + ")";
    }
}
