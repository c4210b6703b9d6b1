package io.jdatagen.flow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdatagen.data.Batch;
import io.jdatagen.data.Sequence;
import io.jdatagen.data.Shard;
import io.jdatagen.data.ShardPolicy;
import io.jdatagen.image.ImageDataGenerator;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The stream flow's order, reading and memory over an in-memory shard source. */
class StreamFlowTest {
    private static final ImageDataGenerator GENERATOR = ImageDataGenerator.builder().horizontalFlip(true).build();

    /** Shards of small PNGs, sample {@code i} labelled {@code i % 3}; counts the shards opened. */
    private static class MemorySource implements ShardSource {
        final List<List<byte[]>> images = new ArrayList<>();
        final List<List<Member>> members = new ArrayList<>();
        final AtomicInteger opened = new AtomicInteger();

        MemorySource(int... perShard) {
            int i = 0;
            for (int n : perShard) {
                List<byte[]> shard = new ArrayList<>();
                List<Member> names = new ArrayList<>();
                for (int k = 0; k < n; k++, i++) {
                    shard.add(png(i));
                    names.add(new Member("m" + i + ".png", Integer.toString(i % 3)));
                }
                images.add(shard);
                members.add(names);
            }
        }

        @Override
        public List<String> shards() {
            List<String> names = new ArrayList<>();
            for (int s = 0; s < images.size(); s++) {
                names.add("mem-" + s);
            }
            return names;
        }

        @Override
        public List<Member> samples(int shard) {
            return members.get(shard);
        }

        @Override
        public Reader open(int shard) {
            opened.incrementAndGet();
            var it = images.get(shard).iterator();
            return new Reader() {
                @Override
                public byte[] next() {
                    return it.hasNext() ? it.next() : null;
                }

                @Override
                public void close() {
                }
            };
        }
    }

    /**
     * The same shards read in any order: counts the readers opened and closed, and fails a read from a
     * closed reader.
     */
    private static final class PlacedSource extends MemorySource {
        final AtomicInteger placedOpen = new AtomicInteger();
        final AtomicInteger placedClosed = new AtomicInteger();

        PlacedSource(int... perShard) {
            super(perShard);
        }

        @Override
        public boolean readsInAnyOrder() {
            return true;
        }

        @Override
        public Reader open(int shard) {
            throw new AssertionError("a source read in any order is never read front to back");
        }

        @Override
        public SampleReader openSamples(int shard) {
            placedOpen.incrementAndGet();
            return new SampleReader() {
                private volatile boolean closed;

                @Override
                public byte[] read(int sample) throws IOException {
                    if (closed) {
                        throw new IOException("read after close");
                    }
                    return images.get(shard).get(sample);
                }

                @Override
                public void close() {
                    if (closed) {
                        throw new AssertionError("closed twice");
                    }
                    closed = true;
                    placedClosed.incrementAndGet();
                }
            };
        }
    }

    private static byte[] png(int i) {
        BufferedImage image = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, i * 997);
        image.setRGB(2, 1, i * 31);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static StreamFlow flow(MemorySource source, int buffer) {
        return Flows.fromShards(GENERATOR.augmenter(), source, FlowOptions.stream().targetSize(2, 3).batchSize(4)
                .seed(9).shuffleBuffer(buffer));
    }

    @Test
    void readingAnEpochInTurnOpensEachShardOnceAndHoldsAtMostTheBufferAndABatch() {
        MemorySource source = new MemorySource(10, 10, 10, 10, 10, 10);
        try (StreamFlow flow = flow(source, 7)) {
            Sequence<Batch> epoch = flow.atEpoch(0);
            for (int k = 0; k < epoch.size(); k++) {
                epoch.get(k);
                assertTrue(flow.keptSamples() <= 7 + 4, "batch " + k + " kept " + flow.keptSamples());
            }
            assertEquals(6, source.opened.get());
        }
    }

