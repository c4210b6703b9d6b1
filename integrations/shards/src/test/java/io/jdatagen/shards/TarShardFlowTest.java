package io.jdatagen.shards;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdatagen.data.Batch;
import io.jdatagen.data.Loader;
import io.jdatagen.data.Position;
import io.jdatagen.data.Sequence;
import io.jdatagen.data.ShardPolicy;
import io.jdatagen.flow.FileFlow;
import io.jdatagen.flow.FlowOptions;
import io.jdatagen.flow.ShardedFlow;
import io.jdatagen.flow.StreamFlow;
import io.jdatagen.flow.StreamFlowOptions;
import io.jdatagen.image.ImageDataGenerator;
import io.jdatagen.layers.CenterCrop;
import io.jdatagen.layers.KerasPipeline;
import io.jdatagen.layers.MixUp;
import io.jdatagen.layers.RandomFlip;
import io.jdatagen.layers.RandomRotation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Tar shards against the same images in class folders: same batches, keyed order, sharding and resume. */
class TarShardFlowTest {
    private static final ImageDataGenerator GENERATOR = ImageDataGenerator.builder().rotationRange(20)
            .zoomRange(0.1).horizontalFlip(true).build();
    private static final int[] PER_SHARD = {7, 9, 8, 6};
    @TempDir
    static Path root;
    private static ShardFixture fixture;

    @BeforeAll
    static void write() throws IOException {
        fixture = new ShardFixture(root, 3, 10, PER_SHARD);
    }

    private static StreamFlowOptions options() {
        return FlowOptions.stream().targetSize(20, 20).batchSize(4).seed(7).shuffleBuffer(6);
    }

    private static StreamFlow flow() {
        return flow(false);
    }

    /** The fixture's flow, its local shards read at their places or, {@code frontToBack}, as remote ones are. */
    private static StreamFlow flow(boolean frontToBack) {
        TarShards shards = TarShards.of(fixture.locations());
        return (frontToBack ? shards.streamed() : shards).flow(GENERATOR.augmenter(), options());
    }

    /** The shard (index in the fixture) of sample {@code i}. */
    private static int shardOf(int i) {
        int end = 0;
        for (int k = 0; k < PER_SHARD.length; k++) {
            end += PER_SHARD[k];
            if (i < end) {
                return k;
            }
        }
        return PER_SHARD.length - 1;
    }

    @Test
    void batchesEqualThoseOfTheSameImagesInAFolderInTheStreamsOrder() {
        try (StreamFlow stream = flow()) {
            assertEquals(30, stream.samples());
            assertEquals(List.of("0", "1", "2"), List.copyOf(stream.classIndices().keySet()));
            assertEquals("shard-000000.tar/s00000.png", stream.filenames().get(0));
            assertNotEquals(Arrays.toString(stream.order(0)), Arrays.toString(stream.order(1)));
            for (int epoch = 0; epoch < 2; epoch++) {
                int[] order = stream.order(epoch);
                int[] sorted = order.clone();
                Arrays.sort(sorted);
                assertArrayEquals(java.util.stream.IntStream.range(0, 30).toArray(), sorted, "each sample once");
                try (FileFlow folder = GENERATOR.flowFromDirectory(fixture.folder, FlowOptions.directory()
                        .targetSize(20, 20).batchSize(4).seed(7).order(order))) {
                    Sequence<Batch> s = stream.atEpoch(epoch);
                    Sequence<Batch> d = folder.atEpoch(epoch);
                    assertEquals(d.size(), s.size());
                    for (int k = 0; k < s.size(); k++) {
                        Batch a = s.get(k);
                        Batch b = d.get(k);
                        assertArrayEquals(b.indices(), a.indices());
                        assertArrayEquals(b.xTensor().data(), a.xTensor().data(), "epoch " + epoch + " batch " + k);
                        assertArrayEquals(b.y().data(), a.y().data());
                    }
                }
            }
        }
    }

    @Test
    void aKerasPipelineAugmentsStreamedSamplesAsItAugmentsTheSameFilesInAFolder() {
        KerasPipeline layers = KerasPipeline.builder().layers(new RandomFlip(), new RandomRotation(0.1),
                new CenterCrop(16, 18), new MixUp()).build();
        try (StreamFlow stream = TarShards.of(fixture.locations()).flow(layers, options());
                FileFlow folder = layers.flowFromDirectory(fixture.folder, FlowOptions.directory().targetSize(20, 20)
                        .batchSize(4).seed(7).order(stream.order(1)))) {
            assertArrayEquals(new int[] {16, 18, 3}, stream.imageShape());
            Sequence<Batch> s = stream.atEpoch(1);
            Sequence<Batch> d = folder.atEpoch(1);
            for (int k = 0; k < s.size(); k++) {
                assertArrayEquals(d.get(k).xTensor().data(), s.get(k).xTensor().data(), "batch " + k);
                assertArrayEquals(d.get(k).y().data(), s.get(k).y().data(), "MixUp's mixed labels, batch " + k);
            }
        }
    }

