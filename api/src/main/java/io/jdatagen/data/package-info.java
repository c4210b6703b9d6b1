/**
 * Sequences of batches and how they are loaded.
 *
 * <p>Entry points: {@link io.jdatagen.data.Sequence} (Keras's {@code keras.utils.Sequence}:
 * indexable batches, epochs), {@link io.jdatagen.data.Batch} (inputs, targets, weights),
 * {@link io.jdatagen.data.Loader} (computes batches ahead on worker threads, in order),
 * {@link io.jdatagen.data.Position} (where a run stands, to resume it after a pre-emption), and the
 * keyed random streams that make batches independent of thread count and access order
 * ({@link io.jdatagen.data.RandomKeys}, {@link io.jdatagen.data.NumpyRandomState} for numpy's
 * legacy MT19937).
 */
package io.jdatagen.data;
