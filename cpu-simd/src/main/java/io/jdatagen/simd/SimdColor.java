package io.jdatagen.simd;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link io.jdatagen.spi.PixelKernel}'s color passes {@code solarize}, {@code extremes}, {@code stretch},
 * {@code towardsGrey}, {@code histogram} and {@code equalize} on float lanes, in place: per value the same
 * float32 operations in the same order as the plain loops, so the same bits. Per-channel values are laid out
 * along {@code period · L} values, where a vector at any multiple of {@code L} finds its lanes' values; the
 * tails run the plain formulas.
 *
 * <p>A clip {@code min(max(v, lo), hi)} runs as a compare and a blend per bound where that gives
 * {@code Math.max} and {@code Math.min}'s bits ({@link #clipsByComparing}, the rule {@link SimdContrast} and
 * {@link SimdSharpen} clip by too), which on x86 take extra steps for NaN and signed zeros otherwise.
 */
final class SimdColor {
    private static final VectorSpecies<Float> FS = Boundaries.FS;
    private static final VectorSpecies<Integer> IS = Boundaries.IS;
    private static final int L = FS.length();
    /** Lane {@code i} of the first of three vectors of RGB values: its pixel's index among the vector's pixels. */
    private static final VectorShuffle<Float> PIXEL_0 = VectorShuffle.fromOp(FS, i -> i / 3);
    private static final VectorShuffle<Float> PIXEL_1 = VectorShuffle.fromOp(FS, i -> (L + i) / 3);
    private static final VectorShuffle<Float> PIXEL_2 = VectorShuffle.fromOp(FS, i -> (2 * L + i) / 3);
    /**
     * Channel {@code c} of {@code L} RGB pixels held in three vectors, by channel: lane {@code i} takes value
     * {@code 3i + c} of the first two vectors (the two-vector rearrange reads the second at indices from
     * {@code L}) or value {@code 3i + c − 2L} of the third, and {@link #IN_THIRD} marks the lanes the third
     * holds.
     */
    private static final VectorShuffle<Float>[] FROM_FIRST_TWO = channelShuffles(0);
    private static final VectorShuffle<Float>[] FROM_THIRD = channelShuffles(2 * L);
    @SuppressWarnings("unchecked")
    private static final VectorMask<Float>[] IN_THIRD = new VectorMask[3];

    static {
        for (int c = 0; c < 3; c++) {
            int channel = c;
            IN_THIRD[c] = VectorMask.fromLong(FS, maskBits(i -> 3 * i + channel >= 2 * L));
        }
    }

    @SuppressWarnings("unchecked")
    private static VectorShuffle<Float>[] channelShuffles(int from) {
        VectorShuffle<Float>[] shuffles = new VectorShuffle[3];
        for (int c = 0; c < 3; c++) {
            int channel = c;
            shuffles[c] = VectorShuffle.fromOp(FS, i -> {
                int at = 3 * i + channel - from;
                return at >= 0 && at < 2 * L ? at : 0;
            });
        }
        return shuffles;
    }

    private static long maskBits(java.util.function.IntPredicate lane) {
        long bits = 0;
        for (int i = 0; i < L; i++) {
            bits |= lane.test(i) ? 1L << i : 0;
        }
        return bits;
    }

    private SimdColor() {
    }

    /**
     * Whether {@code v <= lo ? lo : v} and then {@code v > hi ? hi : v} give {@code min(max(v, lo), hi)}'s bits
     * for every {@code v}: when neither bound is NaN or -0. A NaN value passes both compares and stays NaN, as
     * {@code Math.max} keeps it; a -0 value against a 0 lower bound becomes 0, as {@code Math.max} makes it, and a
     * -0 value below a 0 upper bound stays -0, as {@code Math.min} keeps it.
     */
    static boolean clipsByComparing(float lo, float hi) {
        return !Float.isNaN(lo) && !Float.isNaN(hi) && !isNegativeZero(lo) && !isNegativeZero(hi);
    }

    private static boolean isNegativeZero(float v) {
        return Float.floatToRawIntBits(v) == Integer.MIN_VALUE;
    }

