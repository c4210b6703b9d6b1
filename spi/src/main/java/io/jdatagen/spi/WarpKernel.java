package io.jdatagen.spi;

import io.jdatagen.core.BufferTensor;
import io.jdatagen.core.DataFormat;
import io.jdatagen.core.DenseTensor;
import io.jdatagen.core.Tensor;
import java.util.List;

/** Kernel contract: apply one {@link WarpPlan} to one image, or one plan per image to a batch. */
public interface WarpKernel {
    /**
     * Resamples {@code source} through {@code plan} into {@code output}. Every output element of the slot is
     * written. A plan with a presize ({@link WarpPlan#hasPresize}) gives what {@link PresizedWarp#warp}
     * gives: an implementation that does not fuse the two resamplings hands such plans to it.
     *
     * @throws IllegalArgumentException if the plan does not fit source and output
     *     ({@link WarpPlan#checkCompatible})
     */
    void warp(SourceImage source, WarpPlan plan, OutputSlot output);

    /**
     * Resamples {@code sources.get(k)} through {@code plans.get(k)} into slot {@code k} of the rank-4 {@code
     * batch} (in {@code format}) for every {@code k}; slots beyond the sources are left as they are. The
     * batch is a heap {@link Tensor} or a {@link BufferTensor}, whose slots receive the values converted to
     * its element type with no intermediate copy of the batch. The result equals {@link #warp} per image; a
     * backend with a per-launch cost (a GPU) runs the whole batch at once. The default runs each image
     * through {@link PresizedWarp#warp}, so that presized plans are honoured even by a {@link #warp} that
     * does not route them.
     *
     * @param sources one source image per slot written
     * @param plans the plan of each source, in the same order
     * @param batch receives the images, rank 4
     * @param format how each image of the batch is laid out
     * @throws IllegalArgumentException if the lists differ in length, there are more sources than
     *     slots, or a plan does not fit its source and slot
     */
    default void warpBatch(List<SourceImage> sources, List<WarpPlan> plans, DenseTensor batch, DataFormat format) {
        checkBatch(sources, plans, batch);
        for (int k = 0; k < sources.size(); k++) {
            PresizedWarp.warp(this, sources.get(k), plans.get(k), OutputSlot.of(batch, k, format));
        }
    }

    /**
     * {@return whether {@link #warpBatch} gains from having the whole batch at once} True for a backend
     * with a per-launch cost (a GPU): callers then hand it whole batches. False (the default) for one
     * that warps image by image anyway: a caller with work to do on each warped image may then warp and
     * finish one image at a time, while that image is still in the processor's cache.
     */
    default boolean warpsBatchesAtOnce() {
        return false;
    }

    /**
     * Validates the shape of a {@link #warpBatch} call (not each plan), for backends that override it.
     *
     * @param sources one source image per slot written
     * @param plans the plan of each source
     * @param batch receives the images
     * @throws IllegalArgumentException naming what does not fit
     */
    static void checkBatch(List<SourceImage> sources, List<WarpPlan> plans, DenseTensor batch) {
        int[] shape = batch.shape();
        if (sources.size() != plans.size()) {
            throw new IllegalArgumentException("warpBatch needs one plan per source; got " + sources.size()
                    + " sources and " + plans.size() + " plans");
        }
        if (shape.length != 4 || sources.size() > shape[0]) {
            throw new IllegalArgumentException("warpBatch needs a rank-4 batch with at least " + sources.size()
                    + " slots; got shape " + java.util.Arrays.toString(shape));
        }
    }
}