    @Test
    void withTheResizeInTheWarpStreamedSamplesEqualTheFolders() {
        try (StreamFlow stream = TarShards.of(fixture.locations()).flow(GENERATOR.augmenter(),
                options().resizeInWarp(true)); FileFlow folder = GENERATOR.flowFromDirectory(fixture.folder,
                        FlowOptions.directory().targetSize(20, 20).batchSize(4).seed(7).resizeInWarp(true)
                                .order(stream.order(0)))) {
            for (int k = 0; k < stream.size(); k++) {
                assertArrayEquals(folder.atEpoch(0).get(k).xTensor().data(), stream.atEpoch(0).get(k).xTensor().data(),
                        "batch " + k);
            }
        }
    }

    @Test
    void aBufferOfOneReadsThePermutedShardsFrontToBackAndALargerOneMovesSamplesAtMostItsSizeAhead() {
        try (StreamFlow inOrder = TarShards.of(fixture.locations()).flow(GENERATOR.augmenter(),
                options().shuffleBuffer(1)); StreamFlow buffered = flow()) {
            int[] reads = inOrder.order(0);
            int[] shardRuns = Arrays.stream(reads).map(TarShardFlowTest::shardOf).distinct().toArray();
            assertEquals(4, shardRuns.length, "each shard read in one run: " + Arrays.toString(reads));
            for (int p = 1; p < reads.length; p++) {
                assertTrue(shardOf(reads[p]) != shardOf(reads[p - 1]) || reads[p] == reads[p - 1] + 1,
                        "members in order: " + Arrays.toString(reads));
            }
            assertFalse(Arrays.equals(shardRuns, new int[] {0, 1, 2, 3}), "the shards are permuted");
            int[] emitted = buffered.order(0);
            int[] readAt = new int[30];
            for (int q = 0; q < 30; q++) {
                readAt[reads[q]] = q;
            }
            boolean moved = false;
            for (int p = 0; p < 30; p++) {
                int q = readAt[emitted[p]];
                assertTrue(p >= q - 6, "sample " + emitted[p] + " read at " + q + " emitted at " + p);
                moved |= p != q;
            }
            assertTrue(moved);
        }
    }

    private static List<Batch> load(Sequence<Batch> sequence, int workers) {
        List<Batch> out = new ArrayList<>();
        try (Loader<Batch> loader = Loader.of(sequence, workers, 2, 2)) {
            loader.forEachRemaining(out::add);
        }
        return out;
    }

    @ParameterizedTest(name = "front to back: {0}")
    @ValueSource(booleans = {false, true})
    void theSameSeedGivesTheSameBatchesForOneTwoAndFourWorkers(boolean frontToBack) {
        List<Batch> one;
        try (StreamFlow f = flow(frontToBack)) {
            one = load(f, 1);
        }
        assertEquals(16, one.size());
        for (int workers : new int[] {2, 4}) {
            try (StreamFlow f = flow(frontToBack)) {
                assertEquals(one, load(f, workers), workers + " workers");
            }
        }
    }

    @Test
    void ranksReadWholeShardsInEqualBatchCountsTheSameForAnyWorkerCount() {
        for (ShardPolicy policy : ShardPolicy.values()) {
            for (int ranks : new int[] {2, 3}) {
                for (int epoch = 0; epoch < 2; epoch++) {
                    Set<Integer> shardsSeen = new HashSet<>();
                    Set<Integer> samplesSeen = new HashSet<>();
                    int size = -1;
                    for (int r = 0; r < ranks; r++) {
                        List<List<Batch>> runs = new ArrayList<>();
                        for (int workers : new int[] {1, 4}) {
                            try (StreamFlow f = flow()) {
                                ShardedFlow rank = f.shard(ranks, r, policy);
                                if (size >= 0) {
                                    assertEquals(size, rank.size(), "equal batch counts");
                                }
                                size = rank.size();
                                rank.moveToEpoch(epoch);
                                runs.add(load(rank, workers));
                                Set<Integer> mine = new HashSet<>();
                                for (int i : rank.order(epoch)) {
                                    mine.add(shardOf(i));
                                    samplesSeen.add(i);
                                }
                                if (workers == 1) {
                                    for (int s : mine) {
                                        assertTrue(shardsSeen.add(s), "shard " + s + " read by one rank only");
                                    }
                                }
                            }
                        }
                        assertEquals(runs.get(0), runs.get(1), policy + ", rank " + r + " of " + ranks);
                    }
                    if (policy == ShardPolicy.PAD) {
                        assertEquals(30, samplesSeen.size(), "every sample read with padding");
                        assertEquals(4, shardsSeen.size());
                    }
                }
            }
        }
    }

