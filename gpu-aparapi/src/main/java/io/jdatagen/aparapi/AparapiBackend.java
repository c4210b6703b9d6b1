package io.jdatagen.aparapi;

import com.aparapi.Kernel;
import com.aparapi.device.OpenCLDevice;
import com.aparapi.exception.CompileFailedException;
import com.aparapi.internal.kernel.KernelManager;
import io.jdatagen.core.DataFormat;
import io.jdatagen.core.DenseTensor;
import io.jdatagen.core.Tensor;
import io.jdatagen.spi.Backend;
import io.jdatagen.spi.ChannelStatistics;
import io.jdatagen.spi.OutputSlot;
import io.jdatagen.spi.PresizedWarp;
import io.jdatagen.spi.ResampleKernel;
import io.jdatagen.spi.SourceImage;
import io.jdatagen.spi.WarpKernel;
import io.jdatagen.spi.WarpPlan;
import io.jdatagen.spi.reference.PillowResample;
import io.jdatagen.spi.reference.ReferenceBackend;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * The OpenCL backend: the fused warp for a whole batch in one launch ({@link #warpBatch}; a
 * single {@link #warp} is a batch of one), per-channel statistics and the ZCA product, on one
 * OpenCL device through Aparapi, with explicit transfers and buffers reused while the batch
 * shape stays the same. A plan's presize of order 0 or 1 runs inside the same launch: the kernel
 * blends each presized value from the source as it reads it, so the presized image is never stored.
 *
 * <p>Thread safety: Aparapi kernels are not re-entrant, so every call holds this backend's lock;
 * loader workers sharing the backend queue on it while the device works. Each kernel is compiled
 * for the device before its first launch and checked after every launch: a kernel that did not run
 * on OpenCL (Aparapi's Java thread-pool fallback) is an error, never a silent result.
 */
final class AparapiBackend implements Backend {
    private static final int GROUP = 64;
    private final OpenCLDevice device;
    private final WarpBatchKernel warp = new WarpBatchKernel();
    private final ChannelSumsKernel sums = new ChannelSumsKernel();
    private final ProductKernel product = new ProductKernel();
    private final Set<Kernel> compiled = new HashSet<>();
    private final ReferenceBackend reference = new ReferenceBackend();
    private final PillowResample pillow = new PillowResample();
    private long launches;

    AparapiBackend(OpenCLDevice device) {
        this.device = device;
        for (Kernel k : List.of(warp, sums, product)) {
            k.setExplicit(true);
        }
    }

    @Override
    public String name() {
        return AparapiBackendProvider.NAME;
    }

    @Override
    public String describe() {
        return "Aparapi on " + OpenClDevices.describe(device) + ": batched warp, statistics and matrix product"
                + " native (float32 coordinates and Kahan sums), presizes of order 0-1 fused into the warp;"
                + " B-spline orders 2-5 and the mirror and grid-constant fills delegated to the reference"
                + " (a B-spline presize alone is resized there, then launched); Pillow resampling delegated to"
                + " PillowResample (plain Java)";
    }

    /** Kernel launches so far, all on OpenCL (each one is checked). */
    synchronized long launches() {
        return launches;
    }

    /** A batch of one: one launch, or the reference for what the kernel does not run. */
    @Override
    public void warp(SourceImage source, WarpPlan plan, OutputSlot output) {
        warpSlots(List.of(source), List.of(plan), k -> output, output.format());
    }

    /** {@return true: a launch costs the same for one image as for a batch} */
    @Override
    public boolean warpsBatchesAtOnce() {
        return true;
    }

    /**
     * One OpenCL launch for the whole batch; the transfer buffer is then written into the batch's
     * slots (in one piece per slot for a heap tensor, converted to the element type for a buffer).
     */
    @Override
    public void warpBatch(List<SourceImage> sources, List<WarpPlan> plans, DenseTensor batch, DataFormat format) {
        WarpKernel.checkBatch(sources, plans, batch);
        warpSlots(sources, plans, k -> OutputSlot.of(batch, k, format), format);
    }

    /**
     * Runs the plans the kernel supports in one launch and writes each result into its slot; the
     * others (B-spline orders, mirror and grid-constant fills) go to the reference, image by image,
     * so that a batch equals its images warped one by one. A plan the kernel runs but for its
     * B-spline presize has that presize resampled on the reference first, and its warp launched
     * with the others.
     */
    private void warpSlots(List<SourceImage> sources, List<WarpPlan> plans, IntFunction<OutputSlot> slots,
            DataFormat format) {
        if (sources.isEmpty()) {
            return;
        }
        List<Integer> launched = new ArrayList<>();
        List<SourceImage> launchedSources = new ArrayList<>();
        List<WarpPlan> launchedPlans = new ArrayList<>();
        for (int k = 0; k < sources.size(); k++) {
            OutputSlot slot = slots.apply(k);
            SourceImage source = sources.get(k);
            WarpPlan plan = plans.get(k);
            plan.checkCompatible(source, slot);
            if (!PlanRows.supported(plan.withoutPresize())) {
                reference.warp(source, plan, slot);
                continue;
            }
            if (!PlanRows.supported(plan)) {
                source = PresizedWarp.firstPass(reference, source, plan, format);
                plan = plan.withoutPresize();
            }
            launched.add(k);
            launchedSources.add(source);
            launchedPlans.add(plan);
        }
        if (launched.isEmpty()) {
            return;
        }
        OutputSlot first = slots.apply(launched.get(0));
        int item = first.height() * first.width() * first.channels();
        synchronized (this) {
            runWarp(launchedSources, launchedPlans, first.height(), first.width(), first.channels(), format);
            for (int t = 0; t < launched.size(); t++) {
                slots.apply(launched.get(t)).writeAll(warp.out, t * item);
            }
        }
    }

    /** Packs the batch into the warp kernel's arrays (reusing them when large enough) and runs it. */
    private void runWarp(List<SourceImage> sources, List<WarpPlan> plans, int height, int width, int channels,
            DataFormat format) {
        int n = sources.size();
        long bytes = 0;
        long floats = 0;
        long entries = 0;
        for (int k = 0; k < n; k++) {
            SourceImage s = sources.get(k);
            entries += PresizeTables.entries(s, plans.get(k));
            long size = (long) s.height() * s.width() * s.channels();
            if (s.isBytes()) {
                bytes += size;
            } else {
                floats += size;
            }
        }
        if (bytes > Integer.MAX_VALUE - 8 || floats > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a batch's sources must hold fewer than 2^31 samples of each type");
        }
        if (entries > Integer.MAX_VALUE / 2 - 8) {
            throw new IllegalArgumentException("a batch's presized rows and columns must number fewer than 2^30;"
                    + " got " + entries);
        }
        warp.srcBytes = capacity(warp.srcBytes, (int) bytes);
        warp.srcFloats = capacity(warp.srcFloats, (int) floats);
        warp.meta = exactly(warp.meta, n * WarpBatchKernel.META);
        warp.params = exactly(warp.params, n * WarpBatchKernel.PARAMS);
        warp.out = exactly(warp.out, n * height * width * channels);
        warp.axisTaps = capacity(warp.axisTaps, 2 * (int) entries);
        warp.axisWeights = capacity(warp.axisWeights, (int) entries);
        int byteOffset = 0;
        int floatOffset = 0;
        int tableAt = 0;
        for (int k = 0; k < n; k++) {
            SourceImage s = sources.get(k);
            int size = s.height() * s.width() * s.channels();
            int offset;
            if (s.isBytes()) {
                System.arraycopy(s.bytes(), s.offset(), warp.srcBytes, byteOffset, size);
                offset = byteOffset;
                byteOffset += size;
            } else {
                System.arraycopy(s.floats(), s.offset(), warp.srcFloats, floatOffset, size);
                offset = floatOffset;
                floatOffset += size;
            }
            PlanRows.write(s, plans.get(k), offset, warp.meta, k * WarpBatchKernel.META, warp.params,
                    k * WarpBatchKernel.PARAMS, tableAt, warp.axisTaps, warp.axisWeights);
            tableAt += PresizeTables.entries(s, plans.get(k));
        }
        warp.outHeight = height;
        warp.outWidth = width;
        warp.outChannels = channels;
        warp.outChannelsFirst = format == DataFormat.CHANNELS_FIRST ? 1 : 0;
        warp.total = n * height * width;
        warp.put(warp.srcBytes).put(warp.srcFloats).put(warp.meta).put(warp.params).put(warp.axisTaps)
                .put(warp.axisWeights);
        launch(warp, warp.total);
        warp.get(warp.out);
    }

    /** Pillow resampling is not a kernel here: {@link PillowResample}'s plain-Java passes and pick. */
    @Override
    public ResampleKernel resampling() {
        return pillow;
    }

    @Override
    public ChannelStatistics channelStatistics(Tensor batch, DataFormat format) {
        int[] layout = ChannelStatistics.channelsAndPlane(batch, format);
        int channels = layout[0];
        int plane = layout[1];
        long count = (long) batch.dim(0) * plane;
        if (count == 0 || count > Integer.MAX_VALUE) {
            return reference.channelStatistics(batch, format);
        }
        synchronized (this) {
            sums.x = batch.data();
            sums.channels = channels;
            sums.plane = plane;
            sums.channelsFirst = format == DataFormat.CHANNELS_FIRST ? 1 : 0;
            sums.count = (int) count;
            sums.chunks = (int) Math.max(1, Math.min(1024, count / 1024));
            sums.chunkLength = (int) ((count + sums.chunks - 1) / sums.chunks);
            sums.partial = exactly(sums.partial, channels * sums.chunks);
            sums.mean = exactly(sums.mean, channels);
            sums.put(sums.x);
            double[] mean = channelSums(0);
            for (int c = 0; c < channels; c++) {
                mean[c] /= count;
                sums.mean[c] = (float) mean[c];
            }
            double[] squares = channelSums(1);
            double[] std = new double[channels];
            for (int c = 0; c < channels; c++) {
                // Deviations from the float mean; correct for the rounding of the mean itself.
                double shift = mean[c] - sums.mean[c];
                std[c] = Math.sqrt(Math.max(0, squares[c] / count - shift * shift));
            }
            sums.x = new float[1];
            return new ChannelStatistics(mean, std);
        }
    }

    private double[] channelSums(int pass) {
        sums.pass = pass;
        sums.put(sums.mean);
        launch(sums, sums.channels * sums.chunks);
        sums.get(sums.partial);
        double[] total = new double[sums.channels];
        for (int c = 0; c < sums.channels; c++) {
            for (int t = 0; t < sums.chunks; t++) {
                total[c] += sums.partial[c * sums.chunks + t];
            }
        }
        return total;
    }

    @Override
    public void multiply(float[] a, int rows, int inner, double[] b, int cols, float[] out) {
        ReferenceBackend.checkProduct(a, rows, inner, b, cols, out);
        if ((long) rows * cols == 0) {
            return;
        }
        synchronized (this) {
            product.a = a;
            product.b = exactly(product.b, inner * cols);
            for (int k = 0; k < inner * cols; k++) {
                product.b[k] = (float) b[k];
            }
            product.out = exactly(product.out, rows * cols);
            product.rows = rows;
            product.inner = inner;
            product.cols = cols;
            product.put(product.a).put(product.b);
            launch(product, rows * cols);
            product.get(product.out);
            System.arraycopy(product.out, 0, out, 0, rows * cols);
            product.a = new float[1];
        }
    }

    /** Compiles {@code kernel} for the device once, runs it over {@code items} and checks it ran on OpenCL. */
    private void launch(Kernel kernel, int items) {
        if (compiled.add(kernel)) {
            try {
                kernel.compile(device);
            } catch (CompileFailedException e) {
                compiled.remove(kernel);
                throw new IllegalStateException("Aparapi cannot compile " + kernel.getClass().getSimpleName()
                        + " for " + OpenClDevices.describe(device) + ": " + e.getMessage(), e);
            }
        }
        int padded = (int) Math.min(Integer.MAX_VALUE, (items + (long) GROUP - 1) / GROUP * GROUP);
        kernel.execute(device.createRange(padded, GROUP));
        boolean fellBack = KernelManager.instance().getPreferences(kernel).getFailedDevices().contains(device);
        if (!kernel.isRunningCL() || fellBack) {
            throw new IllegalStateException("Aparapi ran " + kernel.getClass().getSimpleName() + " in its Java"
                    + " fallback instead of on " + OpenClDevices.describe(device) + "; refusing the result");
        }
        launches++;
    }

    private static byte[] capacity(byte[] a, int needed) {
        return a.length >= Math.max(1, needed) ? a : new byte[Math.max(1, needed + needed / 2)];
    }

    private static float[] capacity(float[] a, int needed) {
        return a.length >= Math.max(1, needed) ? a : new float[Math.max(1, needed + needed / 2)];
    }

    private static int[] capacity(int[] a, int needed) {
        return a.length >= Math.max(1, needed) ? a : new int[Math.max(1, needed + needed / 2)];
    }

    private static int[] exactly(int[] a, int length) {
        return a.length == length ? a : new int[length];
    }

    private static float[] exactly(float[] a, int length) {
        return a.length == length ? a : new float[length];
    }
}
