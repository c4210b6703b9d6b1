package io.jdatagen.timeseries;

import io.jdatagen.data.Batch;
import io.jdatagen.data.EpochSequence;
import io.jdatagen.data.NumpyRandomState;
import io.jdatagen.data.Sequence;
import io.jdatagen.data.Shard;
import io.jdatagen.data.ShardPolicy;
import java.util.Map;
import java.util.Objects;

/**
 * Keras's {@code TimeseriesGenerator} as a {@code Sequence<Batch>}: row
 * {@code r} of a batch is the window {@code data[r - length : r : samplingRate]} (the step
 * {@code r} itself excluded) with target {@code targets[r]}, for {@code r} from
 * {@code startIndex + length} to {@code endIndex} inclusive, {@code stride} apart.
 *
 * <p>With {@code shuffle}, each batch draws {@code batchSize} rows with replacement, as Keras
 * does, from numpy's MT19937 seeded with {@code seed + epoch·size() + index}: Keras's
 * {@code seed + total_batches_seen} for batches taken in order, and a pure function of
 * (seed, epoch, index) for any access order. Deviations from the reference: an index outside
 * {@code [0, size())} is an error (Keras returns empty arrays), and {@link #getConfig()} keeps the
 * start index as given, so configs round-trip (Keras shifts it by {@code length}).
 */
public final class TimeseriesGenerator extends EpochSequence<Batch> {
    private final SeriesData data;
    private final SeriesData targets;
    private final int length;
    private final int samplingRate;
    private final int stride;
    private final int startIndex;
    private final Integer endIndex;
    private final boolean shuffle;
    private final long seed;
    private final boolean reverse;
    private final int batchSize;
    private final long first;
    private final long last;
    private final int size;

    private TimeseriesGenerator(Builder b) {
        this.data = Objects.requireNonNull(b.data, "data");
        this.targets = Objects.requireNonNull(b.targets, "targets");
        this.length = b.length;
        this.samplingRate = b.samplingRate;
        this.stride = b.stride;
        this.startIndex = b.startIndex;
        this.endIndex = b.endIndex;
        this.shuffle = b.shuffle;
        this.seed = b.seed;
        this.reverse = b.reverse;
        this.batchSize = b.batchSize;
        positive("length", length);
        positive("sampling_rate", samplingRate);
        positive("stride", stride);
        positive("batch_size", batchSize);
        if (startIndex < 0) {
            throw new IllegalArgumentException("start_index must be >= 0; got: " + startIndex);
        }
        if (seed < 0 || seed > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("seed must be between 0 and 2**32 - 1; got: " + seed);
        }
        if (data.length() != targets.length()) {
            throw new IllegalArgumentException("Data and targets have to be of same length. Data length is "
                    + data.length() + " while target length is " + targets.length());
        }
        this.first = (long) startIndex + length;
        this.last = endIndex != null ? endIndex : data.length() - 1;
        if (first > last) {
            throw new IllegalArgumentException("`start_index+length=" + first + " > end_index=" + last
                    + "` is disallowed, as no part of the sequence would be left to be used as current step.");
        }
        if (last >= data.length()) {
            throw new IllegalArgumentException("end_index must be < the data length " + data.length() + "; got: "
                    + last);
        }
        long span = (long) batchSize * stride;
        this.size = Math.toIntExact((last - first + span) / span);
        // Shuffled batches draw batch_size rows with replacement; ordered ones hold at most the rows there are.
        long rows = shuffle ? batchSize : Math.min(batchSize, (last - first) / stride + 1);
        WindowLimit.check("batch_size", "length", batchSize, rows, windowSteps(), data.stepSize(),
                targets.stepSize());
    }