    @Test
    void aBatchAskedForAgainOrOutOfTurnIsReadAgainFromItsShardAndIsTheSame() {
        MemorySource source = new MemorySource(5, 9, 6);
        try (StreamFlow flow = flow(source, 5)) {
            Sequence<Batch> epoch = flow.atEpoch(1);
            List<Batch> inTurn = new ArrayList<>();
            for (int k = 0; k < epoch.size(); k++) {
                inTurn.add(epoch.get(k));
            }
            int opened = source.opened.get();
            assertEquals(inTurn.get(1), epoch.get(1));
            assertEquals(inTurn.get(4), epoch.get(4));
            assertEquals(inTurn.get(0), epoch.get(0));
            assertTrue(source.opened.get() > opened, "the passed shards are opened again");
        }
        try (StreamFlow flow = flow(source, 5)) {
            Sequence<Batch> epoch = flow.atEpoch(1);
            List<Batch> backwards = new ArrayList<>();
            for (int k = epoch.size() - 1; k >= 0; k--) {
                backwards.add(0, epoch.get(k));
            }
            try (StreamFlow again = flow(source, 5)) {
                for (int k = 0; k < backwards.size(); k++) {
                    assertEquals(again.atEpoch(1).get(k), backwards.get(k), "batch " + k);
                }
            }
        }
    }

    @Test
    void readingInAnyOrderGivesTheBatchesOfReadingFrontToBackKeepsNothingAndClosesEachShardOnceTaken() {
        int[] perShard = {5, 9, 6, 7, 3};
        MemorySource inOrder = new MemorySource(perShard);
        PlacedSource placed = new PlacedSource(perShard);
        try (StreamFlow a = flow(inOrder, 6); StreamFlow b = flow(placed, 6)) {
            for (int epoch = 0; epoch < 3; epoch++) {
                Sequence<Batch> x = a.atEpoch(epoch);
                Sequence<Batch> y = b.atEpoch(epoch);
                for (int k = 0; k < x.size(); k++) {
                    assertEquals(x.get(k), y.get(k), "epoch " + epoch + " batch " + k);
                    assertEquals(0, b.keptSamples());
                }
                assertEquals(5 * (epoch + 1), placed.placedOpen.get(), "each shard opened once an epoch");
                assertEquals(placed.placedOpen.get(), placed.placedClosed.get(), "and closed once all taken");
            }
            for (ShardPolicy policy : ShardPolicy.values()) {
                for (int rank = 0; rank < 2; rank++) {
                    Sequence<Batch> x = a.shard(2, rank, policy).atEpoch(4);
                    Sequence<Batch> y = b.shard(2, rank, policy).atEpoch(4);
                    assertEquals(x.size(), y.size());
                    for (int k = x.size() - 1; k >= 0; k--) {
                        assertEquals(x.get(k), y.get(k), policy + " rank " + rank + " batch " + k);
                    }
                }
            }
        }
        assertEquals(placed.placedOpen.get(), placed.placedClosed.get(), "closing the flow closes every reader");
    }

