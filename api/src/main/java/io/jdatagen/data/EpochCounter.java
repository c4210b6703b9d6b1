package io.jdatagen.data;

/**
 * The epoch number of an {@link EpochSequence} and the one rule that moves it: each epoch is ended
 * exactly once, whichever way it ends. An iteration (a for-each loop, a {@link Loader}, a framework
 * adapter) ends epoch {@code e} when its consumer takes the epoch's last batch; an explicit
 * {@link #endCurrent()} ends the current epoch, unless it only confirms an end an iteration has
 * just made (no batch of the new epoch taken since), as a Keras training loop that calls
 * {@code on_epoch_end} after its own loop over the sequence does.
 */
final class EpochCounter {
    private volatile int epoch;
    /** True while the current epoch was reached by an iteration's end and none of its batches was taken. */
    private volatile boolean endedByIteration;

    /** {@return the current epoch} */
    int current() {
        return epoch;
    }

    /**
     * Records that a consumer took batch {@code index} of epoch {@code e}, of {@code size} batches;
     * the last one ends epoch {@code e} if the counter is still there.
     *
     * @param e the epoch of the batch
     * @param index the batch's index in its epoch
     * @param size the batches of an epoch
     */
    void taken(int e, int index, int size) {
        boolean last = index == size - 1;
        if (!last && !endedByIteration) {
            return;
        }
        synchronized (this) {
            if (e != epoch) {
                return;
            }
            endedByIteration = false;
            if (last) {
                epoch = next(e);
                endedByIteration = true;
            }
        }
    }

    /** Records that a batch of epoch {@code e} was asked for by index: the epoch has begun. */
    void begun(int e) {
        if (!endedByIteration) {
            return;
        }
        synchronized (this) {
            if (e == epoch) {
                endedByIteration = false;
            }
        }
    }

    /** Ends the current epoch, or confirms the end an iteration has just made (then the epoch stays). */
    synchronized void endCurrent() {
        if (endedByIteration) {
            endedByIteration = false;
        } else {
            epoch = next(epoch);
        }
    }

    /**
     * Moves to epoch {@code e} as a fresh start there: no batch of it taken, no end to confirm.
     *
     * @param e the epoch
     */
    synchronized void moveTo(int e) {
        epoch = e;
        endedByIteration = false;
    }

    private static int next(int e) {
        if (e == Integer.MAX_VALUE) {
            throw new IllegalStateException("the epoch number is an int and cannot pass " + e);
        }
        return e + 1;
    }
}
