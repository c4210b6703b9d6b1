package io.jdatagen.bench;

import io.jdatagen.core.DataFormat;
import io.jdatagen.core.Tensor;
import io.jdatagen.spi.Backend;
import io.jdatagen.spi.Backends;
import io.jdatagen.spi.OutputSlot;
import io.jdatagen.spi.SourceImage;
import io.jdatagen.spi.WarpPlan;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * jdatagen's fused warp per backend: one u8 HWC RGB image into a float32 batch slot per
 * operation (scores are images per second, per thread count). Plans: {@code headline} (NCHW),
 * {@code headline-nhwc}, {@code headline-float} (NHWC from a float32 HWC image of fractional values, as
 * images scaled or color-shifted before the warp arrive), {@code nearest} (headline geometry, order 0),
 * {@code flip} (flip and normalise only).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class WarpBenchmark {
    /** The backend under test. */
    @Param({"simd", "scalar", "reference"})
    public String backend;

    /** The plan family (see the class doc). */
    @Param({"headline", "headline-nhwc", "headline-float", "nearest", "flip"})
    public String plan;

    /** Image height and width. */
    @Param({"224", "32"})
    public int size;

    /**
     * Output slots written in turn: 1 reuses one image's tensor (which stays in cache at small
     * sizes); 32 writes each image into the next slot of a 32-image batch, as a flow does.
     */
    @Param({"1"})
    public int slots;

    private Backend kernels;
    private SourceImage source;
    private WarpPlan[] plans;
    private OutputSlot[] slot;
    private int next;

    /** Builds the image, the plans and the output slots. */
    @Setup
    public void setup() {
        kernels = Backends.named(backend);
        byte[] pixels = new byte[size * size * 3];
        new SplittableRandom(1).nextBytes(pixels);
        source = SourceImage.ofBytes(pixels, 0, size, size, 3);
        if (plan.equals("headline-float")) {
            Tensor image = Tensor.zeros(size, size, 3);
            for (int k = 0; k < pixels.length; k++) {
                image.data()[k] = (pixels[k] & 0xFF) + 0.5f;
            }
            source = SourceImage.of(image, DataFormat.CHANNELS_LAST);
        }
        boolean nhwc = plan.equals("headline-nhwc") || plan.equals("headline-float");
        plans = HeadlinePlans.plans(nhwc ? "headline" : plan, size, size, 3);
        DataFormat format = nhwc ? DataFormat.CHANNELS_LAST : DataFormat.CHANNELS_FIRST;
        Tensor batch = Tensor.zeros(slots, format == DataFormat.CHANNELS_FIRST ? 3 : size, size,
                format == DataFormat.CHANNELS_FIRST ? size : 3);
        slot = new OutputSlot[slots];
        for (int k = 0; k < slots; k++) {
            slot[k] = OutputSlot.of(batch, k, format);
        }
    }

    private Tensor warp() {
        next = (next + 1) & Integer.MAX_VALUE;
        OutputSlot target = slot[next % slots];
        kernels.warp(source, plans[next & (HeadlinePlans.COUNT - 1)], target);
        return target.target();
    }

    /** One thread. */
    @Benchmark
    public Tensor oneThread() {
        return warp();
    }

    /** Two threads (each with its own state); the score is the total. */
    @Benchmark
    @Threads(2)
    public Tensor twoThreads() {
        return warp();
    }
}
