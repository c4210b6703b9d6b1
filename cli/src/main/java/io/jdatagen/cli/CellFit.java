package io.jdatagen.cli;

import io.jdatagen.io.ByteImage;
import io.jdatagen.io.PillowResize;
import io.jdatagen.io.ResizeFilter;

/**
 * The size {@code preview} shows an image at when no {@code --target-size} is given: shrunk, keeping
 * its aspect ratio, until its longer side is at most a bound, so that a folder of 12-megapixel photos
 * gives a grid of a few megapixels rather than one of tens; an image within the bound keeps its size.
 */
final class CellFit {
    /** The default bound on a cell's longer side, in pixels. */
    static final int DEFAULT_MAX_SIDE = 256;

    private CellFit() {
    }

    /**
     * {@return the height and width {@code height x width} is shown at: scaled by {@code maxSide / longer
     * side} and rounded (each at least 1) when the longer side exceeds {@code maxSide}, else unchanged;
     * {@code maxSide = 0} leaves every size unchanged}
     */
    static int[] size(int height, int width, int maxSide) {
        int longer = Math.max(height, width);
        if (maxSide == 0 || longer <= maxSide) {
            return new int[] {height, width};
        }
        double scale = (double) maxSide / longer;
        return new int[] {Math.max(1, (int) Math.round(height * scale)), Math.max(1, (int) Math.round(width * scale))};
    }

    /**
     * {@return {@code image} resized with {@code filter} to {@link #size}, or {@code image} itself when
     * that keeps its size}
     */
    static ByteImage fit(ByteImage image, int maxSide, ResizeFilter filter) {
        int[] hw = size(image.height(), image.width(), maxSide);
        if (hw[0] == image.height() && hw[1] == image.width()) {
            return image;
        }
        return PillowResize.resize(image, hw[0], hw[1], filter);
    }
}
