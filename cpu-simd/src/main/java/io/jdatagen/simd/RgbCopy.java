package io.jdatagen.simd;

import io.jdatagen.core.DataFormat;
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
 * reversed for a horizontal flip), three channel extractions, the color step (multiply, then
 * add, as the reference rounds) and stores straight into a heap channels-first slot (other
 * rows go through the row buffer). No method takes or returns a vector.
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
        boolean channelsFirst = out.format() == DataFormat.CHANNELS_FIRST && out.hasArray();
        float[] target = channelsFirst ? out.array() : s.row;
        for (int i = 0; i < height; i++) {
            int vi = plan.flipRows() ? height - 1 - i : i;
            int rowStart = Packing.GUARD + vi * width;
            int base = channelsFirst ? out.index(i, 0, 0) : 0;
            int step = channelsFirst ? out.index(i, 0, 1) - base : padded;
            for (int j = 0; j < padded; j += L) {
                int lanes = Math.min(L, width - j);
                if (plan.flipCols()) {
                    reversedChunk(rowStart + width - j - L, target, base + j, step, lanes, scale, offset);
                } else {
                    chunk(rowStart + j, target, base + j, step, lanes, scale, offset);
                }
            }
            if (!channelsFirst) {
                RowWriter.write(out, i, s.row, padded);
            }
        }
    }

    private void chunk(int from, float[] target, int at, int step, int lanes, float[] scale, float[] offset) {
        IntVector p = IntVector.fromArray(IS, s.packed, from);
        for (int c = 0; c < 3; c++) {
            FloatVector v = ((FloatVector) p.lanewise(VectorOperators.LSHR, IntVector.broadcast(IS, 8 * c)).and(0xFF)
                    .convert(VectorOperators.I2F, 0)).mul(scale[c]).add(offset[c]);
            if (lanes == L) {
                v.intoArray(target, at + c * step);
            } else {
                v.intoArray(target, at + c * step, FS.indexInRange(0, lanes));
            }
        }
    }

    /**
     * {@link #chunk} with the lanes reversed. Kept separate on purpose: one method with the
     * reversal behind a branch (the vector then crosses a branch, or a scratch array) ran the
     * flip plan at a third of the speed.
     */
    private void reversedChunk(int from, float[] target, int at, int step, int lanes, float[] scale, float[] offset) {
        IntVector p = IntVector.fromArray(IS, s.packed, from).rearrange(REVERSE);
        for (int c = 0; c < 3; c++) {
            FloatVector v = ((FloatVector) p.lanewise(VectorOperators.LSHR, IntVector.broadcast(IS, 8 * c)).and(0xFF)
                    .convert(VectorOperators.I2F, 0)).mul(scale[c]).add(offset[c]);
            if (lanes == L) {
                v.intoArray(target, at + c * step);
            } else {
                v.intoArray(target, at + c * step, FS.indexInRange(0, lanes));
            }
        }
    }
}
