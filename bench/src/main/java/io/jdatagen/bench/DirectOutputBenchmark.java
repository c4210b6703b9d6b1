package io.jdatagen.bench;

import io.jdatagen.core.ElementType;
import io.jdatagen.data.Batch;
import io.jdatagen.data.Loader;
import io.jdatagen.flow.CacheOptions;
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
 * The headline flow of {@link PipelineBenchmark} (500×375 JPEGs, {@code opencv}, bilinear resize to
 * 224×224, headline augmentation, batches of 32 through a {@link Loader} with 2 workers) writing its
 * batches into heap float32 tensors ({@code heap}) or into direct memory ({@code float32}:
 * {@code output("float32")}), each batch consumed as a framework would: handed over and given back
 * ({@code release}: {@code Batch.release()} once read, the documented use), or dropped for the
 * garbage collector ({@code drop}). {@code source}: {@code files} decodes every file each epoch;
 * {@code cached} serves the decoded images from a heap cache, so that the batch's own cost (warp and
 * output) is the whole of each epoch. Scores are images per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class DirectOutputBenchmark {
    private static final int IMAGES = 128;
    private static final int WORKERS = 2;

    /** Where the batches are written: {@code heap} float32 tensors, or {@code float32} direct buffers. */
    @Param({"heap", "float32"})
    public String output;

    /** What the consumer does with a batch once read: {@code release} it, or {@code drop} it. */
    @Param({"release", "drop"})
    public String consumer;

    /** {@code files}: decode each epoch; {@code cached}: decoded images from a heap cache. */
    @Param({"cached", "files"})
    public String source;

    private Path root;
    private FileFlow flow;

    /** Writes the JPEG folder, builds the flow and, cached, fills its cache with one epoch. */
    @Setup(Level.Trial)
    public void setup() throws IOException {
        root = Files.createTempDirectory("jdatagen-direct");
        JpegFolder.write(root, IMAGES);
        flow = JpegFolder.headlineFlow(root, "opencv", "bilinear", o -> {
            if (!output.equals("heap")) {
                o.output(ElementType.parse(output));
            }
            return source.equals("cached") ? o.cache(CacheOptions.inMemory(1L << 30)) : o;
        });
        if (source.equals("cached")) {
            epoch(new Blackhole("Today's password is swordfish. I understand instantiating Blackholes directly is"
                    + " dangerous."));
        }
    }

    /** Frees the cache and removes the folder. */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        flow.close();
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** One epoch through the loader. */
    @Benchmark
    @OperationsPerInvocation(IMAGES)
    public void epoch(Blackhole hole) {
        boolean release = consumer.equals("release");
        try (Loader<Batch> loader = Loader.of(flow, WORKERS, 2)) {
            for (Batch b : loader) {
                hole.consume(b.x());
                if (release) {
                    b.release();
                }
            }
        }
    }
}
