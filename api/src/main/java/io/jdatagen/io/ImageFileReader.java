package io.jdatagen.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Keras's {@code load_img} on a codec: reads a file, decodes it (EXIF orientation applied unless
 * switched off), converts it to the color mode as Pillow does, and resizes it to the target size
 * with a Pillow filter when its size differs, optionally cropping the centre to the target's aspect
 * ratio first ({@code keep_aspect_ratio}). Thread-safe.
 */
public final class ImageFileReader {
    private final ImageCodec codec;
    private final ColorMode colorMode;
    private final int[] targetSize;
    private final ResizeFilter filter;
    private final boolean keepAspectRatio;
    private final DecodeOptions decodeOptions;

    /**
     * Creates a reader.
     *
     * @param codec the decoder
     * @param colorMode the color mode of loaded images
     * @param targetSize {@code {height, width}}, or null to keep each image's size
     * @param filter the resampling filter used when resizing
     * @param keepAspectRatio crop the centre to the target aspect ratio before resizing
     * @param applyExifOrientation rotate and flip JPEGs as their EXIF orientation says
     * @param reducedDecode let the codec decode JPEGs at a reduced DCT scale when the target allows
     */
    public ImageFileReader(ImageCodec codec, ColorMode colorMode, int[] targetSize, ResizeFilter filter,
            boolean keepAspectRatio, boolean applyExifOrientation, boolean reducedDecode) {
        this.codec = Objects.requireNonNull(codec, "codec");
        this.colorMode = Objects.requireNonNull(colorMode, "colorMode");
        if (targetSize != null && (targetSize.length != 2 || targetSize[0] < 1 || targetSize[1] < 1)) {
            throw new IllegalArgumentException("targetSize must be {height, width} with both >= 1; got "
                    + java.util.Arrays.toString(targetSize));
        }
        this.targetSize = targetSize == null ? null : targetSize.clone();
        this.filter = Objects.requireNonNull(filter, "interpolation");
        this.keepAspectRatio = keepAspectRatio;
        this.decodeOptions = reducedDecode && targetSize != null
                ? new DecodeOptions(applyExifOrientation, targetSize[0], targetSize[1])
                : new DecodeOptions(applyExifOrientation, 0, 0);
    }

    /** {@return the codec in use} */
    public ImageCodec codec() {
        return codec;
    }

    /** {@return the color mode of loaded images} */
    public ColorMode colorMode() {
        return colorMode;
    }

    /**
     * Loads one image.
     *
     * @param path the path
     * @return the byte image
     * @throws ImageReadException naming the file if it cannot be read or decoded
     */
    public ByteImage load(Path path) {
        byte[] encoded;
        try {
            encoded = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new ImageReadException(path, "cannot read the file (" + e + ")", e);
        }
        ByteImage image;
        try {
            image = codec.decode(encoded, decodeOptions);
        } catch (IOException | RuntimeException e) {
            throw new ImageReadException(path, e.getMessage() == null ? e.toString() : e.getMessage(), e);
        }
        return fit(ColorConversion.convert(image, colorMode));
    }

    /** {@code image} (already in this loader's color mode) resized as configured. */
    ByteImage fit(ByteImage image) {
        if (targetSize == null) {
            return image;
        }
        int th = targetSize[0];
        int tw = targetSize[1];
        int h = image.height();
        int w = image.width();
        if (h == th && w == tw) {
            return image;
        }
        if (!keepAspectRatio) {
            return PillowResize.resize(image, th, tw, filter);
        }
        int cropH = (int) Math.min(h, (long) w * th / tw);
        int cropW = (int) Math.min(w, (long) h * tw / th);
        int top = (h - cropH) / 2;
        int left = (w - cropW) / 2;
        return PillowResize.resize(image, th, tw, filter, left, top, left + cropW, top + cropH);
    }
}
