package io.jdatagen.data;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Keras's {@code keras.utils.Sequence}: an indexable list of batches for one epoch.
 * {@link #get(int)} is pure and thread-safe for a given epoch; {@link #onEpochEnd()} moves to the
 * next epoch (a new shuffle, new random draws); {@link #atEpoch(int)} views any epoch directly, so
 * batch k of epoch e can be asked for in any order and from any thread.
 *
 * <p><b>One advance per epoch, however it ends.</b> An epoch ends once, whichever way the caller
 * ends it:
 * <ul>
 *   <li>a for-each loop over the sequence, a {@link Loader} or a framework adapter ends the epoch
 *       when its consumer takes the epoch's last batch ({@link #onBatchTaken}), so the next loop
 *       sees the next epoch; a loop left before its end (a {@code break}) ends nothing;</li>
 *   <li>{@link #onEpochEnd()} ends the current epoch, as Keras's training loop calls
 *       {@code on_epoch_end} after each epoch of {@code model.fit(sequence)} (the way to end
 *       epochs read by index with {@link #get(int)}); each call is one epoch end, so two calls in
 *       a row end two epochs, as in Keras, where each call draws a new shuffle;</li>
 *   <li>except that {@link #onEpochEnd()} right after a loop that ran to its end, with no batch of
 *       the new epoch taken in between, only confirms the end the loop made: a Keras port that
 *       loops over the sequence and then calls {@code onEpochEnd()} advances once per epoch, not
 *       twice.</li>
 * </ul>
 * So: loop only, {@code onEpochEnd()} only, loop then {@code onEpochEnd()}, a multi-epoch
 * {@link Loader}: one advance per epoch; a partial loop then {@code onEpochEnd()}: one advance.
 * {@link #atEpoch} views never move. The same seed replays the same epochs.
 *
 * @param <T> the batch type
 */
public interface Sequence<T> extends Iterable<T> {
    /** {@return the number of batches in one epoch} */
    int size();

    /**
     * Batch {@code index} of the current epoch.
     *
     * @return the batch
     * @throws IndexOutOfBoundsException with Keras's message when {@code index} is outside
     *     {@code [0, size())}
     */
    T get(int index);

    /**
     * Ends the current epoch, so the next {@link #get} calls belong to the next one; right after an
     * iteration that ran to the epoch's end (and before any batch of the new epoch is taken) it only
     * confirms that end and the epoch stays (see the class comment).
     */
    void onEpochEnd();

    /**
     * Called by an iteration (the for-each loop's iterator, a {@link Loader}, a framework adapter)
     * each time its consumer takes a batch: taking the last batch of epoch {@code epoch} ends that
     * epoch if the sequence is still at it. {@link EpochSequence} also remembers that the end was
     * an iteration's, so that a following {@link #onEpochEnd()} only confirms it; this default,
     * for sequences that keep their own epoch, calls {@link #onEpochEnd()} on the last batch.
     *
     * @param epoch the epoch the batch belongs to
     * @param index the batch's index in that epoch
     */
    default void onBatchTaken(int epoch, int index) {
        if (index == size() - 1 && epoch() == epoch) {
            onEpochEnd();
        }
    }

    /** {@return the current epoch, starting at 0} */
    int epoch();

    /**
     * {@return a view of this sequence fixed at epoch {@code e} ({@link #onEpochEnd()} on it does nothing)}
     *
     * @param e the epoch
     */
    Sequence<T> atEpoch(int e);

    /**
     * The batches of the current epoch, in order; taking the last one ends the epoch
     * ({@link #onBatchTaken}), so the next loop sees the next epoch.
     */
    @Override
    default Iterator<T> iterator() {
        int start = epoch();
        Sequence<T> epoch = atEpoch(start);
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
                T batch = epoch.get(next);
                onBatchTaken(start, next++);
                return batch;
            }
        };
    }

    /**
     * {@return the position of batch {@code batch} of epoch {@code epoch} of this sequence, with what fixes
     * its batch order (see {@link Position}); this default describes nothing but the batches per epoch,
     * image flows and their shards add their seed, batch size, shard and fingerprint}
     *
     * @param epoch the epoch the batch belongs to, from 0
     * @param batch the batch's index in that epoch
     */
    default Position position(int epoch, int batch) {
        return Position.unkeyed(epoch, batch, size());
    }

    /**
     * Moves the sequence to epoch {@code epoch}, as a run resumed from a {@link Position} needs, so that
     * taking that epoch's last batch ends it. This default ends epochs with {@link #onEpochEnd()} until
     * the sequence is there and refuses an epoch it has passed; {@link EpochSequence} sets its epoch
     * directly, in either direction.
     *
     * @param epoch the epoch, at least 0
     * @throws IllegalArgumentException for a negative epoch, or one this sequence cannot move back to
     * @throws IllegalStateException if {@link #onEpochEnd()} does not move the sequence
     */
    default void moveToEpoch(int epoch) {
        if (epoch < 0 || epoch < epoch()) {
            throw new IllegalArgumentException("cannot move this sequence from epoch " + epoch() + " to epoch "
                    + epoch);
        }
        while (epoch() < epoch) {
            int before = epoch();
            onEpochEnd();
            if (epoch() == before) {
                // The first call may only confirm an end an iteration made.
                onEpochEnd();
            }
            if (epoch() == before) {
                throw new IllegalStateException("onEpochEnd() does not move this sequence past epoch " + before);
            }
        }
    }

    /**
     * {@return a {@link Loader} computing this epoch's batches on {@code workers} threads, at most {@code
     * workers + maxBatchesPending} ahead of the consumer}
     */
    default Loader<T> parallel(int workers, int maxBatchesPending) {
        return Loader.of(this, workers, maxBatchesPending);
    }

    /**
     * {@return Keras's message for an index outside {@code [0, size)}}
     */
    static IndexOutOfBoundsException outOfRange(int index, int size) {
        return new IndexOutOfBoundsException("Asked to retrieve element " + index + ", but the Sequence has length "
                + size);
    }
}
