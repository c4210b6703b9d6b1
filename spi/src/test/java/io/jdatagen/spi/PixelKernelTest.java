package io.jdatagen.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The plain passes: the element-wise formulas bit for bit, on their range of the array only. */
class PixelKernelTest {
    private static final PixelKernel PLAIN = new PixelKernel() {
    };

    @Test
    void contrastIsTheElementwiseFormulaOnItsRangeOnly() {
        SplittableRandom r = new SplittableRandom(3);
        for (int period : new int[] {1, 3, 4}) {
            for (int length : new int[] {0, 1, 7, 2047, 2048, 2049, 6000}) {
                float[] centers = new float[period];
                for (int c = 0; c < period; c++) {
                    centers[c] = (float) r.nextDouble(-2, 260);
                }
                float[] data = values(r, length + 20);
                float factor = (float) r.nextDouble(0, 2);
                float[] expected = contrast(data, 9, length, centers, factor, 0f, 255f);
                PLAIN.contrast(data, 9, length, centers, factor, 0f, 255f);
                assertArrayEquals(expected, data, period + " centres, " + length + " values");
            }
        }
    }

    @Test
    void aRangeOutsideTheArrayOrNoCentreIsRefused() {
        float[] data = new float[10];
        assertThrows(IllegalArgumentException.class, () -> PLAIN.contrast(data, 0, 10, new float[0], 1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> PLAIN.contrast(data, 5, 6, new float[] {1}, 1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> PLAIN.contrast(data, -1, 2, new float[] {1}, 1, 0, 1));
    }

    @Test
    void theColorPassesAreTheirFormulasValueByValueOnTheirRangeOnly() {
        SplittableRandom r = new SplittableRandom(6);
        for (int period : new int[] {1, 3, 4}) {
            for (int length : new int[] {0, 1, 7, 2047, 2048, 2049, 6000}) {
                String what = period + " channels, " + length + " values";
                float[] data = values(r, length + 20);
                float addition = (float) r.nextDouble(-30, 30);
                float threshold = (float) r.nextDouble(0, 255);
                float[] expected = data.clone();
                for (int k = 9; k < 9 + length; k++) {
                    float v = Math.min(Math.max(expected[k] + addition, 0f), 255f);
                    expected[k] = v < threshold ? v : 255f - v;
                }
                float[] got = data.clone();
                PLAIN.solarize(got, 9, length, addition, threshold);
                assertArrayEquals(expected, got, what + ": solarize");

                float[] low = new float[period];
                float[] high = new float[period];
                float[] expectedLow = new float[period];
                float[] expectedHigh = new float[period];
                java.util.Arrays.fill(expectedLow, Float.POSITIVE_INFINITY);
                java.util.Arrays.fill(expectedHigh, Float.NEGATIVE_INFINITY);
                for (int k = 0; k < length; k++) {
                    expectedLow[k % period] = Math.min(expectedLow[k % period], data[9 + k]);
                    expectedHigh[k % period] = Math.max(expectedHigh[k % period], data[9 + k]);
                }
                PLAIN.extremes(data, 9, length, low, high);
                assertArrayEquals(expectedLow, low, what + ": lows");
                assertArrayEquals(expectedHigh, high, what + ": highs");

                float[] scales = values(r, period);
                float[] offsets = values(r, period);
                expected = data.clone();
                for (int k = 0; k < length; k++) {
                    expected[9 + k] = Math.min(Math.max(expected[9 + k] * scales[k % period] + offsets[k % period],
                            0f), 255f);
                }
                got = data.clone();
                PLAIN.stretch(got, 9, length, scales, offsets, 0f, 255f);
                assertArrayEquals(expected, got, what + ": stretch");

                int bins = 1 + r.nextInt(256);
                float scale = (float) r.nextDouble(0.5, 2);
                float shift = (float) r.nextDouble(-9, 9);
                int[] hist = new int[period * bins + 4];
                int[] expectedHist = hist.clone();
                float[] table = values(r, period * bins + 4);
                expected = data.clone();
                for (int k = 0; k < length; k++) {
                    float y = data[9 + k] * scale + shift;
                    int first = 2 + k % period * bins;
                    expectedHist[first + Math.min(Math.max((int) (y * (bins - 1) / 255f), 0), bins - 1)]++;
                    expected[9 + k] = table[first + Math.min(Math.max((int) (y / 255f * (bins - 1)), 0), bins - 1)];
                }
                PLAIN.histogram(data, 9, length, period, scale, shift, bins, hist, 2);
                assertArrayEquals(expectedHist, hist, what + ": histogram");
                got = data.clone();
                PLAIN.equalize(got, 9, length, period, scale, shift, bins, table, 2);
                assertArrayEquals(expected, got, what + ": equalize");
            }
        }
    }

    @Test
    void solarizeTellsValuesAFloatApartFromTheThreshold() {
        float[] data = {0f, Float.MIN_VALUE, 200f, Math.nextUp(200f), -0f, Float.NaN};
        PLAIN.solarize(data, 0, 4, 0f, Float.MIN_VALUE);
        assertArrayEquals(new float[] {0f, 255f, 55f, 255f - Math.nextUp(200f), -0f, Float.NaN}, data);
        float[] near = {200f, Math.nextDown(200f), Math.nextUp(200f), 0f, -0f, Float.NaN};
        PLAIN.solarize(near, 0, 6, 0f, 200f);
        assertArrayEquals(new float[] {55f, Math.nextDown(200f), 255f - Math.nextUp(200f), 0f, 0f, Float.NaN}, near);
    }

    @Test
    void towardsGreyBlendsEachValueWithItsPixelsGrey() {
        SplittableRandom r = new SplittableRandom(7);
        float[] weights = {0.2989f, 0.5870f, 0.1140f};
        for (int pixels : new int[] {0, 1, 682, 683, 2000}) {
            float[] data = values(r, 3 * pixels + 20);
            float factor = (float) r.nextDouble(-1, 1);
            float[] expected = data.clone();
            for (int p = 0; p < pixels; p++) {
                int at = 9 + 3 * p;
                float grey = data[at] * weights[0] + data[at + 1] * weights[1] + data[at + 2] * weights[2];
                for (int c = 0; c < 3; c++) {
                    expected[at + c] = Math.min(Math.max(data[at + c] + factor * (grey - data[at + c]), 0f), 255f);
                }
            }
            PLAIN.towardsGrey(data, 9, pixels, weights, factor, 0f, 255f);
            assertArrayEquals(expected, data, pixels + " pixels");
        }
        assertThrows(IllegalArgumentException.class, () -> PLAIN.towardsGrey(new float[9], 1, 3, weights, 1, 0, 1));
    }

    @Test
    void sharpenSumsTheNineTermsInRowOrderWithZerosBeyondThePlane() {
        SplittableRandom r = new SplittableRandom(8);
        for (int pixel : new int[] {1, 3}) {
            for (int[] size : new int[][] {{1, 1}, {2, 3}, {5, 7}}) {
                int height = size[0];
                int length = size[1] * pixel;
                float[] data = values(r, 9 + height * length + 4);
                float keep = (float) r.nextDouble(-1, 1);
                float[] expected = data.clone();
                for (int i = 0; i < height; i++) {
                    for (int k = 0; k < length; k++) {
                        float s = 0;
                        boolean first = true;
                        for (int di = -1; di <= 1; di++) {
                            for (int dk = -pixel; dk <= pixel; dk += pixel) {
                                int ii = i + di;
                                int kk = k + dk;
                                float v = ii < 0 || ii >= height || kk < 0 || kk >= length ? 0f
                                        : data[9 + ii * length + kk];
                                float term = (di == 0 && dk == 0 ? 5f / 13f : 1f / 13f) * v;
                                s = first ? term : s + term;
                                first = false;
                            }
                        }
                        float x = data[9 + i * length + k];
                        expected[9 + i * length + k] = Math.min(Math.max(x + keep * (s - x), 0f), 255f);
                    }
                }
                PLAIN.sharpen(data, 9, height, length, pixel, 1f / 13f, 5f / 13f, keep, 0f, 255f);
                assertArrayEquals(expected, data, height + "x" + size[1] + " pixels " + pixel + " values apart");
            }
        }
    }

    @Test
    void warmStartsRunEveryPassOnTheBackendTheWarpsRunOn() {
        for (java.lang.reflect.Method m : PixelKernel.class.getMethods()) {
            if (m.isDefault()) {
                assertDoesNotThrow(() -> WarmStartBackend.class.getDeclaredMethod(m.getName(), m.getParameterTypes()),
                        "WarmStartBackend passes " + m.getName() + " on");
            }
        }
    }

    /**
     * {@return {@code n} values: mostly in and around 0..255, with NaN, infinities, signed zeros and the range's
     * ends among them}
     */
    static float[] values(SplittableRandom r, int n) {
        float[] special = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0f, -0f, 255f, 1e-30f, -7f};
        float[] v = new float[n];
        for (int k = 0; k < n; k++) {
            v[k] = r.nextInt(20) == 0 ? special[r.nextInt(special.length)] : (float) r.nextDouble(-20, 280);
        }
        return v;
    }

    /** {@return a copy of {@code data} with the formula applied value by value on the range} */
    static float[] contrast(float[] data, int offset, int length, float[] centers, float factor, float lo,
            float hi) {
        float[] out = data.clone();
        for (int k = 0; k < length; k++) {
            float c = centers[k % centers.length];
            out[offset + k] = Math.min(Math.max((out[offset + k] - c) * factor + c, lo), hi);
        }
        return out;
    }
}
