package io.jdatagen.simd;

import io.jdatagen.spi.DataFormat;
import io.jdatagen.spi.FillMode;
import io.jdatagen.spi.Interpolation;
import io.jdatagen.spi.OutputSlot;
import io.jdatagen.spi.SourceImage;
import io.jdatagen.spi.WarpPlan;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * The fast warp for 8-bit sources under the clamping fill modes (nearest and constant), which
 * covers the headline plan. Per output row, in two passes over chunks of one vector: first the
 * coordinates, clamped, become gather indices and fractions (row arrays); then the gathers, the
 * lerps and the color step store straight into a channels-first slot (channels-last rows go
 * through the row buffer). Splitting the passes lets the gathers run without waiting on the index
 * arithmetic just before them (measured 6,400 → 7,900 images/s for the headline plan).
 *
 * <p>The source is laid out as {@link PixelPairs}: one long per pixel holding that pixel and its
 * right neighbour, so a row's two bilinear taps come from one 64-bit gather element and a chunk
 * needs half the gather elements of one int gather per tap. The gather indices are stored even
 * lanes first, then odd lanes; the two half-width gathers then recombine into pixel order with
 * shifts and masks alone (no permutes).
 *
 * <p>Clamping the coordinate into {@code [0, n-1]} before the floor gives exactly scipy's tap
 * clamping for these modes: a tap moved by the clamp either carries zero weight or equals its
 * neighbour. The right neighbour of a pixel in the last column is the next row's first pixel (or a
 * guard zero); it is only read with weight zero. No method takes or returns a vector (see
 * {@link SimdWarp}).
 */
final class PairGatherWarp {
    private static final VectorSpecies<Float> FS = Boundaries.FS;
    private static final VectorSpecies<Integer> IS = Boundaries.IS;
    private static final VectorSpecies<Long> LS = VectorSpecies.of(long.class, FS.vectorShape());
    private static final int L = FS.length();
    private static final int HALF = LS.length();
    /** Even lanes first, then odd lanes: the order of the gather indices. */
    private static final VectorShuffle<Integer> EVEN_THEN_ODD =
            VectorShuffle.fromOp(IS, k -> k < HALF ? 2 * k : 2 * (k - HALF) + 1);
    private static final float[] IOTA = new float[L];
    private static final long LOW = 0xFFFFFFFFL;
    private static final long HIGH = ~LOW;
    /** The bits of 2^23: OR-ed with a byte b they make the float 2^23 + b exactly. */
    private static final int MAGIC = 0x4B000000;
    private static final float TWO_23 = 8388608f;

    static {
        for (int k = 0; k < L; k++) {
            IOTA[k] = k;
        }
    }

    private final WarpPlan plan;
    private final OutputSlot out;
    private final long[] pairs;
    /** Per row: the gather indices (even lanes first in each chunk) and the fractions. */
    private final int[] topIndex;
    private final int[] bottomIndex;
    private final float[] fracRow;
    private final float[] fracCol;
    private final float[] row;
    private final float[] target;
    private final int srcHeight;
    private final int srcWidth;
    /** The largest row and column coordinates: the clamp's upper ends. */
    private final float maxRow;
    private final float maxCol;
    private final int channels;
    private final int width;
    private final int padded;
    private final boolean constant;
    private final boolean channelsFirst;
    private final float[] scale;
    private final float[] offset;
    private final float[] fill;
    /** Where chunk stores go for the current row: one base per channel and the channel step. */
    private float[] store;
    private int storeBase;
    private int storeStep;

    private PairGatherWarp(SourceImage src, WarpPlan plan, OutputSlot out) {
        Scratch s = Scratch.get();
        this.plan = plan;
        this.out = out;
        this.srcHeight = src.height();
        this.srcWidth = src.width();
        this.maxRow = srcHeight - 1f;
        this.maxCol = srcWidth - 1f;
        this.channels = out.channels();
        this.width = out.width();
        this.padded = (width + L - 1) / L * L;
        this.constant = plan.fillMode() == FillMode.CONSTANT;
        this.channelsFirst = out.format() == DataFormat.CHANNELS_FIRST && out.hasArray();
        s.ensureRow(padded, channels);
        this.row = s.row;
        this.topIndex = s.tap00;
        this.bottomIndex = s.tap10;
        this.fracRow = s.fracRow;
        this.fracCol = s.fracCol;
        this.pairs = PixelPairs.of(src, s);
        this.target = channelsFirst ? out.array() : null;
        PlanColor color = new PlanColor(plan, channels);
        this.scale = color.scale;
        this.offset = color.offset;
        this.fill = color.fill;
    }

    /** Whether this kernel covers {@code plan} from {@code src}. */
    static boolean covers(SourceImage src, WarpPlan plan) {
        return src.isBytes() && (plan.fillMode() == FillMode.NEAREST || plan.fillMode() == FillMode.CONSTANT);
    }

