package io.jdatagen.layers;

import io.jdatagen.augment.ImageShape;
import io.jdatagen.core.DataFormat;
import io.jdatagen.flow.SampleContext;
import io.jdatagen.spi.PixelKernel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Keras 3's {@code Equalization}: histogram equalization of each channel with Keras's arithmetic. The
 * channel is mapped from {@code value_range} to [0, 255] (float32), counted into {@code bins} bins
 * ({@code int(v * (bins - 1) / 255)}), and each value replaced by the lookup table
 * {@code round((cdf - cdf_min) * 255 / (cdf[-1] - cdf_min))} (half to even) at {@code int(v / 255 * (bins - 1))},
 * then mapped back to {@code value_range}; a channel whose values all fall in one bin is left as it is.
 * Each image is equalized on its own histogram, as Keras equalizes one image (a rank-3 input); Keras given a
 * batch counts each channel over the whole batch. Nothing is drawn: every image is equalized.
 *
 * @see <a href="https://keras.io/api/layers/preprocessing_layers/image_augmentation/equalization/">Keras
 *     Equalization</a>
 */
public final class Equalization extends KerasLayerBase implements InPlacePixelStep<Boolean> {
    private static final List<String> ARGUMENTS = List.of("bins", "value_range");
    private static final String VALUE_RANGE_ERROR = "The `value_range` argument should be a list of two numbers. ";

    private final LayerConfig base;
    private final int bins;
    private final Number low;
    private final Number high;

    /** An Equalization with Keras's defaults: 256 bins, values in [0, 255]. */
    public Equalization() {
        this(LayerConfig.defaults("equalization", DataFormat.CHANNELS_LAST), 256, List.of(0, 255));
    }

    /**
     * An Equalization of images in channels-last layout.
     *
     * @param valueRange the range of the input values, two numbers in either order
     * @param bins the number of histogram bins, at least 1
     * @throws IllegalArgumentException with Keras's message when {@code valueRange} is not two numbers
     */
    public Equalization(List<? extends Number> valueRange, int bins) {
        this(LayerConfig.defaults("equalization", DataFormat.CHANNELS_LAST), bins, valueRange);
    }

