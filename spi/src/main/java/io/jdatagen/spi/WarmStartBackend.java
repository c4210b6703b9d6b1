package io.jdatagen.spi;

import io.jdatagen.core.DataFormat;
import io.jdatagen.core.DenseTensor;
import io.jdatagen.core.Tensor;
import java.util.List;

/**
 * The warm start of automatic selection: each warp and resampling call runs on {@code cold} (a
 * backend fast from its first call, {@code scalar}) until {@code target} (the selected backend,
 * {@code simd}) is warm for it, and on {@code target} from then on. Warps and Pillow's resampling
 * passes switch separately, because their costs differ by an order of magnitude: the resampling
 * passes compile in a fraction of a second and save about a millisecond per resized image, so a short
 * warm-up of them alone starts on a daemon thread at the first resampling call, or, without a spare
 * core, once the cold passes have taken about what that warm-up costs; the warps need a few CPU-seconds of compilation to save about half a millisecond per
 * image, so {@link #start} warms them (and the passes) on a daemon thread, or, without a spare core,
 * the warp that brings the images warped to {@code startAfter} switches them at once. The choice is
 * made per call (a batch handed to {@link #warpBatch} runs whole on one backend), so a switch can fall
 * between any two calls: it changes no byte because the two write identical bytes for these kernels.
 * Channel statistics and the matrix product, which the two compute in different orders, always run on
 * {@code target}, so a fit gives the same values whenever it happens. The name and {@link #describe()}
 * are the target's, since its results are what callers get.
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
    /** The backend Pillow's passes run on, switched by their own warm-up or with the warps. */
    private volatile Backend activeResampling;
    /** Time spent in the cold backend's resampling passes before their warm-up starts, in nanoseconds. */
    private final long resamplingStartAfterNanos;
    private final java.util.concurrent.atomic.AtomicLong resamplingSpent = new java.util.concurrent.atomic.AtomicLong();
    private volatile Phase resamplingPhase = Phase.WAITING;
    private volatile String resamplingDetail = "";

    /**
     * Starts on {@code cold}; {@link #start} warms {@code target} on the side, or the warp that brings the
     * images warped to {@code startAfter} switches to it at once; the resampling passes start their own
     * warm-up once the cold passes have taken {@code resamplingStartAfter} in all.
     *
     * @param startAfter images to warp on {@code cold} before switching to {@code target} without a side
     *     warm-up (for a machine without a spare core): 0 switches only through {@link #start}; a positive
     *     count keeps short jobs entirely on {@code cold}
     * @param resamplingStartAfter the time the resampling passes spend on {@code cold} (summed over threads)
     *     before their side warm-up starts: zero starts it at the first pass; on a machine without a spare
     *     core, about the warm-up's own cost, so that a job resizing little never pays for it
     * @throws IllegalArgumentException if either backend is null, both are the same backend, or
     *     {@code startAfter} or {@code resamplingStartAfter} is negative
     */
    WarmStartBackend(Backend cold, Backend target, long startAfter, java.time.Duration resamplingStartAfter) {
        if (cold == null || target == null || cold == target) {
            throw new IllegalArgumentException("a warm start needs two different backends; got cold=" + cold
                    + ", target=" + target);
        }
        if (startAfter < 0) {
            throw new IllegalArgumentException("startAfter must be at least 0 images; got: " + startAfter);
        }
        if (resamplingStartAfter.isNegative()) {
            throw new IllegalArgumentException("resamplingStartAfter must not be negative; got: "
                    + resamplingStartAfter);
        }
        this.cold = cold;
        this.target = target;
        this.startAfter = startAfter;
        this.resamplingStartAfterNanos = resamplingStartAfter.toNanos();
        this.active = cold;
        this.activeResampling = cold;
    }

    /** A warm start whose resampling warm-up starts at the first pass. */
    WarmStartBackend(Backend cold, Backend target, long startAfter) {
        this(cold, target, startAfter, java.time.Duration.ZERO);
    }

    /** A warm start that begins warming the warps only through {@link #start}. */
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
        startDaemon(this::warmUp, "jdatagen-warm-up-" + target.name());
    }

    /** Starts {@code body} on a daemon thread of the lowest priority, named {@code name}. */
    private static void startDaemon(Runnable body, String name) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    private void warmUp() {
        long start = System.nanoTime();
        try {
            KernelWarmUp warmUp = new KernelWarmUp(target, WarmUpWorkload.everything(), System::nanoTime);
            detail = rounds(warmUp.run(), warmUp, start);
            switchToTarget();
        } catch (RuntimeException | Error e) {
            detail = e.toString();
            phase = Phase.FAILED;
        }
    }

    /**
     * Starts the daemon thread that warms the target's resampling passes alone and then switches them to
     * it (a resampling call does this once the cold passes have taken their budget); calling it again, or
     * after the warps switched, does nothing.
     */
    private void startResampling() {
        synchronized (this) {
            if (resamplingPhase != Phase.WAITING) {
                return;
            }
            resamplingPhase = Phase.WARMING;
        }
        startDaemon(this::warmUpResampling, "jdatagen-warm-up-" + target.name() + "-resampling");
    }

    private void warmUpResampling() {
        long start = System.nanoTime();
        try {
            KernelWarmUp warmUp = new KernelWarmUp(target, WarmUpWorkload.resamplingOnly(), System::nanoTime);
            String done = rounds(warmUp.run(), warmUp, start);
            synchronized (this) {
                if (resamplingPhase == Phase.WARMING) {
                    resamplingDetail = done;
                    activeResampling = target;
                    resamplingPhase = Phase.WARM;
                }
            }
        } catch (RuntimeException | Error e) {
            synchronized (this) {
                if (resamplingPhase == Phase.WARMING) {
                    resamplingDetail = e.toString();
                    resamplingPhase = Phase.FAILED;
                }
            }
        }
    }

    private static String rounds(int rounds, KernelWarmUp warmUp, long start) {
        return String.format(java.util.Locale.ROOT, "%d rounds of %d synthetic calls in %.1f s", rounds,
                warmUp.callsPerRound(), (System.nanoTime() - start) / 1e9);
    }

    /**
     * Sends every later call, warps and resampling, to the target (the warm-up thread does this when
     * done; tests call it); resampling whose own warm-up failed stays on the cold backend.
     */
    synchronized void switchToTarget() {
        active = target;
        phase = Phase.WARM;
        if (resamplingPhase == Phase.WAITING || resamplingPhase == Phase.WARMING) {
            resamplingDetail = "switching with the warps";
            activeResampling = target;
            resamplingPhase = Phase.WARM;
        }
    }

    /** {@return where the warps' warm-up stands} */
    Phase phase() {
        return phase;
    }

    /** {@return where the resampling passes' warm-up stands} */
    Phase resamplingPhase() {
        return resamplingPhase;
    }

    /** {@return one line: the backends warps and resampling run on now, and why} */
    String state() {
        return warpState() + "; " + resamplingState();
    }

    private String resamplingState() {
        return switch (resamplingPhase) {
            case WAITING -> "resampling on " + cold.name() + (resamplingStartAfterNanos == 0
                    ? " until its first call warms " + target.name() + "'s"
                    : String.format(java.util.Locale.ROOT, " until it has taken %.1f s (%.1f s so far)",
                            resamplingStartAfterNanos / 1e9, resamplingSpent.get() / 1e9));
            case WARMING -> "resampling on " + cold.name() + " while " + target.name() + "'s passes are compiled";
            case WARM -> "resampling on " + target.name() + " after " + resamplingDetail;
            case FAILED -> "the warm-up of " + target.name() + "'s resampling failed (" + resamplingDetail
                    + "); resampling stays on " + cold.name();
        };
    }

    private String warpState() {
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

    /** {@return the backend that runs the next warp} */
    Backend active() {
        return active;
    }

    /** {@return the backend that runs the next resampling pass} */
    Backend activeResampling() {
        return activeResampling;
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

    /** Runs on the backend the warps run on: the two give the same bits. */
    @Override
    public void contrast(float[] data, int offset, int length, float[] centers, float factor, float lo, float hi) {
        active.contrast(data, offset, length, centers, factor, lo, hi);
    }

    /** Runs on the backend the warps run on: the two give the same bits. */
    @Override
    public void solarize(float[] data, int offset, int length, float addition, float threshold) {
        active.solarize(data, offset, length, addition, threshold);
    }

    /** Runs on the backend the warps run on: the two give the same bits. */
    @Override
    public void extremes(float[] data, int offset, int length, float[] low, float[] high) {
        active.extremes(data, offset, length, low, high);
    }

    /** Runs on the backend the warps run on: the two give the same bits. */
    @Override
    public void stretch(float[] data, int offset, int length, float[] scales, float[] offsets, float lo, float hi) {
        active.stretch(data, offset, length, scales, offsets, lo, hi);
    }

    /** Runs on the backend the warps run on: the two give the same bits. */
    @Override
    public void towardsGrey(float[] data, int offset, int pixels, float[] weights, float factor, float lo, float hi) {
        active.towardsGrey(data, offset, pixels, weights, factor, lo, hi);
    }

    /** Runs on the backend the warps run on: the two give the same bits. */
    @Override
    public void sharpen(float[] data, int offset, int height, int length, int pixel, float edge, float centre,
            float keep, float lo, float hi) {
        active.sharpen(data, offset, height, length, pixel, edge, centre, keep, lo, hi);
    }

    /** Runs on the backend the warps run on: the two count alike. */
    @Override
    public void histogram(float[] data, int offset, int length, int channels, float scale, float shift, int bins,
            int[] hist, int first) {
        active.histogram(data, offset, length, channels, scale, shift, bins, hist, first);
    }

    /** Runs on the backend the warps run on: the two give the same floats. */
    @Override
    public void equalize(float[] data, int offset, int length, int channels, float scale, float shift, int bins,
            float[] table, int first) {
        active.equalize(data, offset, length, channels, scale, shift, bins, table, first);
    }

    /** {@return whether either backend this one runs on wants whole batches} */
    @Override
    public boolean warpsBatchesAtOnce() {
        return cold.warpsBatchesAtOnce() || target.warpsBatchesAtOnce();
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

    /**
     * Each pass on the resampling of the backend active for resampling at the call; while waiting, the
     * time of the cold passes counts towards starting their warm-up.
     */
    private final class Resampling implements ResampleKernel {
        private void run(java.util.function.Consumer<ResampleKernel> pass) {
            if (resamplingPhase != Phase.WAITING) {
                pass.accept(activeResampling.resampling());
                return;
            }
            long start = System.nanoTime();
            pass.accept(cold.resampling());
            if (resamplingSpent.addAndGet(System.nanoTime() - start) >= resamplingStartAfterNanos) {
                startResampling();
            }
        }

        @Override
        public void resampleRows(byte[] src, int srcWidth, int channels, int firstRow, int rows, ResampleTable table,
                byte[] out) {
            run(k -> k.resampleRows(src, srcWidth, channels, firstRow, rows, table, out));
        }

        @Override
        public void resampleColumns(byte[] src, int width, int channels, ResampleTable table, byte[] out) {
            run(k -> k.resampleColumns(src, width, channels, table, out));
        }

        @Override
        public void resampleNearest(byte[] src, int srcWidth, int channels, int[] rows, int[] cols, byte[] out) {
            run(k -> k.resampleNearest(src, srcWidth, channels, rows, cols, out));
        }
    }
}