    /** Runs with a threshold that is not NaN (the compare would keep NaN values of {@code 255 − v} otherwise). */
    static void solarize(float[] data, int offset, int length, float addition, float threshold) {
        int k = 0;
        for (; k + L <= length; k += L) {
            FloatVector v = FloatVector.fromArray(FS, data, offset + k).add(addition);
            v = v.blend(0f, v.compare(VectorOperators.LE, 0f));
            v = v.blend(255f, v.compare(VectorOperators.GT, 255f));
            // v < threshold keeps v; a NaN fails the compare and 255 − NaN is NaN
            v.neg().add(255f).blend(v, v.lt(threshold)).intoArray(data, offset + k);
        }
        for (; k < length; k++) {
            float v = Math.min(Math.max(data[offset + k] + addition, 0f), 255f);
            data[offset + k] = v < threshold ? v : 255f - v;
        }
    }

    static void extremes(float[] data, int offset, int length, float[] low, float[] high) {
        int period = low.length;
        int cycle = period * L;
        // one or three channels: three vectors at a time, whose lanes keep their channels from one step to the next
        boolean triple = period == 1 || period == 3;
        float[] least = new float[triple ? 3 * L : cycle];
        float[] greatest = new float[least.length];
        Arrays.fill(least, Float.POSITIVE_INFINITY);
        Arrays.fill(greatest, Float.NEGATIVE_INFINITY);
        int k = 0;
        if (triple) {
            // in registers: a store and a reload per vector would wait on each other
            FloatVector low0 = FloatVector.broadcast(FS, Float.POSITIVE_INFINITY);
            FloatVector low1 = low0;
            FloatVector low2 = low0;
            FloatVector high0 = FloatVector.broadcast(FS, Float.NEGATIVE_INFINITY);
            FloatVector high1 = high0;
            FloatVector high2 = high0;
            for (; k + 3 * L <= length; k += 3 * L) {
                FloatVector v0 = FloatVector.fromArray(FS, data, offset + k);
                FloatVector v1 = FloatVector.fromArray(FS, data, offset + k + L);
                FloatVector v2 = FloatVector.fromArray(FS, data, offset + k + 2 * L);
                low0 = low0.min(v0);
                low1 = low1.min(v1);
                low2 = low2.min(v2);
                high0 = high0.max(v0);
                high1 = high1.max(v1);
                high2 = high2.max(v2);
            }
            low0.intoArray(least, 0);
            low1.intoArray(least, L);
            low2.intoArray(least, 2 * L);
            high0.intoArray(greatest, 0);
            high1.intoArray(greatest, L);
            high2.intoArray(greatest, 2 * L);
        }
        int at = 0;
        for (; k + L <= length; k += L) {
            FloatVector v = FloatVector.fromArray(FS, data, offset + k);
            FloatVector.fromArray(FS, least, at).min(v).intoArray(least, at);
            FloatVector.fromArray(FS, greatest, at).max(v).intoArray(greatest, at);
            at += L;
            if (at == cycle) {
                at = 0;
            }
        }
        Arrays.fill(low, 0, period, Float.POSITIVE_INFINITY);
        Arrays.fill(high, 0, period, Float.NEGATIVE_INFINITY);
        for (int j = 0; j < least.length; j++) {
            low[j % period] = Math.min(low[j % period], least[j]);
            high[j % period] = Math.max(high[j % period], greatest[j]);
        }
        for (; k < length; k++) {
            low[k % period] = Math.min(low[k % period], data[offset + k]);
            high[k % period] = Math.max(high[k % period], data[offset + k]);
        }
    }

