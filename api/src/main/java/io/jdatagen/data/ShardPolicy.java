package io.jdatagen.data;

/**
 * How shards (an image flow's or a timeseries dataset's) are made equal in size, so that every rank runs the same number of
 * batches (an unequal count deadlocks data-parallel training at the all-reduce).
 */
public enum ShardPolicy {
    /**
     * Repeat samples from the start of the epoch's permutation until the total divides evenly (the
     * default, as PyTorch's {@code DistributedSampler} with {@code drop_last=False}): every sample
     * is seen, a few twice.
     */
    PAD,
    /**
     * Drop the permutation's last samples so that the total divides evenly (as
     * {@code DistributedSampler} with {@code drop_last=True}): no sample repeats, up to
     * {@code numShards - 1} are left out of each epoch (different ones each epoch).
     */
    DROP
}
