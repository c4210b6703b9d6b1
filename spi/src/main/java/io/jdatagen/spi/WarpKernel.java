package io.jdatagen.spi;

/** Kernel contract: apply one {@link WarpPlan} to one image (DESIGN.md §3). */
public interface WarpKernel {
    /**
     * Resamples {@code source} through {@code plan} into {@code output}. Every output element of
     * the slot is written.
     *
     * @throws IllegalArgumentException if the plan does not fit source and output
     *     ({@link WarpPlan#checkCompatible})
     */
    void warp(SourceImage source, WarpPlan plan, OutputSlot output);
}
