package io.jdatagen.io;

import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.SampleModel;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;

/**
 * The pure-Java codec: {@code javax.imageio} with the TwelveMonkeys plugins (JPEG incl. CMYK and
 * YCCK, PNG incl. 16-bit and palettes, BMP, PPM/PNM, TIFF incl. one-channel float, GIF, WebP).
 * Always available. Truncated files are errors, not partly grey images. A GIF whose first frame is
 * smaller than its logical screen is returned at the screen's size with the frame in place, as
 * Pillow returns it.
 *
 * <p>Bytes are read from memory (no ImageIO file cache). A reader whose natural output is 8-bit
 * BGR (JPEG in color) decodes straight into an RGB-ordered image that becomes the
 * {@link ByteImage} without a copy (measured: 339 → 439 decodes/s for a 500×375 JPEG).
 */
final class ImageioCodec implements ImageCodec {
    static final String NAME = "imageio";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ByteImage decode(byte[] encoded, DecodeOptions options) throws IOException {
        EncodedImage.Header header = EncodedImage.check(encoded, options.pixelLimit());
        BufferedImage decoded = read(encoded, options.pixelLimit());
        ContainerSize.Canvas canvas = header.canvas();
        if (header.format() == FormatSniffer.Format.GIF
                && (decoded.getHeight() != canvas.height() || decoded.getWidth() != canvas.width())) {
            decoded = Rasters.onCanvas(decoded, canvas.height(), canvas.width(), canvas.top(), canvas.left());
        }
        ByteImage image = Rasters.toByteImage(decoded);
        return header.jpeg() && options.applyExifOrientation() ? JpegStructure.orientation(encoded).apply(image)
                : image;
    }

    private static BufferedImage read(byte[] encoded, PixelLimit limit) throws IOException {
        try (ImageInputStream in = new ByteArrayImageInputStream(encoded)) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new IOException("no ImageIO reader for it (" + FormatSniffer.KNOWN + " are read)");
            }
            ImageReader reader = readers.next();
            List<String> warnings = new ArrayList<>();
            reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
            try {
                reader.setInput(in, true, true);
                // The reader's own idea of the size, checked again before anything is allocated.
                limit.check(reader.getHeight(0), reader.getWidth(0));
                BufferedImage image = isFloatGray(reader) ? readFloatGray(reader) : reader.read(0, readParam(reader));
                for (String warning : warnings) {
                    String w = warning.toLowerCase(Locale.ROOT);
                    // libjpeg fills a scan that stops early (before the EOI that the pre-decode check
                    // requires) and says "Corrupt JPEG data"; OpenCV and Pillow keep such an image too.
                    boolean filledByLibjpeg = w.startsWith("corrupt jpeg data");
                    if (!filledByLibjpeg && (w.contains("premature") || w.contains("truncat") || w.contains("end of"))) {
                        throw new IOException("incomplete image data: " + warning);
                    }
                }
                if (image == null) {
                    throw new IOException("the reader returned no image");
                }
                return image;
            } catch (java.io.EOFException e) {
                // Readers that run out of bytes mid-image say so without a message.
                throw new IOException("truncated image data (" + e + ")", e);
            } catch (RuntimeException e) {
                // Readers (the JDK's and TwelveMonkeys') throw unchecked exceptions on some corrupt
                // headers, e.g. a JPEG comment segment of length 0.
                throw new IOException("corrupt image data (" + e + ")", e);
            } finally {
                reader.dispose();
            }
        }
    }

    /** Whether the reader's image is one channel of floating-point samples (a mode-F TIFF). */
    private static boolean isFloatGray(ImageReader reader) throws IOException {
        Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
        if (!types.hasNext() || !reader.canReadRaster()) {
            return false;
        }
        SampleModel layout = types.next().getSampleModel();
        return layout.getNumBands() == 1
                && (layout.getDataType() == DataBuffer.TYPE_FLOAT || layout.getDataType() == DataBuffer.TYPE_DOUBLE);
    }

    /**
     * The float samples as stored: {@code read} would clamp them to 0..1 (Java's range for float
     * color components), where Pillow keeps them and clips only when converting to 8 bits.
     */
    private static BufferedImage readFloatGray(ImageReader reader) throws IOException {
        ImageTypeSpecifier type = reader.getImageTypes(0).next();
        Raster raster = reader.readRaster(0, null);
        WritableRaster samples = Raster.createWritableRaster(raster.getSampleModel(), raster.getDataBuffer(), null);
        return new BufferedImage(type.getColorModel(), samples, false, null);
    }

    /** Decodes into an RGB-ordered image where the reader's first choice is 8-bit BGR. */
    private static ImageReadParam readParam(ImageReader reader) throws IOException {
        ImageReadParam param = reader.getDefaultReadParam();
        Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
        if (types.hasNext() && types.next().getBufferedImageType() == BufferedImage.TYPE_3BYTE_BGR) {
            param.setDestination(Rasters.rgbImage(reader.getHeight(0), reader.getWidth(0)));
        }
        return param;
    }
}
