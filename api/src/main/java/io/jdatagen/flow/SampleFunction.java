package io.jdatagen.flow;

import io.jdatagen.core.Tensor;

/**
 * A per-sample hook that sees the sample's {@link SampleContext} (mltk's
 * {@code noaug_preprocessing_function} and context-aware {@code preprocessing_function}). It must
 * return an image of the same shape; randomness should come from {@link SampleContext#random()} so
 * that batches stay deterministic.
 */
@FunctionalInterface
public interface SampleFunction {
    /**
     * {@return the processed image}
     *
     * @param image the sample's image (rank 3, in the generator's data format); it may be modified
     * @param context where the sample sits
     */
    Tensor apply(Tensor image, SampleContext context);
}
