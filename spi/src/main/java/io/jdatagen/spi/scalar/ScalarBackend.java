package io.jdatagen.spi.scalar;

import io.jdatagen.core.DataFormat;
import io.jdatagen.core.Tensor;
import io.jdatagen.spi.Backend;
import io.jdatagen.spi.ChannelStatistics;
import io.jdatagen.spi.OutputSlot;
import io.jdatagen.spi.PresizedWarp;
import io.jdatagen.spi.ResampleKernel;
import io.jdatagen.spi.SourceImage;
import io.jdatagen.spi.WarpPlan;
import io.jdatagen.spi.reference.PillowResample;
import io.jdatagen.spi.reference.ReferenceBackend;

/**
 * The {@code scalar} backend: plain Java, any JDK, no flag. Warps 8-bit sources with nearest or
 * bilinear interpolation under the clamping fill modes (the common plans, the headline
 * augmentation among them) with a dedicated loop; every other plan, the statistics and the matrix
 * product delegate to the {@link ReferenceBackend}, and Pillow resampling runs {@link PillowResample}.
 */
public final class ScalarBackend implements Backend {
    /** The provider name. */
    public static final String NAME = "scalar";
    private static final PillowResample RESAMPLE = new PillowResample();
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
        return "plain Java: its own warp for 8-bit sources, nearest or bilinear, nearest or constant fill;"
                + " other plans, statistics and matrix product delegated to the reference; Pillow resampling by"
                + " PillowResample";
    }

    @Override
    public void warp(SourceImage source, WarpPlan plan, OutputSlot output) {
        plan.checkCompatible(source, output);
        if (plan.hasPresize()) {
            PresizedWarp.warp(this, source, plan, output);
            return;
        }
        if (ScalarWarp.supports(source, plan)) {
            ScalarWarp.warp(source, plan, output);
        } else {
            reference.warp(source, plan, output);
        }
    }

    /** Pillow's passes and nearest pick in plain Java ({@link PillowResample}). */
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
