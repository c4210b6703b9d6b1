package io.jdatagen.flow;

import io.jdatagen.io.ColorMode;
import java.util.Objects;

/**
 * The options of {@code flowPairsFromDirectories}: segmentation pairs from an image and a mask
 * folder, each file read with the file options, masks with their own color mode and nearest
 * resizing; made by {@link FlowOptions#pairDirectories()}.
 */
public final class PairDirectoryFlowOptions extends FileFlowOptions<PairDirectoryFlowOptions> {
    PairDirectoryFlowOptions() {
    }

    @Override
    PairDirectoryFlowOptions self() {
        return this;
    }

    /** Enter symlinked sub-folders (default false). */
    public PairDirectoryFlowOptions followLinks(boolean on) {
        this.followLinks = on;
        return this;
    }

    /** The mask value where the transform leaves the mask (default 0; e.g. 255 to ignore). */
    public PairDirectoryFlowOptions maskFillValue(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("maskFillValue must be a finite number; got: " + value);
        }
        this.maskFillValue = value;
        return this;
    }

    /** The color mode masks are read in (default grayscale). */
    public PairDirectoryFlowOptions maskColorMode(ColorMode mode) {
        this.maskColorMode = Objects.requireNonNull(mode, "maskColorMode");
        return this;
    }
}
