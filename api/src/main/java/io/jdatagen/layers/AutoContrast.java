package io.jdatagen.layers;

import io.jdatagen.augment.ImageShape;
import io.jdatagen.core.DataFormat;
import io.jdatagen.flow.SampleContext;
import io.jdatagen.spi.PixelKernel;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Keras 3's {@code AutoContrast(value_range=(0, 255))}: per image and channel, values (moved to 0..255) are
 * stretched so that the channel's minimum becomes 0 and its maximum 255 ({@code x·s − low·s} with
 * {@code s = 255 / (high − low)} in float32), clipped, and moved back to the value range. Where that gives
 * NaN (a constant channel) the input value is kept, as Keras keeps it. It draws nothing and runs for every
 * sample, as Keras runs it at inference too; its parameter is always {@link Boolean#TRUE}.
 *
 * @see <a href="https://keras.io/api/layers/preprocessing_layers/image_augmentation/auto_contrast/">Keras AutoContrast</a>
 */
public final class AutoContrast extends KerasLayerBase implements InPlacePixelStep<Boolean> {
    private static final Set<String> KEYS = Set.of("data_format", "value_range");

    private final ColorConfigs.Base base;
    private final Object dataFormat;
    private final List<Number> valueRange;
    private final KerasValueRange range;

    /**
     * @param valueRange the images' {@code {min, max}} (sorted), Keras's default {@code {0, 255}}
     * @throws IllegalArgumentException with Keras's message unless it is two numbers
     */
    public AutoContrast(double[] valueRange) {
        this(ColorConfigs.Base.named("auto_contrast"), "channels_last",
                valueRange == null ? List.of(0, 255) : ColorConfigs.argument(valueRange));
    }

    private AutoContrast(ColorConfigs.Base base, Object dataFormat, Object valueRange) {
        this.base = base;
        this.dataFormat = dataFormat;
        this.valueRange = ColorConfigs.sorted(ColorConfigs.pair(valueRange,
                "The `value_range` argument should be a list of two numbers. ", "value_range"));
        this.range = new KerasValueRange(this.valueRange);
    }

    /**
     * {@return the layer Keras's {@code get_config()} describes: {@code value_range}, {@code data_format}}
     *
     * @throws IllegalArgumentException with Keras's message, or for an unknown key
     */
    public static AutoContrast fromConfig(Map<String, Object> config) {
        ColorConfigs.checkKeys("AutoContrast", config, KEYS);
        return new AutoContrast(ColorConfigs.Base.of(config, "auto_contrast"),
                config.getOrDefault("data_format", "channels_last"),
                config.getOrDefault("value_range", List.of(0, 255)));
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> m = base.start();
        m.put("data_format", dataFormat);
        m.put("value_range", ColorConfigs.list(valueRange));
        return m;
    }

    /** AutoContrast applies to every sample, augmented or not. */
    @Override
    public boolean augments() {
        return false;
    }

    @Override
    public Boolean draw(ImageShape image, RandomGenerator rng) {
        return Boolean.TRUE;
    }

    @Override
    public boolean applyInPlace(Boolean always, float[] x, int from, ImageShape shape, SampleContext context) {
        return applyInPlace(always, x, from, shape, context, PlainKernel.INSTANCE);
    }

    /**
     * {@inheritDoc} Always. With the value range 0..255 the channels' extremes and the stretch are
     * {@link PixelKernel#extremes} and {@link PixelKernel#stretch} passes over the image where it lies (the same
     * bits on every backend), unless some channel is constant or holds a NaN or an infinity. Other images go
     * row by row through a copy of the row (see {@link ChannelLoops}): the channels' extremes are taken per
     * column, then per channel (the order of a minimum or maximum does not change it).
     */
    @Override
    public boolean applyInPlace(Boolean always, float[] x, int from, ImageShape shape, SampleContext context,
            PixelKernel kernel) {
        int channels = shape.channels();
        float[] low = new float[channels];
        float[] high = new float[channels];
        if (range.identity()) {
            extremes(x, from, shape, low, high, kernel);
        } else {
            rowExtremes(x, from, shape, low, high);
        }
        float[] scales = new float[channels];
        float[] offsets = new float[channels];
        for (int c = 0; c < channels; c++) {
            scales[c] = 255f / (high[c] - low[c]);
            offsets[c] = -low[c] * scales[c];
        }
        // With finite extremes of a nonzero spread in every channel no stretched value is NaN, and the
        // value-by-value NaN test (a select C2 does not vectorize) is left out.
        boolean finite = true;
        for (int c = 0; c < channels; c++) {
            finite &= Float.isFinite(scales[c]) && scales[c] != 0f && Float.isFinite(offsets[c]);
        }
        if (range.identity() && finite) {
            stretch(x, from, shape, scales, offsets, kernel);
        } else {
            rowStretch(x, from, shape, scales, offsets, finite);
        }
        return true;
    }

    /** The extremes of each channel of the image at {@code from}, on the image's values where they lie. */
    private static void extremes(float[] x, int from, ImageShape shape, float[] low, float[] high, PixelKernel kernel) {
        if (shape.format() == DataFormat.CHANNELS_LAST) {
            kernel.extremes(x, from, shape.size(), low, high);
            return;
        }
        int plane = shape.height() * shape.width();
        float[] least = new float[1];
        float[] greatest = new float[1];
        for (int c = 0; c < shape.channels(); c++) {
            kernel.extremes(x, from + c * plane, plane, least, greatest);
            low[c] = least[0];
            high[c] = greatest[0];
        }
    }

    /** Stretches each channel of the image at {@code from} onto 0..255, where it lies. */
    private static void stretch(float[] x, int from, ImageShape shape, float[] scales, float[] offsets,
            PixelKernel kernel) {
        if (shape.format() == DataFormat.CHANNELS_LAST) {
            kernel.stretch(x, from, shape.size(), scales, offsets, 0f, 255f);
            return;
        }
        int plane = shape.height() * shape.width();
        for (int c = 0; c < shape.channels(); c++) {
            kernel.stretch(x, from + c * plane, plane, new float[] {scales[c]}, new float[] {offsets[c]}, 0f, 255f);
        }
    }

    /** The extremes of each channel of the image at {@code from}, moved to 0..255, row by row. */
    private void rowExtremes(float[] x, int from, ImageShape shape, float[] low, float[] high) {
        int h = shape.height();
        int length = ChannelLoops.rowLength(shape);
        float[] row = new float[length];
        java.util.Arrays.fill(low, Float.POSITIVE_INFINITY);
        java.util.Arrays.fill(high, Float.NEGATIVE_INFINITY);
        float[] columnLow = new float[length];
        float[] columnHigh = new float[length];
        for (int plane = 0; plane < ChannelLoops.planes(shape); plane++) {
            java.util.Arrays.fill(columnLow, Float.POSITIVE_INFINITY);
            java.util.Arrays.fill(columnHigh, Float.NEGATIVE_INFINITY);
            for (int i = 0; i < h; i++) {
                System.arraycopy(x, from + (plane * h + i) * length, row, 0, length);
                range.to255(row, 0, length);
                for (int k = 0; k < length; k++) {
                    columnLow[k] = Math.min(columnLow[k], row[k]);
                    columnHigh[k] = Math.max(columnHigh[k], row[k]);
                }
            }
            for (int k = 0; k < length; k++) {
                int c = ChannelLoops.channel(shape, plane, k);
                low[c] = Math.min(low[c], columnLow[k]);
                high[c] = Math.max(high[c], columnHigh[k]);
            }
        }
    }

    /**
     * Stretches each channel of the image at {@code from} row by row, the values moved to 0..255 and back; unless
     * {@code finite}, a value whose stretch is NaN keeps its input.
     */
    private void rowStretch(float[] x, int from, ImageShape shape, float[] scales, float[] offsets, boolean finite) {
        int h = shape.height();
        int length = ChannelLoops.rowLength(shape);
        float[] row = new float[length];
        float[] stretched = new float[length];
        for (int plane = 0; plane < ChannelLoops.planes(shape); plane++) {
            float[] scale = ChannelLoops.along(scales, shape, plane);
            float[] offset = ChannelLoops.along(offsets, shape, plane);
            for (int i = 0; i < h; i++) {
                int at = from + (plane * h + i) * length;
                System.arraycopy(x, at, row, 0, length);
                System.arraycopy(row, 0, stretched, 0, length);
                range.to255(stretched, 0, length);
                for (int k = 0; k < length; k++) {
                    stretched[k] = Math.min(Math.max(stretched[k] * scale[k] + offset[k], 0f), 255f);
                }
                range.from255(stretched, 0, length);
                if (finite) {
                    System.arraycopy(stretched, 0, x, at, length);
                } else {
                    for (int k = 0; k < length; k++) {
                        float v = stretched[k];
                        row[k] = Float.isNaN(v) ? row[k] : v;
                    }
                    System.arraycopy(row, 0, x, at, length);
                }
            }
        }
    }
}
