package io.jdatagen.spark;

import io.jdatagen.core.DataFormat;
import io.jdatagen.core.Tensor;
import io.jdatagen.image.ImageDataGenerator;
import io.jdatagen.io.ByteImage;
import io.jdatagen.io.ColorMode;
import io.jdatagen.io.ImageCodecs;
import io.jdatagen.io.ImageFileReader;
import io.jdatagen.io.ResizeFilter;
import java.io.Serializable;
import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How executors decode the images of an {@link ImageTable}: the target size, color mode and resize
 * filter of {@code flowFromDirectory} (Keras's defaults: RGB, nearest), with the codec each executor
 * selects. Serializable: jobs ship it to their tasks.
 */
public final class ImageReading implements Serializable {
    private static final long serialVersionUID = 1L;
    /** The target height. */
    private final int height;
    /** The target width. */
    private final int width;
    /** The color mode's name. */
    private final String colorMode;
    /** The resize filter's name. */
    private final String interpolation;

    /**
     * Creates the settings.
     *
     * @param height the target height
     * @param width the target width
     * @param colorMode the color mode's name ({@code rgb}, {@code rgba}, {@code grayscale})
     * @param interpolation the resize filter's name ({@code nearest}, {@code bilinear}, ...)
     * @throws IllegalArgumentException for a size below 1 or an unknown name
     */
    public ImageReading(int height, int width, String colorMode, String interpolation) {
        if (height < 1 || width < 1) {
            throw new IllegalArgumentException("target size must be at least 1 x 1; got " + height + " x " + width);
        }
        ColorMode.fromName(Objects.requireNonNull(colorMode, "colorMode"));
        ResizeFilter.fromName(Objects.requireNonNull(interpolation, "interpolation"));
        this.height = height;
        this.width = width;
        this.colorMode = colorMode;
        this.interpolation = interpolation;
    }

    /** {@return the target height} */
    public int height() {
        return height;
    }

    /** {@return the target width} */
    public int width() {
        return width;
    }

    /**
     * {@return RGB images resized to {@code height × width} by nearest neighbour, as Keras reads them}
     *
     * @param height the target height
     * @param width the target width
     */
    public static ImageReading of(int height, int width) {
        return new ImageReading(height, width, "rgb", "nearest");
    }

    /** {@return a reader for this task (codecs are chosen per executor)} */
    ImageFileReader reader() {
        return new ImageFileReader(ImageCodecs.current(), ColorMode.fromName(colorMode), new int[] {height, width},
                ResizeFilter.fromName(interpolation), false, true, false);
    }

    /** Reads and sizes one local file as {@code reading} says (for tests and the driver). */
    static ByteImage reading(ImageReading reading, Path file) {
        return reading.reader().load(file);
    }

    /** Decodes and resizes one file's bytes; errors name the file. */
    static ByteImage load(ImageFileReader reader, byte[] content, String uri) {
        Path name = Path.of(URI.create(uri).getPath());
        return reader.fit(reader.decode(content, name), name);
    }

    /** {@return {@code image} as a float tensor in {@code generator}'s data format} */
    static Tensor tensor(ByteImage image, ImageDataGenerator generator) {
        DataFormat format = generator.dataFormat();
        int h = image.height();
        int w = image.width();
        int c = image.channels();
        Tensor t = Tensor.zeros(format.imageShape(h, w, c));
        byte[] pixels = image.data();
        float[] out = t.data();
        for (int r = 0; r < h; r++) {
            for (int col = 0; col < w; col++) {
                for (int ch = 0; ch < c; ch++) {
                    out[format.offset(h, w, c, r, col, ch)] = pixels[(r * w + col) * c + ch] & 0xFF;
                }
            }
        }
        return t;
    }
}
