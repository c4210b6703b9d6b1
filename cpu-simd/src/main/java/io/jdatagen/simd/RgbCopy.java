package io.jdatagen.simd;

import io.jdatagen.spi.OutputSlot;
import io.jdatagen.spi.SourceImage;
import io.jdatagen.spi.WarpPlan;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Identity and flip plans for 8-bit RGB: pack the pixels, then per chunk one int load (lanes
 * reversed for a horizontal flip), three channel extractions, the colour FMA and row stores. No
 * method takes or returns a vector.
 */
final class RgbCopy {
    private static final VectorSpecies<Float> FS = Boundaries.FS;
    private static final VectorSpecies<Integer> IS = Boundaries.IS;
    private static final int L = FS.length();
    private static final VectorShuffle<Integer> REVERSE = VectorShuffle.fromOp(IS, i -> L - 1 - i);

    private final SourceImage src;
    private final WarpPlan plan;
    private final OutputSlot out;
    private final Scratch s = Scratch.get();
    private final int width;
    private final int padded;

    RgbCopy(SourceImage src, WarpPlan plan, OutputSlot out) {
        this.src = src;
        this.plan = plan;
        this.out = out;
        this.width = out.width();
        this.padded = (width + L - 1) / L * L;
    }

    void run() {
        int height = out.height();
        s.ensureRow(padded, 3);
        Packing.pack(src.bytes(), src.offset(), height * width, 3, s.packed(height * width));
        float[] scale = {plan.scale(0), plan.scale(1), plan.scale(2)};
        float[] offset = {plan.offset(0), plan.offset(1), plan.offset(2)};
        for (int i = 0; i < height; i++) {
            int vi = plan.flipRows() ? height - 1 - i : i;
            int rowStart = Packing.GUARD + vi * width;
            for (int j = 0; j < padded; j += L) {
                if (plan.flipCols()) {
                    reversedChunk(rowStart + width - j - L, j, scale, offset);
                } else {
                    chunk(rowStart + j, j, scale, offset);
                }
            }
            RowWriter.write(out, i, s.row, padded);
        }
    }

    private void chunk(int from, int j, float[] scale, float[] offset) {
        IntVector p = IntVector.fromArray(IS, s.packed, from);
        for (int c = 0; c < 3; c++) {
            ((FloatVector) p.lanewise(VectorOperators.LSHR, IntVector.broadcast(IS, 8 * c)).and(0xFF)
                    .convert(VectorOperators.I2F, 0)).mul(scale[c]).add(offset[c]).intoArray(s.row, c * padded + j);
        }
    }

    private void reversedChunk(int from, int j, float[] scale, float[] offset) {
        IntVector p = IntVector.fromArray(IS, s.packed, from).rearrange(REVERSE);
        for (int c = 0; c < 3; c++) {
            ((FloatVector) p.lanewise(VectorOperators.LSHR, IntVector.broadcast(IS, 8 * c)).and(0xFF)
                    .convert(VectorOperators.I2F, 0)).mul(scale[c]).add(offset[c]).intoArray(s.row, c * padded + j);
        }
    }
}
