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
 * Keras 3's {@code ContrastLimitedAdaptiveHistogramEqualization} (CLAHE) with Keras's float32 arithmetic:
 * the image, mapped from {@code value_range} to [0, 255], is padded at the bottom and right by symmetric
 * reflection to a whole number of tiles ({@code tile_grid_size} rows by columns of tiles); each tile's
 * 256-bin histogram of each channel (values truncated to integers) is clipped at
 * {@code clip_limit * tile_area / 256} with the excess spread evenly over the bins (no clipping for a
 * {@code clip_limit} of 0 or less), and its normalized cumulative sum {@code (cdf - cdf_min) * 255 /
 * (tile_area - cdf_min)} is the tile's mapping; each pixel takes the bilinear blend of the mappings of the
 * four tiles whose centres surround it (the outer tiles repeated past the border), and the result is mapped
 * back to {@code value_range}. Nothing is drawn: every image is equalized, each on its own tiles.
 *
 * @see <a href="https://keras.io/api/layers/preprocessing_layers/image_augmentation/">Keras image
 *     augmentation layers</a>
 */
public final class ContrastLimitedAdaptiveHistogramEqualization extends KerasLayerBase implements PixelStep<Boolean> {
    private static final List<String> ARGUMENTS = List.of("value_range", "clip_limit", "tile_grid_size");
    private static final int LEVELS = 256;

    private final LayerConfig base;
    private final List<Object> valueRange;
    private final Number clipLimit;
    private final int gridHeight;
    private final int gridWidth;

    /** A CLAHE with Keras's defaults: values in [0, 255], clip limit 4, an 8 x 8 grid of tiles. */
    public ContrastLimitedAdaptiveHistogramEqualization() {
        this(LayerConfig.defaults("contrast_limited_adaptive_histogram_equalization", DataFormat.CHANNELS_LAST),
                List.of(0, 255), 4.0, List.of(8, 8));
    }

    private ContrastLimitedAdaptiveHistogramEqualization(LayerConfig base, Object valueRange, Object clipLimit,
            Object tileGridSize) {
        if (!(valueRange instanceof List<?> r && r.size() == 2 && r.get(0) instanceof Number lo
                && r.get(1) instanceof Number hi && lo.doubleValue() != hi.doubleValue())) {
            throw new IllegalArgumentException("value_range must be a list of two different numbers [low, high]; got "
                    + valueRange);
        }
        if (!(clipLimit instanceof Number)) {
            throw new IllegalArgumentException("clip_limit must be a number; got " + clipLimit);
        }
        if (!(tileGridSize instanceof List<?> g && g.size() == 2 && isPositiveInteger(g.get(0))
                && isPositiveInteger(g.get(1)))) {
            throw new IllegalArgumentException("tile_grid_size must be two positive integers (rows, columns of "
                    + "tiles); got " + tileGridSize);
        }
        this.base = base;
        this.valueRange = new ArrayList<>((List<?>) valueRange);
        this.clipLimit = (Number) clipLimit;
        this.gridHeight = LayerConfig.intOf((Number) ((List<?>) tileGridSize).get(0), "tile_grid_size");
        this.gridWidth = LayerConfig.intOf((Number) ((List<?>) tileGridSize).get(1), "tile_grid_size");
    }

    private static boolean isPositiveInteger(Object v) {
        return (v instanceof Integer || v instanceof Long) && ((Number) v).longValue() > 0;
    }

    /**
     * {@return the CLAHE that Keras's {@code get_config()} describes}
     *
     * @param config Keras's keys: {@code name}, {@code trainable}, {@code dtype}, {@code data_format},
     *     {@code value_range}, {@code clip_limit}, {@code tile_grid_size}; absent ones take Keras's defaults
     * @throws IllegalArgumentException for an unknown key or an invalid value
     */
    public static ContrastLimitedAdaptiveHistogramEqualization fromConfig(Map<String, Object> config) {
        return new ContrastLimitedAdaptiveHistogramEqualization(
                LayerConfig.read(config, "contrast_limited_adaptive_histogram_equalization", ARGUMENTS),
                config.getOrDefault("value_range", List.of(0, 255)), config.getOrDefault("clip_limit", 4.0),
                config.getOrDefault("tile_grid_size", List.of(8, 8)));
    }

    /** {@return a builder with Keras's argument names; unset arguments take Keras's defaults} */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects Keras's arguments as a config and builds the layer with {@link #fromConfig}'s checks. */
    public static final class Builder extends LayerBuilder<Builder, ContrastLimitedAdaptiveHistogramEqualization> {
        private Builder() {
            super(ContrastLimitedAdaptiveHistogramEqualization::fromConfig);
        }

        /** Keras's {@code clip_limit}: the histogram clip as a multiple of the mean bin count; 0 or less: none. */
        public Builder clipLimit(double clipLimit) {
            return put("clip_limit", clipLimit);
        }

        /** Keras's {@code tile_grid_size}: the number of tile rows and columns. */
        public Builder tileGridSize(int rows, int columns) {
            return put("tile_grid_size", List.of(rows, columns));
        }
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = base.start();
        c.put("value_range", new ArrayList<>(valueRange));
        c.put("clip_limit", clipLimit);
        c.put("tile_grid_size", List.of(gridHeight, gridWidth));
        return c;
    }

    /** {@return {@code TRUE}: nothing is drawn, every image is equalized} */
    @Override
    public Boolean draw(ImageShape image, RandomGenerator rng) {
        return Boolean.TRUE;
    }

