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
 * {@link Equalization#apply} (all channels per pass over the pixels, a float32 value per bin) equals, bit for
 * bit, Keras's {@code _equalize_channel} written channel by channel with the double arithmetic per value.
 */
class EqualizationLoopsTest {
    /** One channel equalized in place, value by value. */
    private static void equalize(float[] channel, double lo, double hi, int bins) {
        float toScale = (float) (255.0 / (hi - lo));
        float toOffset = (float) (0 - lo * (255.0 / (hi - lo)));
        double backScale = (hi - lo) / 255.0;
        float[] x = new float[channel.length];
        int[] hist = new int[bins];
        for (int p = 0; p < channel.length; p++) {
            x[p] = channel[p] * toScale + toOffset;
            float scaled = x[p] * (float) (bins - 1) / 255f;
            hist[Math.min(Math.max((int) scaled, 0), bins - 1)]++;
        }
        int nonzero = 0;
        for (int h : hist) {
            nonzero += h != 0 ? 1 : 0;
        }
        double[] table = nonzero <= 1 ? null : Equalization.lookupTable(hist);
        for (int p = 0; p < channel.length; p++) {
            double equalized;
            if (table == null) {
                equalized = x[p];
            } else {
                float scaled = x[p] / 255.0f * (float) (bins - 1);
                equalized = table[(int) Math.min(Math.max(scaled, 0f), (float) (bins - 1))];
            }
            channel[p] = (float) (equalized * backScale + lo);
        }
    }

    private static float[] channelByChannel(float[] input, ImageShape shape, double lo, double hi, int bins) {
        float[] v = input.clone();
        int plane = shape.height() * shape.width();
        int channels = shape.channels();
        boolean last = shape.format() == DataFormat.CHANNELS_LAST;
        float[] values = new float[plane];
        for (int ch = 0; ch < channels; ch++) {
            for (int p = 0; p < plane; p++) {
                values[p] = v[last ? p * channels + ch : ch * plane + p];
            }
            equalize(values, lo, hi, bins);
            for (int p = 0; p < plane; p++) {
                v[last ? p * channels + ch : ch * plane + p] = values[p];
            }
        }
        return v;
    }

    @Test
    void onePassPerImageEqualsTheChannelByChannelLoops() {
        SplittableRandom random = new SplittableRandom(23);
        int[][] shapes = {{7, 9, 3}, {6, 6, 1}, {1, 1, 3}, {13, 17, 3}};
        double[][] ranges = {{0, 255}, {-1, 1}};
        for (int[] hwc : shapes) {
            for (DataFormat format : DataFormat.values()) {
                ImageShape shape = new ImageShape(hwc[0], hwc[1], hwc[2], format);
                for (double[] range : ranges) {
                    for (int bins : new int[] {256, 17, 1}) {
                        float[] x = new float[hwc[0] * hwc[1] * hwc[2]];
                        for (int k = 0; k < x.length; k++) {
                            x[k] = range[1] == 255 ? random.nextInt(256)
                                    : (float) (range[0] + (range[1] - range[0]) * random.nextDouble());
                        }
                        // channel 0 constant (its values kept), the others equalized
                        float[] constant = x.clone();
                        int plane = hwc[0] * hwc[1];
                        for (int p = 0; p < plane; p++) {
                            constant[format == DataFormat.CHANNELS_LAST ? p * hwc[2] : p] = (float) range[0];
                        }
                        // values outside the range and the special ones: the lookup position's clip and cast
                        float[] odd = x.clone();
                        float[] special = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, -0f,
                            (float) range[0] - 3.5f, (float) range[1] + 0.75f, (float) range[1] * 1e12f};
                        for (int k = 0; k < special.length && 2 * k < odd.length; k++) {
                            odd[2 * k] = special[k];
                        }
                        for (float[] input : new float[][] {x, constant, odd}) {
                            Equalization layer = new Equalization(List.of(range[0], range[1]), bins);
                            float[] got = layer.apply(true, Tensor.of(input.clone(), shape.tensorShape()), shape,
                                    SampleContext.NONE).data();
                            assertArrayEquals(channelByChannel(input, shape, range[0], range[1], bins), got,
                                    shape + " " + range[0] + " " + bins);
                        }
                    }
                }
            }
        }
    }
}