    @Test
    void batchesReadInAnyOrderFromSeveralThreadsEqualThoseReadInTurn() throws Exception {
        PlacedSource placed = new PlacedSource(8, 8, 8, 8);
        List<Batch> inTurn = new ArrayList<>();
        try (StreamFlow flow = flow(new MemorySource(8, 8, 8, 8), 5)) {
            Sequence<Batch> epoch = flow.atEpoch(2);
            for (int k = 0; k < epoch.size(); k++) {
                inTurn.add(epoch.get(k));
            }
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try (StreamFlow flow = flow(placed, 5)) {
            Sequence<Batch> epoch = flow.atEpoch(2);
            List<java.util.concurrent.Future<Batch>> futures = new ArrayList<>();
            for (int k = epoch.size() - 1; k >= 0; k--) {
                int batch = k;
                futures.add(0, pool.submit(() -> epoch.get(batch)));
            }
            for (int k = 0; k < inTurn.size(); k++) {
                assertEquals(inTurn.get(k), futures.get(k).get(), "batch " + k);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(placed.placedOpen.get(), placed.placedClosed.get());
    }

    @Test
    void closingTheCursorLeavesTheShardsOfABatchBeingReadOpenUntilItsReadsEnd() {
        PlacedSource placed = new PlacedSource(6, 6);
        StreamOrder order = new StreamOrder(new int[] {0, 6, 12}, true, 4, 3, 0, new Shard(1, 0, ShardPolicy.PAD));
        StreamCursor cursor = new StreamCursor(placed, order, 4);
        StreamCursor.Fetched batch = cursor.fetch(0, 0, 4);
        cursor.close();
        assertEquals(0, placed.placedClosed.get(), "a batch is still reading");
        for (int j = 0; j < 4; j++) {
            int g = order.at(j);
            assertArrayEquals(placed.images.get(g / 6).get(g % 6), batch.image(j));
        }
        batch.close();
        batch.close();
        assertEquals(placed.placedOpen.get(), placed.placedClosed.get());
        try (StreamCursor.Fetched again = cursor.fetch(0, 0, 4)) {
            int g = order.at(3);
            assertArrayEquals(placed.images.get(g / 6).get(g % 6), again.image(3), "a closed cursor reads anew");
        }
        cursor.close();
        assertEquals(placed.placedOpen.get(), placed.placedClosed.get());
    }

    @Test
    void ranksGetEqualCountsPaddingToTheLargestShareOrDroppingToTheSmallest() {
        int[] offsets = {0, 5, 14, 20, 22};
        // Shard sizes 5, 9, 6, 2: two ranks share 4 shards two by two.
        assertEquals(9 + 6, StreamOrder.target(offsets, new Shard(2, 0, ShardPolicy.PAD)));
        assertEquals(2 + 5, StreamOrder.target(offsets, new Shard(2, 1, ShardPolicy.DROP)));
        assertEquals(9 + 6, StreamOrder.target(offsets, new Shard(3, 2, ShardPolicy.PAD)));
        assertEquals(2, StreamOrder.target(offsets, new Shard(3, 2, ShardPolicy.DROP)));
        assertEquals(22, StreamOrder.target(offsets, new Shard(1, 0, ShardPolicy.DROP)));
        for (int epoch = 0; epoch < 3; epoch++) {
            StreamOrder order = new StreamOrder(offsets, true, 4, 5, epoch, new Shard(3, 1, ShardPolicy.PAD));
            assertEquals(1, order.shards.length);
            int count = offsets[order.shards[0] + 1] - offsets[order.shards[0]];
            assertEquals(15, order.target);
            for (int p = 0; p < order.target; p++) {
                assertEquals(order.at(p % count), order.at(p), "a short rank repeats its order from its start");
                int g = order.at(p);
                assertTrue(g >= offsets[order.shards[0]] && g < offsets[order.shards[0] + 1]);
            }
        }
    }

    @Test
    void theSameSeedAndEpochGiveTheSameOrderAndAnotherEpochAnother() {
        int[] offsets = {0, 30, 60, 90};
        Shard whole = new Shard(1, 0, ShardPolicy.PAD);
        assertArrayEquals(new StreamOrder(offsets, true, 10, 1, 2, whole).emitted,
                new StreamOrder(offsets, true, 10, 1, 2, whole).emitted);
        assertTrue(!java.util.Arrays.equals(new StreamOrder(offsets, true, 10, 1, 2, whole).emitted,
                new StreamOrder(offsets, true, 10, 1, 3, whole).emitted));
        int[] plain = new StreamOrder(offsets, false, 10, 1, 2, whole).emitted;
        for (int i = 0; i < 90; i++) {
            assertEquals(i, plain[i], "without shuffle, the source's order");
        }
    }

    @Test
    void optionsThatDoNotApplyToAStreamAndMissingLabelsAreRefused() {
        MemorySource source = new MemorySource(4);
        IllegalArgumentException subset = assertThrows(IllegalArgumentException.class,
                () -> Flows.fromShards(GENERATOR.augmenter(), source, FlowOptions.stream().subset("training")));
        assertTrue(subset.getMessage().contains("subset"), subset.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Flows.fromShards(GENERATOR.augmenter(), source, FlowOptions.stream().order(new int[] {0, 1, 2, 3})));
        assertThrows(IllegalArgumentException.class, () -> FlowOptions.stream().shuffleBuffer(0));
        IllegalArgumentException classes = assertThrows(IllegalArgumentException.class,
                () -> Flows.fromShards(GENERATOR.augmenter(), source, FlowOptions.stream().classes(List.of("0", "1"))));
        assertTrue(classes.getMessage().contains("m2.png") && classes.getMessage().contains("label 2"),
                classes.getMessage());
        try (StreamFlow flow = Flows.fromShards(GENERATOR.augmenter(), source, FlowOptions.stream().classMode("none")
                .targetSize(2, 3))) {
            assertThrows(IllegalArgumentException.class, () -> flow.shard(2, 0));
            assertEquals(List.of(), flow.atEpoch(0).get(0).targets());
        }
    }
}
