package io.jdatagen.augment;

import io.jdatagen.data.Batch;
import java.util.random.RandomGenerator;

/**
 * A step that runs on a whole batch, images and targets together (the kind MixUp and CutMix are), after
 * every sample of the batch is augmented and the batch assembled, in list order. Keras 3's MixUp and CutMix
 * (package {@code io.jdatagen.layers}) are of this kind.
 *
 * @param <P> the drawn parameters of one batch
 */
public non-sealed interface BatchStep<P> extends Step {
    /**
     * Draws this step's parameters for one batch.
     *
     * @param size the number of samples in the batch
     * @param rng the batch's stream, keyed by the flow's seed, epoch and batch
     * @return the parameters, or null when the step leaves this batch unchanged
     */
    P draw(int size, RandomGenerator rng);

    /**
     * {@return {@code batch} with {@code params} applied: a new batch of the same size, or {@code batch}}
     *
     * @param params parameters {@link #draw} returned (never null)
     * @param batch the augmented batch with its targets
     */
    Batch apply(P params, Batch batch);
}
