package io.jdatagen.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.jdatagen.augment.ImageShape;
import io.jdatagen.core.DataFormat;
import io.jdatagen.core.Tensor;
import io.jdatagen.flow.SampleContext;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link RandomSharpness#apply} (rows of shifted copies, zeros beyond the image) equals, bit for bit, the
 * plain 3×3 smoothing that tests every tap against the image's bounds and leaves the outside taps out.
 */
class SharpnessRowsTest {
    private static final float EDGE = 1f / 13f;
    private static final float CENTRE = 5f / 13f;

    /** The smoothing tap by tap, the taps beyond the image left out. */
    private static float[] plain(float[] x, ImageShape s, float f, float lo, float hi) {
        int h = s.height();
        int w = s.width();
        int channels = s.channels();
        boolean first = s.format() == DataFormat.CHANNELS_FIRST;
        float keep = 1f - f * 2f;
        float[] y = new float[x.length];
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < h; i++) {
                for (int j = 0; j < w; j++) {
                    float smoothed = 0f;
                    for (int di = -1; di <= 1; di++) {
                        for (int dj = -1; dj <= 1; dj++) {
                            int r = i + di;
                            int q = j + dj;
                            if (r >= 0 && r < h && q >= 0 && q < w) {
                                smoothed += (di == 0 && dj == 0 ? CENTRE : EDGE) * x[index(first, r, q, c, h, w, channels)];
                            }
                        }
                    }
                    int k = index(first, i, j, c, h, w, channels);
                    y[k] = Math.min(Math.max(x[k] + keep * (smoothed - x[k]), lo), hi);
                }
            }
        }
        return y;
    }

    private static int index(boolean first, int r, int q, int c, int h, int w, int channels) {
        return first ? (c * h + r) * w + q : (r * w + q) * channels + c;
    }

    @Test
    void rowsOfShiftedCopiesEqualTheTapByTapSmoothing() {
        int[][] shapes = {{7, 9, 3}, {6, 6, 1}, {1, 1, 3}, {1, 5, 2}, {5, 1, 3}, {2, 2, 4}, {13, 17, 3}};
        SplittableRandom random = new SplittableRandom(11);
        for (int[] hwc : shapes) {
            for (DataFormat format : DataFormat.values()) {
                ImageShape shape = new ImageShape(hwc[0], hwc[1], hwc[2], format);
                for (double[] range : new double[][] {{0, 255}, {-1, 1}}) {
                    float[] x = new float[hwc[0] * hwc[1] * hwc[2]];
                    for (int k = 0; k < x.length; k++) {
                        x[k] = range[1] == 255 ? random.nextInt(256)
                                : (float) (range[0] + (range[1] - range[0]) * random.nextDouble());
                    }
                    if (range[0] < 0) {
                        x[0] = -0f;
                    }
                    for (float f : new float[] {0f, 0.2f, 0.5f, 0.83f, 1f}) {
                        RandomSharpness layer = new RandomSharpness(new double[] {0.0, 1.0}, range, null);
                        float[] expected = plain(x, shape, f, (float) range[0], (float) range[1]);
                        Tensor image = Tensor.of(x.clone(), shape.tensorShape());
                        float[] got = layer.apply(f, image, shape, SampleContext.NONE).data();
                        assertArrayEquals(expected, got, shape + " " + f + " " + range[0]);
                    }
                }
            }
        }
    }

    @Test
    void negativeZerosGiveWhatTheTapByTapSumGives() {
        for (DataFormat format : DataFormat.values()) {
            ImageShape shape = new ImageShape(4, 5, 3, format);
            float[] x = new float[4 * 5 * 3];
            java.util.Arrays.fill(x, -0f);
            x[7] = 0.25f;
            RandomSharpness layer = new RandomSharpness(new double[] {0.0, 1.0}, new double[] {-1, 1}, null);
            for (float f : new float[] {0f, 0.5f, 1f}) {
                float[] expected = plain(x, shape, f, -1f, 1f);
                float[] got = layer.apply(f, Tensor.of(x.clone(), shape.tensorShape()), shape, SampleContext.NONE)
                        .data();
                assertArrayEquals(expected, got, format + " " + f);
            }
        }
    }
}
