package io.jdatagen.io;

/**
 * Pillow's RGBA ↔ RGBa (and LA ↔ La) conversions, used around filtered resizes so that
 * transparent pixels do not bleed color: {@code c·a/255} rounded as Pillow's {@code MULDIV255},
 * and back with {@code min(255, 255·c/a)} (kept as is for alpha 0 and 255).
 */
final class Premultiplied {
    private Premultiplied() {
    }

    static ByteImage multiply(ByteImage image) {
        byte[] in = image.data();
        byte[] out = in.clone();
        int c = image.channels();
        for (int p = 0; p < in.length; p += c) {
            int alpha = in[p + c - 1] & 0xFF;
            for (int ch = 0; ch < c - 1; ch++) {
                int t = (in[p + ch] & 0xFF) * alpha + 128;
                out[p + ch] = (byte) (((t >> 8) + t) >> 8);
            }
        }
        return new ByteImage(out, image.height(), image.width(), c);
    }

    static ByteImage divide(ByteImage image) {
        byte[] data = image.data();
        int c = image.channels();
        for (int p = 0; p < data.length; p += c) {
            int alpha = data[p + c - 1] & 0xFF;
            if (alpha != 0 && alpha != 255) {
                for (int ch = 0; ch < c - 1; ch++) {
                    data[p + ch] = (byte) Math.min(255, 255 * (data[p + ch] & 0xFF) / alpha);
                }
            }
        }
        return image;
    }
}
