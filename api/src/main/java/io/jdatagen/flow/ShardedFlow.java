package io.jdatagen.flow;

import io.jdatagen.data.Batch;
import io.jdatagen.data.EpochSequence;
import io.jdatagen.data.Fingerprint;
import io.jdatagen.data.Position;
import io.jdatagen.data.Shard;

/**
 * One rank's part of an image flow for data-parallel training: every rank builds the same flow
 * (same data, options and seed) and calls {@code shard(numShards, rank)}; without any coordination
 * the ranks then read disjoint parts of the same per-epoch permutation ({@link Shard}), every rank
 * the same number of samples and batches. Each sample
 * draws its augmentation from the stream keyed by (seed, epoch, sample index), so it gets the same
 * pixels whichever rank or thread computes it. The validation split is taken before sharding (shard
 * the training and validation flows alike). Works with the {@code Loader} and the framework
 * adapters as any sequence; epochs advance as for any sequence.
 *
 * <p>With a decoded-sample cache ({@link FileFlowOptions#cache}) on each rank's flow, a rank decodes
 * and caches only the samples it reads: a fixed part without shuffling; with shuffling its part
 * changes every epoch (as {@code DistributedSampler}'s does), so its cache grows by the samples it
 * has not read before, towards the whole dataset over many epochs. Size the budget for that.
 *
 * @see <a href="https://pytorch.org/docs/stable/data.html#torch.utils.data.distributed.DistributedSampler">PyTorch's DistributedSampler</a>
 */
public final class ShardedFlow extends EpochSequence<Batch> {
    private final ImageFlow flow;
    private final Shard shard;
    private final int samples;

    ShardedFlow(ImageFlow flow, Shard shard) {
        this.flow = flow;
        this.shard = shard;
        this.samples = flow.shardSamples(shard);
    }

    /** {@return the samples this rank reads per epoch (the same on every rank)} */
    public int samples() {
        return samples;
    }

    /** {@return this rank and the number of ranks} */
    public Shard shard() {
        return shard;
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
     */
    public int[] order(int epoch) {
        return flow.shardOrder(shard, epoch, 0, samples);
    }

    /**
     * {@return batch {@code batch} of epoch {@code epoch} of this rank as a {@link Position}: the flow's
     * seed, batch size and fingerprint (with the shard policy mixed in), this rank and the number of ranks}
     *
     * @param epoch the epoch the batch belongs to, from 0
     * @param batch the batch's index in that epoch
     */
    @Override
    public Position position(int epoch, int batch) {
        long print = new Fingerprint().add(flow.fingerprint()).add(shard.policy().name()).value();
        return new Position(flow.seed(), epoch, batch, size(), flow.batchSize(), shard.index(), shard.count(), print);
    }

    @Override
    protected Batch batch(int epoch, int index) {
        int from = index * flow.batchSize();
        int to = Math.min(samples, from + flow.batchSize());
        return flow.batchOf(shard, epoch, index, flow.shardOrder(shard, epoch, from, to));
    }
}
