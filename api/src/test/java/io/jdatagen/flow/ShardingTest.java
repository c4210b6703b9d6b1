package io.jdatagen.flow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdatagen.core.Tensor;
import io.jdatagen.data.Batch;
import io.jdatagen.data.Loader;
import io.jdatagen.data.Sequence;
import io.jdatagen.data.ShardPolicy;
import io.jdatagen.image.Compatibility;
import io.jdatagen.image.ImageDataGenerator;
import io.jdatagen.timeseries.SeriesData;
import io.jdatagen.timeseries.TimeseriesDataset;
import io.jdatagen.timeseries.TimeseriesGenerator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Shards of a flow: the union of every rank's samples is the epoch's permutation (each sample once,
 * or padded per the policy), every rank runs the same number of batches, and a sample's pixels are
 * the same whichever rank computes it.
 */
class ShardingTest {
    private static ArrayFlow flow(int n, long seed) {
        Tensor x = Tensor.zeros(n, 4, 4, 1);
        for (int k = 0; k < x.size(); k++) {
            x.data()[k] = (k * 7) % 23;
        }
        return ImageDataGenerator.builder().rotationRange(30).build().flow(x, null,
                FlowOptions.arrays().batchSize(3).seed(seed));
    }

    /** Every sample's pixels in epoch {@code epoch} of the unsharded flow. */
    private static Map<Integer, float[]> pixels(ArrayFlow flow, int epoch) {
        Map<Integer, float[]> out = new HashMap<>();
        for (int k = 0; k < flow.size(); k++) {
            Batch b = flow.getAt(epoch, k);
            for (int j = 0; j < b.size(); j++) {
                out.put(b.indices()[j], b.xTensor().item(j).data());
            }
        }
        return out;
    }

    @Test
    void shardsPartitionEachEpochsPermutationWithEqualBatchCounts() {
        for (ShardPolicy policy : ShardPolicy.values()) {
            for (int shards : new int[] {1, 2, 3, 8}) {
                for (int n : new int[] {1, 7, 100}) {
                    for (long seed : new long[] {1, 42}) {
                        ArrayFlow flow = flow(n, seed);
                        for (int epoch = 0; epoch < 2; epoch++) {
                            int[] permutation = flow.order(epoch);
                            Map<Integer, float[]> reference = pixels(flow, epoch);
                            List<Integer> union = new ArrayList<>();
                            int batches = -1;
                            for (int rank = 0; rank < shards; rank++) {
                                ShardedFlow shard = flow(n, seed).shard(shards, rank, policy);
                                if (batches >= 0) {
                                    assertEquals(batches, shard.size(), "equal batch counts");
                                }
                                batches = shard.size();
                                for (int k = 0; k < shard.size(); k++) {
                                    Batch b = shard.getAt(epoch, k);
                                    for (int j = 0; j < b.size(); j++) {
                                        union.add(b.indices()[j]);
                                        assertArrayEquals(reference.get(b.indices()[j]), b.xTensor().item(j).data(),
                                                "sample " + b.indices()[j] + " computed by rank " + rank);
                                    }
                                }
                            }
                            String where = policy + " shards=" + shards + " n=" + n + " seed=" + seed + " epoch=" + epoch;
                            int total = policy == ShardPolicy.PAD ? (n + shards - 1) / shards * shards : n / shards * shards;
                            assertEquals(total, union.size(), where);
                            List<Integer> expected = new ArrayList<>();
                            for (int p = 0; p < total; p++) {
                                expected.add(permutation[p % n]);
                            }
                            union.sort(null);
                            expected.sort(null);
                            assertEquals(expected, union, where);
                        }
                    }
                }
            }
        }
    }

    @Test
    void shardsWorkWithTheLoaderAndAdvanceEpochs() {
        ShardedFlow shard = flow(20, 5).shard(3, 1);
        int images = 0;
        try (Loader<Batch> loader = Loader.of(shard, 2, 2)) {
            for (Batch b : loader) {
                images += b.size();
            }
        }
        assertEquals(7, images);
        assertEquals(1, shard.epoch());
        assertTrue(!Arrays.equals(shard.order(0), shard.order(1)), "each epoch a new permutation");
    }

