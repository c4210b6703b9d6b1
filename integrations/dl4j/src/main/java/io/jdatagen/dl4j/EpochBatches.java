package io.jdatagen.dl4j;

import io.jdatagen.data.Batch;
import io.jdatagen.data.Loader;
import io.jdatagen.data.Sequence;
import java.util.NoSuchElementException;

/**
 * The epochs both iterators hand out: a jdatagen {@link Loader} over the sequence's current epoch,
 * started on first use. The epoch advances once: when its last batch is taken (the loader reports
 * it to the sequence), or, for a pass reset after some but not all of its batches, at the reset, so
 * that no epoch repeats; a reset after a full pass, or before any batch was taken, moves nothing.
 */
final class EpochBatches {
    private final Sequence<Batch> sequence;
    private final int workers;
    private final int prefetch;
    private Loader<Batch> loader;
    private boolean begun;
    private Batch first;

    EpochBatches(Sequence<Batch> sequence, int workers, int prefetch) {
        if (workers < 1 || prefetch < 0) {
            throw new IllegalArgumentException("workers must be >= 1 and prefetch >= 0; got " + workers + ", "
                    + prefetch);
        }
        this.sequence = sequence;
        this.workers = workers;
        this.prefetch = prefetch;
    }

    Sequence<Batch> sequence() {
        return sequence;
    }

    boolean hasNext() {
        if (loader == null) {
            loader = Loader.of(sequence, workers, prefetch);
        }
        return loader.hasNext();
    }

    Batch next() {
        if (!hasNext()) {
            throw new NoSuchElementException("the epoch has ended; call reset() for the next one");
        }
        Batch batch = loader.next();
        begun = true;
        return batch;
    }

    /**
     * Ends the current pass: a pass left after some but not all of its batches still moves the
     * sequence to its next epoch; a finished pass was already ended by its last batch.
     */
    void reset() {
        if (loader != null) {
            boolean unfinished = begun && loader.hasNext();
            loader.close();
            loader = null;
            begun = false;
            if (unfinished) {
                sequence.onEpochEnd();
            }
        }
    }

    /** A batch of the sequence (the first of the current epoch) to read shapes from; computed once. */
    Batch sample() {
        if (first == null) {
            first = sequence.atEpoch(sequence.epoch()).get(0);
        }
        return first;
    }
}