    private static void positive(String option, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(option + " must be >= 1; got: " + value);
        }
    }

    /**
     * {@return a builder over {@code data} and {@code targets} (same length; axis 0 is time)}
     */
    public static Builder builder(SeriesData data, SeriesData targets) {
        return new Builder(data, targets);
    }

    @Override
    public int size() {
        return size;
    }

    /**
     * {@return rank {@code shardIndex}'s part of this generator for data-parallel training over
     * {@code numShards} ranks}: whole batches, rank {@code r} taking batches {@code r, r + numShards,
     * ...} of each epoch (Keras's shuffled generator draws each batch's rows independently, so batches
     * are the unit that stays disjoint), the same number on every rank ({@link Shard}: padding repeats
     * the epoch's first batches). Batch {@code k} of an epoch holds the same windows whichever rank
     * computes it.
     *
     * @param numShards the number of ranks, at least 1
     * @param shardIndex this rank, in {@code [0, numShards)}
     * @param policy how the shards are made equal in size
     * @throws IllegalArgumentException for a bad count or index
     */
    public Sequence<Batch> shard(int numShards, int shardIndex, ShardPolicy policy) {
        Shard shard = new Shard(numShards, shardIndex, policy);
        TimeseriesGenerator all = this;
        int batches = shard.samples(size);
        return new EpochSequence<>() {
            @Override
            public int size() {
                return batches;
            }

            @Override
            protected Batch batch(int epoch, int index) {
                return all.batch(epoch, shard.position(index, all.size));
            }
        };
    }

    /** {@return the number of steps in each window: {@code ceil(length / samplingRate)}} */
    public int windowSteps() {
        return (int) ((length + (long) samplingRate - 1) / samplingRate);
    }

    @Override
    protected Batch batch(int epoch, int index) {
        long[] rows;
        if (shuffle) {
            NumpyRandomState rng = new NumpyRandomState((seed + (long) epoch * size + index) & 0xFFFFFFFFL);
            rows = new long[batchSize];
            int range = Math.toIntExact(last + 1 - first);
            for (int k = 0; k < batchSize; k++) {
                rows[k] = first + rng.nextInt(range);
            }
        } else {
            long i0 = first + (long) batchSize * stride * index;
            long end = Math.min(i0 + (long) batchSize * stride, last + 1);
            rows = new long[(int) ((end - i0 + stride - 1) / stride)];
            for (int k = 0; k < rows.length; k++) {
                rows[k] = i0 + (long) k * stride;
            }
        }
        long[] firsts = new long[rows.length];
        int[] indices = new int[rows.length];
        for (int k = 0; k < rows.length; k++) {
            firsts[k] = rows[k] - length;
            indices[k] = Math.toIntExact(rows[k]);
        }
        return Windows.batch(data, firsts, windowSteps(), samplingRate, reverse, targets, rows, indices);
    }

    /**
     * {@return the configuration (without the series), with Keras's keys and the start index as given: {@code
     * length, sampling_rate, stride, start_index, end_index, shuffle, reverse, batch_size, seed}}
     */
    public Map<String, Object> getConfig() {
        return TimeseriesConfig.toMap(this);
    }

    /**
     * {@return the configuration and the series as JSON ({@code {"class_name", "config"}} like Keras's {@code
     * to_json})}
     */
    public String toJson() {
        return TimeseriesConfig.toJson(this, data, targets);
    }

    /**
     * {@return a generator from {@link #toJson()} output, or from a Keras {@code to_json} document (data and
     * targets as nested lists or as JSON strings)} The start index is taken as written.
     *
     * @throws IllegalArgumentException for malformed JSON, unknown keys or invalid values
     */
    public static TimeseriesGenerator fromJson(String json) {
        return TimeseriesConfig.fromJson(json);
    }

    int length() {
        return length;
    }

    int samplingRate() {
        return samplingRate;
    }

    int stride() {
        return stride;
    }

    int startIndex() {
        return startIndex;
    }

    Integer endIndex() {
        return endIndex;
    }

    boolean shuffle() {
        return shuffle;
    }

    long seed() {
        return seed;
    }

    boolean reverse() {
        return reverse;
    }

    int batchSize() {
        return batchSize;
    }

    /** Builds a {@link TimeseriesGenerator} with Keras's defaults. */
    public static final class Builder {
        private final SeriesData data;
        private final SeriesData targets;
        private int length = -1;
        private int samplingRate = 1;
        private int stride = 1;
        private int startIndex;
        private Integer endIndex;
        private boolean shuffle;
        private long seed;
        private boolean reverse;
        private int batchSize = 128;

        private Builder(SeriesData data, SeriesData targets) {
            if (data == null || targets == null) {
                throw new IllegalArgumentException((data == null ? "data" : "targets") + " must be a series"
                        + " (SeriesData.of(values, stepShape...)); got: null");
            }
            this.data = data;
            this.targets = targets;
        }

        /**
         * The history length in steps (required).
         *
         * @return this builder
         */
        public Builder length(int value) {
            this.length = value;
            return this;
        }

        /**
         * Take every {@code value}-th step inside a window (default 1).
         *
         * @return this builder
         */
        public Builder samplingRate(int value) {
            this.samplingRate = value;
            return this;
        }

        /**
         * Steps between successive windows (default 1).
         *
         * @return this builder
         */
        public Builder stride(int value) {
            this.stride = value;
            return this;
        }

        /**
         * Steps before this index are only used as history (default 0).
         *
         * @return this builder
         */
        public Builder startIndex(int value) {
            this.startIndex = value;
            return this;
        }

        /**
         * The last step used as a target, inclusive (default: the last step); null for the default.
         *
         * @return this builder
         */
        public Builder endIndex(Integer value) {
            this.endIndex = value;
            return this;
        }

        /**
         * Draw rows at random (with replacement, like Keras) instead of in order.
         *
         * @return this builder
         */
        public Builder shuffle(boolean value) {
            this.shuffle = value;
            return this;
        }

        /**
         * The seed of the shuffle draws, in {@code [0, 2^32)} (default 0).
         *
         * @return this builder
         */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /**
         * Reverse the steps inside each window.
         *
         * @return this builder
         */
        public Builder reverse(boolean value) {
            this.reverse = value;
            return this;
        }

        /**
         * Windows per batch (default 128).
         *
         * @return this builder
         */
        public Builder batchSize(int value) {
            this.batchSize = value;
            return this;
        }

        /**
         * Validates and builds.
         *
         * @return the timeseries generator
         * @throws IllegalArgumentException with Keras's messages (lengths differ, nothing left
         *     after {@code start_index + length}) or naming the invalid option
         */
        public TimeseriesGenerator build() {
            return new TimeseriesGenerator(this);
        }
    }
}