    @Test
    void localShardsReadAtTheirPlacesGiveTheBatchesOfReadingThemFrontToBackHoldingNoBuffer() {
        try (StreamFlow placed = flow(); StreamFlow frontToBack = TarShards.of(fixture.locations()).streamed()
                .flow(GENERATOR.augmenter(), options())) {
            assertTrue(TarShards.of(fixture.locations()).list().readsInAnyOrder());
            assertFalse(TarShards.of(fixture.locations()).streamed().list().readsInAnyOrder());
            for (int epoch = 0; epoch < 2; epoch++) {
                Sequence<Batch> a = placed.atEpoch(epoch);
                Sequence<Batch> b = frontToBack.atEpoch(epoch);
                for (int k = 0; k < a.size(); k++) {
                    assertEquals(b.get(k), a.get(k), "epoch " + epoch + " batch " + k);
                }
            }
            for (ShardPolicy policy : ShardPolicy.values()) {
                ShardedFlow x = placed.shard(3, 2, policy);
                ShardedFlow y = frontToBack.shard(3, 2, policy);
                x.moveToEpoch(3);
                y.moveToEpoch(3);
                assertEquals(load(y, 1), load(x, 3), policy.toString());
            }
        }
    }

    /**
     * A shard made by GNU tar with {@code --sparse}: its image member of 1,048,581 bytes is stored as two
     * runs of data around a hole; read at its place it is refused naming the member, read front to back it is
     * whole.
     */
    @Test
    void anImageStoredAsASparseFileIsReadFrontToBackAndRefusedAtItsPlaceNamingTheWayOut(@TempDir Path dir)
            throws IOException {
        Path shard = dir.resolve("shard-000000.tar");
        try (java.io.InputStream in = TarShardFlowTest.class.getResourceAsStream("sparse-image.tar")) {
            java.nio.file.Files.copy(in, shard);
        }
        io.jdatagen.flow.ShardSource placed = TarShards.of(shard.toString()).list();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> placed.openSamples(0));
        assertTrue(e.getMessage().contains(shard.toString()) && e.getMessage().contains("s00000.jpg")
                && e.getMessage().contains("sparse") && e.getMessage().contains("TarShards.streamed()"),
                e.getMessage());
        try (io.jdatagen.flow.ShardSource.Reader reader = TarShards.of(shard.toString()).streamed().list().open(0)) {
            byte[] image = reader.next();
            assertEquals(1_048_581, image.length);
            assertEquals((byte) 0xFF, image[0]);
            assertEquals('c', image[4]);
            assertEquals(0, image[1 << 19]);
            assertEquals('x', image[1 << 20]);
        }
    }

    @ParameterizedTest(name = "front to back: {0}")
    @ValueSource(booleans = {false, true})
    void aLoaderResumedAtAPositionGivesTheBatchesTheUninterruptedRunHadStillToGive(boolean frontToBack) {
        List<Batch> whole;
        try (StreamFlow f = flow(frontToBack)) {
            whole = load(f, 2);
        }
        java.util.SplittableRandom random = new java.util.SplittableRandom(11);
        for (int trial = 0; trial < 4; trial++) {
            int stop = 1 + random.nextInt(whole.size() - 1);
            Position position;
            try (StreamFlow f = flow(frontToBack); Loader<Batch> loader = Loader.of(f, 3, 1, 2)) {
                for (int i = 0; i < stop; i++) {
                    assertEquals(whole.get(i), loader.next());
                }
                position = loader.position();
            }
            // Resumed reading the shards the other way: a position does not depend on how they are read.
            try (StreamFlow f = flow(!frontToBack)) {
                List<Batch> rest = new ArrayList<>();
                Position saved = Position.parse(position.toString());
                try (Loader<Batch> loader = Loader.resume(f, saved, 1 + trial, 1, 2 - saved.epoch())) {
                    loader.forEachRemaining(rest::add);
                }
                assertEquals(whole.subList(stop, whole.size()), rest, "resumed at " + position);
            }
        }
    }

    @Test
    void aPositionOfOtherShardsIsRefused() {
        Position p;
        try (StreamFlow f = flow()) {
            p = f.position(0, 1);
        }
        try (StreamFlow other = TarShards.of(fixture.locations().subList(0, 3)).flow(GENERATOR.augmenter(),
                options())) {
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
                    IllegalArgumentException.class, () -> Loader.resume(other, p, 1, 0, 1));
            assertTrue(e.getMessage().contains("batches") || e.getMessage().contains("fingerprint"), e.getMessage());
        }
    }
}
