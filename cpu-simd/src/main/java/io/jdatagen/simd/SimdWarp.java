package io.jdatagen.simd;

import io.jdatagen.core.DataFormat;
import io.jdatagen.core.FillMode;
import io.jdatagen.core.Interpolation;
import io.jdatagen.spi.OutputSlot;
import io.jdatagen.spi.SourceImage;
import io.jdatagen.spi.WarpPlan;
import io.jdatagen.spi.WrapConvention;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The fused warp on the Vector API, one output row at a time, in array-to-array stages over
 * chunks of one vector: (1) source coordinates (a double base per block of {@link CoordinateBlocks}
 * plus fused float lane steps, within 1e-4 px of the reference's double coordinates), (2) the
 * fill-mode map, (3) tap indices and fractions, (4) gathers (8-bit sources: one int gather per tap
 * for all channels, from pixels packed into ints), (5) per channel the bilinear lerp and the color
 * step into a row buffer, then the constant fill and the copy or interleave into the output slot.
 *
 * <p>No method takes or returns a vector: C2 does not inline compiled vector methods reliably,
 * and a vector crossing a non-inlined call is boxed on the heap (measured: 6.7 MB per 224² image).
 */
final class SimdWarp {
    private static final VectorSpecies<Float> FS = Boundaries.FS;
    private static final VectorSpecies<Integer> IS = Boundaries.IS;
    private static final int L = FS.length();

    private final SourceImage src;
    private final WarpPlan plan;
    private final OutputSlot out;
    private final Scratch s;
    private final int srcHeight;
    private final int srcWidth;
    private final int channels;
    private final int width;
    private final int padded;
    private final boolean bilinear;
    private final FillMode mode;
    private final boolean periodic;
    private final boolean constant;
    private final float[] scale;
    private final float[] offset;
    private final float[] fill;
    /** Float sources: the array holding channel planes, the first plane's offset, the plane size. */
    private float[] planes;
    private int planeBase;
    private int planeSize;

    private SimdWarp(SourceImage src, WarpPlan plan, OutputSlot out) {
        this.src = src;
        this.plan = plan;
        this.out = out;
        this.s = Scratch.get();
        this.srcHeight = src.height();
        this.srcWidth = src.width();
        this.channels = out.channels();
        this.width = out.width();
        this.padded = (width + L - 1) / L * L;
        this.bilinear = plan.interpolation() == Interpolation.BILINEAR;
        this.mode = plan.fillMode();
        this.periodic = mode == FillMode.GRID_WRAP
                || mode == FillMode.WRAP && plan.wrapConvention() == WrapConvention.PERIODIC;
        this.constant = mode == FillMode.CONSTANT;
        PlanColor color = new PlanColor(plan, channels);
        this.scale = color.scale;
        this.offset = color.offset;
        this.fill = color.fill;
    }

    /** Runs {@code plan} (which must have an affine) from {@code src} into {@code out}. */
    static void run(SourceImage src, WarpPlan plan, OutputSlot out) {
        new SimdWarp(src, plan, out).all();
    }

    private void all() {
        s.ensureRow(padded, channels);
        prepareSource();
        int height = out.height();
        for (int i = 0; i < height; i++) {
            coordinates(plan.flipRows() ? height - 1 - i : i);
            mapCoordinates();
            taps();
            if (src.isBytes() && channels == 3 && bilinear) {
                for (int j = 0; j < padded; j += L) {
                    rgbBilinearChunk(j);
                }
                for (int c = 0; c < channels; c++) {
                    applyFill(c);
                }
            } else if (src.isBytes()) {
                gatherPacked();
                for (int c = 0; c < channels; c++) {
                    blendPacked(c);
                }
            } else {
                for (int c = 0; c < channels; c++) {
                    blendPlane(c);
                }
            }
            RowWriter.write(out, i, s.row, padded);
        }
    }

    private void prepareSource() {
        int pixels = srcHeight * srcWidth;
        if (src.isBytes()) {
            Packing.pack(src.bytes(), src.offset(), pixels, channels, s.packed(pixels));
        } else if (src.format() == DataFormat.CHANNELS_FIRST) {
            planes = src.floats();
            planeBase = src.offset();
            planeSize = pixels;
        } else {
            planes = s.planes(pixels * channels);
            Packing.deinterleave(src.floats(), src.offset(), pixels, channels, planes);
            planeBase = 0;
            planeSize = pixels;
        }
    }

    // ---------------------------------------------------------------- stage 1-3: coordinates and taps

    private void coordinates(int vi) {
        double base0 = plan.affine(2) + vi * plan.affine(0);
        double base1 = plan.affine(5) + vi * plan.affine(3);
        boolean flip = plan.flipCols();
        float step0 = (float) (flip ? -plan.affine(1) : plan.affine(1));
        float step1 = (float) (flip ? -plan.affine(4) : plan.affine(4));
        if (CoordinateBlocks.VECTORS_FIT) {
            for (int j = 0; j < padded; j += L) {
                int vj = planCol(CoordinateBlocks.blockStart(j));
                coordinateChunk(j, CoordinateBlocks.lane(j), (float) (base0 + vj * plan.affine(1)),
                        (float) (base1 + vj * plan.affine(4)), step0, step1);
            }
        } else {
            for (int j = 0; j < padded; j++) {
                int vj = planCol(CoordinateBlocks.blockStart(j));
                float lane = CoordinateBlocks.lane(j);
                s.coordRow[j] = limit(Math.fma(lane, step0, (float) (base0 + vj * plan.affine(1))));
                s.coordCol[j] = limit(Math.fma(lane, step1, (float) (base1 + vj * plan.affine(4))));
            }
        }
        if (constant) {
            for (int j = 0; j < padded; j += L) {
                Boundaries.inside(s.coordRow, s.coordCol, j, srcHeight, srcWidth, s.inside);
            }
        }
    }

    /** The column the plan's affine sees for output column {@code j} (mirrored when the plan flips columns). */
    private int planCol(int j) {
        return plan.flipCols() ? width - 1 - j : j;
    }

    private static float limit(float c) {
        return Math.min(Math.max(c, -Boundaries.LIMIT), Boundaries.LIMIT);
    }

    /** One chunk's coordinates: {@code fma(lane, step, start)} for lanes {@code lane0..lane0+L-1} of a block. */
    private void coordinateChunk(int j, int lane0, float start0, float start1, float step0, float step1) {
        FloatVector lane = FloatVector.fromArray(FS, CoordinateBlocks.LANES, lane0);
        lane.fma(step0, start0).max(-Boundaries.LIMIT).min(Boundaries.LIMIT).intoArray(s.coordRow, j);
        lane.fma(step1, start1).max(-Boundaries.LIMIT).min(Boundaries.LIMIT).intoArray(s.coordCol, j);
    }

    private void mapCoordinates() {
        if (mode == FillMode.REFLECT || mode == FillMode.GRID_MIRROR) {
            for (int j = 0; j < padded; j += L) {
                Boundaries.reflect(s.coordRow, j, srcHeight);
                Boundaries.reflect(s.coordCol, j, srcWidth);
            }
        } else if (mode == FillMode.MIRROR) {
            for (int j = 0; j < padded; j += L) {
                Boundaries.mirror(s.coordRow, j, srcHeight);
                Boundaries.mirror(s.coordCol, j, srcWidth);
            }
        } else if (periodic) {
            for (int j = 0; j < padded; j += L) {
                Boundaries.wrapPeriodic(s.coordRow, j, srcHeight);
                Boundaries.wrapPeriodic(s.coordCol, j, srcWidth);
            }
        } else if (mode == FillMode.WRAP) {
            for (int j = 0; j < padded; j += L) {
                Boundaries.wrapScipy(s.coordRow, j, srcHeight);
                Boundaries.wrapScipy(s.coordCol, j, srcWidth);
            }
        }
    }

    private void taps() {
        if (bilinear) {
            for (int j = 0; j < padded; j += L) {
                bilinearTapsChunk(j);
            }
        } else {
            for (int j = 0; j < padded; j += L) {
                nearestTapsChunk(j);
            }
        }
    }

    /** Floor, fractions, and the four combined tap indices; clamp or (periodic) wrap the upper tap. */
    private void bilinearTapsChunk(int j) {
        VectorMask<Integer> wrapUpper = IS.maskAll(periodic);
        FloatVector c0 = FloatVector.fromArray(FS, s.coordRow, j);
        FloatVector t0 = (FloatVector) c0.convert(VectorOperators.F2I, 0).convert(VectorOperators.I2F, 0);
        FloatVector f0 = t0.sub(1f, c0.lt(t0));
        c0.sub(f0).intoArray(s.fracRow, j);
        IntVector a = (IntVector) f0.convert(VectorOperators.F2I, 0);
        IntVector a1 = a.add(1);
        IntVector r0 = a.max(0).min(srcHeight - 1).mul(srcWidth);
        IntVector r1 = a1.max(0).min(srcHeight - 1).blend(a1.blend(0, a1.compare(VectorOperators.GE, srcHeight)),
                wrapUpper).mul(srcWidth);
        FloatVector c1 = FloatVector.fromArray(FS, s.coordCol, j);
        FloatVector t1 = (FloatVector) c1.convert(VectorOperators.F2I, 0).convert(VectorOperators.I2F, 0);
        FloatVector f1 = t1.sub(1f, c1.lt(t1));
        c1.sub(f1).intoArray(s.fracCol, j);
        IntVector b = (IntVector) f1.convert(VectorOperators.F2I, 0);
        IntVector b1 = b.add(1);
        IntVector k0 = b.max(0).min(srcWidth - 1);
        IntVector k1 = b1.max(0).min(srcWidth - 1).blend(b1.blend(0, b1.compare(VectorOperators.GE, srcWidth)),
                wrapUpper);
        r0.add(k0).intoArray(s.tap00, j);
        r0.add(k1).intoArray(s.tap01, j);
        r1.add(k0).intoArray(s.tap10, j);
        r1.add(k1).intoArray(s.tap11, j);
    }

    /** Round half up, then clamp (or, periodic, wrap n to 0). */
    private void nearestTapsChunk(int j) {
        VectorMask<Integer> wrap = IS.maskAll(periodic);
        FloatVector c0 = FloatVector.fromArray(FS, s.coordRow, j).add(0.5f);
        FloatVector t0 = (FloatVector) c0.convert(VectorOperators.F2I, 0).convert(VectorOperators.I2F, 0);
        IntVector a = (IntVector) t0.sub(1f, c0.lt(t0)).convert(VectorOperators.F2I, 0);
        IntVector row = a.max(0).min(srcHeight - 1).blend(a.blend(0, a.compare(VectorOperators.GE, srcHeight)), wrap);
        FloatVector c1 = FloatVector.fromArray(FS, s.coordCol, j).add(0.5f);
        FloatVector t1 = (FloatVector) c1.convert(VectorOperators.F2I, 0).convert(VectorOperators.I2F, 0);
        IntVector b = (IntVector) t1.sub(1f, c1.lt(t1)).convert(VectorOperators.F2I, 0);
        IntVector col = b.max(0).min(srcWidth - 1).blend(b.blend(0, b.compare(VectorOperators.GE, srcWidth)), wrap);
        row.mul(srcWidth).add(col).intoArray(s.tap00, j);
    }

    // ---------------------------------------------------------------- stage 4-5: gathers and blend

    private void gatherPacked() {
        int[] packed = s.packed;
        if (bilinear) {
            for (int j = 0; j < padded; j += L) {
                IntVector.fromArray(IS, packed, Packing.GUARD, s.tap00, j).intoArray(s.got00, j);
                IntVector.fromArray(IS, packed, Packing.GUARD, s.tap01, j).intoArray(s.got01, j);
                IntVector.fromArray(IS, packed, Packing.GUARD, s.tap10, j).intoArray(s.got10, j);
                IntVector.fromArray(IS, packed, Packing.GUARD, s.tap11, j).intoArray(s.got11, j);
            }
        } else {
            for (int j = 0; j < padded; j += L) {
                IntVector.fromArray(IS, packed, Packing.GUARD, s.tap00, j).intoArray(s.got00, j);
            }
        }
    }

    private void blendPacked(int c) {
        int shift = 8 * c;
        int at = c * padded;
        if (bilinear) {
            for (int j = 0; j < padded; j += L) {
                packedBilinearChunk(j, shift, scale[c], offset[c], at + j);
            }
        } else {
            for (int j = 0; j < padded; j += L) {
                packedNearestChunk(j, shift, scale[c], offset[c], at + j);
            }
        }
        applyFill(c);
    }

    private void blendPlane(int c) {
        int base = planeBase + c * planeSize;
        int at = c * padded;
        if (bilinear) {
            for (int j = 0; j < padded; j += L) {
                planeBilinearChunk(base, j, scale[c], offset[c], at + j);
            }
        } else {
            for (int j = 0; j < padded; j += L) {
                FloatVector.fromArray(FS, planes, base, s.tap00, j).fma(scale[c], offset[c]).intoArray(s.row, at + j);
            }
        }
        applyFill(c);
    }

    /**
     * The headline case in one pass: four gathers of packed RGB, then for each channel the
     * extraction, lerp and color step, stored to that channel's row.
     */
    private void rgbBilinearChunk(int j) {
        int[] packed = s.packed;
        IntVector g00 = IntVector.fromArray(IS, packed, Packing.GUARD, s.tap00, j);
        IntVector g01 = IntVector.fromArray(IS, packed, Packing.GUARD, s.tap01, j);
        IntVector g10 = IntVector.fromArray(IS, packed, Packing.GUARD, s.tap10, j);
        IntVector g11 = IntVector.fromArray(IS, packed, Packing.GUARD, s.tap11, j);
        FloatVector fr = FloatVector.fromArray(FS, s.fracRow, j);
        FloatVector fc = FloatVector.fromArray(FS, s.fracCol, j);
        for (int c = 0; c < 3; c++) {
            IntVector sv = IntVector.broadcast(IS, 8 * c);
            FloatVector v00 = (FloatVector) g00.lanewise(VectorOperators.LSHR, sv).and(0xFF).convert(VectorOperators.I2F, 0);
            FloatVector v01 = (FloatVector) g01.lanewise(VectorOperators.LSHR, sv).and(0xFF).convert(VectorOperators.I2F, 0);
            FloatVector v10 = (FloatVector) g10.lanewise(VectorOperators.LSHR, sv).and(0xFF).convert(VectorOperators.I2F, 0);
            FloatVector v11 = (FloatVector) g11.lanewise(VectorOperators.LSHR, sv).and(0xFF).convert(VectorOperators.I2F, 0);
            FloatVector top = v01.sub(v00).fma(fc, v00);
            FloatVector bottom = v11.sub(v10).fma(fc, v10);
            bottom.sub(top).fma(fr, top).fma(scale[c], offset[c]).intoArray(s.row, c * padded + j);
        }
    }

    private void packedBilinearChunk(int j, int shift, float sc, float of, int at) {
        IntVector sv = IntVector.broadcast(IS, shift);
        FloatVector v00 = (FloatVector) IntVector.fromArray(IS, s.got00, j).lanewise(VectorOperators.LSHR, sv).and(0xFF)
                .convert(VectorOperators.I2F, 0);
        FloatVector v01 = (FloatVector) IntVector.fromArray(IS, s.got01, j).lanewise(VectorOperators.LSHR, sv).and(0xFF)
                .convert(VectorOperators.I2F, 0);
        FloatVector v10 = (FloatVector) IntVector.fromArray(IS, s.got10, j).lanewise(VectorOperators.LSHR, sv).and(0xFF)
                .convert(VectorOperators.I2F, 0);
        FloatVector v11 = (FloatVector) IntVector.fromArray(IS, s.got11, j).lanewise(VectorOperators.LSHR, sv).and(0xFF)
                .convert(VectorOperators.I2F, 0);
        FloatVector fr = FloatVector.fromArray(FS, s.fracRow, j);
        FloatVector fc = FloatVector.fromArray(FS, s.fracCol, j);
        FloatVector top = v01.sub(v00).fma(fc, v00);
        FloatVector bottom = v11.sub(v10).fma(fc, v10);
        bottom.sub(top).fma(fr, top).fma(sc, of).intoArray(s.row, at);
    }

    private void packedNearestChunk(int j, int shift, float sc, float of, int at) {
        IntVector sv = IntVector.broadcast(IS, shift);
        ((FloatVector) IntVector.fromArray(IS, s.got00, j).lanewise(VectorOperators.LSHR, sv).and(0xFF)
                .convert(VectorOperators.I2F, 0)).fma(sc, of).intoArray(s.row, at);
    }

    private void planeBilinearChunk(int base, int j, float sc, float of, int at) {
        FloatVector v00 = FloatVector.fromArray(FS, planes, base, s.tap00, j);
        FloatVector v01 = FloatVector.fromArray(FS, planes, base, s.tap01, j);
        FloatVector v10 = FloatVector.fromArray(FS, planes, base, s.tap10, j);
        FloatVector v11 = FloatVector.fromArray(FS, planes, base, s.tap11, j);
        FloatVector fr = FloatVector.fromArray(FS, s.fracRow, j);
        FloatVector fc = FloatVector.fromArray(FS, s.fracCol, j);
        FloatVector top = v01.sub(v00).fma(fc, v00);
        FloatVector bottom = v11.sub(v10).fma(fc, v10);
        bottom.sub(top).fma(fr, top).fma(sc, of).intoArray(s.row, at);
    }

    /** Constant fill: pixels whose source lies outside the image take the (colored) fill value. */
    private void applyFill(int c) {
        if (!constant) {
            return;
        }
        float value = fill[c];
        float[] inside = s.inside;
        float[] row = s.row;
        int at = c * padded;
        for (int j = 0; j < width; j++) {
            if (inside[j] == 0f) {
                row[at + j] = value;
            }
        }
    }
}
