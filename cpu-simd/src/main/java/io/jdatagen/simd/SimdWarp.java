package io.jdatagen.simd;

import io.jdatagen.spi.DataFormat;
import io.jdatagen.spi.FillMode;
import io.jdatagen.spi.Interpolation;
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
 * The fused warp on the Vector API, one output row at a time: (1) tap indices and fractions for
 * every output pixel of the row (coordinates from a double base per chunk plus float lane steps,
 * below 1e-4 px of the reference's double coordinates), (2) gathers, for 8-bit sources once per tap
 * for all channels from pixels packed into ints, (3) per channel a bilinear lerp, the colour step
 * and the constant fill, into a row buffer that is copied or interleaved into the output slot.
 * Methods stay small so that C2 keeps vectors in registers.
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
    /** Float sources: the array holding channel planes, the first plane's offset, the plane size. */
    private float[] planes;
    private int planeBase;
    private int planeSize;
    private final float[] scale;
    private final float[] offset;
    private final float[] fill;

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
        this.periodic = mode == FillMode.WRAP && plan.wrapConvention() == WrapConvention.PERIODIC;
        this.constant = mode == FillMode.CONSTANT;
        this.scale = new float[channels];
        this.offset = new float[channels];
        this.fill = new float[channels];
        for (int c = 0; c < channels; c++) {
            scale[c] = plan.scale(c);
            offset[c] = plan.offset(c);
            fill[c] = (float) plan.fillValue() * scale[c] + offset[c];
        }
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
            int vi = plan.flipRows() ? height - 1 - i : i;
            coordinates(vi);
            if (src.isBytes()) {
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

    /** Taps, fractions and the inside flag of every pixel of output row {@code vi}. */
    private void coordinates(int vi) {
        double base0 = plan.affine(2) + vi * plan.affine(0);
        double base1 = plan.affine(5) + vi * plan.affine(3);
        boolean flip = plan.flipCols();
        float step0 = (float) (flip ? -plan.affine(1) : plan.affine(1));
        float step1 = (float) (flip ? -plan.affine(4) : plan.affine(4));
        FloatVector iota = FloatVector.broadcast(FS, 0f).addIndex(1);
        for (int j = 0; j < padded; j += L) {
            int vj = flip ? width - 1 - j : j;
            FloatVector c0 = iota.mul(step0).add((float) (base0 + vj * plan.affine(1)));
            FloatVector c1 = iota.mul(step1).add((float) (base1 + vj * plan.affine(4)));
            c0 = c0.max(-Boundaries.LIMIT).min(Boundaries.LIMIT);
            c1 = c1.max(-Boundaries.LIMIT).min(Boundaries.LIMIT);
            if (constant) {
                insideChunk(c0, c1, j);
            }
            c0 = map(c0, srcHeight);
            c1 = map(c1, srcWidth);
            if (bilinear) {
                tapsBilinear(c0, c1, j);
            } else {
                tapsNearest(c0, c1, j);
            }
        }
    }

    private void insideChunk(FloatVector c0, FloatVector c1, int j) {
        VectorMask<Float> in = c0.compare(VectorOperators.GE, 0f).and(c0.compare(VectorOperators.LE, srcHeight - 1f))
                .and(c1.compare(VectorOperators.GE, 0f)).and(c1.compare(VectorOperators.LE, srcWidth - 1f));
        FloatVector.zero(FS).blend(1f, in).intoArray(s.inside, j);
    }

    private FloatVector map(FloatVector c, int n) {
        switch (mode) {
            case REFLECT:
                return Boundaries.reflect(c, n);
            case WRAP:
                return periodic ? Boundaries.wrapPeriodic(c, n) : Boundaries.wrapScipy(c, n);
            default:
                return c;
        }
    }

    private IntVector tap(IntVector t, int n) {
        return periodic ? Boundaries.wrapTap(t, n) : Boundaries.clamp(t, n);
    }

    private void tapsBilinear(FloatVector c0, FloatVector c1, int j) {
        FloatVector f0 = Boundaries.floor(c0);
        FloatVector f1 = Boundaries.floor(c1);
        c0.sub(f0).intoArray(s.fracRow, j);
        c1.sub(f1).intoArray(s.fracCol, j);
        IntVector a = Boundaries.toInt(f0);
        IntVector b = Boundaries.toInt(f1);
        IntVector r0 = tap(a, srcHeight).mul(srcWidth);
        IntVector r1 = tap(a.add(1), srcHeight).mul(srcWidth);
        IntVector k0 = tap(b, srcWidth);
        IntVector k1 = tap(b.add(1), srcWidth);
        r0.add(k0).intoArray(s.tap00, j);
        r0.add(k1).intoArray(s.tap01, j);
        r1.add(k0).intoArray(s.tap10, j);
        r1.add(k1).intoArray(s.tap11, j);
    }

    private void tapsNearest(FloatVector c0, FloatVector c1, int j) {
        IntVector a = tap(Boundaries.toInt(Boundaries.floor(c0.add(0.5f))), srcHeight);
        IntVector b = tap(Boundaries.toInt(Boundaries.floor(c1.add(0.5f))), srcWidth);
        a.mul(srcWidth).add(b).intoArray(s.tap00, j);
    }

    private void gatherPacked() {
        int[] packed = s.packed;
        for (int j = 0; j < padded; j += L) {
            IntVector.fromArray(IS, packed, 0, s.tap00, j).intoArray(s.got00, j);
            if (bilinear) {
                IntVector.fromArray(IS, packed, 0, s.tap01, j).intoArray(s.got01, j);
                IntVector.fromArray(IS, packed, 0, s.tap10, j).intoArray(s.got10, j);
                IntVector.fromArray(IS, packed, 0, s.tap11, j).intoArray(s.got11, j);
            }
        }
    }

    private void blendPacked(int c) {
        IntVector shift = IntVector.broadcast(IS, 8 * c);
        for (int j = 0; j < padded; j += L) {
            FloatVector v = channel(s.got00, j, shift);
            if (bilinear) {
                v = lerp(v, channel(s.got01, j, shift), channel(s.got10, j, shift), channel(s.got11, j, shift), j);
            }
            finish(v, c, j);
        }
    }

    private void blendPlane(int c) {
        int base = planeBase + c * planeSize;
        for (int j = 0; j < padded; j += L) {
            FloatVector v = FloatVector.fromArray(FS, planes, base, s.tap00, j);
            if (bilinear) {
                v = lerp(v, FloatVector.fromArray(FS, planes, base, s.tap01, j),
                        FloatVector.fromArray(FS, planes, base, s.tap10, j),
                        FloatVector.fromArray(FS, planes, base, s.tap11, j), j);
            }
            finish(v, c, j);
        }
    }

    private static FloatVector channel(int[] gathered, int j, IntVector shift) {
        IntVector p = IntVector.fromArray(IS, gathered, j);
        return (FloatVector) p.lanewise(VectorOperators.LSHR, shift).and(0xFF).convert(VectorOperators.I2F, 0);
    }

    private FloatVector lerp(FloatVector v00, FloatVector v01, FloatVector v10, FloatVector v11, int j) {
        FloatVector fr = FloatVector.fromArray(FS, s.fracRow, j);
        FloatVector fc = FloatVector.fromArray(FS, s.fracCol, j);
        FloatVector top = v01.sub(v00).fma(fc, v00);
        FloatVector bottom = v11.sub(v10).fma(fc, v10);
        return bottom.sub(top).fma(fr, top);
    }

    private void finish(FloatVector v, int c, int j) {
        FloatVector r = v.fma(scale[c], offset[c]);
        if (constant) {
            VectorMask<Float> outside = FloatVector.fromArray(FS, s.inside, j).compare(VectorOperators.EQ, 0f);
            r = r.blend(fill[c], outside);
        }
        r.intoArray(s.row, c * padded + j);
    }
}
