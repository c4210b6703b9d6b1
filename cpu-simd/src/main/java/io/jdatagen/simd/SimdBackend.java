package io.jdatagen.simd;

import io.jdatagen.core.DataFormat;
import io.jdatagen.core.Tensor;
import io.jdatagen.spi.Backend;
import io.jdatagen.spi.ChannelStatistics;
import io.jdatagen.spi.GridConstantWarp;
import io.jdatagen.spi.OutputSlot;
import io.jdatagen.spi.PixelKernel;
import io.jdatagen.spi.PresizedWarp;
import io.jdatagen.spi.ResampleKernel;
import io.jdatagen.spi.SourceImage;
import io.jdatagen.spi.WarpPlan;
import io.jdatagen.spi.reference.PillowResample;
import io.jdatagen.spi.reference.ReferenceBackend;
import jdk.incubator.vector.FloatVector;

/**
 * The Vector API backend: the fused warp ({@link SimdWarp}, with a copy fast path for plans
 * without an affine, and the packed pair gathers of {@link PairGatherWarp} for 8-bit sources and for
 * float32 channels-last sources whose samples are all whole numbers in 0..255 ({@link WholeBytes}), which
 * give the same bits; other float32 sources of finite values take the same gathers over one plane of pairs
 * per channel, {@link FloatPairs}, again with the same bits), vectorised channel statistics
 * ({@link SimdStatistics}), the ZCA product ({@link SimdMatrix}), the contrast, sharpening and other color
 * passes ({@link SimdContrast}, {@link SimdSharpen}, {@link SimdColor}) and Pillow's
 * resampling ({@link SimdResample}, {@link SimdNearest}).
 * Thread-safe: per-thread scratch.
 */
final class SimdBackend implements Backend {
    private static final ResampleKernel RESAMPLING = new SimdResampling();

    /**
     * Whether this JDK boxes the Vector API's casts, gathers and two-vector rearranges (below JDK 21, where
     * {@code simd} is not auto-selected): the passes built on them then run the plain loops, which give the same
     * bits and ran 1.6-2.1 times faster there (grey blends and equalization on JDK 17).
     */
    private static final boolean BOXES = Runtime.version().feature() < SimdBackendProvider.FIRST_FAST_RELEASE;
    private final ReferenceBackend reference = new ReferenceBackend();

    SimdBackend() {
    }

    @Override
    public String name() {
        return SimdBackendProvider.NAME;
    }

    @Override
    public String describe() {
        return "Vector API " + FloatVector.SPECIES_PREFERRED + ": warp (gathers, float coordinates from a"
                + " double base per 16-column block; the same bytes as scalar), channel statistics, matrix product,"
                + " the contrast pass and Pillow resampling (RGB rows, all columns, nearest picks) native;"
                + " grid-constant as nearest on the source framed by the fill value; B-spline orders 2-5 delegated"
                + " to the reference; rows of other channel counts and short nearest chunks delegated to"
                + " PillowResample";
    }

    @Override
    public void warp(SourceImage source, WarpPlan plan, OutputSlot output) {
        plan.checkCompatible(source, output);
        if (plan.hasPresize()) {
            PresizedWarp.warp(this, source, plan, output);
            return;
        }
        if (GridConstantWarp.applies(plan)) {
            GridConstantWarp.warp(this, source, plan, output);
        } else if (!plan.isIdentityAffine() && delegated(plan)) {
            reference.warp(source, plan, output);
        } else if (plan.isIdentityAffine()) {
            CopyKernel.run(source, plan, output);
        } else if (PairGatherWarp.covers(source, plan)) {
            PairGatherWarp.run(source, plan, output);
        } else {
            SourceImage whole = PairGatherWarp.coversFill(plan) ? WholeBytes.of(source) : null;
            if (whole != null) {
                PairGatherWarp.run(whole, plan, output);
            } else if (!PairGatherWarp.runFloats(source, plan, output)) {
                SimdWarp.run(source, plan, output);
            }
        }
    }

    /** B-spline orders 2-5 go to the reference backend. */
    static boolean delegated(WarpPlan plan) {
        return plan.interpolation().order() > 1;
    }

    /** RGB rows, columns and nearest picks vectorised ({@link SimdResampling}). */
    @Override
    public ResampleKernel resampling() {
        return RESAMPLING;
    }

    @Override
    public ChannelStatistics channelStatistics(Tensor batch, DataFormat format) {
        return SimdStatistics.of(batch, format);
    }

    @Override
    public void multiply(float[] a, int rows, int inner, double[] b, int cols, float[] out) {
        ReferenceBackend.checkProduct(a, rows, inner, b, cols, out);
        SimdMatrix.multiply(a, rows, inner, b, cols, out);
    }

    @Override
    public void solarize(float[] data, int offset, int length, float addition, float threshold) {
        if (Float.isNaN(threshold)) {
            Backend.super.solarize(data, offset, length, addition, threshold);
            return;
        }
        PixelKernel.checkRange(data, offset, length);
        SimdColor.solarize(data, offset, length, addition, threshold);
    }

    @Override
    public void extremes(float[] data, int offset, int length, float[] low, float[] high) {
        PixelKernel.checkPeriod(data, offset, length, low, high);
        SimdColor.extremes(data, offset, length, low, high);
    }

    @Override
    public void stretch(float[] data, int offset, int length, float[] scales, float[] offsets, float lo, float hi) {
        PixelKernel.checkPeriod(data, offset, length, scales, offsets);
        SimdColor.stretch(data, offset, length, scales, offsets, lo, hi);
    }

    @Override
    public void towardsGrey(float[] data, int offset, int pixels, float[] weights, float factor, float lo, float hi) {
        if (BOXES) {
            Backend.super.towardsGrey(data, offset, pixels, weights, factor, lo, hi);
            return;
        }
        PixelKernel.checkGrey(data, offset, pixels, weights);
        SimdColor.towardsGrey(data, offset, pixels, weights, factor, lo, hi);
    }

    @Override
    public void sharpen(float[] data, int offset, int height, int length, int pixel, float edge, float centre,
            float keep, float lo, float hi) {
        PixelKernel.checkPlane(data, offset, height, length, pixel);
        SimdSharpen.run(data, offset, height, length, pixel, edge, centre, keep, lo, hi);
    }

    @Override
    public void histogram(float[] data, int offset, int length, int channels, float scale, float shift, int bins,
            int[] hist, int first) {
        if (BOXES) {
            Backend.super.histogram(data, offset, length, channels, scale, shift, bins, hist, first);
            return;
        }
        PixelKernel.checkHistogram(data, offset, length, channels, bins, hist.length, first);
        SimdColor.histogram(data, offset, length, channels, scale, shift, bins, hist, first);
    }

    @Override
    public void equalize(float[] data, int offset, int length, int channels, float scale, float shift, int bins,
            float[] table, int first) {
        if (BOXES) {
            Backend.super.equalize(data, offset, length, channels, scale, shift, bins, table, first);
            return;
        }
        PixelKernel.checkHistogram(data, offset, length, channels, bins, table.length, first);
        SimdColor.equalize(data, offset, length, channels, scale, shift, bins, table, first);
    }

    @Override
    public void contrast(float[] data, int offset, int length, float[] centers, float factor, float lo, float hi) {
        PixelKernel.checkRun(data, offset, length, centers);
        SimdContrast.run(data, offset, length, centers, factor, lo, hi);
    }
}