    /** Runs {@code plan} (which must have an affine and be {@linkplain #covers covered}). */
    static void run(SourceImage src, WarpPlan plan, OutputSlot out) {
        new PairGatherWarp(src, plan, out).all();
    }

    private void all() {
        int height = out.height();
        boolean bilinear = plan.interpolation() == Interpolation.BILINEAR;
        boolean flip = plan.flipCols();
        float step0 = (float) (flip ? -plan.affine(1) : plan.affine(1));
        float step1 = (float) (flip ? -plan.affine(4) : plan.affine(4));
        for (int i = 0; i < height; i++) {
            int vi = plan.flipRows() ? height - 1 - i : i;
            double base0 = plan.affine(2) + vi * plan.affine(0);
            double base1 = plan.affine(5) + vi * plan.affine(3);
            targetRow(i);
            for (int j = 0; j < padded; j += L) {
                float start0 = chunkStart(base0, j, 1);
                float start1 = chunkStart(base1, j, 4);
                if (bilinear) {
                    bilinearTaps(j, start0, start1, step0, step1);
                } else {
                    nearestTaps(j, start0, start1, step0, step1);
                }
            }
            for (int j = 0; j < padded; j += L) {
                if (bilinear) {
                    bilinearChunk(j, Math.min(L, width - j));
                } else {
                    nearestChunk(j, Math.min(L, width - j));
                }
            }
            if (constant) {
                for (int j = 0; j < padded; j += L) {
                    fillOutside(j, Math.min(L, width - j), chunkStart(base0, j, 1), chunkStart(base1, j, 4), step0,
                            step1);
                }
            }
            if (!channelsFirst) {
                RowWriter.write(out, i, row, padded);
            }
        }
    }

    /**
     * The coordinate of chunk {@code j}'s first pixel along one axis: the row's double base plus
     * that pixel's (flipped) column times the affine entry {@code k}, rounded to float once.
     */
    private float chunkStart(double base, int j, int k) {
        int vj = plan.flipCols() ? width - 1 - j : j;
        return (float) (base + vj * plan.affine(k));
    }

    /** Heap channels-first rows are stored in place; other rows go through the row buffer. */
    private void targetRow(int i) {
        if (channelsFirst) {
            store = target;
            storeBase = out.index(i, 0, 0);
            storeStep = channels > 1 ? out.index(i, 0, 1) - storeBase : 0;
        } else {
            store = row;
            storeBase = 0;
            storeStep = padded;
        }
    }

    /**
     * A chunk's coordinates, clamped into the source, as gather indices (top and bottom row, even
     * lanes first) and fractions.
     */
    private void bilinearTaps(int j, float start0, float start1, float step0, float step1) {
        FloatVector iota = FloatVector.fromArray(FS, IOTA, 0);
        FloatVector r = iota.fma(step0, start0);
        FloatVector c = iota.fma(step1, start1);
        r = r.blend(0f, r.lt(0f));
        r = r.blend(maxRow, r.compare(VectorOperators.GT, maxRow));
        c = c.blend(0f, c.lt(0f));
        c = c.blend(maxCol, c.compare(VectorOperators.GT, maxCol));
        IntVector a = (IntVector) r.convert(VectorOperators.F2I, 0);
        IntVector b = (IntVector) c.convert(VectorOperators.F2I, 0);
        r.sub((FloatVector) a.convert(VectorOperators.I2F, 0)).intoArray(fracRow, j);
        c.sub((FloatVector) b.convert(VectorOperators.I2F, 0)).intoArray(fracCol, j);
        IntVector top = a.mul(srcWidth).add(b);
        top.rearrange(EVEN_THEN_ODD).intoArray(topIndex, j);
        top.lanewise(VectorOperators.ADD, srcWidth, a.compare(VectorOperators.LT, srcHeight - 1))
                .rearrange(EVEN_THEN_ODD).intoArray(bottomIndex, j);
    }

    /**
     * Round half up of the clamped coordinates (a truncation: they are non-negative). The
     * coordinate lines repeat {@link #bilinearTaps}'s on purpose: merged into one method with a
     * branch, both plans ran 7 % slower.
     */
    private void nearestTaps(int j, float start0, float start1, float step0, float step1) {
        FloatVector iota = FloatVector.fromArray(FS, IOTA, 0);
        FloatVector r = iota.fma(step0, start0);
        FloatVector c = iota.fma(step1, start1);
        r = r.blend(0f, r.lt(0f));
        r = r.blend(maxRow, r.compare(VectorOperators.GT, maxRow));
        c = c.blend(0f, c.lt(0f));
        c = c.blend(maxCol, c.compare(VectorOperators.GT, maxCol));
        IntVector a = (IntVector) r.add(0.5f).convert(VectorOperators.F2I, 0);
        IntVector b = (IntVector) c.add(0.5f).convert(VectorOperators.F2I, 0);
        a.mul(srcWidth).add(b).rearrange(EVEN_THEN_ODD).intoArray(topIndex, j);
    }

