package io.jdatagen.bench;

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
 * The memory-bound limit for identity and flip plans: {@code System.arraycopy} of one float32
 * output image (3·size² floats, 602 KB at 224). Scores are images per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BaselineBenchmark {
    /** Image height and width. */
    @Param({"224", "32"})
    public int size;

    private float[] from;
    private float[] to;

    /** Allocates the two images. */
    @Setup
    public void setup() {
        from = new float[3 * size * size];
        to = new float[from.length];
    }

    /** One float image copied. */
    @Benchmark
    public float[] arraycopyFloatImage() {
        System.arraycopy(from, 0, to, 0, from.length);
        return to;
    }
}
