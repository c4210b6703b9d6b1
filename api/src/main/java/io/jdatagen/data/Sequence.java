package io.jdatagen.data;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Keras's {@code keras.utils.Sequence}: an indexable list of batches for one epoch.
 * {@link #get(int)} is pure and thread-safe for a given epoch; {@link #onEpochEnd()} moves to the
 * next epoch (a new shuffle, new random draws); {@link #atEpoch(int)} views any epoch directly, so
 * batch k of epoch e can be asked for in any order and from any thread.
 *
 * <p>Epochs cannot silently repeat: iterating a sequence to its end (a for-each loop over it, as
 * Keras's iterator does), or taking the last batch of an epoch from a {@link Loader}, calls
 * {@link #onEpochEnd()} once, so the next loop sees the next epoch. An iteration left before its
 * end does not advance. Only indexed access ({@link #get(int)}) leaves the epoch to the caller, as
 * in Keras, where the training loop calls {@code on_epoch_end}. The same seed replays the same
 * epochs.
 *
 * @param <T> the batch type
 */
public interface Sequence<T> extends Iterable<T> {
    /** {@return the number of batches in one epoch} */
    int size();

    /**
     * Batch {@code index} of the current epoch.
     *
     * @param index the index
     * @return the batch
     * @throws IndexOutOfBoundsException with Keras's message when {@code index} is outside
     *     {@code [0, size())}
     */
    T get(int index);

    /** Ends the current epoch; the next {@link #get} calls belong to the next one. */
    void onEpochEnd();

    /** {@return the current epoch, starting at 0} */
    int epoch();

    /**
     * {@return a view of this sequence fixed at epoch {@code e} ({@link #onEpochEnd()} on it does nothing)}
     *
     * @param e the epoch
     */
    Sequence<T> atEpoch(int e);

    /**
     * The batches of the current epoch, in order; taking the last one moves the sequence to the
     * next epoch ({@link #onEpochEnd()}).
     */
    @Override
    default Iterator<T> iterator() {
        Sequence<T> epoch = atEpoch(epoch());
        int start = epoch();
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < epoch.size();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("the epoch has " + epoch.size() + " batches");
                }
                T batch = epoch.get(next++);
                if (next == epoch.size() && epoch() == start) {
                    onEpochEnd();
                }
                return batch;
            }
        };
    }

    /**
     * {@return a {@link Loader} computing this epoch's batches on {@code workers} threads, at most {@code
     * workers + maxBatchesPending} ahead of the consumer}
     *
     * @param workers the workers
     * @param maxBatchesPending the max batches pending
     */
    default Loader<T> parallel(int workers, int maxBatchesPending) {
        return Loader.of(this, workers, maxBatchesPending);
    }

    /**
     * {@return Keras's message for an index outside {@code [0, size)}}
     *
     * @param index the index
     * @param size the size
     */
    static IndexOutOfBoundsException outOfRange(int index, int size) {
        return new IndexOutOfBoundsException("Asked to retrieve element " + index + ", but the Sequence has length "
                + size);
    }
}
