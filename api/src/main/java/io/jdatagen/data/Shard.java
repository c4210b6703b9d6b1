package io.jdatagen.data;

import java.util.Objects;

/**
 * Rank {@code index} of {@code count} ranks in data-parallel training: which positions of an
 * epoch's permutation this rank reads. Rank {@code r} takes positions {@code r, r + count,
 * r + 2·count, ...} of the permutation made divisible by {@code count} with {@link ShardPolicy}
 * (padding repeats the permutation from its start), as PyTorch's {@code DistributedSampler} does.
 *
 * @param count the number of ranks, at least 1
 * @param index this rank, in {@code [0, count)}
 * @param policy how the shards are made equal in size
 */
public record Shard(int count, int index, ShardPolicy policy) {
    /**
     * Validates the rank.
     *
     * @param count the number of ranks, at least 1
     * @param index this rank, in {@code [0, count)}
     * @param policy how the shards are made equal in size
     */
    public Shard {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("a shard needs numShards >= 1 and shardIndex in [0, numShards); got "
                    + count + ", " + index);
        }
        Objects.requireNonNull(policy, "policy");
    }

    /**
     * {@return how many of {@code n} samples this rank reads per epoch (the same on every rank)}
     *
     * @param n the samples of the whole epoch
     */
    public int samples(int n) {
        return policy == ShardPolicy.PAD ? (int) ((n + (long) count - 1) / count) : n / count;
    }

    /**
     * {@return the position, in an epoch of {@code n} samples, of this rank's sample {@code k}
     * (padding wraps to the start of the epoch)}
     *
     * @param k the rank's sample, in {@code [0, samples(n))}
     * @param n the samples of the whole epoch
     */
    public int position(int k, int n) {
        return (int) ((index + (long) k * count) % n);
    }

    /**
     * {@return this rank's samples {@code [from, to)}, from an epoch's {@code permutation} of all
     * samples}
     *
     * @param permutation every sample of the epoch, in the epoch's order
     * @param from the rank's first sample
     * @param to the end of the rank's samples (exclusive), at most {@code samples(permutation.length)}
     */
    public int[] pick(int[] permutation, int from, int to) {
        int[] mine = new int[to - from];
        for (int k = from; k < to; k++) {
            mine[k - from] = permutation[position(k, permutation.length)];
        }
        return mine;
    }
}
