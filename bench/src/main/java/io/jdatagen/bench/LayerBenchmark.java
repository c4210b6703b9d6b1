package io.jdatagen.bench;

import io.jdatagen.core.Tensor;
import io.jdatagen.io.ByteImage;
import io.jdatagen.layers.KerasLayer;
import io.jdatagen.layers.KerasPipeline;
import io.jdatagen.layers.RandAugment;
import io.jdatagen.layers.RandomContrast;
import io.jdatagen.layers.RandomFlip;
import io.jdatagen.layers.RandomRotation;
import io.jdatagen.layers.RandomTranslation;
import io.jdatagen.layers.RandomZoom;
import io.jdatagen.spi.Backends;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Keras 3 image layers on one thread: 32 RGB 224×224 images holding uint8 values (0-255, Keras's default
 * {@code value_range}), as a float32 NHWC batch through {@link KerasPipeline#apply(Tensor, long, int)} or as
 * 8-bit images through {@link KerasPipeline#apply(List, long, int)} (the {@code input} parameter; the same
 * output), the epoch advancing per call so every call draws new transformations, and each call releasing the
 * batch the call before returned. Contenders: the typical stack
 * ({@code RandomFlip()} (both axes, Keras's default), {@code RandomRotation(0.1)}, {@code RandomZoom(0.1)},
 * {@code RandomTranslation(0.1, 0.1)}, {@code RandomContrast(0.2)}, Keras's defaults otherwise) fused and
 * in {@code KERAS_REFERENCE} mode, its geometric layers alone, and {@code RandAugment(num_ops=2, factor=0.5)}
 * alone. Scores are images per second; the Python peers (Keras 3 itself, torchvision v2) are measured by
 * {@code bench/peers/layers.py}, and {@code bench/peers/layers-run} runs both.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@Threads(1)
public class LayerBenchmark {
    private static final int BATCH = 32;
    private static final int SIZE = 224;
    private static final long SEED = 1234;

    /** The kernels the warps run on ({@code simd}: the Vector API, {@code scalar}: plain loops). */
    @Param({"simd", "scalar"})
    public String backend;

    /**
     * {@code stack-fused}, {@code stack-reference} (Keras's layer-by-layer resampling), {@code stack-constant}
     * (fused, with {@code fill_mode="constant"} on the geometric layers: each tap outside reads the fill, the
     * fill torchvision's stack uses), {@code geometry-fused} (the stack without its {@code RandomContrast}: what
     * the one warp of its four geometric layers costs alone) or {@code randaugment}.
     */
    @Param({"stack-fused", "stack-reference", "stack-constant", "geometry-fused", "randaugment"})
    public String pipeline;

    /**
     * {@code float32}: the batch as a float32 tensor; {@code uint8}: the same values as 8-bit images, the way
     * decoded images arrive.
     */
    @Param({"float32", "uint8"})
    public String input;

    private KerasPipeline layers;
    private Tensor images;
    private List<ByteImage> bytes;
    private int epoch;
    private Tensor previous;

    /** Builds the batch (uniform uint8 values as floats) and the pipeline. */
    @Setup
    public void setup() {
        float[] data = new float[BATCH * SIZE * SIZE * 3];
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < data.length; i++) {
            data[i] = random.nextInt(256);
        }
        images = Tensor.of(data, BATCH, SIZE, SIZE, 3);
        bytes = new ArrayList<>(BATCH);
        int item = SIZE * SIZE * 3;
        for (int i = 0; i < BATCH; i++) {
            byte[] image = new byte[item];
            for (int k = 0; k < item; k++) {
                image[k] = (byte) data[i * item + k];
            }
            bytes.add(new ByteImage(image, SIZE, SIZE, 3));
        }
        if (!input.equals("float32") && !input.equals("uint8")) {
            throw new IllegalArgumentException("input must be float32 or uint8; got: " + input);
        }
        KerasPipeline.Builder builder = KerasPipeline.builder().backend(Backends.named(backend));
        switch (pipeline) {
            case "stack-fused", "stack-reference" -> builder.layers(withContrast(geometry()))
                    .mode(pipeline.equals("stack-fused") ? KerasPipeline.Mode.FUSED
                            : KerasPipeline.Mode.KERAS_REFERENCE);
            case "stack-constant" -> builder.layers(withContrast(List.of(
                            new RandomFlip(),
                            new RandomRotation(new double[] {0.1}, "constant", "bilinear", null, 0.0, "channels_last"),
                            new RandomZoom(new double[] {0.1}, null, "constant", "bilinear", null, 0.0,
                                    "channels_last"),
                            new RandomTranslation(new double[] {0.1}, new double[] {0.1}, "constant", "bilinear", null,
                                    0.0, "channels_last"))))
                    .mode(KerasPipeline.Mode.FUSED);
            case "geometry-fused" -> builder.layers(geometry()).mode(KerasPipeline.Mode.FUSED);
            case "randaugment" -> builder.layers(new RandAugment(null, 2, new double[] {0.5}, null, null));
            default -> throw new IllegalArgumentException("pipeline must be stack-fused, stack-reference, "
                    + "stack-constant, geometry-fused or randaugment; got: " + pipeline);
        }
        layers = builder.build();
        epoch = 0;
    }

    /**
     * {@return the typical stack's geometric layers with Keras's defaults: {@code RandomFlip()},
     * {@code RandomRotation(0.1)}, {@code RandomZoom(0.1)}, {@code RandomTranslation(0.1, 0.1)}}
     */
    private static List<KerasLayer> geometry() {
        return List.of(new RandomFlip(), new RandomRotation(0.1), new RandomZoom(0.1), new RandomTranslation(0.1, 0.1));
    }

    /** {@return {@code geometry} followed by the stack's {@code RandomContrast(0.2)}} */
    private static List<KerasLayer> withContrast(List<KerasLayer> geometry) {
        List<KerasLayer> stack = new ArrayList<>(geometry);
        stack.add(new RandomContrast(new double[] {0.2}, null, null));
        return stack;
    }

    /**
     * One batch of 32 through the layers, after releasing the batch the previous call returned, as a training
     * loop done with its batch does (and as the flows release theirs): the pipeline lends that memory to this
     * batch instead of allocating and zeroing 19 MB.
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Tensor batch() {
        if (previous != null) {
            previous.release();
        }
        previous = input.equals("uint8") ? layers.apply(bytes, SEED, epoch++) : layers.apply(images, SEED, epoch++);
        return previous;
    }
}