    static void stretch(float[] data, int offset, int length, float[] scales, float[] offsets, float lo, float hi) {
        int period = scales.length;
        int cycle = period * L;
        float[] s = new float[cycle];
        float[] o = new float[cycle];
        for (int j = 0; j < cycle; j++) {
            s[j] = scales[j % period];
            o[j] = offsets[j % period];
        }
        boolean comparing = clipsByComparing(lo, hi);
        int k = 0;
        if (period == 1 || period == 3) {
            // three vectors at a time, whose lanes keep their channels from one step to the next: their scales and
            // offsets stay in registers
            FloatVector s0 = FloatVector.fromArray(FS, s, 0);
            FloatVector s1 = FloatVector.fromArray(FS, s, L % cycle);
            FloatVector s2 = FloatVector.fromArray(FS, s, 2 * L % cycle);
            FloatVector o0 = FloatVector.fromArray(FS, o, 0);
            FloatVector o1 = FloatVector.fromArray(FS, o, L % cycle);
            FloatVector o2 = FloatVector.fromArray(FS, o, 2 * L % cycle);
            for (; k + 3 * L <= length; k += 3 * L) {
                int at = offset + k;
                FloatVector v0 = FloatVector.fromArray(FS, data, at).mul(s0).add(o0);
                FloatVector v1 = FloatVector.fromArray(FS, data, at + L).mul(s1).add(o1);
                FloatVector v2 = FloatVector.fromArray(FS, data, at + 2 * L).mul(s2).add(o2);
                if (comparing) {
                    v0 = v0.blend(lo, v0.compare(VectorOperators.LE, lo));
                    v1 = v1.blend(lo, v1.compare(VectorOperators.LE, lo));
                    v2 = v2.blend(lo, v2.compare(VectorOperators.LE, lo));
                    v0 = v0.blend(hi, v0.compare(VectorOperators.GT, hi));
                    v1 = v1.blend(hi, v1.compare(VectorOperators.GT, hi));
                    v2 = v2.blend(hi, v2.compare(VectorOperators.GT, hi));
                } else {
                    v0 = v0.max(lo).min(hi);
                    v1 = v1.max(lo).min(hi);
                    v2 = v2.max(lo).min(hi);
                }
                v0.intoArray(data, at);
                v1.intoArray(data, at + L);
                v2.intoArray(data, at + 2 * L);
            }
        }
        for (int at = 0; k + L <= length; k += L) {
            FloatVector v = FloatVector.fromArray(FS, data, offset + k).mul(FloatVector.fromArray(FS, s, at))
                    .add(FloatVector.fromArray(FS, o, at));
            if (comparing) {
                v = v.blend(lo, v.compare(VectorOperators.LE, lo));
                v = v.blend(hi, v.compare(VectorOperators.GT, hi));
            } else {
                v = v.max(lo).min(hi);
            }
            v.intoArray(data, offset + k);
            at += L;
            if (at == cycle) {
                at = 0;
            }
        }
        for (; k < length; k++) {
            data[offset + k] = Math.min(Math.max(data[offset + k] * s[k % period] + o[k % period], lo), hi);
        }
    }

    /**
     * {@code L} pixels at a time: their reds, greens and blues picked out of the three vectors that hold them
     * (rearranges and a blend each: gathers took twice as long), their greys computed, and each grey moved under
     * its pixel's three values.
     */
    static void towardsGrey(float[] data, int offset, int pixels, float[] weights, float factor, float lo, float hi) {
        float r = weights[0];
        float g = weights[1];
        float b = weights[2];
        boolean comparing = clipsByComparing(lo, hi);
        int p = 0;
        for (; p + L <= pixels; p += L) {
            int at = offset + 3 * p;
            FloatVector x0 = FloatVector.fromArray(FS, data, at);
            FloatVector x1 = FloatVector.fromArray(FS, data, at + L);
            FloatVector x2 = FloatVector.fromArray(FS, data, at + 2 * L);
            FloatVector red = x0.rearrange(FROM_FIRST_TWO[0], x1).blend(x2.rearrange(FROM_THIRD[0]),
                    IN_THIRD[0]);
            FloatVector green = x0.rearrange(FROM_FIRST_TWO[1], x1).blend(x2.rearrange(FROM_THIRD[1]),
                    IN_THIRD[1]);
            FloatVector blue = x0.rearrange(FROM_FIRST_TWO[2], x1).blend(x2.rearrange(FROM_THIRD[2]),
                    IN_THIRD[2]);
            FloatVector grey = red.mul(r).add(green.mul(g)).add(blue.mul(b));
            FloatVector v0 = grey.rearrange(PIXEL_0).sub(x0).mul(factor).add(x0);
            FloatVector v1 = grey.rearrange(PIXEL_1).sub(x1).mul(factor).add(x1);
            FloatVector v2 = grey.rearrange(PIXEL_2).sub(x2).mul(factor).add(x2);
            if (comparing) {
                v0 = v0.blend(lo, v0.compare(VectorOperators.LE, lo));
                v1 = v1.blend(lo, v1.compare(VectorOperators.LE, lo));
                v2 = v2.blend(lo, v2.compare(VectorOperators.LE, lo));
                v0 = v0.blend(hi, v0.compare(VectorOperators.GT, hi));
                v1 = v1.blend(hi, v1.compare(VectorOperators.GT, hi));
                v2 = v2.blend(hi, v2.compare(VectorOperators.GT, hi));
            } else {
                v0 = v0.max(lo).min(hi);
                v1 = v1.max(lo).min(hi);
                v2 = v2.max(lo).min(hi);
            }
            v0.intoArray(data, at);
            v1.intoArray(data, at + L);
            v2.intoArray(data, at + 2 * L);
        }
        for (; p < pixels; p++) {
            int at = offset + 3 * p;
            float y = data[at] * r + data[at + 1] * g + data[at + 2] * b;
            for (int c = 0; c < 3; c++) {
                float v = data[at + c] + factor * (y - data[at + c]);
                data[at + c] = Math.min(Math.max(v, lo), hi);
            }
        }
    }
    /**
     * Bins first, a run of values at a time, then the counts: counting each vector's bins right after storing
     * them read them back through store forwarding, which stalled (the loop ran slower than the plain one).
     */
    static void histogram(float[] data, int offset, int length, int channels, float scale, float shift, int bins,
            int[] hist, int first) {
        int run = runOf(channels);
        int[] firsts = firstBins(channels, bins, first);
        int[] bin = new int[run];
        for (int at = 0; at < length; at += run) {
            int n = Math.min(run, length - at);
            bins(data, offset + at, n, scale, shift, bins, firsts, bin, true);
            for (int k = 0; k < n; k++) {
                hist[bin[k]]++;
            }
        }
    }

