package io.jdatagen.spi.scalar;

import io.jdatagen.core.DataFormat;
import io.jdatagen.core.Tensor;
import io.jdatagen.spi.Backend;
import io.jdatagen.spi.ChannelStatistics;
import io.jdatagen.spi.GridConstantWarp;
import io.jdatagen.spi.OutputSlot;
import io.jdatagen.spi.PresizedWarp;
import io.jdatagen.spi.ResampleKernel;
import io.jdatagen.spi.SourceImage;
import io.jdatagen.spi.WarpPlan;
import io.jdatagen.spi.reference.ReferenceBackend;

/**
 * The {@code scalar} backend: plain Java, any JDK, no flag. Its warp is the one-lane form of the
 * {@code simd} backend's, so the two write identical bytes for every plan: plans without an affine
 * are copied ({@link ScalarCopy}); nearest and bilinear plans from 8-bit or float sources run
 * {@link ScalarWarp}, from a copy in the cache ({@link StagedSource}), under every fill mode
 * ({@code grid-constant} as {@code nearest} on the source framed by the fill value,
 * {@link GridConstantWarp}); B-spline orders 2-5 delegate to the {@link ReferenceBackend}, as
 * {@code simd}'s do. The statistics and the matrix product delegate to the reference, and Pillow
 * resampling runs {@link ScalarResample} (the same bytes as {@code simd}'s: Pillow's integer arithmetic).
 */
public final class ScalarBackend implements Backend {
    /** The provider name. */
    public static final String NAME = "scalar";
    private static final ScalarResample RESAMPLE = new ScalarResample();
    private final ReferenceBackend reference = new ReferenceBackend();

    /** Creates the backend (its provider does, when the backend is selected). */
    public ScalarBackend() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String describe() {
        return "plain Java, the one-lane form of simd's warp (the same bytes): copies, and nearest or bilinear"
                + " warps of 8-bit and float sources under every fill (grid-constant as nearest on the source"
                + " framed by the fill value); B-spline orders 2-5, statistics and matrix product delegated to the"
                + " reference; Pillow resampling's row pass on column arrays the JIT vectorises, its column pass"
                + " by PillowResample";
    }

    @Override
    public void warp(SourceImage source, WarpPlan plan, OutputSlot output) {
        plan.checkCompatible(source, output);
        if (plan.hasPresize()) {
            PresizedWarp.warp(this, source, plan, output);
            return;
        }
        if (plan.isIdentityAffine()) {
            ScalarCopy.copy(source, plan, output);
        } else if (GridConstantWarp.applies(plan)) {
            GridConstantWarp.warp(this, source, plan, output);
        } else if (ScalarWarp.supports(plan)) {
            ScalarWarp.warp(StagedSource.of(source), plan, output);
        } else {
            reference.warp(source, plan, output);
        }
    }

    /** Pillow's passes and nearest pick in plain Java ({@link ScalarResample}). */
    @Override
    public ResampleKernel resampling() {
        return RESAMPLE;
    }

    @Override
    public ChannelStatistics channelStatistics(Tensor batch, DataFormat format) {
        return reference.channelStatistics(batch, format);
    }

    @Override
    public void multiply(float[] a, int rows, int inner, double[] b, int cols, float[] out) {
        reference.multiply(a, rows, inner, b, cols, out);
    }
}
