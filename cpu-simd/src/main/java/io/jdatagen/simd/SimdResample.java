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
 * {@code pixel * weight}; the horizontal pass (RGB) gathers each tap's pixels for a chunk of output
 * columns from the row packed as ints, with per-column weights transposed per tap (zero past a
 * column's taps, whose gather index is clamped into the row).
 */
final class SimdResample {
    private static final VectorSpecies<Integer> IS = IntVector.SPECIES_PREFERRED;
    private static final int L = IS.length();
    private static final VectorSpecies<Byte> BS = VectorSpecies.of(byte.class, VectorShape.forBitSize(L * 8));
    private static final int SHIFT = ResampleTable.PRECISION_BITS;
    private static final int HALF = 1 << (SHIFT - 1);
    /** Four bytes of a byte array as one little-endian int. */
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private SimdResample() {
    }

    /** The vertical pass: every output row from {@code count} source rows, {@code L} bytes at a time. */
    static void columns(byte[] src, int width, int channels, ResampleTable table, byte[] out) {
        int rowLength = width * channels;
        int vectorEnd = rowLength - rowLength % L;
        for (int y = 0; y < table.outSize(); y++) {
            int first = table.first(y);
            int count = table.count(y);
            int o = y * rowLength;
            for (int i = 0; i < vectorEnd; i += L) {
                IntVector acc = IntVector.broadcast(IS, HALF);
                for (int t = 0; t < count; t++) {
                    IntVector px = (IntVector) ByteVector.fromArray(BS, src, (first + t) * rowLength + i)
                            .convertShape(VectorOperators.B2I, IS, 0);
                    acc = px.and(0xFF).mul(table.weight(y, t)).add(acc);
                }
                ((ByteVector) clip(acc).convertShape(VectorOperators.I2B, BS, 0)).intoArray(out, o + i);
            }
            for (int i = vectorEnd; i < rowLength; i++) {
                int acc = HALF;
                for (int t = 0; t < count; t++) {
                    acc += (src[(first + t) * rowLength + i] & 0xFF) * table.weight(y, t);
                }
                out[o + i] = clip8(acc);
            }
        }
    }

    /** The horizontal pass for RGB: {@code L} output columns at a time, one gather per tap. */
    static void rgbRows(byte[] src, int srcWidth, int firstRow, int rows, ResampleTable table, byte[] out) {
        int width = table.outSize();
        int padded = (width + L - 1) / L * L;
        int taps = table.taps();
        int[] index = new int[taps * padded];
        int[] weight = new int[taps * padded];
        for (int t = 0; t < taps; t++) {
            for (int x = 0; x < width; x++) {
                index[t * padded + x] = Math.min(table.first(x) + t, srcWidth - 1);
                weight[t * padded + x] = t < table.count(x) ? table.weight(x, t) : 0;
            }
        }
        int[] packed = new int[Packing.GUARD + srcWidth + Packing.GUARD];
        int[] rgb = new int[padded];
        for (int y = 0; y < rows; y++) {
            Packing.pack(src, (y + firstRow) * srcWidth * 3, srcWidth, 3, packed);
            for (int j = 0; j < padded; j += L) {
                chunk(packed, index, weight, padded, taps, j, rgb);
            }
            int o = y * width * 3;
            int x = 0;
            for (; x < width - 1; x++, o += 3) {
                INT.set(out, o, rgb[x]);
            }
            out[o] = (byte) rgb[x];
            out[o + 1] = (byte) (rgb[x] >>> 8);
            out[o + 2] = (byte) (rgb[x] >>> 16);
        }
    }

    /**
     * {@code L} output pixels of one row, packed as {@code r | g << 8 | b << 16}. Each is stored as a
     * 4-byte int whose fourth byte the next pixel's store overwrites (the row's last pixel is stored
     * byte by byte).
     */
    private static void chunk(int[] packed, int[] index, int[] weight, int padded, int taps, int j, int[] rgb) {
        IntVector ar = IntVector.broadcast(IS, HALF);
        IntVector ag = ar;
        IntVector ab = ar;
        for (int t = 0; t < taps; t++) {
            IntVector px = IntVector.fromArray(IS, packed, Packing.GUARD, index, t * padded + j);
            IntVector w = IntVector.fromArray(IS, weight, t * padded + j);
            ar = px.and(0xFF).mul(w).add(ar);
            ag = px.lanewise(VectorOperators.LSHR, 8).and(0xFF).mul(w).add(ag);
            ab = px.lanewise(VectorOperators.LSHR, 16).and(0xFF).mul(w).add(ab);
        }
        clip(ar).or(clip(ag).lanewise(VectorOperators.LSHL, 8)).or(clip(ab).lanewise(VectorOperators.LSHL, 16))
                .intoArray(rgb, j);
    }

    /** Pillow's clip8 on lanes: {@code acc >> 22} into 0..255 (negative sums shift below 0). */
    private static IntVector clip(IntVector acc) {
        return acc.lanewise(VectorOperators.ASHR, SHIFT).max(0).min(255);
    }

    private static byte clip8(int acc) {
        return (byte) Math.max(0, Math.min(255, acc >> SHIFT));
    }
}
