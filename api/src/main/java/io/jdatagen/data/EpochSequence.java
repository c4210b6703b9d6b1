package io.jdatagen.data;

/**
 * Base of sequences whose batches are a pure function of (epoch, index): subclasses implement
 * {@link #batch(int, int)}; bounds checks, the epoch counter and epoch views are handled here.
 * The counter follows {@link Sequence}'s rule of one advance per epoch: an iteration that takes an
 * epoch's last batch ends it, and an {@link #onEpochEnd()} that follows before any batch of the next
 * epoch is taken (by {@link #get}, a loop or a loader) confirms that end instead of ending another.
 *
 * @param <T> the batch type
 */
public abstract class EpochSequence<T> implements Sequence<T> {
    private final EpochCounter epoch = new EpochCounter();

    /** Creates a sequence at epoch 0. */
    protected EpochSequence() {
    }

    /**
     * Batch {@code index} (already bounds-checked) of epoch {@code epoch}. Must be pure and thread-safe.
     */
    protected abstract T batch(int epoch, int index);

    @Override
    public final T get(int index) {
        int e = epoch.current();
        T batch = getAt(e, index);
        epoch.begun(e);
        return batch;
    }

    /**
     * Batch {@code index} of epoch {@code e}.
     *
     * @param e the epoch
     * @return the batch
     * @throws IndexOutOfBoundsException with Keras's message for a bad index
     * @throws IllegalArgumentException for a negative epoch
     */
    public final T getAt(int e, int index) {
        if (e < 0) {
            throw new IllegalArgumentException("epoch must be >= 0; got: " + e);
        }
        int size = size();
        if (index < 0 || index >= size) {
            throw Sequence.outOfRange(index, size);
        }
        return batch(e, index);
    }

    @Override
    public void onEpochEnd() {
        epoch.endCurrent();
    }

    @Override
    public final void onBatchTaken(int e, int index) {
        epoch.taken(e, index, size());
    }

    /**
     * Sets the epoch directly (batches are pure functions of the epoch, so moving back is safe): the
     * next {@link #get} calls belong to {@code e}, and taking its last batch ends it.
     *
     * @param e the epoch, at least 0
     */
    @Override
    public final void moveToEpoch(int e) {
        if (e < 0) {
            throw new IllegalArgumentException("epoch must be >= 0; got: " + e);
        }
        epoch.moveTo(e);
    }

    @Override
    public final int epoch() {
        return epoch.current();
    }

    @Override
    public Sequence<T> atEpoch(int e) {
        if (e < 0) {
            throw new IllegalArgumentException("epoch must be >= 0; got: " + e);
        }
        EpochSequence<T> outer = this;
        return new Sequence<>() {
            @Override
            public int size() {
                return outer.size();
            }

            @Override
            public T get(int index) {
                return outer.getAt(e, index);
            }

            @Override
            public void onEpochEnd() {
                // A view is fixed at its epoch.
            }

            @Override
            public void onBatchTaken(int epoch, int index) {
                // A view is fixed at its epoch: iterating it ends nothing.
            }

            @Override
            public int epoch() {
                return e;
            }

            @Override
            public Position position(int epoch, int index) {
                return outer.position(epoch, index);
            }

            @Override
            public void moveToEpoch(int other) {
                if (other != e) {
                    throw new IllegalArgumentException("a view of epoch " + e + " cannot move to epoch " + other);
                }
            }

            @Override
            public Sequence<T> atEpoch(int other) {
                return outer.atEpoch(other);
            }
        };
    }
}
