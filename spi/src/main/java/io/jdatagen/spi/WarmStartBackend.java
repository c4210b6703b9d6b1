package io.jdatagen.spi;

import io.jdatagen.core.DataFormat;
import io.jdatagen.core.DenseTensor;
import io.jdatagen.core.Tensor;
import java.util.List;

/**
 * The warm start of automatic selection: each warp and resampling call runs on {@code cold} (a
 * backend fast from its first call, {@code scalar}) until {@link #start} has warmed {@code target}
 * (the selected backend, {@code simd}) on a daemon thread, or, without a spare core, until a number of
 * images has been warped, and on {@code target} from then on. The
 * choice is made per call (a batch handed to {@link #warpBatch} runs whole on one backend), so the
 * switch can fall between any two calls: it changes no byte because the two write identical bytes for
 * these kernels. Channel statistics and the matrix product, which the two compute in different
 * orders, always run on {@code target}, so a fit gives the same values whenever it happens. The
 * name and {@link #describe()} are the target's, since its results are what callers get.
 */
final class WarmStartBackend implements Backend {
    /** Where the warm-up stands. */
    enum Phase {
        /** Not started yet: calls run on the cold backend. */
        WAITING,
        /** The daemon thread is warming the target: calls run on the cold backend. */
        WARMING,
        /** The target is warm: calls run on it. */
        WARM,
        /** The warm-up threw: calls stay on the cold backend. */
        FAILED
    }

    private final Backend cold;
    private final Backend target;
    private final long startAfter;
    private final java.util.concurrent.atomic.AtomicLong images = new java.util.concurrent.atomic.AtomicLong();
    private final ResampleKernel resampling = new Resampling();
    private volatile Backend active;
    private volatile Phase phase = Phase.WAITING;
    private volatile String detail = "";

    /**
     * Starts on {@code cold}; {@link #start} warms {@code target} on the side, or the warp that brings the
     * images warped to {@code startAfter} switches to it at once.
     *
     * @param startAfter images to warp on {@code cold} before switching to {@code target} without a side
     *     warm-up (for a machine without a spare core): 0 switches only through {@link #start}; a positive
     *     count keeps short jobs entirely on {@code cold}
     * @throws IllegalArgumentException if either backend is null, both are the same backend, or
     *     {@code startAfter} is negative
     */
    WarmStartBackend(Backend cold, Backend target, long startAfter) {
        if (cold == null || target == null || cold == target) {
            throw new IllegalArgumentException("a warm start needs two different backends; got cold=" + cold
                    + ", target=" + target);
        }
        if (startAfter < 0) {
            throw new IllegalArgumentException("startAfter must be at least 0 images; got: " + startAfter);
        }
        this.cold = cold;
        this.target = target;
        this.startAfter = startAfter;
        this.active = cold;
    }

    /** A warm start that begins warming only through {@link #start}. */
    WarmStartBackend(Backend cold, Backend target) {
        this(cold, target, 0);
    }

    /**
     * Starts the daemon thread that warms the target and then switches to it; the thread ends when
     * it has switched. Calling it again does nothing.
     */
    synchronized void start() {
        if (phase != Phase.WAITING) {
            return;
        }
        phase = Phase.WARMING;
        Thread thread = new Thread(this::warmUp, "jdatagen-warm-up-" + target.name());
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    private void warmUp() {
        long start = System.nanoTime();
        try {
            KernelWarmUp warmUp = new KernelWarmUp(target, System::nanoTime);
            int rounds = warmUp.run();
            detail = String.format(java.util.Locale.ROOT, "%d rounds of %d synthetic calls in %.1f s",
                    rounds, warmUp.callsPerRound(), (System.nanoTime() - start) / 1e9);
            switchToTarget();
        } catch (RuntimeException | Error e) {
            detail = e.toString();
            phase = Phase.FAILED;
        }
    }

    /** Sends every later call to the target (the warm-up thread does this when done; tests call it). */
    void switchToTarget() {
        active = target;
        phase = Phase.WARM;
    }

    /** {@return where the warm-up stands} */
    Phase phase() {
        return phase;
    }

    /** {@return one line: the backend calls run on now, and why} */
    String state() {
        return switch (phase) {
            case WAITING -> "warm start: " + cold.name() + " until " + target.name() + " is warmed"
                    + (startAfter > 0 ? "; it switches after " + startAfter + " images (" + images.get()
                            + " so far)" : " (not started)");
            case WARMING -> "warm start: running " + cold.name() + " while " + target.name()
                    + "'s kernels are compiled on a daemon thread";
            case WARM -> "warm start: switched to " + target.name() + " after " + detail;
            case FAILED -> "warm start: the warm-up of " + target.name() + " failed (" + detail + "); staying on "
                    + cold.name();
        };
    }

    /** {@return the backend that runs the next warp or resampling call} */
    Backend active() {
        return active;
    }

    @Override
    public String name() {
        return target.name();
    }

    @Override
    public String describe() {
        return target.describe() + "; " + state();
    }

    @Override
    public void warp(SourceImage source, WarpPlan plan, OutputSlot output) {
        count(1);
        active.warp(source, plan, output);
    }

    @Override
    public void warpBatch(List<SourceImage> sources, List<WarpPlan> plans, DenseTensor batch, DataFormat format) {
        count(sources.size());
        active.warpBatch(sources, plans, batch, format);
    }

    /**
     * Counts warped images while waiting; when they reach {@code startAfter}, switches to the target at
     * once: its kernels then compile on the real calls, which costs the job the target's cold calls once
     * but no core beside the workers (a side warm-up on a machine without a spare core competes with them
     * for the rest of the job).
     */
    private void count(int n) {
        if (startAfter > 0 && phase == Phase.WAITING && images.addAndGet(n) >= startAfter) {
            synchronized (this) {
                if (phase == Phase.WAITING) {
                    detail = images.get() + " images on " + cold.name() + " (its kernels compiled on the real calls)";
                    switchToTarget();
                }
            }
        }
    }

    @Override
    public ResampleKernel resampling() {
        return resampling;
    }

    @Override
    public ChannelStatistics channelStatistics(Tensor batch, DataFormat format) {
        return target.channelStatistics(batch, format);
    }

    @Override
    public void multiply(float[] a, int rows, int inner, double[] b, int cols, float[] out) {
        target.multiply(a, rows, inner, b, cols, out);
    }

    /** Each pass on the resampling of the backend active at the call. */
    private final class Resampling implements ResampleKernel {
        @Override
        public void resampleRows(byte[] src, int srcWidth, int channels, int firstRow, int rows, ResampleTable table,
                byte[] out) {
            active.resampling().resampleRows(src, srcWidth, channels, firstRow, rows, table, out);
        }

        @Override
        public void resampleColumns(byte[] src, int width, int channels, ResampleTable table, byte[] out) {
            active.resampling().resampleColumns(src, width, channels, table, out);
        }

        @Override
        public void resampleNearest(byte[] src, int srcWidth, int channels, int[] rows, int[] cols, byte[] out) {
            active.resampling().resampleNearest(src, srcWidth, channels, rows, cols, out);
        }
    }
}
