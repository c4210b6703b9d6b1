package io.jdatagen.bench.readme;

import io.jdatagen.core.Tensor;
import io.jdatagen.image.ImageDataGenerator;
import io.jdatagen.image.PreviewGrid;
import io.jdatagen.io.ColorMode;
import io.jdatagen.io.ImageCodecs;
import io.jdatagen.io.ImageFileReader;
import io.jdatagen.io.ResizeFilter;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * The README's picture: the preview grid that {@code jdatagen preview} and the demo write
 * ({@link PreviewGrid}), of the JPEGs in a folder (sorted by name, one row each, the photo first)
 * augmented by a Keras-style configuration ({@link #CONFIG}), stored as a JPEG: the grid's PNG is
 * about 1 MB (augmented photos leave deflate little to find), a quality-90 JPEG a tenth of that.
 */
public final class ReadmePreview {
    /** The augmentation shown, as the Keras JSON that {@link ImageDataGenerator#fromJson} reads. */
    static final String CONFIG = "{\"rotation_range\": 25, \"width_shift_range\": 0.12, \"height_shift_range\": 0.12,"
            + " \"zoom_range\": [0.8, 1.2], \"shear_range\": 8, \"horizontal_flip\": true,"
            + " \"brightness_range\": [0.7, 1.3], \"fill_mode\": \"reflect\"}";
    /** Augmented copies beside each photo. */
    static final int COPIES = 5;
    /** Seed of the copies' random transforms: the same seed draws the same grid. */
    static final long SEED = 7;
    /** JPEG quality of the written picture, 0 to 1. */
    static final float QUALITY = 0.9f;

    private ReadmePreview() {
    }

    /**
     * Writes the grid.
     *
     * @param args the folder of photos (default {@code docs/images/photos}), then the JPEG to write (default
     *     {@code docs/images/preview.jpg})
     */
    public static void main(String[] args) throws IOException {
        Path photos = Path.of(args.length > 0 ? args[0] : "docs/images/photos");
        Path jpeg = Path.of(args.length > 1 ? args[1] : "docs/images/preview.jpg");
        List<Path> files = jpegs(photos);
        write(files, jpeg);
        System.out.println("wrote " + jpeg + " (" + files.size() + " photos, " + COPIES + " augmented copies each, "
                + Files.size(jpeg) + " bytes)");
    }

    /**
     * Draws the grid of {@code files}, each at its own size, into {@code jpeg} (its folder created).
     *
     * @return {@code jpeg}
     * @throws IllegalArgumentException if {@code files} is empty
     */
    public static Path write(List<Path> files, Path jpeg) throws IOException {
        ImageDataGenerator generator = ImageDataGenerator.fromJson(CONFIG);
        ImageFileReader reader = new ImageFileReader(ImageCodecs.current(), ColorMode.fromName("rgb"), null,
                ResizeFilter.fromName("bilinear"), false, true, false);
        List<Tensor> images = new ArrayList<>();
        for (Path file : files) {
            images.add(reader.load(file).toSource().toTensor(generator.dataFormat()));
        }
        Path png = Files.createTempFile("jdatagen-preview", ".png");
        try {
            BufferedImage grid = ImageIO.read(PreviewGrid.write(generator.dataFormat(), generator::randomTransform, images, COPIES,
                    SEED, png).toFile());
            Path parent = jpeg.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(QUALITY);
            Files.deleteIfExists(jpeg);
            try (ImageOutputStream out = ImageIO.createImageOutputStream(jpeg.toFile())) {
                writer.setOutput(out);
                writer.write(null, new IIOImage(grid, null, null), param);
            } finally {
                writer.dispose();
            }
        } finally {
            Files.deleteIfExists(png);
        }
        return jpeg;
    }

    /** {@return the {@code .jpg} files directly in {@code folder}, sorted by name} */
    static List<Path> jpegs(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(p -> p.getFileName().toString().endsWith(".jpg")).sorted().toList();
        }
    }
}