    /** Bins first, a run of values at a time, then the gathers (as {@link #histogram}). */
    static void equalize(float[] data, int offset, int length, int channels, float scale, float shift, int bins,
            float[] table, int first) {
        int run = runOf(channels);
        int[] firsts = firstBins(channels, bins, first);
        int[] bin = new int[run];
        for (int at = 0; at < length; at += run) {
            int n = Math.min(run, length - at);
            bins(data, offset + at, n, scale, shift, bins, firsts, bin, false);
            int k = 0;
            for (; k + L <= n; k += L) {
                FloatVector.fromArray(FS, table, 0, bin, k).intoArray(data, offset + at + k);
            }
            for (; k < n; k++) {
                data[offset + at + k] = table[bin[k]];
            }
        }
    }

    /**
     * Writes into {@code bin[0, n)} the bins of the {@code n} values from {@code from}, each offset by its
     * channel's first bin ({@code firsts}: one period of them, from the start of a run):
     * {@code (int) (y·(bins − 1) / 255)} when {@code counting} (the histogram's order), else
     * {@code (int) (y / 255·(bins − 1))}, clipped to {@code [0, bins − 1]}, with {@code y = v·scale + shift}.
     */
    private static void bins(float[] data, int from, int n, float scale, float shift, int bins, int[] firsts,
            int[] bin, boolean counting) {
        int top = bins - 1;
        float topF = top;
        int period = firsts.length;
        int k = 0;
        for (int p = 0; k + L <= n; k += L, p = p + L == period ? 0 : p + L) {
            FloatVector y = FloatVector.fromArray(FS, data, from + k).mul(scale).add(shift);
            y = counting ? y.mul(topF).div(255f) : y.div(255f).mul(topF);
            ((IntVector) y.convert(VectorOperators.F2I, 0)).max(0).min(top).add(IntVector.fromArray(IS, firsts, p))
                    .intoArray(bin, k);
        }
        for (; k < n; k++) {
            float y = data[from + k] * scale + shift;
            int b = (int) (counting ? y * topF / 255f : y / 255f * topF);
            bin[k] = firsts[k % period] + Math.min(Math.max(b, 0), top);
        }
    }

    /** {@return the length of a run: whole channel periods, whole vectors, about 2,048 values} */
    private static int runOf(int channels) {
        int cycle = channels * L;
        return Math.max(cycle, 2048 / cycle * cycle);
    }

    /**
     * {@return each value's first bin along one period of whole vectors and whole pixels ({@code channels·L}
     * values): {@code first + (k % channels)·bins}} A run is whole periods, so value {@code k} of a run takes
     * entry {@code k % (channels·L)}.
     */
    private static int[] firstBins(int channels, int bins, int first) {
        int[] firsts = new int[channels * L];
        for (int k = 0; k < firsts.length; k++) {
            firsts[k] = first + k % channels * bins;
        }
        return firsts;
    }
}
