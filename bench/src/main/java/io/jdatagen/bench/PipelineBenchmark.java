package io.jdatagen.bench;

import io.jdatagen.data.Batch;
import io.jdatagen.data.Loader;
import io.jdatagen.flow.FileFlow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The whole path: a directory of 500×375 JPEGs (quality 90, photo-like content) →
 * {@code flowFromDirectory} with target 224×224 → headline augmentation (rotation ±15°, shift
 * ±10%, zoom 0.9–1.1, horizontal flip, rescale 1/255, featurewise mean/std, bilinear warp,
 * nearest fill) → batches of 32 float32 NHWC, computed by a {@link Loader} with 2 workers. Scores
 * are images per second for the whole machine, per codec and resize (a Pillow filter, Keras's default
 * for directories being nearest, or the resize folded into the warp).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class PipelineBenchmark {
    private static final int IMAGES = 256;
    private static final int WORKERS = 2;

    /** The decoder. */
    @Param({"opencv", "imageio"})
    public String codec;

    /** The resize from 500×375 to 224×224: a Pillow filter, or {@code warp} (folded into the augmentation warp). */
    @Param({"nearest", "bilinear", "bicubic", "lanczos", "box", "hamming", "warp"})
    public String resize;

    private Path root;
    private FileFlow flow;

    /** Writes the JPEG folder and builds the flow. */
    @Setup(Level.Trial)
    public void setup() throws IOException {
        root = Files.createTempDirectory("jdatagen-pipeline");
        JpegFolder.write(root, IMAGES);
        flow = JpegFolder.headlineFlow(root, codec, resize);
    }

    /** Removes the folder. */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** One epoch (256 images) through the loader. */
    @Benchmark
    @OperationsPerInvocation(IMAGES)
    public void epoch(Blackhole hole) {
        try (Loader<Batch> loader = Loader.of(flow, WORKERS, 2)) {
            for (Batch b : loader) {
                hole.consume(b);
            }
        }
    }
}
