package io.jdatagen.io;

import io.jdatagen.core.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * Keras's {@code load_img} on a codec: reads a file, decodes it (EXIF orientation applied unless
 * switched off), converts it to the color mode as Pillow does, and resizes it to the target size
 * with a Pillow filter when its size differs, optionally cropping the centre to the target's aspect
 * ratio first ({@code keep_aspect_ratio}). Thread-safe.
 */
public final class ImageFileReader {
    /** The most elements one Java array holds on common JVMs (HotSpot refuses {@code Integer.MAX_VALUE}). */
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
     * @param reducedDecode let the codec decode JPEGs at a reduced DCT scale (1/2, 1/4, 1/8) when both
     *     sides stay at least the target's larger side: faster on large photos, but the pixels are no
     *     longer Pillow's (which decodes in full, then resizes); false gives Keras's pixels
     * @throws IllegalArgumentException naming {@code targetSize} when it is not two sizes of at least 1,
     *     or an image of that size would exceed the default pixel limit or one Java array
     */
    public ImageFileReader(ImageCodec codec, ColorMode colorMode, int[] targetSize, ResizeFilter filter,
            boolean keepAspectRatio, boolean applyExifOrientation, boolean reducedDecode) {
        this(codec, colorMode, targetSize, filter, keepAspectRatio, applyExifOrientation, reducedDecode,
                PixelLimit.defaults());
    }

    /**
     * Creates a reader with a given decompression-bomb guard.
     *
     * @param codec the decoder
     * @param colorMode the color mode of loaded images
     * @param targetSize {@code {height, width}}, or null to keep each image's size
     * @param filter the resampling filter used when resizing
     * @param keepAspectRatio crop the centre to the target aspect ratio before resizing
     * @param applyExifOrientation rotate and flip JPEGs as their EXIF orientation says
     * @param reducedDecode let the codec decode JPEGs at a reduced DCT scale (1/2, 1/4, 1/8) when both
     *     sides stay at least the target's larger side (false gives Pillow's pixels)
     * @param pixelLimit the pixel-count limit checked from each file's header
     * @throws IllegalArgumentException naming {@code targetSize} when it is not two sizes of at least 1,
     *     or an image of that size would exceed {@code pixelLimit} or one Java array
     */
    public ImageFileReader(ImageCodec codec, ColorMode colorMode, int[] targetSize, ResizeFilter filter,
            boolean keepAspectRatio, boolean applyExifOrientation, boolean reducedDecode, PixelLimit pixelLimit) {
        this.codec = Objects.requireNonNull(codec, "codec");
        this.colorMode = Objects.requireNonNull(colorMode, "colorMode");
        Objects.requireNonNull(pixelLimit, "pixelLimit");
        if (targetSize != null) {
            checkTargetSize(targetSize, colorMode, pixelLimit);
        }
        this.targetSize = targetSize == null ? null : targetSize.clone();
        this.filter = Objects.requireNonNull(filter, "interpolation");
        this.keepAspectRatio = keepAspectRatio;
        this.decodeOptions = reducedDecode && targetSize != null
                ? new DecodeOptions(applyExifOrientation, targetSize[0], targetSize[1], pixelLimit)
                : new DecodeOptions(applyExifOrientation, 0, 0, pixelLimit);
    }

