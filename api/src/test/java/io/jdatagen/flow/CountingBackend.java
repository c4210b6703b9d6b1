package io.jdatagen.flow;

import io.jdatagen.core.DataFormat;
import io.jdatagen.core.DenseTensor;
import io.jdatagen.core.Tensor;
import io.jdatagen.spi.Backend;
import io.jdatagen.spi.ChannelStatistics;
import io.jdatagen.spi.OutputSlot;
import io.jdatagen.spi.ResampleKernel;
import io.jdatagen.spi.SourceImage;
import io.jdatagen.spi.WarpPlan;
import io.jdatagen.spi.reference.ReferenceBackend;
import java.util.List;

/**
 * The reference backend, counting the calls that reach it: per-sample warps, batch warps and the images in them.
 * It says it {@linkplain #warpsBatchesAtOnce() wants whole batches}, as a GPU does, unless made by
 * {@link #imageByImage()}.
 */
public final class CountingBackend implements Backend {
    private final ReferenceBackend reference = new ReferenceBackend();
    private final boolean atOnce;
    /** Calls of {@link #warp}. */
    public int warps;
    /** Calls of {@code warpBatch}, heap and buffer batches alike. */
    public int batchWarps;
    /** Images over all batch warps. */
    public int batchImages;
    /** The plans of the last batch warp. */
    public List<WarpPlan> lastPlans = List.of();

    /** A counting backend that wants whole batches. */
    public CountingBackend() {
        this(true);
    }

    private CountingBackend(boolean atOnce) {
        this.atOnce = atOnce;
    }

    /** {@return a counting backend that, as the CPU backends, does not ask for whole batches} */
    public static CountingBackend imageByImage() {
        return new CountingBackend(false);
    }

    @Override
    public boolean warpsBatchesAtOnce() {
        return atOnce;
    }

    @Override
    public String name() {
        return "counting";
    }

    @Override
    public String describe() {
        return "counting calls into the reference";
    }

    @Override
    public synchronized void warp(SourceImage source, WarpPlan plan, OutputSlot output) {
        warps++;
        reference.warp(source, plan, output);
    }

    @Override
    public synchronized void warpBatch(List<SourceImage> sources, List<WarpPlan> plans, DenseTensor batch,
            DataFormat format) {
        batchWarps++;
        batchImages += sources.size();
        lastPlans = List.copyOf(plans);
        reference.warpBatch(sources, plans, batch, format);
    }

    @Override
    public ChannelStatistics channelStatistics(Tensor batch, DataFormat format) {
        return reference.channelStatistics(batch, format);
    }

    @Override
    public void multiply(float[] a, int rows, int inner, double[] b, int cols, float[] out) {
        reference.multiply(a, rows, inner, b, cols, out);
    }

    @Override
    public ResampleKernel resampling() {
        return reference.resampling();
    }
}
