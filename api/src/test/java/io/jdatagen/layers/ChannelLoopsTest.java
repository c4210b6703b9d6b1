package io.jdatagen.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jdatagen.augment.ImageShape;
import io.jdatagen.core.DataFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The vectorizable per-channel loops give what the plain element-by-element loops give. */
class ChannelLoopsTest {
    private static final ImageShape[] SHAPES = {
        new ImageShape(7, 9, 3, DataFormat.CHANNELS_LAST), new ImageShape(7, 9, 3, DataFormat.CHANNELS_FIRST),
        new ImageShape(6, 6, 1, DataFormat.CHANNELS_LAST), new ImageShape(5, 4, 4, DataFormat.CHANNELS_LAST),
        new ImageShape(5, 4, 4, DataFormat.CHANNELS_FIRST)};

    private static int channel(ImageShape s, int k) {
        return s.format() == DataFormat.CHANNELS_FIRST ? k / (s.height() * s.width()) : k % s.channels();
    }

    private static float[] values(ImageShape s, boolean whole, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = new float[s.height() * s.width() * s.channels()];
        for (int k = 0; k < x.length; k++) {
            x[k] = whole ? random.nextInt(256) : (float) random.nextDouble();
        }
        return x;
    }

    /** {@return a batch of three images whose slot {@code slot} holds {@code x}, the others other values} */
    private static float[] inSlot(float[] x, int slot) {
        float[] batch = new float[3 * x.length];
        for (int k = 0; k < batch.length; k++) {
            batch[k] = 1000 + k;
        }
        System.arraycopy(x, 0, batch, slot * x.length, x.length);
        return batch;
    }

    @Test
    void channelSumsAreExactForWholeNumbersAndWithinDoubleRoundingOtherwise() {
        for (ImageShape s : SHAPES) {
            for (boolean whole : new boolean[] {true, false}) {
                float[] x = values(s, whole, 3);
                double[] raster = new double[s.channels()];
                for (int k = 0; k < x.length; k++) {
                    raster[channel(s, k)] += x[k];
                }
                double[] sums = ChannelLoops.sums(x, 0, s);
                for (int c = 0; c < s.channels(); c++) {
                    assertEquals(raster[c], sums[c], whole ? 0 : Math.ulp(raster[c]) * x.length, s + " " + c);
                }
                assertArrayEquals(sums, ChannelLoops.sums(inSlot(x, 2), 2 * x.length, s), 0, s + " in slot 2");
            }
        }
    }

    /**
     * The sums are those of the column-first order bit for bit, whatever the height (rows are added four at a
     * time, then one by one): values of very different magnitudes, whose double sum depends on the order.
     */
    @Test
    void channelSumsAddEachColumnDownTheRowsInOrder() {
        SplittableRandom random = new SplittableRandom(11);
        for (int height = 1; height <= 9; height++) {
            for (DataFormat format : DataFormat.values()) {
                ImageShape s = new ImageShape(height, 5, 3, format);
                float[] x = new float[height * 5 * 3];
                for (int k = 0; k < x.length; k++) {
                    x[k] = (float) (random.nextDouble() * Math.pow(10, random.nextInt(-8, 9)));
                }
                int planes = format == DataFormat.CHANNELS_FIRST ? 3 : 1;
                int row = format == DataFormat.CHANNELS_FIRST ? 5 : 15;
                double[] expected = new double[3];
                for (int plane = 0; plane < planes; plane++) {
                    double[] columns = new double[row];
                    for (int r = 0; r < height; r++) {
                        for (int k = 0; k < row; k++) {
                            columns[k] += x[(plane * height + r) * row + k];
                        }
                    }
                    for (int k = 0; k < row; k++) {
                        expected[planes == 3 ? plane : k % 3] += columns[k];
                    }
                }
                assertArrayEquals(expected, ChannelLoops.sums(x, 0, s), 0, s.toString());
            }
        }
    }

    @Test
    void perPixelRepeatsTheChannelValuesOncePerPixel() {
        for (int channels : new int[] {1, 3, 4}) {
            float[] perChannel = new float[channels];
            for (int c = 0; c < channels; c++) {
                perChannel[c] = 0.5f + c;
            }
            for (int pixels : new int[] {0, 1, 2, 3, 7, 8, 224}) {
                float[] expected = new float[pixels * channels];
                for (int k = 0; k < expected.length; k++) {
                    expected[k] = perChannel[k % channels];
                }
                assertArrayEquals(expected, ChannelLoops.perPixel(perChannel, pixels), channels + " " + pixels);
            }
        }
    }
}
