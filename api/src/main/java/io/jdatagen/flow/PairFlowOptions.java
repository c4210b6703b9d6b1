package io.jdatagen.flow;

/**
 * The options of {@code flowPairs}: segmentation pairs from an image and a mask array; made by
 * {@link FlowOptions#pairs()}. The masks' channels are the mask array's.
 */
public final class PairFlowOptions extends FlowOptions.Builder<PairFlowOptions> {
    PairFlowOptions() {
    }

    @Override
    PairFlowOptions self() {
        return this;
    }

    /** The mask value where the transform leaves the mask (default 0; e.g. 255 to ignore). */
    public PairFlowOptions maskFillValue(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("maskFillValue must be a finite number; got: " + value);
        }
        this.maskFillValue = value;
        return this;
    }
}
