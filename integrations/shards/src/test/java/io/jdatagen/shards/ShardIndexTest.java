package io.jdatagen.shards;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdatagen.data.Batch;
import io.jdatagen.data.Sequence;
import io.jdatagen.flow.FlowOptions;
import io.jdatagen.flow.ShardSource;
import io.jdatagen.flow.StreamFlow;
import io.jdatagen.flow.StreamFlowOptions;
import io.jdatagen.image.ImageDataGenerator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shard index: what {@link ShardWriter} writes, flows made from it without opening a shard, a shard that
 * disagrees with it detected when read, and its parser's bounds.
 */
class ShardIndexTest {
    /** Changes of a shard's fourth sample that keep the shard's size: its key, its label. */
    private static final String[][] SAME_SIZE_CHANGES = {{"s00093", "1"}, {"s00003", "0"}};

    private static final ImageDataGenerator GENERATOR = ImageDataGenerator.builder().rotationRange(15)
            .horizontalFlip(true).build();

    private static StreamFlowOptions options() {
        return FlowOptions.stream().targetSize(20, 20).batchSize(4).seed(7).shuffleBuffer(5).classMode("sparse");
    }

    private static List<String> strings(List<Path> paths) {
        return paths.stream().map(Path::toString).toList();
    }

    private static ShardIndex parse(String json) throws IOException {
        return ShardIndexReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "idx.json");
    }

    @Test
    void theWritersIndexHoldsEachShardsNameSizeAndSamplesAsListingFindsThem(@TempDir Path root) throws IOException {
        List<Path> shards = ShardFixture.written(root.resolve("a"), 14, 16 * 1024);
        ShardFixture.written(root.resolve("b"), 14, 16 * 1024);
        byte[] bytes = Files.readAllBytes(root.resolve("a").resolve(ShardIndex.FILE_NAME));
        assertArrayEquals(bytes, Files.readAllBytes(root.resolve("b").resolve(ShardIndex.FILE_NAME)));
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("{\"format\":\"jdatagen-shard-index\",\"version\":1,\"jsonLabel\":\"label\","
                + "\"shards\":[\n{\"name\":\"shard-000000.tar\",\"bytes\":" + Files.size(shards.get(0))
                + ",\"samples\":[{\"key\":\"s00000\",\"image\":\"png\",\"label\":\"0\"},"
                + "{\"key\":\"s00001\",\"image\":\"jpg\",\"label\":\"1\"}"), text);
        assertTrue(text.contains("]},\n{\"name\":\"shard-000001.tar\",\"bytes\":"), text);
        assertTrue(text.endsWith("]}]}\n"), text);

        ShardIndex index = ShardIndexReader.read(new ByteArrayInputStream(bytes), "a");
        assertTrue(shards.size() > 2, "several shards: " + shards);
        assertEquals(shards.size(), index.shards().size());
        ShardSource listed = TarShards.of(strings(shards)).list();
        for (int s = 0; s < shards.size(); s++) {
            ShardIndex.Shard entry = index.shards().get(s);
            assertEquals(shards.get(s).getFileName().toString(), entry.name());
            assertEquals(Files.size(shards.get(s)), entry.bytes());
            List<ShardSource.Member> fromIndex = new ArrayList<>();
            for (ShardIndex.Sample m : entry.samples()) {
                fromIndex.add(new ShardSource.Member(entry.name() + "/" + m.key() + "." + m.image(), m.label()));
            }
            assertEquals(listed.samples(s), fromIndex);
        }
        assertArrayEquals(bytes, index.toJson());
    }

    @Test
    void anIndexedFlowOpensOnlyTheIndexWhenMadeAndGivesTheListedFlowsBatches(@TempDir Path root) throws IOException {
        List<Path> shards = ShardFixture.written(root, 14, 16 * 1024);
        Map<String, AtomicInteger> opened = new ConcurrentHashMap<>();
        ShardOpener counting = location -> {
            opened.computeIfAbsent(TarShardSource.baseName(location), k -> new AtomicInteger()).incrementAndGet();
            return Files.newInputStream(Path.of(location.substring("count://".length())));
        };
        try (StreamFlow indexed = TarShards.indexed("count://" + root.resolve(ShardIndex.FILE_NAME))
                        .opener("count", counting).flow(GENERATOR.augmenter(), options());
                StreamFlow listed = TarShards.of(strings(shards)).flow(GENERATOR.augmenter(), options())) {
            assertEquals(Map.of(ShardIndex.FILE_NAME, 1), counts(opened));
            assertEquals(14, indexed.samples());
            assertEquals(listed.filenames(), indexed.filenames());
            assertEquals(listed.classIndices(), indexed.classIndices());
            Sequence<Batch> a = indexed.atEpoch(1);
            Sequence<Batch> b = listed.atEpoch(1);
            assertEquals(b.size(), a.size());
            for (int k = 0; k < a.size(); k++) {
                Batch x = a.get(k);
                Batch y = b.get(k);
                assertArrayEquals(y.xTensor().data(), x.xTensor().data(), "batch " + k);
                assertArrayEquals(y.y().data(), x.y().data(), "labels of batch " + k);
            }
            // The epoch read each shard once, from the start.
            Map<String, Integer> expected = new java.util.TreeMap<>();
            expected.put(ShardIndex.FILE_NAME, 1);
            shards.forEach(p -> expected.put(p.getFileName().toString(), 1));
            assertEquals(expected, counts(opened));
        }
    }

    private static Map<String, Integer> counts(Map<String, AtomicInteger> opened) {
        Map<String, Integer> out = new java.util.TreeMap<>();
        opened.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    @Test
    void shardsGivenWithAnIndexTakeTheirEntriesByFileNameInTheGivenOrder(@TempDir Path root) throws IOException {
        List<Path> shards = ShardFixture.written(root, 14, 16 * 1024);
        String index = root.resolve(ShardIndex.FILE_NAME).toString();
        ShardSource some = TarShards.of(shards.get(2).toString(), shards.get(0).toString()).index(index).list();
        ShardSource listed = TarShards.of(shards.get(2).toString(), shards.get(0).toString()).list();
        assertEquals(listed.samples(0), some.samples(0));
        assertEquals(listed.samples(1), some.samples(1));

        String other = root.resolve("elsewhere/shard-000099.tar").toString();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TarShards.of(other).index(index).list());
        assertTrue(e.getMessage().contains(other) && e.getMessage().contains(index), e.getMessage());
    }

    @Test
    void labelsFromAnotherJsonFieldThanTheIndexsAreRefusedAndAMappingReplacesTheIndexsLabels(@TempDir Path root)
            throws IOException {
        ShardFixture.written(root, 6, 64 * 1024);
        String index = root.resolve(ShardIndex.FILE_NAME).toString();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TarShards.indexed(index).jsonLabel("category").list());
        assertTrue(e.getMessage().contains("category") && e.getMessage().contains(index), e.getMessage());
        ShardSource mapped = TarShards.indexed(index).labels(Map.of("s00000", "cat")).list();
        assertEquals("cat", mapped.samples(0).get(0).label());
        assertNull(mapped.samples(0).get(1).label());
    }

    @Test
    void aShardOfAnotherSizeThanItsIndexEntryFailsWhenOpenedNamingBoth(@TempDir Path root) throws IOException {
        List<Path> shards = ShardFixture.written(root.resolve("a"), 14, 16 * 1024);
        int last = shards.size() - 1;
        // A block of zeros more: tar readers take it as padding after the end marker, but the size differs.
        Files.write(shards.get(last), new byte[512], java.nio.file.StandardOpenOption.APPEND);
        String index = root.resolve("a").resolve(ShardIndex.FILE_NAME).toString();
        ShardSource source = TarShards.indexed(index).list();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> source.open(last).close());
        assertTrue(e.getMessage().contains(shards.get(last).toString()) && e.getMessage().contains(index)
                && e.getMessage().contains("bytes"), e.getMessage());
    }

    @Test
    void aShardOfTheSameSizeWithAnotherKeyOrLabelFailsWhenTheSampleIsRead(@TempDir Path root) throws IOException {
        for (String[] change : SAME_SIZE_CHANGES) {
            Path a = indexedThenChanged(root, change[0], change[1]);
            String index = a.resolve(ShardIndex.FILE_NAME).toString();
            ShardSource source = TarShards.indexed(index).list();
            try (ShardSource.Reader reader = source.open(0)) {
                for (int i = 0; i < 3; i++) {
                    assertTrue(reader.next() != null);
                }
                IllegalStateException e = assertThrows(IllegalStateException.class, reader::next);
                assertTrue(e.getMessage().contains(a.resolve("shard-000000.tar").toString())
                        && e.getMessage().contains(index) && e.getMessage().contains("sample 3"), e.getMessage());
            }
        }
    }

    @Test
    void readInAnyOrderAShardOfAnotherSizeKeyOrLabelThanIndexedFailsWhenOpenedNamingBoth(@TempDir Path root)
            throws IOException {
        List<Path> shards = ShardFixture.written(root.resolve("a"), 14, 16 * 1024);
        int last = shards.size() - 1;
        Files.write(shards.get(last), new byte[512], java.nio.file.StandardOpenOption.APPEND);
        String sized = root.resolve("a").resolve(ShardIndex.FILE_NAME).toString();
        ShardSource grown = TarShards.indexed(sized).list();
        assertTrue(grown.readsInAnyOrder());
        grown.openSamples(0).close();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> grown.openSamples(last).close());
        assertTrue(e.getMessage().contains(shards.get(last).toString()) && e.getMessage().contains(sized)
                && e.getMessage().contains("bytes"), e.getMessage());
        for (String[] change : SAME_SIZE_CHANGES) {
            Path a = indexedThenChanged(root, change[0], change[1]);
            String index = a.resolve(ShardIndex.FILE_NAME).toString();
            ShardSource source = TarShards.indexed(index).list();
            IllegalStateException changed = assertThrows(IllegalStateException.class,
                    () -> source.openSamples(0).close());
            assertTrue(changed.getMessage().contains(a.resolve("shard-000000.tar").toString())
                    && changed.getMessage().contains(index) && changed.getMessage().contains("sample 3"),
                    changed.getMessage());
        }
    }

    @Test
    void aLocalShardChangedSinceItsHeadersWereReadIsReadAgainAndCheckedAgainstTheListing(@TempDir Path root)
            throws IOException {
        byte[] other = ShardFixture.image(new java.util.SplittableRandom(5), 9, 7, false);
        Path listed = root.resolve("listed");
        writeFour(listed, "s00003", "1");
        Path shard = listed.resolve("shard-000000.tar");
        ShardSource source = TarShards.of(shard.toString()).list();
        byte[] before;
        try (ShardSource.SampleReader reader = source.openSamples(0)) {
            before = reader.read(3);
        }
        Path sameSamples = root.resolve("same");
        writeFour(sameSamples, "s00003", "1", other);
        replace(sameSamples.resolve("shard-000000.tar"), shard);
        try (ShardSource.SampleReader reader = source.openSamples(0)) {
            assertArrayEquals(other, reader.read(3), "the new file's image, at its new place");
            assertFalse(java.util.Arrays.equals(before, reader.read(3)));
        }
        Path relabelled = root.resolve("relabelled");
        writeFour(relabelled, "s00003", "0", other);
        replace(relabelled.resolve("shard-000000.tar"), shard);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> source.openSamples(0).close());
        assertTrue(e.getMessage().contains(shard.toString()) && e.getMessage().contains("changed since it was listed")
                && e.getMessage().contains("sample 3"), e.getMessage());
    }

    /** Copies {@code from} over {@code to}, its modification time a minute later than {@code to}'s. */
    private static void replace(Path from, Path to) throws IOException {
        java.nio.file.attribute.FileTime was = Files.getLastModifiedTime(to);
        Files.copy(from, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(to, java.nio.file.attribute.FileTime.fromMillis(was.toMillis() + 60_000));
    }

    /**
     * {@return a folder holding the index of {@link #writeFour}'s shard with a fourth sample s00003 labelled 1,
     * beside a shard of the same size whose fourth sample is {@code fourth} labelled {@code label} instead}
     */
    private static Path indexedThenChanged(Path root, String fourth, String label) throws IOException {
        Path indexed = root.resolve("indexed-" + fourth + "-" + label);
        Path changed = root.resolve("changed-" + fourth + "-" + label);
        writeFour(indexed, "s00003", "1");
        writeFour(changed, fourth, label);
        assertEquals(Files.size(indexed.resolve("shard-000000.tar")), Files.size(changed.resolve("shard-000000.tar")));
        Files.copy(changed.resolve("shard-000000.tar"), indexed.resolve("shard-000000.tar"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return indexed;
    }

    /** Four samples s00000..s00002 and {@code fourth} in one shard, labels 0, 1, 0 and {@code label}. */
    private static void writeFour(Path folder, String fourth, String label) throws IOException {
        writeFour(folder, fourth, label, null);
    }

    /** The same, the fourth sample's image {@code fourthImage} (null: the others'). */
    private static void writeFour(Path folder, String fourth, String label, byte[] fourthImage) throws IOException {
        byte[] png = ShardFixture.image(new java.util.SplittableRandom(3), 8, 8, false);
        try (ShardWriter writer = new ShardWriter(folder, 1 << 20)) {
            for (int i = 0; i < 4; i++) {
                Map<String, byte[]> members = new LinkedHashMap<>();
                members.put("png", i == 3 && fourthImage != null ? fourthImage : png);
                members.put("cls", (i == 3 ? label : Integer.toString(i % 2)).getBytes(StandardCharsets.UTF_8));
                writer.write(i == 3 ? fourth : "s0000" + i, members);
            }
        }
    }

    @Test
    void aMissingIndexFailsNamingIt(@TempDir Path root) {
        String index = root.resolve(ShardIndex.FILE_NAME).toString();
        java.io.UncheckedIOException e = assertThrows(java.io.UncheckedIOException.class,
                () -> TarShards.indexed(index).list());
        assertTrue(e.getMessage().contains(index), e.getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> {
            Files.write(Path.of(index), new ShardIndex(List.of()).toJson());
            TarShards.indexed(index).list();
        });
        assertTrue(empty.getMessage().contains(index), empty.getMessage());
    }

    @Test
    void namesResolveBesideTheIndex() {
        assertEquals("https://h/data/shard-000001.tar", TarShards.beside("https://h/data/shards.json?x=1", "shard-000001.tar"));
        assertEquals("s3://bucket/shard-000001.tar", TarShards.beside("s3://bucket/shards.json", "shard-000001.tar"));
        assertEquals(Path.of("data", "shard-000001.tar").toString(),
                TarShards.beside(Path.of("data", "shards.json").toString(), "shard-000001.tar"));
        assertEquals("shard-000001.tar", TarShards.beside("shards.json", "shard-000001.tar"));
    }

    @Test
    void anIndexOutsideItsBoundsIsRefusedNamingIt() {
        String head = "{\"format\":\"jdatagen-shard-index\",\"version\":1,\"shards\":[";
        String key4097 = "k".repeat(4097);
        String[] bad = {
            "not json",
            "[]",
            "{\"format\":\"other\",\"version\":1,\"shards\":[]}",
            "{\"format\":\"jdatagen-shard-index\",\"version\":2,\"shards\":[]}",
            "{\"format\":\"jdatagen-shard-index\",\"version\":1}",
            head + "{\"name\":\"../secret.tar\",\"bytes\":1,\"samples\":[]}]}",
            head + "{\"name\":\"a/b.tar\",\"bytes\":1,\"samples\":[]}]}",
            head + "{\"name\":\"..\",\"bytes\":1,\"samples\":[]}]}",
            head + "{\"name\":\"s.tar\",\"bytes\":-1,\"samples\":[]}]}",
            head + "{\"name\":\"s.tar\",\"bytes\":99999999999999999999999,\"samples\":[]}]}",
            head + "{\"name\":\"s.tar\",\"samples\":[]}]}",
            head + "{\"name\":\"s.tar\",\"bytes\":1,\"samples\":[]},{\"name\":\"s.tar\",\"bytes\":1,\"samples\":[]}]}",
            head + "{\"name\":\"s.tar\",\"bytes\":1,\"samples\":[{\"key\":\"" + key4097 + "\",\"image\":\"png\"}]}]}",
            head + "{\"name\":\"s.tar\",\"bytes\":1,\"samples\":[{\"key\":\"a.b\",\"image\":\"png\"}]}]}",
            head + "{\"name\":\"s.tar\",\"bytes\":1,\"samples\":[{\"key\":\"a\",\"image\":\"cls\"}]}]}",
            head + "{\"name\":\"s.tar\",\"bytes\":1,\"samples\":[{\"key\":\"a\",\"image\":\"png\",\"label\":3}]}]}",
            head + "{\"name\":\"s.tar\",\"bytes\":1,\"samples\":[{\"key\":\"a\"}]}]}",
            head + "]} {}",
        };
        for (String json : bad) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse(json),
                    json.length() > 100 ? json.substring(0, 100) : json);
            assertTrue(e.getMessage().contains("idx.json"), e.getMessage());
        }
        IllegalArgumentException latin1 = assertThrows(IllegalArgumentException.class, () -> ShardIndexReader.read(
                new ByteArrayInputStream(new byte[] {'{', '"', (byte) 0xE9, '"', ':', '1', '}'}), "idx.json"));
        assertTrue(latin1.getMessage().contains("idx.json") && latin1.getMessage().contains("UTF-8"),
                latin1.getMessage());
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return ' ';
            }
        };
        IllegalArgumentException big = assertThrows(IllegalArgumentException.class,
                () -> ShardIndexReader.read(endless, "idx.json", 4096));
        assertTrue(big.getMessage().contains("idx.json") && big.getMessage().contains("4096"), big.getMessage());
    }

    @Test
    void unknownFieldsAreSkippedAndAMissingLabelIsNone() throws IOException {
        ShardIndex index = parse("{\"format\":\"jdatagen-shard-index\",\"version\":1,\"written\":{\"by\":[1,2]},"
                + "\"shards\":[{\"name\":\"s.tar\",\"bytes\":3072,\"samples\":[{\"key\":\"d/a\",\"image\":\"seg.png\","
                + "\"extra\":[]},{\"key\":\"b\",\"image\":\"jpg\",\"label\":null}]}]}");
        assertEquals(List.of(new ShardIndex.Sample("d/a", "seg.png", null), new ShardIndex.Sample("b", "jpg", null)),
                index.shards().get(0).samples());
        assertEquals(3072, index.shards().get(0).bytes());
    }
}
