package io.jdatagen.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.jdatagen.augment.ImageShape;
import io.jdatagen.core.DataFormat;
import io.jdatagen.core.Tensor;
import io.jdatagen.flow.SampleContext;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The color layers' vectorizable loops ({@link AutoContrast}, {@link RandomColorDegeneration},
 * {@link Solarization}) give, bit for bit, what the element-by-element loops with a channel computed per
 * value (or a select) give, in both formats, including constant channels (AutoContrast's NaN case) and a
 * value range other than 0..255.
 */
class ColorLoopsTest {
    private static final int[][] SHAPES = {{7, 9, 3}, {6, 6, 1}, {1, 1, 3}, {5, 1, 3}, {13, 17, 3}};
    private static final double[][] RANGES = {{0, 255}, {-1, 1}};

    private static float[] values(int n, double[] range, SplittableRandom random) {
        float[] x = new float[n];
        for (int k = 0; k < n; k++) {
            x[k] = range[1] == 255 ? random.nextInt(256)
                    : (float) (range[0] + (range[1] - range[0]) * random.nextDouble());
        }
        return x;
    }

    private static int channel(ImageShape s, int k) {
        return s.format() == DataFormat.CHANNELS_FIRST ? k / (s.height() * s.width()) : k % s.channels();
    }

    /** AutoContrast value by value, as it was written before the row loops. */
    private static float[] autoContrast(float[] input, ImageShape shape, KerasValueRange range) {
        float[] x = input.clone();
        int channels = shape.channels();
        float[] low = new float[channels];
        float[] high = new float[channels];
        java.util.Arrays.fill(low, Float.POSITIVE_INFINITY);
        java.util.Arrays.fill(high, Float.NEGATIVE_INFINITY);
        float[] y = new float[x.length];
        for (int k = 0; k < x.length; k++) {
            int c = channel(shape, k);
            y[k] = range.to255(x[k]);
            low[c] = Math.min(low[c], y[k]);
            high[c] = Math.max(high[c], y[k]);
        }
        for (int k = 0; k < x.length; k++) {
            int c = channel(shape, k);
            float scale = 255f / (high[c] - low[c]);
            float offset = -low[c] * scale;
            float v = range.from255(Math.min(Math.max(y[k] * scale + offset, 0f), 255f));
            if (!Float.isNaN(v)) {
                x[k] = v;
            }
        }
        return x;
    }

    /** RandomColorDegeneration value by value, the pixel computed per value. */
    private static float[] degenerate(float[] input, ImageShape shape, float f, float lo, float hi) {
        float[] x = input.clone();
        float[] grey = Grayscale.of(x, 0, shape);
        for (int k = 0; k < x.length; k++) {
            float v = x[k] + f * (grey[Grayscale.pixel(k, shape)] - x[k]);
            x[k] = Math.min(Math.max(v, lo), hi);
        }
        return x;
    }

    @Test
    void autoContrastRowsEqualTheValueByValueLoop() {
        SplittableRandom random = new SplittableRandom(17);
        for (int[] hwc : SHAPES) {
            for (DataFormat format : DataFormat.values()) {
                ImageShape shape = new ImageShape(hwc[0], hwc[1], hwc[2], format);
                for (double[] range : RANGES) {
                    KerasValueRange r = new KerasValueRange(List.of(range[0], range[1]));
                    AutoContrast layer = new AutoContrast(range);
                    float[] x = values(hwc[0] * hwc[1] * hwc[2], range, random);
                    float[] constant = x.clone();
                    int plane = hwc[0] * hwc[1];
                    for (int p = 0; p < plane; p++) {
                        constant[format == DataFormat.CHANNELS_FIRST ? p : p * hwc[2]] = (float) range[1] / 2;
                    }
                    for (float[] input : new float[][] {x, constant}) {
                        float[] got = layer.apply(true, Tensor.of(input.clone(), shape.tensorShape()), shape,
                                SampleContext.NONE).data();
                        assertArrayEquals(autoContrast(input, shape, r), got, shape + " " + range[0]);
                    }
                }
            }
        }
    }

    @Test
    void colorDegenerationLoopsEqualTheValueByValueLoop() {
        SplittableRandom random = new SplittableRandom(19);
        for (int[] hwc : SHAPES) {
            for (DataFormat format : DataFormat.values()) {
                ImageShape shape = new ImageShape(hwc[0], hwc[1], hwc[2], format);
                for (double[] range : RANGES) {
                    RandomColorDegeneration layer = new RandomColorDegeneration(new double[] {0.0, 1.0}, range, null);
                    float[] x = values(hwc[0] * hwc[1] * hwc[2], range, random);
                    for (float f : new float[] {0f, 0.37f, 1f}) {
                        float[] got = layer.apply(f, Tensor.of(x.clone(), shape.tensorShape()), shape,
                                SampleContext.NONE).data();
                        assertArrayEquals(degenerate(x, shape, f, (float) range[0], (float) range[1]), got,
                                shape + " " + f + " " + range[0]);
                    }
                }
            }
        }
    }

    /** {@link Grayscale#of} as it was written before its loops were split by layout: a branch per pixel. */
    private static float[] previousGrey(float[] x, ImageShape shape) {
        int channels = shape.channels();
        int plane = shape.height() * shape.width();
        float[] grey = new float[plane];
        boolean first = shape.format() == DataFormat.CHANNELS_FIRST;
        for (int p = 0; p < plane; p++) {
            if (channels == 1) {
                grey[p] = x[p];
            } else if (first) {
                grey[p] = x[p] * 0.2989f + x[plane + p] * 0.5870f + x[2 * plane + p] * 0.1140f;
            } else {
                grey[p] = x[3 * p] * 0.2989f + x[3 * p + 1] * 0.5870f + x[3 * p + 2] * 0.1140f;
            }
        }
        return grey;
    }

    /**
     * RandomColorDegeneration's row loop as it was before each channels-last row computed its own greys:
     * the whole image's greys first, spread over the row pixel by pixel.
     */
    private static float[] previousDegenerate(float[] input, ImageShape shape, float f, float lo, float hi) {
        float[] x = input.clone();
        float[] grey = previousGrey(x, shape);
        int h = shape.height();
        int w = shape.width();
        int channels = shape.channels();
        boolean first = shape.format() == DataFormat.CHANNELS_FIRST;
        int length = ChannelLoops.rowLength(shape);
        float[] row = new float[length];
        float[] g = new float[length];
        for (int plane = 0; plane < ChannelLoops.planes(shape); plane++) {
            for (int i = 0; i < h; i++) {
                int at = (plane * h + i) * length;
                System.arraycopy(x, at, row, 0, length);
                if (first) {
                    System.arraycopy(grey, i * w, g, 0, w);
                } else {
                    for (int p = 0; p < w; p++) {
                        java.util.Arrays.fill(g, p * channels, (p + 1) * channels, grey[i * w + p]);
                    }
                }
                for (int k = 0; k < length; k++) {
                    float v = row[k] + f * (g[k] - row[k]);
                    row[k] = Math.min(Math.max(v, lo), hi);
                }
                System.arraycopy(row, 0, x, at, length);
            }
        }
        return x;
    }

    /** Values of {@code range} with NaN, infinities, zeros of both signs and values beyond the range mixed in. */
    private static float[] withSpecials(int n, double[] range, SplittableRandom random) {
        float[] x = values(n, range, random);
        float[] specials = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0f, -0f, 300.5f, -7.25f,
            Float.MIN_VALUE, Float.MAX_VALUE};
        for (int k = 0; k < n; k += 3) {
            x[k] = specials[random.nextInt(specials.length)];
        }
        return x;
    }

    @Test
    void greyEqualsThePreviousLoop() {
        SplittableRandom random = new SplittableRandom(29);
        for (int[] hwc : SHAPES) {
            for (DataFormat format : DataFormat.values()) {
                ImageShape shape = new ImageShape(hwc[0], hwc[1], hwc[2], format);
                for (double[] range : RANGES) {
                    float[] x = withSpecials(hwc[0] * hwc[1] * hwc[2], range, random);
                    assertArrayEquals(previousGrey(x, shape), Grayscale.of(x, 0, shape), shape + " " + range[0]);
                }
            }
        }
    }

    @Test
    void colorDegenerationEqualsThePreviousLoop() {
        SplittableRandom random = new SplittableRandom(31);
        for (int[] hwc : new int[][] {{7, 9, 3}, {6, 6, 1}, {1, 1, 3}, {5, 1, 3}, {13, 17, 3}, {224, 224, 3}}) {
            for (DataFormat format : DataFormat.values()) {
                ImageShape shape = new ImageShape(hwc[0], hwc[1], hwc[2], format);
                for (double[] range : RANGES) {
                    RandomColorDegeneration layer = new RandomColorDegeneration(new double[] {-1.0, 1.0}, range, null);
                    for (float[] x : new float[][] {values(hwc[0] * hwc[1] * hwc[2], range, random),
                        withSpecials(hwc[0] * hwc[1] * hwc[2], range, random)}) {
                        for (float f : new float[] {-0.8f, 0f, 0.37f, 1f}) {
                            float[] got = layer.apply(f, Tensor.of(x.clone(), shape.tensorShape()), shape,
                                    SampleContext.NONE).data();
                            assertArrayEquals(previousDegenerate(x, shape, f, (float) range[0], (float) range[1]),
                                    got, shape + " " + f + " " + range[0]);
                        }
                    }
                }
            }
        }
    }

    @Test
    void solarizationBlendEqualsTheSelect() {
        SplittableRandom random = new SplittableRandom(29);
        ImageShape shape = new ImageShape(9, 11, 3, DataFormat.CHANNELS_LAST);
        for (double[] range : RANGES) {
            KerasValueRange r = new KerasValueRange(List.of(range[0], range[1]));
            Solarization layer = new Solarization(new double[] {0, 1}, new double[] {0, 1}, range, null);
            float[] x = values(9 * 11 * 3, range, random);
            x[0] = (float) range[0];
            x[1] = (float) range[1];
            x[2] = -0f;
            for (float[] t : new float[][] {{0, 0}, {0, 255}, {37.5f, 128}, {255, 3}, {12, 0.5f}}) {
                float[] expected = x.clone();
                for (int k = 0; k < x.length; k++) {
                    float v = Math.min(Math.max(r.to255(expected[k]) + t[0], 0f), 255f);
                    expected[k] = r.from255(v < t[1] ? v : 255f - v);
                }
                // a value landing exactly on the threshold goes to 255 − v
                float[] input = x.clone();
                input[3] = r.from255(t[1] - t[0]);
                float v3 = Math.min(Math.max(r.to255(input[3]) + t[0], 0f), 255f);
                expected[3] = r.from255(v3 < t[1] ? v3 : 255f - v3);
                float[] got = layer.apply(new Solarization.Transformation(t[0], t[1]),
                        Tensor.of(input, shape.tensorShape()), shape, SampleContext.NONE).data();
                assertArrayEquals(expected, got, range[0] + " " + t[0] + " " + t[1]);
            }
        }
    }
}
