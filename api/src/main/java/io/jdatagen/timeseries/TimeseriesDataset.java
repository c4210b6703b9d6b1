package io.jdatagen.timeseries;

import io.jdatagen.core.Tensor;
import io.jdatagen.data.Batch;
import io.jdatagen.data.EpochSequence;
import io.jdatagen.data.NumpyRandomState;
import io.jdatagen.data.Sequence;
import io.jdatagen.data.Shard;
import io.jdatagen.data.ShardPolicy;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Keras's {@code timeseries_dataset_from_array} as a {@code Sequence<Batch>}:
 * window {@code k} is {@code data[start + s_k + j·samplingRate]} for {@code j < sequenceLength}
 * (the first point included), target {@code k} is {@code targets[start + s_k]}, start positions
 * {@code s_k} run over {@code [0, num)} with {@code sequenceStride}, and {@code endIndex} is
 * exclusive. Build it with {@link Timeseries#datasetFromArray} or {@link #builder}.
 *
 * <p>Shuffling: epoch 0 orders the start positions exactly as Keras's
 * {@code np.random.RandomState(seed).shuffle}; later epochs reshuffle with a seed mixed from
 * (seed, epoch). Keras then also passes the windows through a tf.data shuffle buffer, which is not
 * reproducible outside TensorFlow; only the multiset of windows matches there.
 */
public final class TimeseriesDataset extends EpochSequence<Batch> {
    private final SeriesData data;
    private final SeriesData targets;
    private final int sequenceLength;
    private final int samplingRate;
    private final int sequenceStride;
    private final int batchSize;
    private final boolean unbatched;
    private final boolean shuffle;
    private final long seed;
    private final long start;
    private final int count;
    private final AtomicReference<EpochOrder> order = new AtomicReference<>();

    /** The window order of one epoch, memoized (it is a pure function of seed and epoch). */
    private record EpochOrder(int epoch, int[] permutation) {
    }

    private TimeseriesDataset(Builder b) {
        TimeseriesValidation.check(b);
        this.data = b.data;
        this.targets = b.targets;
        this.sequenceLength = b.sequenceLength;
        this.samplingRate = b.samplingRate;
        this.sequenceStride = b.sequenceStride;
        this.unbatched = b.batchSize == null;
        this.batchSize = unbatched ? 1 : b.batchSize;
        this.shuffle = b.shuffle;
        this.seed = b.seed != null ? b.seed : ThreadLocalRandom.current().nextInt(1_000_000);
        this.start = b.startIndex == null ? 0 : b.startIndex;
        long end = b.endIndex == null ? data.length() : b.endIndex;
        long num = end - start - (long) (sequenceLength - 1) * samplingRate;
        if (targets != null) {
            // Keras caps at len(targets) and then reads targets[start + s], which fails inside
            // TensorFlow when start > 0; capping at len(targets) - start is the same wherever Keras works.
            num = Math.min(num, targets.length() - start);
        }
        long windows = num <= 0 ? 0 : (num + b.sequenceStride - 1) / b.sequenceStride;
        if (windows > Tensor.MAX_ELEMENTS) {
            throw new IllegalArgumentException("`sequence_stride`=" + b.sequenceStride + " gives " + windows
                    + " windows, more than one epoch can index (" + Tensor.MAX_ELEMENTS + "); use a larger"
                    + " `sequence_stride` or a shorter range (`start_index`, `end_index`)");
        }
        this.count = (int) windows;
        WindowLimit.check("batch_size", "sequence_length", batchSize, Math.min(batchSize, count), sequenceLength,
                data.stepSize(), targets == null ? 0 : targets.stepSize());
    }

    /**
     * {@return a builder over {@code data} (axis 0 is time)}
     */
    public static Builder builder(SeriesData data) {
        return new Builder(data);
    }

    @Override
    public int size() {
        return (int) ((count + (long) batchSize - 1) / batchSize);
    }

    /** {@return the number of windows in one epoch} */
    public int windowCount() {
        return count;
    }

    /**
     * Start positions (relative to the start index) in epoch {@code e}'s order.
     *
     * @param e the epoch
     * @return the long array
     */
    public long[] startPositions(int e) {
        int[] perm = permutation(e);
        long[] positions = new long[count];
        for (int k = 0; k < count; k++) {
            positions[k] = (long) (perm == null ? k : perm[k]) * sequenceStride;
        }
        return positions;
    }

    /** The window order of epoch {@code e}, or null for the natural order. */
    private int[] permutation(int e) {
        if (!shuffle || count < 2) {
            return null;
        }
        EpochOrder cached = order.get();
        if (cached != null && cached.epoch() == e) {
            return cached.permutation();
        }
        long epochSeed = e == 0 ? seed : new SplittableRandom(seed * 0x9E3779B97F4A7C15L + e).nextLong();
        int[] perm = new NumpyRandomState(epochSeed & 0xFFFFFFFFL).permutation(count);
        order.set(new EpochOrder(e, perm));
        return perm;
    }

    @Override
    protected Batch batch(int epoch, int index) {
        int[] perm = permutation(epoch);
        int from = Math.multiplyExact(index, batchSize);
        int rows = Math.min(batchSize, count - from);
        int[] windows = new int[rows];
        for (int k = 0; k < rows; k++) {
            windows[k] = perm == null ? from + k : perm[from + k];
        }
        return windows(windows);
    }

    /** The batch of windows {@code windows} (indices of window starts), in that order. */
    private Batch windows(int[] windows) {
        long[] firsts = new long[windows.length];
        for (int k = 0; k < windows.length; k++) {
            firsts[k] = start + (long) windows[k] * sequenceStride;
        }
        Batch b = Windows.batch(data, firsts, sequenceLength, samplingRate, false, targets, firsts, windows.clone());
        return unbatched ? unbatch(b) : b;
    }

    /**
     * {@return rank {@code shardIndex}'s part of this dataset for data-parallel training over
     * {@code numShards} ranks: disjoint parts of each epoch's window order, the same number of
     * windows and batches on every rank ({@link Shard})}
     *
     * @param numShards the number of ranks, at least 1
     * @param shardIndex this rank, in {@code [0, numShards)}
     * @param policy how the shards are made equal in size
     * @throws IllegalArgumentException for a bad count or index
     */
    public Sequence<Batch> shard(int numShards, int shardIndex, ShardPolicy policy) {
        Shard shard = new Shard(numShards, shardIndex, policy);
        TimeseriesDataset all = this;
        int windows = shard.samples(count);
        int perBatch = batchSize;
        return new EpochSequence<>() {
            @Override
            public int size() {
                return (int) ((windows + (long) perBatch - 1) / perBatch);
            }

            @Override
            protected Batch batch(int epoch, int index) {
                int[] perm = all.permutation(epoch);
                int from = Math.multiplyExact(index, perBatch);
                int[] mine = new int[(int) (Math.min(windows, (long) from + perBatch) - from)];
                for (int k = 0; k < mine.length; k++) {
                    int position = shard.position(from + k, all.count);
                    mine[k] = perm == null ? position : perm[position];
                }
                return all.windows(mine);
            }
        };
    }

    /**
     * Drops the batch axis: one window of shape {@code (L, *step)}; its target has the step shape,
     * or shape {@code (1)} for a scalar series (tensors have rank >= 1).
     */
    private static Batch unbatch(Batch b) {
        Tensor y = !b.hasTargets() ? null : b.y().rank() == 1 ? b.y() : b.y().item(0);
        return Batch.of(b.xTensor().item(0), y, b.indices());
    }

    /** Builds a {@link TimeseriesDataset}; nullable options follow Keras's None. */
    public static final class Builder {
        final SeriesData data;
        SeriesData targets;
        int sequenceLength = -1;
        int sequenceStride = 1;
        int samplingRate = 1;
        Integer batchSize = 128;
        boolean shuffle;
        Long seed;
        Integer startIndex;
        Integer endIndex;

        private Builder(SeriesData data) {
            if (data == null) {
                throw new IllegalArgumentException("data must be a series (SeriesData.of(values, stepShape...));"
                        + " got: null");
            }
            this.data = data;
        }

        /**
         * Targets aligned to the window starts (null: no targets).
         *
         * @return this builder
         */
        public Builder targets(SeriesData value) {
            this.targets = value;
            return this;
        }

        /**
         * Steps per window (required).
         *
         * @return this builder
         */
        public Builder sequenceLength(int value) {
            this.sequenceLength = value;
            return this;
        }

        /**
         * Steps between window starts (default 1).
         *
         * @return this builder
         */
        public Builder sequenceStride(int value) {
            this.sequenceStride = value;
            return this;
        }

        /**
         * Steps between points inside a window (default 1).
         *
         * @return this builder
         */
        public Builder samplingRate(int value) {
            this.samplingRate = value;
            return this;
        }

        /**
         * Windows per batch (default 128); null yields single windows without a batch axis.
         *
         * @return this builder
         */
        public Builder batchSize(Integer value) {
            this.batchSize = value;
            return this;
        }

        /**
         * Shuffle the window order each epoch.
         *
         * @return this builder
         */
        public Builder shuffle(boolean value) {
            this.shuffle = value;
            return this;
        }

        /**
         * Shuffle seed in {@code [0, 2^32)}; null draws one (not reproducible).
         *
         * @return this builder
         */
        public Builder seed(Long value) {
            this.seed = value;
            return this;
        }

        /**
         * First step used (null: 0).
         *
         * @return this builder
         */
        public Builder startIndex(Integer value) {
            this.startIndex = value;
            return this;
        }

        /**
         * End of the steps used, exclusive (null: the data length).
         *
         * @return this builder
         */
        public Builder endIndex(Integer value) {
            this.endIndex = value;
            return this;
        }

        /**
         * Validates with Keras's rules and messages, and builds.
         *
         * @return the timeseries dataset
         * @throws IllegalArgumentException with Keras's message for an invalid option
         */
        public TimeseriesDataset build() {
            return new TimeseriesDataset(this);
        }
    }
}
