package io.jdatagen.flow;

import io.jdatagen.data.Batch;
import io.jdatagen.data.EpochSequence;

/**
 * One rank's part of an image flow for data-parallel training: every rank builds the same flow
 * (same data, options and seed) and calls {@code shard(numShards, rank)}; without any coordination
 * the ranks then read disjoint parts of the same per-epoch permutation. Rank {@code r} takes
 * positions {@code r, r + numShards, r + 2·numShards, ...} of the permutation (made divisible by
 * {@link ShardPolicy}), so every rank has the same number of samples and batches. Each sample
 * draws its augmentation from the stream keyed by (seed, epoch, sample index), so it gets the same
 * pixels whichever rank or thread computes it. The validation split is taken before sharding (shard
 * the training and validation flows alike). Works with the {@code Loader} and the framework
 * adapters as any sequence; epochs advance as for any sequence.
 *
 * @see <a href="https://pytorch.org/docs/stable/data.html#torch.utils.data.distributed.DistributedSampler">PyTorch's DistributedSampler</a>
 */
public final class ShardedFlow extends EpochSequence<Batch> {
    private final ImageFlow flow;
    private final int numShards;
    private final int shardIndex;
    private final ShardPolicy policy;
    private final int samples;

    ShardedFlow(ImageFlow flow, int numShards, int shardIndex, ShardPolicy policy) {
        if (numShards < 1 || shardIndex < 0 || shardIndex >= numShards) {
            throw new IllegalArgumentException("shard needs numShards >= 1 and shardIndex in [0, numShards); got "
                    + numShards + ", " + shardIndex);
        }
        this.flow = flow;
        this.numShards = numShards;
        this.shardIndex = shardIndex;
        this.policy = java.util.Objects.requireNonNull(policy, "policy");
        int n = flow.samples();
        this.samples = policy == ShardPolicy.PAD ? (n + numShards - 1) / numShards : n / numShards;
    }

    /** {@return the samples this rank reads per epoch (the same on every rank)} */
    public int samples() {
        return samples;
    }

    /** {@return the number of ranks} */
    public int numShards() {
        return numShards;
    }

    /** {@return this rank} */
    public int shardIndex() {
        return shardIndex;
    }

    /** {@return the flow that is sharded} */
    public ImageFlow flow() {
        return flow;
    }

    /** {@return batches per epoch: the same on every rank} */
    @Override
    public int size() {
        return (int) ((samples + (long) flow.batchSize() - 1) / flow.batchSize());
    }

    /**
     * {@return the global sample indices this rank reads in epoch {@code epoch}, in order (a copy)}
     *
     * @param epoch the epoch
     */
    public int[] order(int epoch) {
        int[] global = flow.orderOf(epoch);
        int[] mine = new int[samples];
        for (int k = 0; k < samples; k++) {
            // Position k of this rank in the (padded) permutation; padding wraps to its start.
            mine[k] = global[(shardIndex + k * numShards) % global.length];
        }
        return mine;
    }

    @Override
    protected Batch batch(int epoch, int index) {
        int[] mine = order(epoch);
        int from = index * flow.batchSize();
        int to = Math.min(samples, from + flow.batchSize());
        return flow.batchOf(epoch, index, java.util.Arrays.copyOfRange(mine, from, to));
    }
}
