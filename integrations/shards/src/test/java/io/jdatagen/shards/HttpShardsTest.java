package io.jdatagen.shards;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdatagen.data.Batch;
import io.jdatagen.data.Sequence;
import io.jdatagen.flow.FileFlow;
import io.jdatagen.flow.FlowOptions;
import io.jdatagen.flow.StreamFlow;
import io.jdatagen.image.ImageDataGenerator;
import io.jdatagen.flow.StreamFlowOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shards over HTTP from a loopback server that drops a connection mid-shard. */
class HttpShardsTest {
    private static final ImageDataGenerator GENERATOR = ImageDataGenerator.builder().rotationRange(15)
            .horizontalFlip(true).build();

    @Test
    void aConnectionDroppedMidShardResumesWithARangeRequestAndTheBatchesEqualTheFolders(@TempDir Path root)
            throws IOException {
        ShardFixture fixture = new ShardFixture(root, 2, 12, new int[] {8, 8, 8});
        try (ShardServer server = new ShardServer(root)) {
            // Request 1 lists the shard; request 2 reads it for the epoch and is cut halfway.
            server.dropOnce("shard-000001.tar", 2);
            List<String> urls = List.of(server.url("shard-000000.tar"), server.url("shard-000001.tar"),
                    server.url("shard-000002.tar"));
            try (StreamFlow stream = TarShards.of(urls).retries(3, Duration.ofMillis(10)).flow(
                    GENERATOR.augmenter(), FlowOptions.stream().targetSize(24, 24).batchSize(5).seed(3)
                            .shuffleBuffer(4).classMode("sparse"));
                    FileFlow folder = GENERATOR.flowFromDirectory(fixture.folder, FlowOptions.directory()
                            .targetSize(24, 24).batchSize(5).seed(3).classMode("sparse").order(stream.order(0)))) {
                Sequence<Batch> s = stream.atEpoch(0);
                Sequence<Batch> d = folder.atEpoch(0);
                for (int k = 0; k < s.size(); k++) {
                    Batch a = s.get(k);
                    Batch b = d.get(k);
                    assertArrayEquals(b.xTensor().data(), a.xTensor().data(), "batch " + k);
                    assertArrayEquals(b.y().data(), a.y().data());
                }
            }
            assertEquals(1, server.ranges.size(), server.ranges.toString());
            String range = server.ranges.get(0);
            assertTrue(range.startsWith("shard-000001.tar bytes=") && !range.endsWith("bytes=0-"), range);
        }
    }

    @Test
    void withAnIndexMakingTheFlowRequestsTheIndexAloneAndAnEpochEachShardOnceGivingTheListedFlowsBatches(
            @TempDir Path root) throws IOException {
        List<Path> shards = ShardFixture.written(root, 14, 16 * 1024);
        assertTrue(shards.size() >= 3, "several shards: " + shards);
        List<String> names = shards.stream().map(p -> p.getFileName().toString()).toList();
        try (ShardServer server = new ShardServer(root)) {
            // The epoch's first request for shard 1 is cut halfway, and resumed with a range request.
            server.dropOnce(names.get(1), 1);
            StreamFlowOptions options = FlowOptions.stream().targetSize(24, 24).batchSize(5).seed(3).shuffleBuffer(4)
                    .classMode("sparse");
            try (StreamFlow indexed = TarShards.indexed(server.url(ShardIndex.FILE_NAME)).retries(3,
                    Duration.ofMillis(10)).flow(GENERATOR.augmenter(), options)) {
                assertEquals(Map.of(ShardIndex.FILE_NAME, 1), server.requests());
                List<Batch> batches = new ArrayList<>();
                Sequence<Batch> epoch = indexed.atEpoch(0);
                for (int k = 0; k < epoch.size(); k++) {
                    batches.add(epoch.get(k));
                }
                Map<String, Integer> expected = new TreeMap<>(Map.of(ShardIndex.FILE_NAME, 1));
                names.forEach(n -> expected.put(n, 1));
                expected.put(names.get(1), 2);
                assertEquals(expected, server.requests());
                assertEquals(1, server.ranges.size(), server.ranges.toString());
                String range = server.ranges.get(0);
                assertTrue(range.startsWith(names.get(1) + " bytes=") && !range.endsWith("bytes=0-"), range);

                try (StreamFlow listed = TarShards.of(names.stream().map(server::url).toList()).flow(
                        GENERATOR.augmenter(), options)) {
                    // Without the index, making the flow reads every shard through.
                    names.forEach(n -> expected.merge(n, 1, Integer::sum));
                    assertEquals(expected, server.requests());
                    assertEquals(listed.filenames(), indexed.filenames());
                    Sequence<Batch> same = listed.atEpoch(0);
                    assertEquals(same.size(), batches.size());
                    for (int k = 0; k < batches.size(); k++) {
                        Batch b = same.get(k);
                        assertArrayEquals(b.xTensor().data(), batches.get(k).xTensor().data(), "batch " + k);
                        assertArrayEquals(b.y().data(), batches.get(k).y().data(), "labels of batch " + k);
                    }
                }
            }
        }
    }

    @Test
    void aShardReplacedAfterItsIndexWasWrittenFailsNamingTheShardAndTheIndex(@TempDir Path root) throws IOException {
        List<Path> shards = ShardFixture.written(root, 14, 16 * 1024);
        Files.write(shards.get(0), ShardFixture.image(new SplittableRandom(1), 30, 30, false),
                StandardOpenOption.APPEND);
        try (ShardServer server = new ShardServer(root)) {
            String index = server.url(ShardIndex.FILE_NAME);
            try (StreamFlow flow = TarShards.indexed(index).flow(GENERATOR.augmenter(),
                    FlowOptions.stream().targetSize(24, 24).batchSize(5).seed(3).classMode("sparse"))) {
                Sequence<Batch> epoch = flow.atEpoch(0);
                RuntimeException e = assertThrows(RuntimeException.class, () -> {
                    for (int k = 0; k < epoch.size(); k++) {
                        epoch.get(k);
                    }
                });
                String messages = messages(e);
                assertTrue(messages.contains(server.url(shards.get(0).getFileName().toString()))
                        && messages.contains(index) && messages.contains("bytes"), messages);
            }
        }
    }

    private static String messages(Throwable e) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            out.append(t.getMessage()).append(" | ");
        }
        return out.toString();
    }

    @Test
    void aMissingShardFailsAtOnceNamingItsAddress(@TempDir Path root) throws IOException {
        try (ShardServer server = new ShardServer(root)) {
            String url = server.url("shard-000009.tar");
            UncheckedIOException e = assertThrows(UncheckedIOException.class,
                    () -> TarShards.of(url).retries(3, Duration.ofMillis(10)).list());
            assertTrue(e.getMessage().contains(url) && e.getMessage().contains("404"), e.getMessage());
        }
    }

    @Test
    void contentRangeHeadersAreRead() {
        assertEquals(100, HttpShardStream.rangeStart("bytes 100-199/200"));
        assertEquals(200, HttpShardStream.rangeTotal("bytes 100-199/200"));
        assertEquals(-1, HttpShardStream.rangeTotal("bytes 100-199/*"));
        assertEquals(-1, HttpShardStream.rangeStart("items 1"));
        assertEquals(150_000, HttpShardStream.rangeStart("bytes 150000-299999/300000"));
    }
}
