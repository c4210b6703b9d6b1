package io.jdatagen.bench;

import io.jdatagen.data.Batch;
import io.jdatagen.data.Loader;
import io.jdatagen.flow.FileFlow;
import io.jdatagen.flow.FlowOptions;
import io.jdatagen.image.FeaturewiseStatistics;
import io.jdatagen.image.ImageDataGenerator;
import io.jdatagen.io.ImageCodecs;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
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
 * are images per second for the whole machine, per codec and resize filter (Keras's default for
 * directories is nearest).
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

    /** The resize filter from 500×375 to 224×224. */
    @Param({"nearest", "bilinear"})
    public String interpolation;

    private Path root;
    private FileFlow flow;

    /** Writes the JPEG folder and builds the flow. */
    @Setup(Level.Trial)
    public void setup() throws IOException {
        root = Files.createTempDirectory("jdatagen-pipeline");
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < IMAGES; i++) {
            Path file = root.resolve((i % 2 == 0 ? "cats" : "dogs") + "/img" + i + ".jpg");
            Files.createDirectories(file.getParent());
            writeJpeg(photoLike(375, 500, random), file);
        }
        ImageDataGenerator generator = ImageDataGenerator.builder().rotationRange(15).widthShiftRange(0.1)
                .heightShiftRange(0.1).zoomRange(0.9, 1.1).horizontalFlip(true).rescale(1 / 255.0)
                .featurewiseCenter(true).featurewiseStdNormalization(true).build();
        generator.setStatistics(new FeaturewiseStatistics(new double[] {0.485, 0.456, 0.406},
                new double[] {0.229, 0.224, 0.225}, null, 0));
        flow = generator.flowFromDirectory(root, FlowOptions.builder().targetSize(224, 224).batchSize(32).seed(1)
                .interpolation(interpolation).codec(ImageCodecs.named(codec)).build());
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

    /** Smooth shapes, edges and grain: JPEG sizes and decode costs like natural photos (~60-90 KB). */
    static BufferedImage photoLike(int height, int width, SplittableRandom random) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        double fx = random.nextDouble(0.01, 0.05);
        double fy = random.nextDouble(0.01, 0.05);
        int cx = random.nextInt(width);
        int cy = random.nextInt(height);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                boolean disc = (x - cx) * (x - cx) + (y - cy) * (y - cy) < 90 * 90;
                int grain = random.nextInt(-14, 15);
                int r = clamp(128 + 90 * Math.sin(x * fx) + (disc ? 60 : 0) + grain);
                int g = clamp(128 + 80 * Math.cos(y * fy + x * 0.01) + grain);
                int b = clamp(100 + 70 * Math.sin((x + y) * 0.02) - (disc ? 50 : 0) + grain);
                image.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
        return image;
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, v));
    }

    static void writeJpeg(BufferedImage image, Path file) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.9f);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
    }
}
