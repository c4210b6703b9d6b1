package io.jdatagen.simd;

/** Source layouts for the gathers: 8-bit pixels packed into ints, float pixels split into planes. */
final class Packing {
    private Packing() {
    }

    /** Packs up to 4 8-bit channels of each pixel into one int, channel c in bits 8c..8c+7. */
    static void pack(byte[] bytes, int offset, int pixels, int channels, int[] packed) {
        switch (channels) {
            case 1:
                for (int p = 0; p < pixels; p++) {
                    packed[p] = bytes[offset + p] & 0xFF;
                }
                break;
            case 3:
                for (int p = 0, o = offset; p < pixels; p++, o += 3) {
                    packed[p] = (bytes[o] & 0xFF) | (bytes[o + 1] & 0xFF) << 8 | (bytes[o + 2] & 0xFF) << 16;
                }
                break;
            default:
                for (int p = 0, o = offset; p < pixels; p++, o += channels) {
                    int v = 0;
                    for (int c = 0; c < channels; c++) {
                        v |= (bytes[o + c] & 0xFF) << (8 * c);
                    }
                    packed[p] = v;
                }
        }
    }

    /** Splits channels-last float pixels into planes: {@code planes[c * pixels + p]}. */
    static void deinterleave(float[] floats, int offset, int pixels, int channels, float[] planes) {
        for (int c = 0; c < channels; c++) {
            int base = c * pixels;
            for (int p = 0, o = offset + c; p < pixels; p++, o += channels) {
                planes[base + p] = floats[o];
            }
        }
    }
}
