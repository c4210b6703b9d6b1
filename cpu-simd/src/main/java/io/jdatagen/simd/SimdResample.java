package io.jdatagen.simd;

import io.jdatagen.spi.ResampleTable;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * Pillow's two resampling passes on int lanes, with the reference's integer arithmetic (so the
 * same bytes): the vertical pass widens a chunk of bytes of each tap row to ints and accumulates
 * {@code pixel * weight}; the horizontal pass (RGB) works on {@code L} rows at once, their packed
 * pixels interleaved so that a tap is one contiguous load for all of them (each column loops over
 * its own taps only, not the table's padded width).
 */
final class SimdResample {
    private static final VectorSpecies<Integer> IS = IntVector.SPECIES_PREFERRED;
    private static final int L = IS.length();
    private static final VectorSpecies<Byte> BS = VectorSpecies.of(byte.class, VectorShape.forBitSize(L * 8));
    private static final int SHIFT = ResampleTable.PRECISION_BITS;
    private static final int HALF = 1 << (SHIFT - 1);
    /** Four bytes of a byte array as one little-endian int. */
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    /** Per thread: the horizontal pass's tap tables and rows, reused while the table stays the same. */
    private static final ThreadLocal<RowScratch> SCRATCH = ThreadLocal.withInitial(RowScratch::new);

    private SimdResample() {
    }

    /**
     * The vertical pass: every output row from {@code count} source rows, {@code 2L} bytes at a time
     * (two independent sums per tap weight), then {@code L}, then the last bytes one by one.
     */
    static void columns(byte[] src, int width, int channels, ResampleTable table, byte[] out) {
        int rowLength = width * channels;
        int vectorEnd = rowLength - rowLength % L;
        for (int y = 0; y < table.outSize(); y++) {
            int first = table.first(y);
            int count = table.count(y);
            int o = y * rowLength;
            int i = 0;
            for (; i + 2 * L <= vectorEnd; i += 2 * L) {
                IntVector acc0 = IntVector.broadcast(IS, HALF);
                IntVector acc1 = acc0;
                for (int t = 0, at = first * rowLength + i; t < count; t++, at += rowLength) {
                    int w = table.weight(y, t);
                    IntVector px0 = (IntVector) ByteVector.fromArray(BS, src, at)
                            .convertShape(VectorOperators.B2I, IS, 0);
                    IntVector px1 = (IntVector) ByteVector.fromArray(BS, src, at + L)
                            .convertShape(VectorOperators.B2I, IS, 0);
                    acc0 = px0.and(0xFF).mul(w).add(acc0);
                    acc1 = px1.and(0xFF).mul(w).add(acc1);
                }
                ((ByteVector) clip(acc0).convertShape(VectorOperators.I2B, BS, 0)).intoArray(out, o + i);
                ((ByteVector) clip(acc1).convertShape(VectorOperators.I2B, BS, 0)).intoArray(out, o + i + L);
            }
            for (; i < vectorEnd; i += L) {
                IntVector acc = IntVector.broadcast(IS, HALF);
                for (int t = 0; t < count; t++) {
                    IntVector px = (IntVector) ByteVector.fromArray(BS, src, (first + t) * rowLength + i)
                            .convertShape(VectorOperators.B2I, IS, 0);
                    acc = px.and(0xFF).mul(table.weight(y, t)).add(acc);
                }
                ((ByteVector) clip(acc).convertShape(VectorOperators.I2B, BS, 0)).intoArray(out, o + i);
            }
            for (; i < rowLength; i++) {
                int acc = HALF;
                for (int t = 0; t < count; t++) {
                    acc += (src[(first + t) * rowLength + i] & 0xFF) * table.weight(y, t);
                }
                out[o + i] = clip8(acc);
            }
        }
    }

    /**
     * The horizontal pass for RGB, {@code L} rows at a time: the rows' packed pixels are
     * interleaved (column {@code c} of row {@code k} at {@code c * L + k}), so each tap of an output
     * column is one contiguous vector load for all the rows, with a scalar weight: no gathers.
     */
    static void rgbRows(byte[] src, int srcWidth, int firstRow, int rows, ResampleTable table, byte[] out) {
        int width = table.outSize();
        int taps = table.taps();
        RowScratch scratch = SCRATCH.get().fit(table, srcWidth);
        int[] column = scratch.column;
        int[] weight = scratch.weight;
        int[] interleaved = scratch.interleaved;
        int[] rgb = scratch.rgb;
        for (int y0 = 0; y0 < rows; y0 += L) {
            int group = Math.min(L, rows - y0);
            for (int k = 0; k < group; k++) {
                interleave(src, (y0 + k + firstRow) * srcWidth * 3, srcWidth, interleaved, k);
            }
            for (int x = 0; x < width; x++) {
                column(interleaved, column, weight, x, x * taps, table.count(x), rgb);
            }
            for (int k = 0; k < group; k++) {
                int o = (y0 + k) * width * 3;
                int x = 0;
                for (; x < width - 1; x++, o += 3) {
                    INT.set(out, o, rgb[x * L + k]);
                }
                int last = rgb[x * L + k];
                out[o] = (byte) last;
                out[o + 1] = (byte) (last >>> 8);
                out[o + 2] = (byte) (last >>> 16);
            }
        }
    }

    /**
     * One RGB row into lane {@code k} of the interleaved rows, a pixel as the 4 bytes from its first
     * (the fourth, the next pixel's red, is masked off by {@link #column}); the row's last pixel
     * byte by byte, as its fourth byte may lie past the array.
     */
    private static void interleave(byte[] src, int offset, int srcWidth, int[] interleaved, int k) {
        int c = 0;
        for (int at = k; c < srcWidth - 1; c++, at += L) {
            interleaved[at] = (int) INT.get(src, offset + 3 * c);
        }
        int o = offset + 3 * c;
        interleaved[c * L + k] = (src[o] & 0xFF) | (src[o + 1] & 0xFF) << 8 | (src[o + 2] & 0xFF) << 16;
    }

    /**
     * Output column {@code x} of {@code L} rows, packed as {@code r | g << 8 | b << 16} into {@code rgb} from
     * {@code x * L}. Rows are stored as 4-byte ints whose fourth byte the next pixel's store overwrites (a
     * row's last pixel byte by byte).
     */
    private static void column(int[] interleaved, int[] column, int[] weight, int x, int from, int count,
            int[] rgb) {
        IntVector ar = IntVector.broadcast(IS, HALF);
        IntVector ag = ar;
        IntVector ab = ar;
        for (int k = from; k < from + count; k++) {
            IntVector px = IntVector.fromArray(IS, interleaved, column[k]);
            int w = weight[k];
            ar = px.and(0xFF).mul(w).add(ar);
            ag = px.lanewise(VectorOperators.LSHR, 8).and(0xFF).mul(w).add(ag);
            ab = px.lanewise(VectorOperators.LSHR, 16).and(0xFF).mul(w).add(ab);
        }
        clip(ar).or(clip(ag).lanewise(VectorOperators.LSHL, 8)).or(clip(ab).lanewise(VectorOperators.LSHL, 16))
                .intoArray(rgb, x * L);
    }

    /** Pillow's clip8 on lanes: {@code acc >> 22} into 0..255 (negative sums shift below 0). */
    private static IntVector clip(IntVector acc) {
        return acc.lanewise(VectorOperators.ASHR, SHIFT).max(0).min(255);
    }

    private static byte clip8(int acc) {
        return (byte) Math.max(0, Math.min(255, acc >> SHIFT));
    }

    /**
     * One thread's buffers for {@link #rgbRows}: each tap's interleaved column and weight for the last
     * table seen (rebuilt when another table comes), the interleaved source rows and the output columns.
     */
    private static final class RowScratch {
        private ResampleTable table;
        private int[] column = new int[0];
        private int[] weight = new int[0];
        private int[] interleaved = new int[0];
        private int[] rgb = new int[0];

        RowScratch fit(ResampleTable next, int srcWidth) {
            if (interleaved.length < srcWidth * L) {
                interleaved = new int[srcWidth * L];
            }
            int width = next.outSize();
            if (rgb.length < width * L) {
                rgb = new int[width * L];
            }
            if (!next.equals(table)) {
                int taps = next.taps();
                column = new int[width * taps];
                weight = new int[width * taps];
                for (int x = 0; x < width; x++) {
                    for (int t = 0; t < next.count(x); t++) {
                        column[x * taps + t] = (next.first(x) + t) * L;
                        weight[x * taps + t] = next.weight(x, t);
                    }
                }
                table = next;
            }
            return this;
        }
    }
}
