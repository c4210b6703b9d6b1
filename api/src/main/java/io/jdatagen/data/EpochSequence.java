package io.jdatagen.data;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Base of sequences whose batches are a pure function of (epoch, index): subclasses implement
 * {@link #batch(int, int)}; bounds checks, the epoch counter and epoch views are handled here.
 *
 * @param <T> the batch type
 */
public abstract class EpochSequence<T> implements Sequence<T> {
    private final AtomicInteger epoch = new AtomicInteger();

    /** Creates a sequence at epoch 0. */
    protected EpochSequence() {
    }

    /**
     * Batch {@code index} (already bounds-checked) of epoch {@code epoch}. Must be pure and thread-safe.
     *
     * @param epoch the epoch
     * @param index the index
     * @return the batch
     */
    protected abstract T batch(int epoch, int index);

    @Override
    public final T get(int index) {
        return getAt(epoch.get(), index);
    }

    /**
     * Batch {@code index} of epoch {@code e}.
     *
     * @param e the epoch
     * @param index the index
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
        epoch.incrementAndGet();
    }

    @Override
    public final int epoch() {
        return epoch.get();
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
            public int epoch() {
                return e;
            }

            @Override
            public Sequence<T> atEpoch(int other) {
                return outer.atEpoch(other);
            }
        };
    }
}
