package io.jdatagen.shards;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdatagen.data.Batch;
import io.jdatagen.data.Sequence;
import io.jdatagen.flow.FlowOptions;
import io.jdatagen.flow.StreamFlow;
import io.jdatagen.flow.StreamFlowOptions;
import io.jdatagen.image.ImageDataGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link TarShards#buildIndex}: the index of shards written without one, the same bytes {@link ShardWriter}
 * writes for its own shards, flows made from it that give the listed flow's batches, and the shards and
 * samples it refuses, named.
 */
class ShardIndexBuilderTest {
    private static final ImageDataGenerator GENERATOR = ImageDataGenerator.builder().rotationRange(20)
            .horizontalFlip(true).zoomRange(0.1).build();

    private static StreamFlowOptions options() {
        return FlowOptions.stream().targetSize(18, 18).batchSize(3).seed(11).shuffleBuffer(4).classMode("categorical");
    }

    private static Path tar(Path file, Object... nameAndContent) throws IOException {
        return ShardFixture.plainTar(file, nameAndContent);
    }

    private static byte[] png(int seed) throws IOException {
        return ShardFixture.image(new SplittableRandom(seed), 9, 7, false);
    }

    /**
     * Three shards as Python's webdataset might leave them: each sample's {@code .json} before its image,
     * labels in the field {@code species} (the {@code label} field holds something else), JPEG and PNG images,
     * keys under {@code train/}, a README and a sample without an image between samples.
     */
    private static List<String> thirdParty(Path folder) throws IOException {
        SplittableRandom random = new SplittableRandom(3);
        List<String> out = new ArrayList<>();
        int sample = 0;
        for (int s = 0; s < 3; s++) {
            List<Object> members = new ArrayList<>();
            members.add("train/README");
            members.add("not a sample");
            for (int k = 0; k < 5 + s; k++, sample++) {
                String key = String.format(Locale.ROOT, "train/img_%04d", sample);
                boolean jpeg = sample % 3 == 0;
                String species = new String[] {"cat", "dog", "owl"}[sample % 3];
                members.add(key + ".json");
                members.add("{\"label\": " + (1000 + sample) + ", \"species\": \"" + species + "\"}");
                members.add(key + (jpeg ? ".jpg" : ".png"));
                members.add(ShardFixture.image(random, 10 + random.nextInt(20), 10 + random.nextInt(20), jpeg));
                if (k == 1) {
                    members.add(String.format(Locale.ROOT, "train/meta_%d.json", s));
                    members.add("{\"species\": \"none: no image\"}");
                }
            }
            out.add(tar(folder.resolve(String.format(Locale.ROOT, "part-%03d.tar", s)), members.toArray()).toString());
        }
        return out;
    }

    @Test
    void theIndexOfTheWritersShardsIsTheBytesTheWriterWrote(@TempDir Path root) throws IOException {
        List<Path> shards = ShardFixture.written(root, 14, 16 * 1024);
        assertTrue(shards.size() > 2, "several shards: " + shards);
        byte[] written = Files.readAllBytes(root.resolve(ShardIndex.FILE_NAME));
        String pattern = root.resolve(String.format(Locale.ROOT, "shard-{000000..%06d}.tar", shards.size() - 1))
                .toString();
        assertArrayEquals(written, TarShards.of(TarShards.expand(pattern)).buildIndex().toJson());
        assertArrayEquals(written, TarShards.of(shards.stream().map(Path::toString).toList()).buildIndex().toJson());
    }

