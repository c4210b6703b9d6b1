package io.jdatagen.shards;

import java.util.Locale;

/**
 * Which shard each sample goes to, given the samples' sizes in order ({@link ShardFile#sampleBytes}): a new
 * shard starts before a sample that would take the current one past the target size with its end marker
 * (a sample larger than the target gets a shard of its own). The rule {@link ShardWriter} follows; a
 * distributed writer computes it once over all samples in their global order, so that shard names and
 * contents do not depend on how the work was split.
 */
public final class ShardPlan {
    /** The tar end marker: two 512-byte blocks. */
    private static final long END = 1024;
    private final long targetBytes;
    private long current;
    private int shard = -1;

    /**
     * @param targetBytes the size a shard may reach, at least 1,024 (two tar blocks)
     * @throws IllegalArgumentException for a smaller target
     */
    public ShardPlan(long targetBytes) {
        if (targetBytes < END) {
            throw new IllegalArgumentException("targetBytes must be >= 1024 (two tar blocks); got: " + targetBytes);
        }
        this.targetBytes = targetBytes;
    }

    /**
     * {@return the shard (from 0) of the next sample, of {@code sampleBytes} bytes}
     *
     * @param sampleBytes at least 0
     */
    public int add(long sampleBytes) {
        if (sampleBytes < 0) {
            throw new IllegalArgumentException("sampleBytes must be >= 0; got: " + sampleBytes);
        }
        if (shard < 0 || current > 0 && current + sampleBytes + END > targetBytes) {
            shard++;
            current = 0;
        }
        current += sampleBytes;
        return shard;
    }

    /**
     * {@return the size in bytes of the last shard so far as {@link ShardFile} writes it: its samples'
     * bytes and the end marker (0 before the first sample)}
     */
    public long shardBytes() {
        return shard < 0 ? 0 : current + END;
    }

    /** {@return the number of shards the samples added so far fill} */
    public int shards() {
        return shard + 1;
    }

    /** {@return the file name of shard {@code index}: {@code shard-000000.tar}, {@code shard-000001.tar}, ...} */
    public static String name(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("index must be >= 0; got: " + index);
        }
        return String.format(Locale.ROOT, "shard-%06d.tar", index);
    }
}
