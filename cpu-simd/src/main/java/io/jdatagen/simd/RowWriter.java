package io.jdatagen.simd;

import io.jdatagen.core.DataFormat;
import io.jdatagen.spi.OutputSlot;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Copies a finished row (one buffer per channel, {@code padded} apart) into the output slot: heap
 * slots here, buffer slots (direct memory, any element type) through {@link OutputSlot#writeRow}.
 * Three-channel channels-last rows are interleaved a vector at a time (straight into a heap slot; into
 * a per-thread scratch row that one bulk write then copies into a buffer slot): output vector {@code m}
 * of a chunk takes lane {@code i} from pixel {@code (mL + i) / 3} of channel {@code (mL + i) % 3}, one
 * permutation shared by the three channel vectors and two blends.
 */
final class RowWriter {
    private static final VectorSpecies<Float> FS = Boundaries.FS;
    private static final int L = FS.length();
    /** For output vectors 0, 1, 2 of a chunk: the pixel each lane takes, and the lanes taking green and blue. */
    private static final VectorShuffle<Float> PIXEL0 = pixels(0);
    private static final VectorShuffle<Float> PIXEL1 = pixels(1);
    private static final VectorShuffle<Float> PIXEL2 = pixels(2);
    private static final VectorMask<Float> GREEN0 = lanes(0, 1);
    private static final VectorMask<Float> GREEN1 = lanes(1, 1);
    private static final VectorMask<Float> GREEN2 = lanes(2, 1);
    private static final VectorMask<Float> BLUE0 = lanes(0, 2);
    private static final VectorMask<Float> BLUE1 = lanes(1, 2);
    private static final VectorMask<Float> BLUE2 = lanes(2, 2);

    /** Each thread's interleaved row for buffer slots, grown to the widest row written. */
    private static final ThreadLocal<float[]> SCRATCH = ThreadLocal.withInitial(() -> new float[0]);

    private RowWriter() {
    }

    private static VectorShuffle<Float> pixels(int m) {
        return VectorShuffle.fromOp(FS, i -> (m * L + i) / 3);
    }

    private static VectorMask<Float> lanes(int m, int channel) {
        boolean[] bits = new boolean[L];
        for (int i = 0; i < L; i++) {
            bits[i] = (m * L + i) % 3 == channel;
        }
        return VectorMask.fromArray(FS, bits, 0);
    }

    static void write(OutputSlot out, int i, float[] row, int padded) {
        int width = out.width();
        int channels = out.channels();
        if (!out.hasArray()) {
            if (out.format() == DataFormat.CHANNELS_LAST && channels == 3) {
                // Interleaved a vector at a time into a scratch row, then one bulk write into the buffer.
                float[] scratch = SCRATCH.get();
                if (scratch.length < 3 * width) {
                    scratch = new float[3 * width];
                    SCRATCH.set(scratch);
                }
                interleaveRgb(row, padded, scratch, 0, width);
                out.writeRow(i, scratch, 0, 1, 3);
            } else {
                out.writeRow(i, row, 0, padded, 1);
            }
            return;
        }
        float[] dst = out.array();
        if (out.format() == DataFormat.CHANNELS_FIRST) {
            for (int c = 0; c < channels; c++) {
                System.arraycopy(row, c * padded, dst, out.index(i, 0, c), width);
            }
            return;
        }
        int base = out.index(i, 0, 0);
        if (channels == 3) {
            interleaveRgb(row, padded, dst, base, width);
            return;
        }
        for (int c = 0; c < channels; c++) {
            for (int j = 0, o = base + c, r = c * padded; j < width; j++, o += channels, r++) {
                dst[o] = row[r];
            }
        }
    }

    /**
     * Writes pixels {@code 0..width-1} of the three channel runs of {@code row} ({@code padded} apart)
     * interleaved into {@code dst} from {@code base}.
     */
    private static void interleaveRgb(float[] row, int padded, float[] dst, int base, int width) {
        int j = 0;
        for (; j + L <= width; j += L) {
            FloatVector r = FloatVector.fromArray(FS, row, j);
            FloatVector g = FloatVector.fromArray(FS, row, padded + j);
            FloatVector b = FloatVector.fromArray(FS, row, 2 * padded + j);
            int o = base + 3 * j;
            r.rearrange(PIXEL0).blend(g.rearrange(PIXEL0), GREEN0).blend(b.rearrange(PIXEL0), BLUE0)
                    .intoArray(dst, o);
            r.rearrange(PIXEL1).blend(g.rearrange(PIXEL1), GREEN1).blend(b.rearrange(PIXEL1), BLUE1)
                    .intoArray(dst, o + L);
            r.rearrange(PIXEL2).blend(g.rearrange(PIXEL2), GREEN2).blend(b.rearrange(PIXEL2), BLUE2)
                    .intoArray(dst, o + 2 * L);
        }
        for (int o = base + 3 * j; j < width; j++, o += 3) {
            dst[o] = row[j];
            dst[o + 1] = row[padded + j];
            dst[o + 2] = row[2 * padded + j];
        }
    }
}
