package io.jdatagen.data;

import java.lang.ref.Cleaner;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Computes a {@link Sequence}'s batches ahead on a pool of worker threads and hands them out in
 * order. At most {@code workers + maxBatchesPending} batches are queued or being computed at any
 * time, so memory stays bounded. Batches come from {@link Sequence#atEpoch} views, so they are the
 * same whatever the number of workers; each batch the consumer takes is reported to
 * {@link Sequence#onBatchTaken}, so taking the last batch of an epoch ends it once, as a for-each
 * loop does (and an {@link Sequence#onEpochEnd()} right after only confirms that end).
 *
 * <p>Closing the loader (also implicit once the last batch is taken, or when a batch fails) stops
 * every worker thread. A worker's exception reaches the consumer as a {@link LoaderException}
 * naming the epoch and batch (and the file, when the cause names one). A loader dropped without
 * {@code close()} releases its threads once it is garbage-collected. Use from one consumer
 * thread.
 *
 * <p>{@link #position()} is the next batch the consumer has not taken, a small value to keep in a
 * checkpoint; {@link #resume} starts a new loader (in a new process, over a flow built afresh) at
 * that batch, and gives exactly the batches the stopped loader had still to give.
 *
 * @param <T> the batch type
 */
public final class Loader<T> implements Iterator<T>, Iterable<T>, AutoCloseable {
    private static final AtomicInteger POOLS = new AtomicInteger();
    /** Shuts down the pool of a loader dropped without {@link #close()} (its tasks never reference it). */
    private static final Cleaner CLEANER = Cleaner.create(r -> {
        Thread t = new Thread(r, "jdatagen-cleaner");
        t.setDaemon(true);
        return t;
    });
    private final Sequence<T> sequence;
    private final long window;
    private final int firstEpoch;
    private final int epochs;
    private final int batchesPerEpoch;
    private final ExecutorService pool;
    private final Cleaner.Cleanable cleanable;
    private final ArrayDeque<Future<T>> queued = new ArrayDeque<>();
    private long submitted;
    private long delivered;
    private boolean closed;
    private boolean iterated;

    private Loader(Sequence<T> sequence, int workers, int maxBatchesPending, int epochs, int firstBatch) {
        checkCounts(workers, maxBatchesPending, epochs);
        this.sequence = Objects.requireNonNull(sequence, "sequence");
        this.firstEpoch = sequence.epoch();
        if ((long) firstEpoch + epochs - 1 > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("epochs must be in [1, " + ((long) Integer.MAX_VALUE - firstEpoch + 1)
                    + "] from the sequence's epoch " + firstEpoch + " (epoch numbers are ints); got: " + epochs);
        }
        // long: workers + maxBatchesPending may exceed an int; the queue is filled lazily, so a huge
        // window allocates nothing up front and is bounded by the batches there are.
        this.window = (long) workers + maxBatchesPending;
        this.epochs = epochs;
        this.batchesPerEpoch = sequence.size();
        long total = (long) epochs * batchesPerEpoch;
        // Counting starts at the first batch to load: a resumed epoch's earlier batches count as taken.
        this.submitted = firstBatch;
        this.delivered = firstBatch;
        // A fixed pool starts a thread per task until it has `workers`: never more than there are batches.
        this.pool = Executors.newFixedThreadPool((int) Math.max(1, Math.min(workers, total - firstBatch)), threads());
        this.cleanable = CLEANER.register(this, shutdown(pool));
        fill();
    }

    /**
     * Starts loading the current epoch of {@code sequence}.
     *
     * @param <T> the type of the batches
     * @param workers worker threads, at least 1 (no more threads are started than there are batches)
     * @param maxBatchesPending batches computed ahead beyond one per worker, at least 0; any larger value
     *     (up to {@code Integer.MAX_VALUE}) just computes every remaining batch ahead
     * @return the loader
     * @throws IllegalArgumentException naming the argument out of its range
     */
    public static <T> Loader<T> of(Sequence<T> sequence, int workers, int maxBatchesPending) {
        return new Loader<>(sequence, workers, maxBatchesPending, 1, 0);
    }

    /**
     * {@return worker threads for {@code cores} (mltk's {@code cores}): a fraction in {@code (0, 1)} of
     * this machine's processors (at least one), or a whole number of threads}
     *
     * @param cores a fraction of the available processors, or a count of at least 1
     * @throws IllegalArgumentException for zero, a negative value, or a count that is not whole
     */
    public static int workers(double cores) {
        if (cores > 0 && cores < 1) {
            return Math.max(1, (int) (cores * Runtime.getRuntime().availableProcessors()));
        }
        if (cores >= 1 && cores == Math.rint(cores) && cores <= Integer.MAX_VALUE) {
            return (int) cores;
        }
        throw new IllegalArgumentException("cores must be a fraction in (0, 1) of the available processors or a"
                + " whole number >= 1; got " + cores);
    }

    /**
     * Starts loading {@code epochs} consecutive epochs, from the sequence's current one.
     *
     * @param <T> the type of the batches
     * @param workers worker threads, at least 1 (no more threads are started than there are batches)
     * @param maxBatchesPending batches computed ahead beyond one per worker, at least 0; any larger value
     *     (up to {@code Integer.MAX_VALUE}) just computes every remaining batch ahead
     * @param epochs consecutive epochs to load, at least 1, with the last epoch number still an int
     * @return the loader
     * @throws IllegalArgumentException naming the argument out of its range
     */
    public static <T> Loader<T> of(Sequence<T> sequence, int workers, int maxBatchesPending, int epochs) {
        return new Loader<>(sequence, workers, maxBatchesPending, epochs, 0);
    }

    /** Refuses counts out of range, naming the argument. */
    private static void checkCounts(int workers, int maxBatchesPending, int epochs) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be >= 1; got: " + workers);
        }
        if (maxBatchesPending < 0) {
            throw new IllegalArgumentException("maxBatchesPending must be >= 0; got: " + maxBatchesPending);
        }
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1; got: " + epochs);
        }
    }

    /**
     * Resumes a stopped run: checks that {@code position} was taken from a sequence like this one
     * ({@link Position#matching}), moves the sequence to the position's epoch
     * ({@link Sequence#moveToEpoch}) and loads the rest of that epoch, from the position's batch,
     * then the following epochs: exactly the batches an uninterrupted loader would still have given,
     * and the sequence's epoch advances as it would have. Build the sequence afresh with the same
     * data, options and seed (a new process after a pre-emption), or reuse the stopped one.
     *
     * @param <T> the type of the batches
     * @param sequence the stopped sequence, or a fresh one built with the same data, options and seed
     * @param position the position to resume from, e.g. {@link #position()} of the stopped loader
     * @param workers worker threads, at least 1
     * @param maxBatchesPending batches computed ahead beyond one per worker, at least 0
     * @param epochs epochs to load counting the position's own (partial) one, at least 1: an
     *     uninterrupted run of {@code n} epochs from epoch 0 resumes with {@code n - position.epoch()}
     * @return the loader
     * @throws IllegalArgumentException naming the field of the position that does not match the
     *     sequence, or the argument out of its range
     */
    public static <T> Loader<T> resume(Sequence<T> sequence, Position position, int workers, int maxBatchesPending,
            int epochs) {
        Objects.requireNonNull(sequence, "sequence");
        Objects.requireNonNull(position, "position").matching(sequence);
        checkCounts(workers, maxBatchesPending, epochs); // before the sequence is moved
        sequence.moveToEpoch(position.epoch());
        return new Loader<>(sequence, workers, maxBatchesPending, epochs, position.batch());
    }

    /**
     * {@return the next batch the consumer has not taken, as a {@link Position} to keep in a checkpoint
     * (batches the workers computed ahead do not count); after the last batch, the start of the
     * epoch that follows}
     *
     * @throws IllegalStateException if that epoch's number would pass {@code Integer.MAX_VALUE}
     */
    public Position position() {
        if (batchesPerEpoch == 0) {
            return sequence.position(firstEpoch, 0);
        }
        long epoch = firstEpoch + delivered / batchesPerEpoch;
        if (epoch > Integer.MAX_VALUE) {
            throw new IllegalStateException("the epoch after the last one would be " + epoch
                    + ", past an int's range");
        }
        return sequence.position((int) epoch, (int) (delivered % batchesPerEpoch));
    }

    private static ThreadFactory threads() {
        int pool = POOLS.incrementAndGet();
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "jdatagen-loader-" + pool + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** The clean-up action: it holds the pool only, never the loader. */
    private static Runnable shutdown(ExecutorService pool) {
        return pool::shutdownNow;
    }

    private void fill() {
        long total = (long) epochs * batchesPerEpoch;
        while (!closed && queued.size() < window && submitted < total) {
            int epoch = firstEpoch + (int) (submitted / batchesPerEpoch);
            int index = (int) (submitted % batchesPerEpoch);
            Sequence<T> view = sequence.atEpoch(epoch);
            queued.add(pool.submit(() -> view.get(index)));
            submitted++;
        }
    }

    @Override
    public boolean hasNext() {
        return !closed && delivered < (long) epochs * batchesPerEpoch;
    }

    /**
     * The next batch, waiting for it if needed.
     *
     * @throws LoaderException if computing it failed (the loader is closed then)
     * @throws NoSuchElementException after the last batch or after {@link #close()}
     */
    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException(closed ? "the loader is closed" : "no more batches");
        }
        int epoch = firstEpoch + (int) (delivered / batchesPerEpoch);
        int index = (int) (delivered % batchesPerEpoch);
        Future<T> head = queued.poll();
        T batch;
        try {
            batch = head.get();
        } catch (ExecutionException e) {
            close();
            throw new LoaderException(epoch, index, e.getCause());
        } catch (InterruptedException e) {
            close();
            Thread.currentThread().interrupt();
            throw new LoaderException(epoch, index, e);
        } catch (CancellationException e) {
            close();
            throw new LoaderException(epoch, index, e);
        }
        delivered++;
        sequence.onBatchTaken(epoch, index);
        if (delivered == (long) epochs * batchesPerEpoch) {
            close();
        } else {
            fill();
        }
        return batch;
    }

    /** This loader as the iterator of a for-each loop (once). */
    @Override
    public Iterator<T> iterator() {
        if (iterated) {
            throw new IllegalStateException("a loader can be iterated once; start a new one");
        }
        iterated = true;
        return this;
    }

    /**
     * {@return batches queued or in computation right now (at most workers + maxBatchesPending, and at
     * most the batches not yet taken)}
     */
    public int pending() {
        return queued.size();
    }

    /** Stops the workers (waiting up to 1 s for running batches to finish) and drops queued batches. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Future<T> f : queued) {
            f.cancel(true);
        }
        queued.clear();
        cleanable.clean();
        try {
            pool.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
