package io.jdatagen.bench;

import io.jdatagen.core.DataFormat;
import io.jdatagen.core.Tensor;
import io.jdatagen.spi.Backend;
import io.jdatagen.spi.Backends;
import io.jdatagen.spi.SourceImage;
import io.jdatagen.spi.WarpPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The batch path: {@code warpBatch} of 32 or 128 u8 224×224×3 images with the headline plans into
 * a float32 NCHW batch, per backend (scores are images per second). For {@code aparapi} one call
 * is one OpenCL launch and includes packing the sources and both transfers; {@code simd} and
 * {@code reference} warp image by image on the calling thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class BatchWarpBenchmark {
    private static final int SIZE = 224;

    /** The backend under test. */
    @Param({"aparapi", "simd", "reference"})
    public String backend;

    private Backend kernels;
    private List<SourceImage> sources;
    private WarpPlan[] plans;
    private Tensor batch32;
    private Tensor batch128;
    private int next;

    /** Builds 128 random images, the headline plans and the batches. */
    @Setup
    public void setup() {
        kernels = Backends.named(backend);
        SplittableRandom r = new SplittableRandom(1);
        sources = new ArrayList<>();
        for (int k = 0; k < 128; k++) {
            byte[] pixels = new byte[SIZE * SIZE * 3];
            r.nextBytes(pixels);
            sources.add(SourceImage.ofBytes(pixels, 0, SIZE, SIZE, 3));
        }
        plans = HeadlinePlans.plans("headline", SIZE, SIZE, 3);
        batch32 = Tensor.zeros(32, 3, SIZE, SIZE);
        batch128 = Tensor.zeros(128, 3, SIZE, SIZE);
    }

    private Tensor run(Tensor batch) {
        int n = batch.dim(0);
        List<WarpPlan> chosen = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            next = (next + 1) & (HeadlinePlans.COUNT - 1);
            chosen.add(plans[next]);
        }
        kernels.warpBatch(sources.subList(0, n), chosen, batch, DataFormat.CHANNELS_FIRST);
        return batch;
    }

    /** A batch of 32. */
    @Benchmark
    @OperationsPerInvocation(32)
    public Tensor batchOf32() {
        return run(batch32);
    }

    /** A batch of 128. */
    @Benchmark
    @OperationsPerInvocation(128)
    public Tensor batchOf128() {
        return run(batch128);
    }
}