    /** Gathers, pixel order, then per channel the lerps and the color step, stored. */
    private void bilinearChunk(int j, int lanes) {
        LongVector t0 = LongVector.fromArray(LS, pairs, 0, topIndex, j);
        LongVector t1 = LongVector.fromArray(LS, pairs, 0, topIndex, j + HALF);
        LongVector b0 = LongVector.fromArray(LS, pairs, 0, bottomIndex, j);
        LongVector b1 = LongVector.fromArray(LS, pairs, 0, bottomIndex, j + HALF);
        LongVector up = LongVector.broadcast(LS, 32);
        IntVector p00 = t0.and(LOW).or(t1.lanewise(VectorOperators.LSHL, up)).reinterpretAsInts();
        IntVector p01 = t0.lanewise(VectorOperators.LSHR, up).or(t1.and(HIGH)).reinterpretAsInts();
        IntVector p10 = b0.and(LOW).or(b1.lanewise(VectorOperators.LSHL, up)).reinterpretAsInts();
        IntVector p11 = b0.lanewise(VectorOperators.LSHR, up).or(b1.and(HIGH)).reinterpretAsInts();
        FloatVector fr = FloatVector.fromArray(FS, fracRow, j);
        FloatVector fc = FloatVector.fromArray(FS, fracCol, j);
        for (int ch = 0; ch < channels; ch++) {
            IntVector shift = IntVector.broadcast(IS, 8 * ch);
            FloatVector v00 = p00.lanewise(VectorOperators.LSHR, shift).and(0xFF).or(MAGIC).reinterpretAsFloats();
            FloatVector v01 = p01.lanewise(VectorOperators.LSHR, shift).and(0xFF).or(MAGIC).reinterpretAsFloats();
            FloatVector v10 = p10.lanewise(VectorOperators.LSHR, shift).and(0xFF).or(MAGIC).reinterpretAsFloats();
            FloatVector v11 = p11.lanewise(VectorOperators.LSHR, shift).and(0xFF).or(MAGIC).reinterpretAsFloats();
            FloatVector upper = v01.sub(v00).fma(fc, v00.sub(TWO_23));
            FloatVector lower = v11.sub(v10).fma(fc, v10.sub(TWO_23));
            FloatVector value = lower.sub(upper).fma(fr, upper).fma(scale[ch], offset[ch]);
            if (lanes == L) {
                value.intoArray(store, storeBase + ch * storeStep + j);
            } else {
                value.intoArray(store, storeBase + ch * storeStep + j, FS.indexInRange(0, lanes));
            }
        }
    }

    private void nearestChunk(int j, int lanes) {
        LongVector t0 = LongVector.fromArray(LS, pairs, 0, topIndex, j);
        LongVector t1 = LongVector.fromArray(LS, pairs, 0, topIndex, j + HALF);
        IntVector p = t0.and(LOW).or(t1.lanewise(VectorOperators.LSHL, LongVector.broadcast(LS, 32))).reinterpretAsInts();
        for (int ch = 0; ch < channels; ch++) {
            FloatVector value = ((FloatVector) p.lanewise(VectorOperators.LSHR, IntVector.broadcast(IS, 8 * ch))
                    .and(0xFF).convert(VectorOperators.I2F, 0)).fma(scale[ch], offset[ch]);
            if (lanes == L) {
                value.intoArray(store, storeBase + ch * storeStep + j);
            } else {
                value.intoArray(store, storeBase + ch * storeStep + j, FS.indexInRange(0, lanes));
            }
        }
    }

    /** Constant fill: stored lanes whose coordinate lies outside the source take the fill value. */
    private void fillOutside(int j, int lanes, float start0, float start1, float step0, float step1) {
        FloatVector iota = FloatVector.fromArray(FS, IOTA, 0);
        FloatVector r = iota.fma(step0, start0);
        FloatVector c = iota.fma(step1, start1);
        VectorMask<Float> outside = r.compare(VectorOperators.GE, 0f).and(r.compare(VectorOperators.LE, maxRow))
                .and(c.compare(VectorOperators.GE, 0f)).and(c.compare(VectorOperators.LE, maxCol)).not()
                .and(FS.indexInRange(0, lanes));
        for (int ch = 0; ch < channels; ch++) {
            int at = storeBase + ch * storeStep + j;
            FloatVector.broadcast(FS, fill[ch]).intoArray(store, at, outside);
        }
    }
}
