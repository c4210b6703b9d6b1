package io.jdatagen.bench;

import io.jdatagen.flow.DirectoryFlowOptions;
import io.jdatagen.flow.FileFlow;
import io.jdatagen.flow.FlowOptions;
import io.jdatagen.flow.LabelFlowOptions;
import io.jdatagen.image.FeaturewiseStatistics;
import io.jdatagen.image.ImageDataGenerator;
import io.jdatagen.io.ImageCodecs;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * The end-to-end benchmarks' data and work: a folder of photo-like 500×375 JPEGs (quality 90) in two
 * class folders, and the headline flow over it (target 224×224, rotation ±15°, shift ±10%, zoom
 * 0.9–1.1, horizontal flip, rescale 1/255, ImageNet mean/std, batches of 32).
 */
final class JpegFolder {
    /** The resize settings the end-to-end benchmarks compare: each Pillow filter, or the resize in the warp. */
    static final String[] RESIZES = {"nearest", "bilinear", "bicubic", "lanczos", "box", "hamming", "warp"};

    private JpegFolder() {
    }

    /**
     * Writes {@code count} JPEGs under {@code root}, alternately in {@code cats/} and {@code dogs/}; the same
     * files for the same count.
     */
    static void write(Path root, int count) throws IOException {
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < count; i++) {
            Path file = root.resolve((i % 2 == 0 ? "cats" : "dogs") + "/img" + i + ".jpg");
            Files.createDirectories(file.getParent());
            writeJpeg(photoLike(375, 500, random), file);
        }
    }

    /**
     * The headline flow over {@code root}.
     *
     * @param codec the codec's name
     * @param resize a Pillow filter's name, or {@code warp} for {@code resizeInWarp}
     */
    static FileFlow headlineFlow(Path root, String codec, String resize) {
        return headlineFlow(root, codec, resize, o -> o);
    }

    /**
     * The headline flow over {@code root}, with more options set by {@code more} (an output type, a cache).
     *
     * @param codec the codec's name
     * @param resize a Pillow filter's name, or {@code warp} for {@code resizeInWarp}
     */
    static FileFlow headlineFlow(Path root, String codec, String resize, UnaryOperator<DirectoryFlowOptions> more) {
        DirectoryFlowOptions options = headlineOptions(FlowOptions.directory(), codec, resize);
        return headlineGenerator().flowFromDirectory(root, more.apply(options));
    }

    /**
     * The headline augmentation: rotation ±15°, shift ±10%, zoom 0.9–1.1, horizontal flip, rescale 1/255,
     * ImageNet mean and std.
     */
    static ImageDataGenerator headlineGenerator() {
        ImageDataGenerator generator = ImageDataGenerator.builder().rotationRange(15).widthShiftRange(0.1)
                .heightShiftRange(0.1).zoomRange(0.9, 1.1).horizontalFlip(true).rescale(1 / 255.0)
                .featurewiseCenter(true).featurewiseStdNormalization(true).build();
        generator.setStatistics(new FeaturewiseStatistics(new double[] {0.485, 0.456, 0.406},
                new double[] {0.229, 0.224, 0.225}, null, 0));
        return generator;
    }

    /**
     * {@code options} set to the headline flow's reading: 224×224, batches of 32, seed 1, the codec and the resize.
     *
     * @param codec the codec's name
     * @param resize a Pillow filter's name, or {@code warp} for {@code resizeInWarp}
     */
    static <B extends LabelFlowOptions<B>> B headlineOptions(B options, String codec, String resize) {
        options.targetSize(224, 224).batchSize(32).seed(1).codec(ImageCodecs.named(codec));
        return resize.equals("warp") ? options.resizeInWarp(true) : options.interpolation(resize);
    }

    /** Smooth shapes, edges and grain: JPEG sizes and decode costs like natural photos (~60-90 KB). */
    private static BufferedImage photoLike(int height, int width, SplittableRandom random) {
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

    private static void writeJpeg(BufferedImage image, Path file) {
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