    private Equalization(LayerConfig base, int bins, Object valueRange) {
        if (!(valueRange instanceof List<?> l) || l.size() != 2 || !(l.get(0) instanceof Number a)
                || !(l.get(1) instanceof Number b)) {
            throw new IllegalArgumentException(VALUE_RANGE_ERROR + "Received: value_range=" + valueRange);
        }
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be at least 1; got " + bins);
        }
        this.base = base;
        this.bins = bins;
        boolean ordered = a.doubleValue() <= b.doubleValue();
        this.low = ordered ? a : b;
        this.high = ordered ? b : a;
    }

    /**
     * {@return the Equalization that Keras's {@code get_config()} describes}
     *
     * @param config Keras's keys: {@code name}, {@code trainable}, {@code dtype}, {@code data_format},
     *     {@code bins}, {@code value_range}; absent ones take Keras's defaults
     * @throws IllegalArgumentException for an unknown key or an invalid value
     */
    public static Equalization fromConfig(Map<String, Object> config) {
        Number bins = LayerConfig.number(config, "bins", 256);
        if (!(bins instanceof Integer || bins instanceof Long)) {
            throw new IllegalArgumentException("bins must be an integer; got " + bins);
        }
        return new Equalization(LayerConfig.read(config, "equalization", ARGUMENTS), LayerConfig.intOf(bins, "bins"),
                config.getOrDefault("value_range", List.of(0, 255)));
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = base.start();
        c.put("bins", bins);
        List<Object> range = new ArrayList<>(2);
        range.add(low);
        range.add(high);
        c.put("value_range", range);
        return c;
    }

    /** {@return {@code TRUE}: nothing is drawn, every image is equalized} */
    @Override
    public Boolean draw(ImageShape image, RandomGenerator rng) {
        return Boolean.TRUE;
    }

    /**
     * Equalizes each channel of the image as Keras's {@code _equalize_channel}: a {@link PixelKernel#histogram}
     * pass counts each value into its channel's bins, and a {@link PixelKernel#equalize} pass replaces each value
     * by its bin's entry of the channels' tables (the same bits on every backend). Each channel's table holds the
     * final float32 value per bin (the table's value moved back to the value range), so a value costs a lookup.
     * A channel with at most one bin in use keeps its values (moved to [0, 255] and back), row by row. Keras
     * clips the lookup position to [0, bins - 1] in float and then truncates it; truncating first and clipping
     * the integer gives the same index for every float, NaN included (0 both ways), and vectorizes.
     */
    @Override
    public boolean applyInPlace(Boolean params, float[] v, int offset, ImageShape shape, SampleContext context) {
        equalize(v, offset, shape, PlainKernel.INSTANCE);
        return true;
    }

    /** {@inheritDoc} Always, the counting and the mapping on the backend's passes. */
    @Override
    public boolean applyInPlace(Boolean params, float[] v, int offset, ImageShape shape, SampleContext context,
            PixelKernel kernel) {
        equalize(v, offset, shape, kernel);
        return true;
    }

    private void equalize(float[] v, int offset, ImageShape shape, PixelKernel kernel) {
        int channels = shape.channels();
        boolean last = shape.format() == DataFormat.CHANNELS_LAST;
        int plane = shape.height() * shape.width();
        Scales s = new Scales();
        int[] hist = new int[channels * bins];
        if (last) {
            kernel.histogram(v, offset, shape.size(), channels, s.toScale, s.toOffset, bins, hist, 0);
        } else {
            for (int c = 0; c < channels; c++) {
                kernel.histogram(v, offset + c * plane, plane, 1, s.toScale, s.toOffset, bins, hist, c * bins);
            }
        }
        float[] values = new float[channels * bins];
        boolean[] kept = new boolean[channels];
        boolean anyKept = false;
        for (int c = 0; c < channels; c++) {
            float[] lut = lookupValues(java.util.Arrays.copyOfRange(hist, c * bins, (c + 1) * bins), s);
            kept[c] = lut == null;
            anyKept |= kept[c];
            if (lut != null) {
                System.arraycopy(lut, 0, values, c * bins, bins);
            }
        }
        if (!anyKept && last) {
            kernel.equalize(v, offset, shape.size(), channels, s.toScale, s.toOffset, bins, values, 0);
            return;
        }
        for (int c = 0; c < channels; c++) {
            if (!last && !kept[c]) {
                kernel.equalize(v, offset + c * plane, plane, 1, s.toScale, s.toOffset, bins, values, c * bins);
            }
        }
        if (anyKept) {
            keep(v, offset, shape, s, kept, values);
        }
    }

    /**
     * Maps the image's values as {@link PixelKernel#equalize} does, except those of the {@code kept} channels,
     * which are moved to 0..255 and back; a channels-first image's other channels are mapped already.
     */
    private void keep(float[] v, int offset, ImageShape shape, Scales s, boolean[] kept, float[] values) {
        int h = shape.height();
        int length = ChannelLoops.rowLength(shape);
        int top = bins - 1;
        float topF = (float) top;
        float[] row = new float[length];
        for (int plane = 0; plane < ChannelLoops.planes(shape); plane++) {
            int[] first = firstBins(shape, plane);
            boolean[] keptHere = new boolean[length];
            boolean any = false;
            for (int k = 0; k < length; k++) {
                keptHere[k] = kept[ChannelLoops.channel(shape, plane, k)];
                any |= keptHere[k];
            }
            if (!any) {
                continue;
            }
            for (int i = 0; i < h; i++) {
                int at = offset + (plane * h + i) * length;
                for (int k = 0; k < length; k++) {
                    float x = v[at + k] * s.toScale + s.toOffset;
                    row[k] = keptHere[k] ? (float) (x * s.backScale + s.backOffset)
                            : values[first[k] + Math.min(Math.max((int) (x / 255.0f * topF), 0), top)];
                }
                System.arraycopy(row, 0, v, at, length);
            }
        }
    }

    /** {@return the first bin of each value's channel along a row of {@code plane}, in the bins of all channels} */
    private int[] firstBins(ImageShape shape, int plane) {
        int length = ChannelLoops.rowLength(shape);
        int[] first = new int[length];
        for (int k = 0; k < length; k++) {
            first[k] = ChannelLoops.channel(shape, plane, k) * bins;
        }
        return first;
    }

    /**
     * The maps to [0, 255] and back: Python's float arithmetic for the factors, float32 for the values
     * forward and double back, as Keras computes them.
     */
    private final class Scales {
        final float toScale;
        final float toOffset;
        final double backScale;
        final double backOffset;

        Scales() {
            double lo = low.doubleValue();
            double hi = high.doubleValue();
            toScale = (float) (255.0 / (hi - lo));
            toOffset = (float) (0 - lo * (255.0 / (hi - lo)));
            backScale = (hi - lo) / 255.0;
            backOffset = lo;
        }
    }

    /**
     * {@return each bin's equalized value moved back to the value range, in float32, for a channel with
     * histogram {@code hist}; null when at most one bin is in use (the values are kept)}
     */
    private static float[] lookupValues(int[] hist, Scales s) {
        int nonzero = 0;
        for (int h : hist) {
            nonzero += h != 0 ? 1 : 0;
        }
        if (nonzero <= 1) {
            return null;
        }
        double[] table = lookupTable(hist);
        float[] values = new float[table.length];
        for (int i = 0; i < table.length; i++) {
            values[i] = (float) (table[i] * s.backScale + s.backOffset);
        }
        return values;
    }

    /** {@return Keras's lookup table: {@code round((cdf - cdf_min) * 255 / (cdf[-1] - cdf_min))}, clipped} */
    static double[] lookupTable(int[] hist) {
        long[] cdf = new long[hist.length];
        long running = 0;
        for (int i = 0; i < hist.length; i++) {
            running += hist[i];
            cdf[i] = running;
        }
        long cdfMin = 0;
        for (long c : cdf) {
            if (c != 0) {
                cdfMin = c;
                break;
            }
        }
        long denominator = cdf[cdf.length - 1] - cdfMin;
        if (denominator == 0) {
            denominator = 1;
        }
        double[] table = new double[hist.length];
        for (int i = 0; i < hist.length; i++) {
            double t = Math.rint((double) ((cdf[i] - cdfMin) * 255) / denominator);
            table[i] = Math.min(Math.max(t, 0), 255);
        }
        return table;
    }

    @Override
    public String toString() {
        return "Equalization(value_range=[" + low + ", " + high + "], bins=" + bins + ")";
    }
}
