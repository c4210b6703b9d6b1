package io.jdatagen.io;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * The pure-Java codec: {@code javax.imageio} with the TwelveMonkeys plugins (JPEG incl. CMYK and
 * YCCK, PNG incl. 16-bit and palettes, BMP, PPM/PNM, TIFF, GIF). Always available. Truncated
 * files are errors, not partly grey images.
 */
final class ImageioCodec implements ImageCodec {
    static final String NAME = "imageio";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ByteImage decode(byte[] encoded, DecodeOptions options) throws IOException {
        boolean jpeg = JpegStructure.checkBeforeDecoding(encoded);
        ByteImage image = Rasters.toByteImage(read(encoded));
        return jpeg && options.applyExifOrientation() ? JpegStructure.orientation(encoded).apply(image) : image;
    }

    private static java.awt.image.BufferedImage read(byte[] encoded) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(encoded))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new IOException("not an image in a format this codec reads (png, jpeg, bmp, ppm/pgm/pbm,"
                        + " tiff, gif)");
            }
            ImageReader reader = readers.next();
            List<String> warnings = new ArrayList<>();
            reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
            try {
                reader.setInput(in, true, true);
                java.awt.image.BufferedImage image = reader.read(0);
                for (String warning : warnings) {
                    String w = warning.toLowerCase(Locale.ROOT);
                    if (w.contains("premature") || w.contains("truncat") || w.contains("end of")) {
                        throw new IOException("incomplete image data: " + warning);
                    }
                }
                if (image == null) {
                    throw new IOException("the reader returned no image");
                }
                return image;
            } catch (IndexOutOfBoundsException | IllegalArgumentException | IllegalStateException e) {
                throw new IOException("corrupt image data: " + e.getMessage(), e);
            } finally {
                reader.dispose();
            }
        }
    }
}
