package io.jdatagen.io;

/**
 * Pillow's mode conversions between the decoded channel layouts (gray, gray+alpha, RGB, RGBA)
 * and a {@link ColorMode}: gray from RGB with Pillow's fixed-point ITU-R 601 weights, alpha
 * dropped without compositing, gray replicated to RGB, alpha 255 added when missing.
 */
final class ColorConversion {
    private ColorConversion() {
    }

    /** {@code image} in {@code mode}, or {@code image} itself when it already is. */
    static ByteImage convert(ByteImage image, ColorMode mode) {
        int from = image.channels();
        int to = mode.channels();
        if (from == to) {
            return image;
        }
        byte[] in = image.data();
        int pixels = image.height() * image.width();
        byte[] out = new byte[pixels * to];
        for (int p = 0; p < pixels; p++) {
            int i = p * from;
            int r = in[i] & 0xFF;
            int g = from >= 3 ? in[i + 1] & 0xFF : r;
            int b = from >= 3 ? in[i + 2] & 0xFF : r;
            int alpha = from == 2 ? in[i + 1] & 0xFF : from == 4 ? in[i + 3] & 0xFF : 255;
            int o = p * to;
            if (to == 1) {
                out[o] = (byte) (from <= 2 ? r : luma(r, g, b));
            } else {
                out[o] = (byte) r;
                out[o + 1] = (byte) g;
                out[o + 2] = (byte) b;
                if (to == 4) {
                    out[o + 3] = (byte) alpha;
                }
            }
        }
        return new ByteImage(out, image.height(), image.width(), to);
    }

    /** Pillow's {@code L = R*299/1000 + G*587/1000 + B*114/1000} in 16-bit fixed point, rounded. */
    static int luma(int r, int g, int b) {
        return (r * 19595 + g * 38470 + b * 7471 + 0x8000) >> 16;
    }
}