    /** Equalizes each channel of the image as Keras's {@code transform_images}. */
    @Override
    public Tensor apply(Boolean params, Tensor image, ImageShape shape, SampleContext context) {
        float[] v = image.data();
        int height = shape.height();
        int width = shape.width();
        int channels = shape.channels();
        boolean last = shape.format() == DataFormat.CHANNELS_LAST;
        float lo = ((Number) valueRange.get(0)).floatValue();
        float hi = ((Number) valueRange.get(1)).floatValue();
        boolean rescale = lo != 0f || hi != 255f;
        float[] plane = new float[height * width];
        for (int ch = 0; ch < channels; ch++) {
            for (int p = 0; p < plane.length; p++) {
                float x = v[last ? p * channels + ch : ch * plane.length + p];
                plane[p] = rescale ? (x - lo) / (hi - lo) * 255f : x;
            }
            equalize(plane, height, width);
            for (int p = 0; p < plane.length; p++) {
                float x = rescale ? plane[p] / 255f * (hi - lo) + lo : plane[p];
                v[last ? p * channels + ch : ch * plane.length + p] = x;
            }
        }
        return image;
    }

    /** Equalizes one channel plane, values in [0, 255], in place. */
    private void equalize(float[] plane, int height, int width) {
        int tileHeight = (height + gridHeight - 1) / gridHeight;
        int tileWidth = (width + gridWidth - 1) / gridWidth;
        float[][][] mapping = new float[gridHeight][gridWidth][];
        for (int ty = 0; ty < gridHeight; ty++) {
            for (int tx = 0; tx < gridWidth; tx++) {
                float[] hist = new float[LEVELS];
                for (int y = ty * tileHeight; y < (ty + 1) * tileHeight; y++) {
                    for (int x = tx * tileWidth; x < (tx + 1) * tileWidth; x++) {
                        hist[level(plane[symmetric(y, height) * width + symmetric(x, width)])] += 1f;
                    }
                }
                mapping[ty][tx] = mapping(hist, tileHeight * tileWidth);
            }
        }
        float[] out = new float[plane.length];
        for (int y = 0; y < height; y++) {
            float gy = ((float) y - (float) (tileHeight / 2.0)) / tileHeight + 1f;
            float fy0 = (float) Math.floor(gy);
            float wy = gy - fy0;
            int y0 = tile(fy0, gridHeight);
            int y1 = tile(fy0 + 1f, gridHeight);
            for (int x = 0; x < width; x++) {
                float gx = ((float) x - (float) (tileWidth / 2.0)) / tileWidth + 1f;
                float fx0 = (float) Math.floor(gx);
                float wx = gx - fx0;
                int x0 = tile(fx0, gridWidth);
                int x1 = tile(fx0 + 1f, gridWidth);
                int level = level(plane[y * width + x]);
                float top = mapping[y0][x0][level] * (1f - wx) + mapping[y0][x1][level] * wx;
                float bottom = mapping[y1][x0][level] * (1f - wx) + mapping[y1][x1][level] * wx;
                out[y * width + x] = top * (1f - wy) + bottom * wy;
            }
        }
        System.arraycopy(out, 0, plane, 0, plane.length);
    }

    /** {@return the tile whose mapping the padded grid index {@code g} (0 to tiles + 1) holds} */
    private static int tile(float g, int tiles) {
        int padded = (int) Math.min(Math.max(g, 0f), (float) (tiles + 1));
        return Math.min(Math.max(padded - 1, 0), tiles - 1);
    }

    /** {@return the index {@code i} reflected into {@code [0, n)} as numpy's "symmetric" padding reflects it} */
    private static int symmetric(int i, int n) {
        int m = i % (2 * n);
        return m < n ? m : 2 * n - 1 - m;
    }

    /** {@return the histogram bin of a value: truncated to an integer, clipped to [0, 255]} */
    private static int level(float value) {
        return Math.min(Math.max((int) value, 0), LEVELS - 1);
    }

    /** {@return the tile's mapping from its histogram, in Keras's float32 order} */
    private float[] mapping(float[] hist, int area) {
        if (clipLimit.doubleValue() > 0) {
            float limit = (float) (clipLimit.doubleValue() * area / 256.0);
            float excess = 0f;
            for (int i = 0; i < LEVELS; i++) {
                float clipped = Math.min(Math.max(hist[i], 0f), limit);
                excess += hist[i] - clipped;
                hist[i] = clipped;
            }
            float redistributed = excess / 256f;
            for (int i = 0; i < LEVELS; i++) {
                hist[i] += redistributed;
            }
        }
        float[] cdf = new float[LEVELS];
        float running = 0f;
        float min = Float.POSITIVE_INFINITY;
        for (int i = 0; i < LEVELS; i++) {
            running += hist[i];
            cdf[i] = running;
            min = Math.min(min, running);
        }
        float denominator = (float) area - min;
        if (denominator == 0f) {
            denominator = 1f;
        }
        for (int i = 0; i < LEVELS; i++) {
            cdf[i] = Math.min(Math.max((cdf[i] - min) * 255f / denominator, 0f), 255f);
        }
        return cdf;
    }

    @Override
    public String toString() {
        return "ContrastLimitedAdaptiveHistogramEqualization(value_range=" + valueRange + ", clip_limit=" + clipLimit
                + ", tile_grid_size=[" + gridHeight + ", " + gridWidth + "])";
    }
}
