package io.jdatagen.io;

import java.util.Locale;

/**
 * The decompression-bomb guard, with Pillow's rule: an image of more than {@link #warnAbove()}
 * pixels is decoded with a warning, one of more than twice that is refused before any pixel is
 * decoded. Pillow's default is {@code Image.MAX_IMAGE_PIXELS} = 89,478,485 (a 1024 MB 24-bit image
 * of 4 bytes per pixel); {@code -Djdatagen.maxImagePixels=N} changes the default ({@code 0}: no
 * limit), as does {@code FileFlowOptions.maxImagePixels} per flow.
 *
 * @param warnAbove pixels above which decoding warns (the refusal threshold is twice this); 0 or
 *     less: no limit
 * @see <a href="https://pillow.readthedocs.io/en/stable/reference/Image.html#PIL.Image.open">Pillow's
 *     decompression-bomb protection</a>
 */
public record PixelLimit(long warnAbove) {
    /** Pillow's {@code Image.MAX_IMAGE_PIXELS}. */
    public static final long PILLOW_MAX_IMAGE_PIXELS = 89_478_485L;
    /** The system property that changes the default limit. */
    public static final String PROPERTY = "jdatagen.maxImagePixels";

    /** {@return the default limit: {@value #PROPERTY} when set, else Pillow's} */
    public static PixelLimit defaults() {
        String v = System.getProperty(PROPERTY);
        if (v == null || v.isBlank()) {
            return new PixelLimit(PILLOW_MAX_IMAGE_PIXELS);
        }
        try {
            return new PixelLimit(Long.parseLong(v.strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + PROPERTY + " must be a whole number of pixels (0: no limit);"
                    + " got: " + v, e);
        }
    }

    /** {@return no limit at all} */
    public static PixelLimit none() {
        return new PixelLimit(0);
    }

    /** {@return whether there is a limit} */
    public boolean limited() {
        return warnAbove > 0;
    }

    /** {@return the pixel count above which an image is refused: twice {@link #warnAbove()}} */
    public long refuseAbove() {
        return limited() ? Math.multiplyExact(warnAbove, 2) : Long.MAX_VALUE;
    }

    /**
     * Refuses an image of {@code height × width} above {@link #refuseAbove()}.
     *
     * @param height the image height
     * @param width the image width
     * @return whether the image is above {@link #warnAbove()} (and so deserves a warning)
     * @throws ImageTooLargeException above the refusal threshold
     */
    public boolean check(long height, long width) throws ImageTooLargeException {
        long pixels = height * width;
        if (limited() && pixels > refuseAbove()) {
            throw new ImageTooLargeException(String.format(Locale.ROOT, "the image is %d x %d = %,d pixels, more"
                    + " than twice the limit of %,d (a possible decompression bomb; raise the limit with"
                    + " maxImagePixels or -D%s=N)", width, height, pixels, warnAbove, PROPERTY));
        }
        return limited() && pixels > warnAbove;
    }

    /** An image refused by the pixel limit. */
    public static final class ImageTooLargeException extends java.io.IOException {
        private static final long serialVersionUID = 1L;

        ImageTooLargeException(String message) {
            super(message);
        }
    }
}
