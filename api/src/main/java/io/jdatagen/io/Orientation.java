package io.jdatagen.io;

/**
 * The eight EXIF orientations: how a stored image must be flipped and rotated to be displayed
 * upright. {@link #apply} performs that transform.
 */
enum Orientation {
    /** 1: as stored. */
    NORMAL,
    /** 2: mirrored left-right. */
    FLIP_HORIZONTAL,
    /** 3: rotated 180°. */
    ROTATE_180,
    /** 4: mirrored top-bottom. */
    FLIP_VERTICAL,
    /** 5: transposed (mirror about the main diagonal). */
    TRANSPOSE,
    /** 6: rotated 90° clockwise to display. */
    ROTATE_90_CW,
    /** 7: transversed (mirror about the anti-diagonal). */
    TRANSVERSE,
    /** 8: rotated 90° counter-clockwise to display. */
    ROTATE_90_CCW;

    /** The orientation of EXIF tag value {@code value}; values outside 1..8 mean {@link #NORMAL}. */
    static Orientation ofTag(int value) {
        return value >= 1 && value <= 8 ? values()[value - 1] : NORMAL;
    }

    /** {@code image} displayed upright (itself for {@link #NORMAL}). */
    ByteImage apply(ByteImage image) {
        if (this == NORMAL) {
            return image;
        }
        int h = image.height();
        int w = image.width();
        int c = image.channels();
        boolean swap = ordinal() >= TRANSPOSE.ordinal();
        int oh = swap ? w : h;
        int ow = swap ? h : w;
        byte[] in = image.data();
        byte[] out = new byte[in.length];
        for (int r = 0; r < oh; r++) {
            for (int col = 0; col < ow; col++) {
                int sr;
                int sc;
                switch (this) {
                    case FLIP_HORIZONTAL -> { sr = r; sc = w - 1 - col; }
                    case ROTATE_180 -> { sr = h - 1 - r; sc = w - 1 - col; }
                    case FLIP_VERTICAL -> { sr = h - 1 - r; sc = col; }
                    case TRANSPOSE -> { sr = col; sc = r; }
                    case ROTATE_90_CW -> { sr = h - 1 - col; sc = r; }
                    case TRANSVERSE -> { sr = h - 1 - col; sc = w - 1 - r; }
                    default -> { sr = col; sc = w - 1 - r; }
                }
                System.arraycopy(in, (sr * w + sc) * c, out, (r * ow + col) * c, c);
            }
        }
        return new ByteImage(out, oh, ow, c);
    }
}
