package io.jdatagen.io;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.stream.ImageOutputStream;

/** Builds test images and encodes them as files. */
public final class TestImages {
    private TestImages() {
    }

    /** An RGB image of 8×8 blocks with distinct colors (survives JPEG compression). */
    public static ByteImage blocks(int height, int width) {
        byte[] d = new byte[height * width * 3];
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                int br = r / 8;
                int bc = c / 8;
                int o = (r * width + c) * 3;
                d[o] = (byte) (40 + 50 * (br % 4));
                d[o + 1] = (byte) (30 + 60 * (bc % 4));
                d[o + 2] = (byte) (200 - 40 * ((br + bc) % 4));
            }
        }
        return new ByteImage(d, height, width, 3);
    }

    /** A smooth gradient with every pixel distinct in some channel. */
    public static ByteImage gradient(int height, int width, int channels) {
        byte[] d = new byte[height * width * channels];
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                for (int ch = 0; ch < channels; ch++) {
                    d[(r * width + c) * channels + ch] = (byte) ((r * 7 + c * 3 + ch * 50) % 256);
                }
            }
        }
        return new ByteImage(d, height, width, channels);
    }

    /** {@code image} as a BufferedImage (gray, RGB or ARGB). */
    public static BufferedImage toBuffered(ByteImage image) {
        int type = switch (image.channels()) {
            case 1 -> BufferedImage.TYPE_BYTE_GRAY;
            case 4 -> BufferedImage.TYPE_INT_ARGB;
            default -> BufferedImage.TYPE_INT_RGB;
        };
        BufferedImage b = new BufferedImage(image.width(), image.height(), type);
        for (int r = 0; r < image.height(); r++) {
            for (int c = 0; c < image.width(); c++) {
                if (image.channels() == 1) {
                    b.getRaster().setSample(c, r, 0, image.get(r, c, 0));
                } else {
                    int a = image.channels() == 4 ? image.get(r, c, 3) : 255;
                    b.setRGB(c, r, a << 24 | image.get(r, c, 0) << 16 | image.get(r, c, 1) << 8 | image.get(r, c, 2));
                }
            }
        }
        return b;
    }

    /** Encodes with ImageIO in {@code format}. */
    public static byte[] encode(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JPEG at the given quality (0..1). */
    public static byte[] jpeg(ByteImage image, float quality) {
        try {
            javax.imageio.ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
                writer.setOutput(ios);
                writer.write(null, new IIOImage(toBuffered(image), null, null), param);
            }
            writer.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code jpeg} with an EXIF APP1 segment holding only an orientation tag, inserted after SOI. */
    public static byte[] withOrientation(byte[] jpeg, int orientation) {
        byte[] tiff = {
            'M', 'M', 0, 42, 0, 0, 0, 8, // big-endian header, IFD0 at offset 8
            0, 1, // one entry
            0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0, // Orientation, SHORT, count 1
            0, 0, 0, 0 // no next IFD
        };
        byte[] exifHeader = {'E', 'x', 'i', 'f', 0, 0};
        int length = 2 + exifHeader.length + tiff.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(0xE1);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.write(exifHeader, 0, exifHeader.length);
        out.write(tiff, 0, tiff.length);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** Writes {@code bytes} to {@code file}, creating folders. */
    public static Path write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Largest absolute difference between two images of the same shape. */
    public static int maxDifference(ByteImage a, ByteImage b) {
        if (a.height() != b.height() || a.width() != b.width() || a.channels() != b.channels()) {
            throw new AssertionError("shapes differ: " + a + " vs " + b);
        }
        int max = 0;
        for (int i = 0; i < a.data().length; i++) {
            max = Math.max(max, Math.abs((a.data()[i] & 0xFF) - (b.data()[i] & 0xFF)));
        }
        return max;
    }
}
