package io.jdatagen.io;

import io.jdatagen.core.DataFormat;
import io.jdatagen.core.Tensor;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Writes float images to files as Keras's {@code array_to_img(x, scale=True)} then
 * {@code save} do: shifted to a minimum of 0, scaled to a maximum of 255 (unless constant),
 * truncated to 8 bits; 1 channel as gray, 3 as RGB, 4 as RGBA (alpha dropped for formats without
 * it, e.g. JPEG and BMP).
 */
public final class ImageWriter {
    private ImageWriter() {
    }

    /**
     * {@return {@code image} (rank 3, in {@code format}) as 8-bit pixels, scaled as Keras does when {@code
     * scale}}
     *
     * @param format the data format
     */
    public static ByteImage toBytes(Tensor image, DataFormat format, boolean scale) {
        int[] hwc = format.imageHwc(image.shape());
        int h = hwc[0];
        int w = hwc[1];
        int c = hwc[2];
        if (c != 1 && c != 3 && c != 4) {
            throw new IllegalArgumentException("Unsupported channel number: " + c + " (1, 3 or 4 can be saved)");
        }
        float[] x = image.data();
        double min = 0;
        double factor = 1;
        if (scale) {
            min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (float v : x) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            factor = max - min != 0 ? 255 / (max - min) : 1;
        }
        byte[] out = new byte[h * w * c];
        for (int r = 0; r < h; r++) {
            for (int col = 0; col < w; col++) {
                for (int ch = 0; ch < c; ch++) {
                    double v = (x[format.offset(h, w, c, r, col, ch)] - min) * factor;
                    out[(r * w + col) * c + ch] = (byte) (int) Math.max(0, Math.min(255, v));
                }
            }
        }
        return new ByteImage(out, h, w, c);
    }

    /**
     * {@return {@code image} (rank 3, in {@code format}) as 8-bit pixels, each value rounded to the nearest
     * integer and clamped to 0..255 (no rescaling): raw pixel values, e.g. augmented but not yet standardized
     * images}
     *
     * @param format the data format
     */
    public static ByteImage toPixels(Tensor image, DataFormat format) {
        int[] hwc = format.imageHwc(image.shape());
        int h = hwc[0];
        int w = hwc[1];
        int c = hwc[2];
        float[] x = image.data();
        byte[] out = new byte[h * w * c];
        for (int r = 0; r < h; r++) {
            for (int col = 0; col < w; col++) {
                for (int ch = 0; ch < c; ch++) {
                    out[(r * w + col) * c + ch] = (byte) Math.max(0, Math.min(255,
                            Math.round(x[format.offset(h, w, c, r, col, ch)])));
                }
            }
        }
        return new ByteImage(out, h, w, c);
    }

    /**
     * Writes {@code image} to {@code file} in {@code formatName} (png, jpeg, bmp, gif, tiff).
     */
    public static void write(ByteImage image, Path file, String formatName) {
        byte[] encoded = encode(image, formatName);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(file, encoded);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write image file " + file, e);
        }
    }

    /**
     * {@return {@code image} encoded in {@code formatName} (png, jpeg, bmp, gif, tiff)}: the bytes
     * {@link #write} puts in a file, for storage that is not a local path (HDFS, S3, a table).
     *
     * @throws IllegalArgumentException if no writer handles the format
     */
    public static byte[] encode(ByteImage image, String formatName) {
        String f = formatName.toLowerCase(Locale.ROOT);
        boolean alpha = image.channels() == 4 && (f.equals("png") || f.equals("tiff") || f.equals("tif"));
        int type = image.channels() == 1 ? BufferedImage.TYPE_BYTE_GRAY
                : alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        BufferedImage out = new BufferedImage(image.width(), image.height(), type);
        if (image.channels() == 1) {
            out.getRaster().setDataElements(0, 0, image.width(), image.height(), image.data());
        } else {
            int[] row = new int[image.width()];
            for (int r = 0; r < image.height(); r++) {
                for (int c = 0; c < image.width(); c++) {
                    int a = alpha ? image.get(r, c, 3) : 255;
                    row[c] = a << 24 | image.get(r, c, 0) << 16 | image.get(r, c, 1) << 8 | image.get(r, c, 2);
                }
                out.setRGB(0, r, image.width(), 1, row, 0, image.width());
            }
        }
        Iterator<javax.imageio.ImageWriter> writers = ImageIO.getImageWritersByFormatName(f);
        if (!writers.hasNext()) {
            throw new IllegalArgumentException("no image writer for format " + formatName);
        }
        javax.imageio.ImageWriter writer = writers.next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // An in-memory stream: ImageIO.write would cache through a temporary file (its global default).
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(stream);
            writer.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a " + formatName + " image", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