    @Test
    void timeseriesShardsPartitionTheWindows() {
        for (int shards : new int[] {1, 2, 3, 8}) {
            for (int steps : new int[] {4, 10, 103}) {
                float[] values = new float[steps];
                for (int i = 0; i < steps; i++) {
                    values[i] = i;
                }
                TimeseriesDataset all = TimeseriesDataset.builder(SeriesData.of(values)).sequenceLength(4).batchSize(5)
                        .shuffle(true).seed(9L).build();
                int n = all.windowCount();
                List<Integer> union = new ArrayList<>();
                int batches = -1;
                for (int rank = 0; rank < shards; rank++) {
                    Sequence<Batch> shard = all.shard(shards, rank, ShardPolicy.DROP);
                    assertTrue(batches < 0 || batches == shard.size(), "equal batch counts");
                    batches = shard.size();
                    for (Batch b : shard) {
                        for (int j = 0; j < b.size(); j++) {
                            union.add(b.indices()[j]);
                            assertEquals(b.indices()[j], b.xTensor().item(j).data()[0], "window starts at its index");
                        }
                    }
                }
                assertEquals(n / shards * shards, union.size());
                assertEquals(union.size(), union.stream().distinct().count(), "no window twice with DROP");
            }
        }
    }

    @Test
    void timeseriesGeneratorShardsSplitEachEpochsBatches() {
        for (boolean shuffle : new boolean[] {false, true}) {
            for (int shards : new int[] {1, 2, 3, 8}) {
                for (int steps : new int[] {12, 40, 103}) {
                    float[] values = new float[steps];
                    for (int i = 0; i < steps; i++) {
                        values[i] = i;
                    }
                    TimeseriesGenerator all = TimeseriesGenerator.builder(SeriesData.of(values), SeriesData.of(values))
                            .length(3).batchSize(4).shuffle(shuffle).seed(11).build();
                    for (ShardPolicy policy : ShardPolicy.values()) {
                        List<Batch> union = new ArrayList<>();
                        int batches = -1;
                        for (int rank = 0; rank < shards; rank++) {
                            Sequence<Batch> shard = all.shard(shards, rank, policy);
                            assertTrue(batches < 0 || batches == shard.size(), "equal batch counts");
                            batches = shard.size();
                            for (int e = 0; e < 2; e++) {
                                for (int k = 0; k < shard.size(); k++) {
                                    Batch b = shard.atEpoch(e).get(k);
                                    if (e == 1) {
                                        union.add(b);
                                    }
                                    int global = (rank + k * shards) % all.size();
                                    assertEquals(all.atEpoch(e).get(global), b,
                                            "a shard's batch is the generator's batch whichever rank computes it");
                                }
                            }
                        }
                        int expected = policy == ShardPolicy.PAD ? (all.size() + shards - 1) / shards * shards
                                : all.size() / shards * shards;
                        assertEquals(expected, union.size(), "every batch once, then padding (" + policy + ")");
                        assertEquals(Math.min(expected, all.size()), union.stream().distinct().count(),
                                "distinct batches: the epoch's, padded by repeats only");
                    }
                }
            }
        }
    }

    @Test
    void badShardsAndReplayedKerasStreamsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> flow(5, 1).shard(2, 2));
        assertThrows(IllegalArgumentException.class, () -> flow(5, 1).shard(0, 0));
        ArrayFlow keras = ImageDataGenerator.builder().compatibility(Compatibility.KERAS_REFERENCE).build()
                .flow(Tensor.zeros(4, 2, 2, 1), null, FlowOptions.arrays().seed(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> keras.shard(2, 0));
        assertTrue(e.getMessage().contains("keras_reference"), e.getMessage());
    }
}
