package io.jdatagen.io;

/**
 * How a codec decodes one file.
 *
 * @param applyExifOrientation rotate and flip JPEGs as their EXIF orientation tag says (the
 *     default; Keras, through Pillow, ignores the tag)
 * @param minHeight with {@code minWidth}: the smallest size the caller needs, so that a codec may
 *     decode a JPEG at a reduced DCT scale (1/2, 1/4, 1/8) as long as both sides stay at least
 *     this large; 0 asks for full size
 * @param minWidth see {@code minHeight}
 * @param pixelLimit the decompression-bomb guard checked from the header before decoding
 */
public record DecodeOptions(boolean applyExifOrientation, int minHeight, int minWidth, PixelLimit pixelLimit) {
    /** Full size, EXIF orientation applied, the default pixel limit. */
    public static final DecodeOptions DEFAULT = new DecodeOptions(true, 0, 0);

    /**
     * Options with the default {@link PixelLimit}.
     *
     * @param applyExifOrientation whether to apply the EXIF orientation
     * @param minHeight the smallest height needed (0: full size)
     * @param minWidth the smallest width needed (0: full size)
     */
    public DecodeOptions(boolean applyExifOrientation, int minHeight, int minWidth) {
        this(applyExifOrientation, minHeight, minWidth, PixelLimit.defaults());
    }

    /**
     * Validates the sizes.
     *
     * @param applyExifOrientation whether to apply the EXIF orientation
     * @param minHeight the smallest height needed (0: full size)
     * @param minWidth the smallest width needed (0: full size)
     * @param pixelLimit the decompression-bomb guard
     */
    public DecodeOptions {
        java.util.Objects.requireNonNull(pixelLimit, "pixelLimit");
        if (minHeight < 0 || minWidth < 0) {
            throw new IllegalArgumentException("minHeight and minWidth must be >= 0; got " + minHeight + ", "
                    + minWidth);
        }
    }

    /** {@return whether a reduced-scale decode may be used} */
    public boolean allowsReducedScale() {
        return minHeight > 0 && minWidth > 0;
    }

    /**
     * {@return the largest DCT reduction (8, 4, 2 or 1) that keeps a {@code height × width} image at least
     * {@code max(minHeight, minWidth)} on both sides, whatever its orientation}
     */
    public int reduction(int height, int width) {
        if (!allowsReducedScale()) {
            return 1;
        }
        int need = Math.max(minHeight, minWidth);
        int shortest = Math.min(height, width);
        for (int f = 8; f > 1; f /= 2) {
            if (shortest / f >= need) {
                return f;
            }
        }
        return 1;
    }
}