    /**
     * Refuses, before any file is read, a target size that no loaded image could have: not two sizes
     * of at least 1, more pixels than the pixel limit refuses, or more samples
     * ({@code height × width × channels}) than one Java array holds.
     */
    private static void checkTargetSize(int[] targetSize, ColorMode colorMode, PixelLimit pixelLimit) {
        if (targetSize.length != 2 || targetSize[0] < 1 || targetSize[1] < 1) {
            throw new IllegalArgumentException("targetSize must be {height, width} with both >= 1; got "
                    + java.util.Arrays.toString(targetSize));
        }
        long pixels = (long) targetSize[0] * targetSize[1];
        if (pixelLimit.limited() && pixels > pixelLimit.refuseAbove()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "targetSize %d x %d is %d pixels; it"
                    + " must be at most %d, twice the image pixel limit of %d (raise the limit with"
                    + " maxImagePixels or -D%s=N)", targetSize[0], targetSize[1], pixels, pixelLimit.refuseAbove(),
                    pixelLimit.warnAbove(), PixelLimit.PROPERTY));
        }
        int channels = colorMode.channels();
        if (pixels > Tensor.MAX_ELEMENTS / channels) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "targetSize %d x %d in %s is %d pixels of %d"
                    + " samples; height x width must be at most %d, as one image of at most %d samples is what one"
                    + " Java array holds", targetSize[0], targetSize[1], colorMode.configName(), pixels, channels,
                    Tensor.MAX_ELEMENTS / channels, Tensor.MAX_ELEMENTS));
        }
    }

    /**
     * {@return the options each file is decoded with: the EXIF setting, the pixel limit and, with
     * reduced decoding, the smallest size the codec may scale a JPEG down to}
     */
    public DecodeOptions decodeOptions() {
        return decodeOptions;
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
     * Loads one image: decoded, oriented, converted to the color mode and resized.
     *
     * @param path the file
     * @return the image
     * @throws ImageReadException naming the file, whatever went wrong (missing or special file,
     *     permissions, format, damage, size limit, overflow, crop geometry, memory)
     */
    public ByteImage load(Path path) {
        return fit(decode(path), path);
    }

    /**
     * Decodes one file (oriented and converted to the color mode) without resizing it.
     *
     * @param path the file
     * @return the image at its own size
     * @throws ImageReadException naming the file, whatever went wrong
     */
    public ByteImage decode(Path path) {
        return decode(read(path), path);
    }

    /**
     * Decodes an image already in memory (oriented and converted to the color mode) without resizing
     * it: for bytes that come from elsewhere than a local file (Spark's {@code binaryFile} source, a
     * table, an object store).
     *
     * @param encoded the file's bytes
     * @param name where they came from, named in errors
     * @return the image at its own size
     * @throws ImageReadException naming {@code name}, whatever went wrong
     */
    public ByteImage decode(byte[] encoded, Path name) {
        try {
            return ColorConversion.convert(codec.decode(encoded, decodeOptions), colorMode);
        } catch (IOException | RuntimeException e) {
            throw failure(name, e);
        } catch (OutOfMemoryError e) {
            throw new ImageReadException(name, "not enough memory to decode it (" + e.getMessage() + ")", e);
        }
    }

    /**
     * {@code image} (a {@link #decode} result of {@code path}) resized as configured.
     *
     * @param image the decoded image
     * @param path the file it came from, named in errors
     * @return the image at the target size
     * @throws ImageReadException naming the file when it cannot be resized as asked
     */
    public ByteImage fit(ByteImage image, Path path) {
        try {
            return fit(image);
        } catch (RuntimeException e) {
            throw failure(path, e);
        } catch (OutOfMemoryError e) {
            throw new ImageReadException(path, "not enough memory to resize it (" + e.getMessage() + ")", e);
        }
    }

    /** {@code e} as an error naming {@code path}, with {@code e}'s message (or {@code e} itself without one). */
    private static ImageReadException failure(Path path, Exception e) {
        return new ImageReadException(path, e.getMessage() == null ? e.toString() : e.getMessage(), e);
    }

    /** The file's bytes; only regular files are opened (never a FIFO, device or socket). */
    private static byte[] read(Path path) {
        try {
            if (!Files.isRegularFile(path)) {
                throw new ImageReadException(path, Files.exists(path)
                        ? "not a regular file (a folder, FIFO, device or socket); it is not opened"
                        : "no such file", null);
            }
            long size = Files.size(path);
            if (size > Tensor.MAX_ELEMENTS) {
                throw new ImageReadException(path, "the file is " + size + " bytes, more than 2 GiB", null);
            }
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new ImageReadException(path, "cannot read the file (" + e + ")", e);
        } catch (OutOfMemoryError e) {
            throw new ImageReadException(path, "not enough memory to read it (" + e.getMessage() + ")", e);
        }
    }

    /** {@code image} (already in this loader's color mode) resized as configured. */
    ByteImage fit(ByteImage image) {
        if (targetSize == null || (image.height() == targetSize[0] && image.width() == targetSize[1])) {
            return image;
        }
        int[] crop = cropWindow(image);
        return PillowResize.resize(image, targetSize[0], targetSize[1], filter, crop[1], crop[0], crop[1] + crop[3],
                crop[0] + crop[2]);
    }

    /**
     * The part of {@code image} that resizing maps onto the target: the centre crop of the target's
     * aspect ratio with {@code keepAspectRatio}, else the whole image (also without a target size).
     * For flows that resample the decoded image themselves instead of resizing it here.
     *
     * @param image a {@link #decode} result
     * @param path the file it came from, named in errors
     * @return {@code image} itself, or a copy of its centre crop
     * @throws ImageReadException naming the file when no crop of the target's aspect ratio fits
     */
    public ByteImage cropped(ByteImage image, Path path) {
        if (targetSize == null || !keepAspectRatio) {
            return image;
        }
        try {
            int[] crop = cropWindow(image);
            return crop[2] == image.height() && crop[3] == image.width() ? image
                    : image.crop(crop[0], crop[1], crop[2], crop[3]);
        } catch (RuntimeException e) {
            throw failure(path, e);
        }
    }

    /** {@code {top, left, height, width}} of the region of {@code image} that maps onto the target. */
    private int[] cropWindow(ByteImage image) {
        int h = image.height();
        int w = image.width();
        if (!keepAspectRatio) {
            return new int[] {0, 0, h, w};
        }
        int th = targetSize[0];
        int tw = targetSize[1];
        int cropH = (int) Math.min(h, (long) w * th / tw);
        int cropW = (int) Math.min(w, (long) h * tw / th);
        if (cropH < 1 || cropW < 1) {
            throw new IllegalArgumentException("keepAspectRatio: a " + w + " x " + h + " image has no crop of"
                    + " the target's aspect ratio " + tw + ":" + th + " at least one pixel large");
        }
        return new int[] {(h - cropH) / 2, (w - cropW) / 2, cropH, cropW};
    }
}
