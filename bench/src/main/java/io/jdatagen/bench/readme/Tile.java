package io.jdatagen.bench.readme;

import io.jdatagen.core.Tensor;
import java.awt.image.BufferedImage;

/** Draws one image (a channels-last float tensor) into a tile of a picture. */
final class Tile {
    private Tile() {
    }

    /**
     * Draws {@code image} centred in the tile at ({@code left}, {@code top}), its values from {@code low}
     * (black) to {@code high} (white), clipped; one channel is drawn gray, three as RGB. An image smaller than
     * the tile keeps its size on a {@code empty} ground; a larger one is shrunk (nearest pixel) to fit.
     *
     * @param empty the RGB of the tile's pixels the image does not cover
     * @throws IllegalArgumentException for an image that is not rank 3 with 1 or 3 channels
     */
    static void draw(BufferedImage picture, int left, int top, int width, int height, Tensor image, double low,
            double high, int empty) {
        if (image.rank() != 3 || image.dim(2) != 1 && image.dim(2) != 3) {
            throw new IllegalArgumentException("image must be (height, width, 1 or 3); got rank " + image.rank()
                    + (image.rank() == 3 ? " with " + image.dim(2) + " channels" : ""));
        }
        int h = image.dim(0);
        int w = image.dim(1);
        int channels = image.dim(2);
        double shrink = Math.max(1, Math.max(h / (double) height, w / (double) width));
        int drawnH = (int) Math.floor(h / shrink);
        int drawnW = (int) Math.floor(w / shrink);
        int top0 = (height - drawnH) / 2;
        int left0 = (width - drawnW) / 2;
        float[] data = image.data();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int row = y - top0;
                int col = x - left0;
                int rgb = empty;
                if (row >= 0 && row < drawnH && col >= 0 && col < drawnW) {
                    int base = ((int) (row * shrink) * w + (int) (col * shrink)) * channels;
                    int r = level(data[base], low, high);
                    int g = channels == 3 ? level(data[base + 1], low, high) : r;
                    int b = channels == 3 ? level(data[base + 2], low, high) : r;
                    rgb = r << 16 | g << 8 | b;
                }
                picture.setRGB(left + x, top + y, rgb);
            }
        }
    }

    /** {@return {@code value} from {@code low}..{@code high} as 0..255, rounded and clipped} */
    static int level(double value, double low, double high) {
        long level = Math.round((value - low) / (high - low) * 255);
        return (int) Math.max(0, Math.min(255, level));
    }
}