    @Test
    void thirdPartyShardsIndexedGiveTheListedFlowsBatches(@TempDir Path root) throws IOException {
        List<String> shards = thirdParty(root);
        ShardIndex index = TarShards.of(shards).jsonLabel("species").buildIndex();
        assertEquals(List.of("part-000.tar", "part-001.tar", "part-002.tar"),
                index.shards().stream().map(ShardIndex.Shard::name).toList());
        assertEquals(Files.size(Path.of(shards.get(1))), index.shards().get(1).bytes());
        assertEquals(List.of(5, 6, 7), index.shards().stream().map(s -> s.samples().size()).toList());
        assertEquals(new ShardIndex.Sample("train/img_0000", "jpg", "cat"), index.shards().get(0).samples().get(0));
        assertEquals(new ShardIndex.Sample("train/img_0005", "png", "owl"), index.shards().get(1).samples().get(0));
        byte[] json = index.toJson();
        assertTrue(new String(json, StandardCharsets.UTF_8).contains("\"jsonLabel\":\"species\""));
        assertArrayEquals(json, ShardIndexReader.read(new java.io.ByteArrayInputStream(json), "built").toJson());
        Path file = Files.write(root.resolve(ShardIndex.FILE_NAME), json);

        try (StreamFlow indexed = TarShards.indexed(file.toString()).jsonLabel("species")
                        .flow(GENERATOR.augmenter(), options());
                StreamFlow listed = TarShards.of(shards).jsonLabel("species").flow(GENERATOR.augmenter(), options())) {
            assertEquals(18, indexed.samples());
            assertEquals(listed.filenames(), indexed.filenames());
            assertEquals(listed.classIndices(), indexed.classIndices());
            assertEquals(List.of("cat", "dog", "owl"), List.copyOf(indexed.classIndices().keySet()));
            for (int epoch = 0; epoch < 2; epoch++) {
                Sequence<Batch> a = indexed.atEpoch(epoch);
                Sequence<Batch> b = listed.atEpoch(epoch);
                assertEquals(b.size(), a.size());
                for (int k = 0; k < a.size(); k++) {
                    assertArrayEquals(b.get(k).xTensor().data(), a.get(k).xTensor().data(), "epoch " + epoch + " batch " + k);
                    assertArrayEquals(b.get(k).y().data(), a.get(k).y().data(), "labels, epoch " + epoch + " batch " + k);
                }
            }
        }
        // The index's labels are of the field it names: read with the default field, the flow refuses it.
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TarShards.indexed(file.toString()).list());
        assertTrue(e.getMessage().contains("species"), e.getMessage());
    }

    @Test
    void shardsServedOverHttpGiveTheIndexOfTheSameFilesDespiteADroppedConnection(@TempDir Path root)
            throws IOException {
        List<String> shards = thirdParty(root);
        byte[] local = TarShards.of(shards).jsonLabel("species").buildIndex().toJson();
        try (ShardServer server = new ShardServer(root)) {
            server.dropOnce("part-001.tar", 1);
            List<String> urls = shards.stream().map(s -> server.url(Path.of(s).getFileName().toString())).toList();
            byte[] remote = TarShards.of(urls).jsonLabel("species").retries(3, java.time.Duration.ZERO).buildIndex()
                    .toJson();
            assertArrayEquals(local, remote);
            assertEquals(java.util.Map.of("part-000.tar", 1, "part-001.tar", 2, "part-002.tar", 1), server.requests());
            assertEquals(1, server.ranges.size(), "the dropped shard resumed with a range request: " + server.ranges);
        }
    }

    @Test
    void aShardThatCannotBeReadFailsNamingIt(@TempDir Path root) throws IOException {
        List<String> shards = new ArrayList<>(thirdParty(root));
        String missing = root.resolve("part-009.tar").toString();
        shards.add(1, missing);
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> TarShards.of(shards).buildIndex());
        assertTrue(e.getMessage().contains(missing), e.getMessage());
    }

    @Test
    void aSampleWithoutALabelIsIndexedWithoutOneAndRefusedAsTheListedFlowRefusesIt(@TempDir Path root)
            throws IOException {
        Path shard = tar(root.resolve("s.tar"), "train/a.png", png(1), "train/a.cls", "0",
                "train/b.png", png(2), "train/b.json", "{\"id\": 4}", "train/c.cls", "1", "train/c.png", png(3));
        ShardIndex index = TarShards.of(shard.toString()).buildIndex();
        List<ShardIndex.Sample> samples = index.shards().get(0).samples();
        assertEquals("0", samples.get(0).label());
        assertNull(samples.get(1).label());
        assertEquals("train/b", samples.get(1).key());
        Path file = Files.write(root.resolve(ShardIndex.FILE_NAME), index.toJson());
        IllegalArgumentException fromIndex = assertThrows(IllegalArgumentException.class,
                () -> TarShards.indexed(file.toString()).flow(GENERATOR.augmenter(), options()));
        IllegalArgumentException fromListing = assertThrows(IllegalArgumentException.class,
                () -> TarShards.of(shard.toString()).flow(GENERATOR.augmenter(), options()));
        assertEquals(fromListing.getMessage(), fromIndex.getMessage());
        assertTrue(fromIndex.getMessage().contains("s.tar/train/b.png has no label"), fromIndex.getMessage());
        // A mapping given to the flow labels what the index leaves unlabelled.
        try (StreamFlow mapped = TarShards.indexed(file.toString())
                .labels(java.util.Map.of("train/a", "x", "train/b", "y", "train/c", "x"))
                .flow(GENERATOR.augmenter(), options())) {
            assertEquals(3, mapped.samples());
            assertEquals(List.of("x", "y"), List.copyOf(mapped.classIndices().keySet()));
        }
    }

    @Test
    void samplesTheIndexCannotHoldFailNamingTheShardAndTheKey(@TempDir Path root) throws IOException {
        Path upper = tar(root.resolve("upper.tar"), "train/a.png", png(1), "train/a.cls", "0",
                "train/IMG_7.JPG", png(2), "train/IMG_7.cls", "1");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TarShards.of(upper.toString()).buildIndex());
        assertTrue(e.getMessage().contains("train/IMG_7") && e.getMessage().contains(upper.toString())
                && e.getMessage().contains("IMG_7.JPG"), e.getMessage());

        String longKey = "train/" + "k".repeat(ShardIndex.MAX_KEY);
        Path tooLong = tar(root.resolve("long.tar"), longKey + ".png", png(1));
        e = assertThrows(IllegalArgumentException.class, () -> TarShards.of(tooLong.toString()).buildIndex());
        assertTrue(e.getMessage().contains(tooLong.toString()) && e.getMessage().contains("train/kkkk"),
                e.getMessage());
        assertTrue(e.getMessage().length() < 1000, "the key abbreviated: " + e.getMessage().length());

        Path badLabel = tar(root.resolve("bad.tar"), "train/x.png", png(1), "train/x.cls", "cat");
        e = assertThrows(IllegalArgumentException.class, () -> TarShards.of(badLabel.toString()).buildIndex());
        assertTrue(e.getMessage().contains("train/x.cls") && e.getMessage().contains(badLabel.toString()),
                e.getMessage());
    }

    @Test
    void shardsTheIndexCannotNameAreRefusedBeforeAnyIsRead(@TempDir Path root) {
        // None of these files exists: each is refused before a shard is opened.
        String a = root.resolve("a/shard-000000.tar").toString();
        String b = root.resolve("b/shard-000001.tar").toString();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TarShards.of(a, b).buildIndex());
        assertTrue(e.getMessage().contains("one folder") && e.getMessage().contains(a) && e.getMessage().contains(b),
                e.getMessage());
        String again = root.resolve("a/../a/shard-000000.tar").toString();
        e = assertThrows(IllegalArgumentException.class, () -> TarShards.of(a, again).buildIndex());
        assertTrue(e.getMessage().contains("distinct file names") && e.getMessage().contains(again), e.getMessage());
        String spaced = root.resolve("a/my shard.tar").toString();
        e = assertThrows(IllegalArgumentException.class, () -> TarShards.of(a, spaced).buildIndex());
        assertTrue(e.getMessage().contains(spaced), e.getMessage());

        IllegalStateException indexed = assertThrows(IllegalStateException.class,
                () -> TarShards.indexed(root.resolve(ShardIndex.FILE_NAME).toString()).buildIndex());
        assertTrue(indexed.getMessage().contains(ShardIndex.FILE_NAME), indexed.getMessage());
    }

    @Test
    void aShardWhoseStoreDoesNotReportItsSizeIsRefusedNamingIt(@TempDir Path root) throws IOException {
        List<String> shards = thirdParty(root);
        String location = "plain://" + shards.get(0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TarShards.of(location)
                .opener("plain", l -> Files.newInputStream(Path.of(l.substring("plain://".length())))).buildIndex());
        assertTrue(e.getMessage().contains(location) && e.getMessage().contains("size"), e.getMessage());
    }

    @Test
    void foldersOfPathsAndAddresses() {
        assertEquals(ShardIndexBuilder.folderOf("/data/x/s.tar"), ShardIndexBuilder.folderOf("/data/x/../x/t.tar"));
        assertEquals("https://h/data/", ShardIndexBuilder.folderOf("https://h/data/s.tar?sig=a/b"));
        assertEquals("s3://bucket/train/", ShardIndexBuilder.folderOf("s3://bucket/train/s.tar"));
    }
}
