package io.jdatagen.dl4j;

import io.jdatagen.data.Batch;
import io.jdatagen.data.Loader;
import io.jdatagen.data.Position;
import io.jdatagen.data.Sequence;
import java.util.NoSuchElementException;

/**
 * The epochs both iterators hand out: a jdatagen {@link Loader} over the sequence's current epoch,
 * started on first use. The epoch advances once: when its last batch is taken (the loader reports
 * it to the sequence), or, for a pass reset after some but not all of its batches, at the reset, so
 * that no epoch repeats; a reset after a full pass, or before any batch was taken, moves nothing.
 * A pass started after {@link #resumeFrom} begins at the position's batch; the resumption holds
 * until a batch of it is taken, so a reset before that keeps it.
 */
final class EpochBatches {
    private final Sequence<Batch> sequence;
    private final int workers;
    private final int prefetch;
    private Loader<Batch> loader;
    private boolean begun;
    private Batch first;
    private Position resume;

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
            loader = resume != null ? Loader.resume(sequence, resume, workers, prefetch, 1)
                    : Loader.of(sequence, workers, prefetch);
        }
        return loader.hasNext();
    }

    Batch next() {
        if (!hasNext()) {
            throw new NoSuchElementException("the epoch has ended; call reset() for the next one");
        }
        Batch batch = loader.next();
        begun = true;
        resume = null;
        return batch;
    }

    /**
     * The next batch not yet taken: in the running pass, else where the next pass starts (the pending
     * resumption, or the first batch of the sequence's current epoch).
     */
    Position position() {
        if (loader != null && (begun || resume == null)) {
            return loader.position();
        }
        return resume != null ? resume : sequence.position(sequence.epoch(), 0);
    }

    /**
     * Makes the next pass start at {@code position}: checked against the sequence now, the sequence
     * moved to its epoch; a pass in progress is dropped without ending its epoch.
     */
    void resumeFrom(Position position) {
        position.matching(sequence);
        if (loader != null) {
            loader.close();
            loader = null;
            begun = false;
        }
        sequence.moveToEpoch(position.epoch());
        resume = position;
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
