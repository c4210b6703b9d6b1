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
     * {@return this rank's samples, in order, from an epoch's {@code permutation} of all samples}
     *
     * @param permutation every sample of the epoch, in the epoch's order
     */
    public int[] pick(int[] permutation) {
        int[] mine = new int[samples(permutation.length)];
        for (int k = 0; k < mine.length; k++) {
            mine[k] = permutation[(int) ((index + (long) k * count) % permutation.length)];
        }
        return mine;
    }
}
