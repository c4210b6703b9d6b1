package io.jdatagen.spi;

import io.jdatagen.core.FillMode;

/** The period of {@link FillMode#WRAP}; the one place where scipy and Keras's docs disagree. */
public enum WrapConvention {
    /**
     * scipy {@code ndimage} 'wrap': period {@code n-1} (the last sample coincides with the first);
     * edge taps use mirror indexing. What the Keras reference computes.
     */
    SCIPY,
    /** True periodic repetition with period {@code n} ({@code abcd|abcd|abcd}), as Keras documents. */
    PERIODIC
}
