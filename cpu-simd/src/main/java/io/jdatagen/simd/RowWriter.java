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
 * Three-channel channels-last heap rows are interleaved a vector at a time: output vector {@code m}
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
        if (!out.hasArray()) {
            out.writeRow(i, row, 0, padded, 1);
            return;
        }
        float[] dst = out.array();
        int width = out.width();
        int channels = out.channels();
        if (out.format() == DataFormat.CHANNELS_FIRST) {
            for (int c = 0; c < channels; c++) {
                System.arraycopy(row, c * padded, dst, out.index(i, 0, c), width);
            }
            return;
        }
        int base = out.index(i, 0, 0);
        if (channels == 3) {
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
            return;
        }
        for (int c = 0; c < channels; c++) {
            for (int j = 0, o = base + c, r = c * padded; j < width; j++, o += channels, r++) {
                dst[o] = row[r];
            }
        }
    }
}
