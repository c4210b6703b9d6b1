package io.jdatagen.flow;

import io.jdatagen.data.RandomKeys;
import io.jdatagen.data.Shard;
import io.jdatagen.data.ShardPolicy;
import java.util.Arrays;

/**
 * The sample order of one rank in one epoch of a stream flow, a pure function of the seed, the epoch
 * and the shards' sample counts. The epoch's shards are permuted by (seed, epoch) ({@link RandomKeys#order});
 * rank {@code r} of {@code n} reads the permutation's shards {@code r, r + n, ...}, each front to back
 * (its read order); a shuffle buffer of {@code k} samples fills with the first {@code k} samples read,
 * then for every further sample read emits the buffered sample at a slot drawn from the stream keyed by
 * (seed, epoch, emission position) and puts the new one in its place, and at the end of the reads
 * emits what is left the same way. So the order is the same on any machine, for any worker count, and
 * each position can be found again without reading a byte.
 *
 * <p>Every rank emits {@link #target} samples: with {@link ShardPolicy#PAD} the count of the largest
 * share any epoch can give a rank (the {@code ceil(S / n)} largest shards), a rank with fewer samples
 * repeating its own order from its start; with {@link ShardPolicy#DROP} the count of the smallest share
 * (the {@code floor(S / n)} smallest shards), a rank with more leaving out its last ones. Unsharded, all samples.
 */
final class StreamOrder {
    /** Mixed into the seed of the buffer's draws, apart from the samples' augmentation streams. */
    private static final long BUFFER_STREAM = 0x6A09E667F3BCC909L;

    /** The rank's shards in read order. */
    final int[] shards;
    /** The global sample index at each read position. */
    final int[] reads;
    /** The read position where each of the rank's shards starts, one more entry for the end. */
    final int[] shardStarts;
    /** The global sample index at each emission position of the rank's first pass. */
    final int[] emitted;
    /** Each global sample's read position, -1 for samples of other ranks. */
    final int[] readPosition;
    /** Each global sample's emission position in the first pass, -1 for samples of other ranks. */
    final int[] emitPosition;
    /** The samples the rank emits per epoch. */
    final int target;

    /**
     * @param offsets each shard's first global sample index, one more entry for the total
     */
    StreamOrder(int[] offsets, boolean shuffle, int buffer, long seed, int epoch, Shard shard) {
        int count = offsets.length - 1;
        int[] perm = RandomKeys.order(count, shuffle, seed, epoch);
        int mine = (count - shard.index() + shard.count() - 1) / shard.count();
        shards = new int[mine];
        shardStarts = new int[mine + 1];
        int total = offsets[count];
        readPosition = new int[total];
        emitPosition = new int[total];
        Arrays.fill(readPosition, -1);
        Arrays.fill(emitPosition, -1);
        int read = 0;
        for (int i = 0; i < mine; i++) {
            shards[i] = perm[shard.index() + i * shard.count()];
            shardStarts[i] = read;
            read += offsets[shards[i] + 1] - offsets[shards[i]];
        }
        shardStarts[mine] = read;
        reads = new int[read];
        int q = 0;
        for (int s : shards) {
            for (int g = offsets[s]; g < offsets[s + 1]; g++) {
                readPosition[g] = q;
                reads[q++] = g;
            }
        }
        emitted = shuffle && buffer > 1 ? buffered(reads, buffer, seed, epoch) : reads.clone();
        for (int p = 0; p < emitted.length; p++) {
            emitPosition[emitted[p]] = p;
        }
        target = target(offsets, shard);
        if (emitted.length == 0 && target > 0) {
            throw new IllegalStateException("rank " + shard.index() + " of " + shard.count() + " has no sample in"
                    + " epoch " + epoch + " (its shards are empty) but must give " + target);
        }
    }

    /** {@return the global sample index at emission position {@code p} (in {@code [0, target)})} */
    int at(int p) {
        return emitted[p % emitted.length];
    }

    /** {@return the shard (its index in {@link #shards}) holding read position {@code q}} */
    int shardOf(int q) {
        int i = Arrays.binarySearch(shardStarts, q);
        if (i < 0) {
            return -i - 2;
        }
        while (i + 1 < shardStarts.length && shardStarts[i + 1] == q) {
            i++;
        }
        return i;
    }

    /** The order the shuffle buffer emits {@code reads} in. */
    private static int[] buffered(int[] reads, int size, long seed, int epoch) {
        int[] out = new int[reads.length];
        int[] buffer = new int[size];
        int held = 0;
        int p = 0;
        for (int g : reads) {
            if (held < size) {
                buffer[held++] = g;
                continue;
            }
            int slot = RandomKeys.forSample(seed ^ BUFFER_STREAM, epoch, p).nextInt(size);
            out[p++] = buffer[slot];
            buffer[slot] = g;
        }
        while (held > 0) {
            int slot = RandomKeys.forSample(seed ^ BUFFER_STREAM, epoch, p).nextInt(held);
            out[p++] = buffer[slot];
            buffer[slot] = buffer[--held];
        }
        return out;
    }

    /** The samples every rank emits per epoch (see the class comment). */
    static int target(int[] offsets, Shard shard) {
        int count = offsets.length - 1;
        if (shard.count() == 1) {
            return offsets[count];
        }
        int[] sizes = new int[count];
        for (int s = 0; s < count; s++) {
            sizes[s] = offsets[s + 1] - offsets[s];
        }
        Arrays.sort(sizes);
        long sum = 0;
        if (shard.policy() == ShardPolicy.PAD) {
            int take = (count + shard.count() - 1) / shard.count();
            for (int i = 0; i < take; i++) {
                sum += sizes[count - 1 - i];
            }
        } else {
            int take = count / shard.count();
            for (int i = 0; i < take; i++) {
                sum += sizes[i];
            }
        }
        return (int) sum;
    }
}
