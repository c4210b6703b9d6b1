package io.jdatagen.bench;

import io.jdatagen.core.BufferTensor;
import io.jdatagen.core.DataFormat;
import io.jdatagen.core.ElementType;
import io.jdatagen.core.Tensor;
import io.jdatagen.spi.Backend;
import io.jdatagen.spi.Backends;
import io.jdatagen.spi.SourceImage;
import io.jdatagen.spi.WarpPlan;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Handing a 32×3×224×224 batch (headline plans, u8 sources, NCHW) to a native framework, in
 * milliseconds per batch. {@code heap-copy}: the batch is built in a heap float32 tensor, then
 * copied into new direct memory, which is what DJL's {@code NDManager.create(FloatBuffer)} does
 * with a heap buffer: the path before buffered output. {@code heap-copy-reused}: the same copy
 * into direct memory reused from batch to batch (the best a copying adapter could do).
 * {@code float32}, {@code float16}, {@code uint8}: the kernels write the batch straight into
 * pooled direct memory of that type, which the framework adopts as is and gives back after the
 * step ({@code Batch.release()}); the pool is one free buffer, what a flow's pool holds in the
 * steady state of one batch in flight. {@code handOffOnly} measures the hand-off of a built batch alone.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class HandOffBenchmark {
    private static final int SIZE = 224;
    private static final int BATCH = 32;
    private static final int[] SHAPE = {BATCH, 3, SIZE, SIZE};

    /** How the batch reaches the framework (see the class doc). */
    @Param({"heap-copy", "heap-copy-reused", "float32", "float16", "uint8"})
    public String output;

    /** The backend writing the batch. */
    @Param({"simd", "scalar"})
    public String backend;

    private Backend kernels;
    private List<SourceImage> sources;
    private List<WarpPlan> plans;
    private Tensor built;
    private BufferTensor adopted;
    private ByteBuffer reused;
    /** The pool: the buffer given back by the last release, or null while a batch holds it. */
    private ByteBuffer free;

    /** Builds 32 random images, the headline plans and one built batch for {@link #handOffOnly}. */
    @Setup
    public void setup() {
        kernels = Backends.named(backend);
        SplittableRandom r = new SplittableRandom(1);
        sources = new ArrayList<>();
        for (int k = 0; k < BATCH; k++) {
            byte[] pixels = new byte[SIZE * SIZE * 3];
            r.nextBytes(pixels);
            sources.add(SourceImage.ofBytes(pixels, 0, SIZE, SIZE, 3));
        }
        plans = Arrays.asList(HeadlinePlans.plans("headline", SIZE, SIZE, 3)).subList(0, BATCH);
        built = Tensor.zeros(SHAPE);
        kernels.warpBatch(sources, plans, built, DataFormat.CHANNELS_FIRST);
        adopted = output.startsWith("heap") ? null : BufferTensor.allocate(ElementType.parse(output), SHAPE);
        reused = ByteBuffer.allocateDirect(built.size() * 4).order(ByteOrder.nativeOrder());
    }

    /** Builds a batch and hands it over; the framework reads the returned buffer, then gives it back. */
    @Benchmark
    public ByteBuffer buildAndHandOff() {
        if (output.startsWith("heap")) {
            Tensor batch = Tensor.zeros(SHAPE);
            kernels.warpBatch(sources, plans, batch, DataFormat.CHANNELS_FIRST);
            return copyToDirect(batch);
        }
        BufferTensor batch = take(ElementType.parse(output));
        kernels.warpBatch(sources, plans, batch, DataFormat.CHANNELS_FIRST);
        ByteBuffer handedOff = batch.buffer();
        batch.release();
        return handedOff;
    }

    /** The hand-off of an already built batch. */
    @Benchmark
    public ByteBuffer handOffOnly() {
        if (output.startsWith("heap")) {
            return copyToDirect(built);
        }
        return BufferTensor.wrap(adopted.buffer(), adopted.elementType(), SHAPE).buffer();
    }

    /** A tensor over the free buffer (new direct memory the first time) that gives it back on release. */
    private BufferTensor take(ElementType type) {
        ByteBuffer memory = free != null ? free
                : ByteBuffer.allocateDirect(BufferTensor.byteSize(type, SHAPE)).order(ByteOrder.nativeOrder());
        free = null;
        return BufferTensor.pooled(memory, type, given -> free = given, SHAPE);
    }

    private ByteBuffer copyToDirect(Tensor batch) {
        ByteBuffer direct = output.equals("heap-copy-reused") ? reused
                : ByteBuffer.allocateDirect(batch.size() * 4).order(ByteOrder.nativeOrder());
        direct.asFloatBuffer().put(0, batch.data());
        return direct;
    }
}
