package io.jdatagen.flow;

import io.jdatagen.io.ByteImage;

/**
 * A segmentation mask brought to the scale of an image that a codec decoded at {@code 1/f} of its
 * size with JPEG's DCT scaling. libjpeg's scaled decoding turns each {@code f × f} block of the
 * full image into one pixel and rounds the size up ({@code ceil(side / f)}); labels must not be
 * blended, so the mask keeps, for each block, the label at the block's centre (row
 * {@code i·f + f/2}; for a partial block at the edge, the centre of the rows it has).
 */
final class MaskScale {
    private MaskScale() {
    }

    /** {@return {@code ceil(side / factor)}: a side's length after a DCT-scaled decode} */
    static int reducedSize(int side, int factor) {
        return (int) ((side + (long) factor - 1) / factor);
    }

    /** {@return {@code mask} at {@code 1/factor} scale, one label per block, every channel kept} */
    static ByteImage reduce(ByteImage mask, int factor) {
        int h = reducedSize(mask.height(), factor);
        int w = reducedSize(mask.width(), factor);
        int c = mask.channels();
        byte[] in = mask.data();
        byte[] out = new byte[Math.multiplyExact(Math.multiplyExact(h, w), c)];
        int rowStride = mask.width() * c;
        for (int y = 0; y < h; y++) {
            int sy = y * factor + Math.min(factor, mask.height() - y * factor) / 2;
            for (int x = 0; x < w; x++) {
                int sx = x * factor + Math.min(factor, mask.width() - x * factor) / 2;
                System.arraycopy(in, sy * rowStride + sx * c, out, (y * w + x) * c, c);
            }
        }
        return new ByteImage(out, h, w, c);
    }
}
