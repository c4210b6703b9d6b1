package io.jdatagen.s3;

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
import io.jdatagen.shards.ShardWriter;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shards in a real S3-compatible server (S3Proxy over a folder), read through the AWS SDK. */
class S3ShardsTest {
    private static final ImageDataGenerator GENERATOR = ImageDataGenerator.builder().rotationRange(15)
            .horizontalFlip(true).build();

    @Test
    void shardsListedFromAPrefixGiveTheFoldersBatchesThroughADroppedConnection(@TempDir Path root) throws Exception {
        Path folder = root.resolve("folder");
        List<Path> written = writeImages(folder, root.resolve("shards"), 2, 9);
        assertTrue(written.size() >= 3, "the fixture writes several shards: " + written);
        try (S3Server server = new S3Server(Files.createDirectories(root.resolve("store")))) {
            server.store.createContainerInLocation(null, "data");
            for (Path shard : written) {
                put(server, "data", "train/" + shard.getFileName(), Files.readAllBytes(shard));
            }
            put(server, "data", "train/notes.txt", "not a shard".getBytes(StandardCharsets.UTF_8));
            put(server, "data", "test/shard-000000.tar", Files.readAllBytes(written.get(0)));
            // The shard of the sample with a large extra member is larger than the server's output buffer, so
            // that the cut falls after the answer's head: GET 1 lists it, GET 2 reads it for the epoch and is cut.
            String large = "train/" + written.stream().filter(p -> size(p) > 100_000).findFirst().orElseThrow()
                    .getFileName();
            server.dropOnce(large, 2);
            S3Shards s3 = server.shards().retries(3, Duration.ofMillis(10));
            List<String> shards = s3.list("s3://data/train/");
            assertEquals(written.stream().map(p -> "s3://data/train/" + p.getFileName()).toList(), shards);
            try (StreamFlow stream = s3.shards(shards).flow(GENERATOR.augmenter(), FlowOptions.stream()
                            .targetSize(24, 24).batchSize(5).seed(3).shuffleBuffer(4).classMode("sparse"));
                    FileFlow files = GENERATOR.flowFromDirectory(folder, FlowOptions.directory().targetSize(24, 24)
                            .batchSize(5).seed(3).classMode("sparse").order(stream.order(0)))) {
                Sequence<Batch> s = stream.atEpoch(0);
                Sequence<Batch> d = files.atEpoch(0);
                assertEquals(d.size(), s.size());
                for (int k = 0; k < s.size(); k++) {
                    assertArrayEquals(d.get(k).xTensor().data(), s.get(k).xTensor().data(), "batch " + k);
                    assertArrayEquals(d.get(k).y().data(), s.get(k).y().data(), "labels of batch " + k);
                }
            }
            assertEquals(1, server.ranges.size(), server.ranges.toString());
            String range = server.ranges.get(0);
            assertTrue(range.startsWith(large + " bytes=") && !range.endsWith("bytes=0-"), range);
        }
    }

    @Test
    void withTheIndexMakingTheFlowIsOneGetAndAnEpochOneGetAShardGivingTheFoldersBatches(@TempDir Path root)
            throws Exception {
        Path folder = root.resolve("folder");
        Path shardFolder = root.resolve("shards");
        List<Path> written = writeImages(folder, shardFolder, 2, 9);
        try (S3Server server = new S3Server(Files.createDirectories(root.resolve("store")))) {
            server.store.createContainerInLocation(null, "data");
            for (Path shard : written) {
                put(server, "data", "train/" + shard.getFileName(), Files.readAllBytes(shard));
            }
            put(server, "data", "train/shards.json", Files.readAllBytes(shardFolder.resolve("shards.json")));
            String large = "train/" + written.stream().filter(p -> size(p) > 100_000).findFirst().orElseThrow()
                    .getFileName();
            // With the index, GET 1 of the large shard is the epoch's read: cut halfway and resumed.
            server.dropOnce(large, 1);
            S3Shards s3 = server.shards().retries(3, Duration.ofMillis(10));
            try (StreamFlow stream = s3.indexed("s3://data/train/shards.json").flow(GENERATOR.augmenter(),
                            FlowOptions.stream().targetSize(24, 24).batchSize(5).seed(3).shuffleBuffer(4)
                                    .classMode("sparse"));
                    FileFlow files = GENERATOR.flowFromDirectory(folder, FlowOptions.directory().targetSize(24, 24)
                            .batchSize(5).seed(3).classMode("sparse").order(stream.order(0)))) {
                assertEquals(Map.of("train/shards.json", 1), server.gets());
                Sequence<Batch> s = stream.atEpoch(0);
                Sequence<Batch> d = files.atEpoch(0);
                assertEquals(d.size(), s.size());
                for (int k = 0; k < s.size(); k++) {
                    Batch a = s.get(k);
                    Batch b = d.get(k);
                    assertArrayEquals(b.xTensor().data(), a.xTensor().data(), "batch " + k);
                    assertArrayEquals(b.y().data(), a.y().data(), "labels of batch " + k);
                }
            }
            Map<String, Integer> expected = new java.util.TreeMap<>(Map.of("train/shards.json", 1));
            written.forEach(p -> expected.put("train/" + p.getFileName(), 1));
            expected.put(large, 2);
            assertEquals(expected, server.gets());
            assertEquals(1, server.ranges.size(), server.ranges.toString());
            assertTrue(server.ranges.get(0).startsWith(large + " bytes=") && !server.ranges.get(0).endsWith("=0-"),
                    server.ranges.toString());

            // A shard replaced after the index was written: refused when opened, naming both.
            put(server, "data", "train/" + written.get(0).getFileName(), Files.readAllBytes(written.get(1)));
            assertTrue(size(written.get(0)) != size(written.get(1)));
            try (StreamFlow stale = s3.indexed("s3://data/train/shards.json").flow(GENERATOR.augmenter(),
                    FlowOptions.stream().targetSize(24, 24).batchSize(18).seed(3).classMode("sparse"))) {
                RuntimeException e = assertThrows(RuntimeException.class, () -> stale.atEpoch(0).get(0));
                StringBuilder messages = new StringBuilder();
                for (Throwable t = e; t != null; t = t.getCause()) {
                    messages.append(t.getMessage()).append(" | ");
                }
                assertTrue(messages.indexOf("s3://data/train/" + written.get(0).getFileName()) >= 0
                        && messages.indexOf("s3://data/train/shards.json") >= 0, messages.toString());
            }
        }
    }

    @Test
    void anObjectReadThroughADroppedConnectionHasTheStoredBytes(@TempDir Path root) throws Exception {
        byte[] bytes = new byte[300_000];
        new SplittableRandom(5).nextBytes(bytes);
        try (S3Server server = new S3Server(Files.createDirectories(root.resolve("store")))) {
            server.store.createContainerInLocation(null, "blobs");
            put(server, "blobs", "x/blob.tar", bytes);
            server.dropOnce("x/blob.tar", 1);
            try (InputStream in = server.shards().retries(2, Duration.ZERO).open("s3://blobs/x/blob.tar")) {
                assertArrayEquals(bytes, in.readAllBytes());
            }
            assertEquals(List.of("x/blob.tar bytes=150000-"), server.ranges);
        }
    }

    @Test
    void aMissingShardFailsAtOnceNamingIt(@TempDir Path root) throws Exception {
        try (S3Server server = new S3Server(Files.createDirectories(root.resolve("store")))) {
            server.store.createContainerInLocation(null, "data");
            UncheckedIOException e = assertThrows(UncheckedIOException.class,
                    () -> server.shards().retries(3, Duration.ofMillis(10)).shards("s3://data/shard-000009.tar").list());
            assertTrue(e.getMessage().contains("s3://data/shard-000009.tar") && e.getMessage().contains("404"),
                    e.getMessage());
            assertTrue(server.shards().list("s3://data/none/").isEmpty());
        }
    }

    @Test
    void locationsAreCheckedAndSplit() {
        assertEquals(new S3Location("bucket", "a/b.tar"), S3Location.parse("s3://bucket/a/b.tar"));
        assertEquals(new S3Location("bucket", ""), S3Location.parse("S3://bucket"));
        assertEquals("s3://bucket/a/b.tar", S3Location.parse("s3://bucket/a/b.tar").toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> S3Location.parse("http://bucket/key"));
        assertTrue(e.getMessage().contains("http://bucket/key"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> S3Location.parse("s3:///key"));
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void put(S3Server server, String bucket, String key, byte[] bytes) {
        server.store.putBlob(bucket, server.store.blobBuilder(key).payload(bytes).contentLength(bytes.length).build());
    }

    /**
     * Writes {@code classes * perClass} random PNG and JPEG images into class folders ({@code c<k>/sNNNNN.ext},
     * so the folder flow lists sample {@code i} at index {@code i}) and as shards of about 8 KB with a
     * {@code .cls} label member each; sample 7 also has a 200 KB {@code .bin} member (a shard of its own).
     */
    static List<Path> writeImages(Path folder, Path shards, int classes, int perClass) throws IOException {
        SplittableRandom random = new SplittableRandom(42);
        try (ShardWriter writer = new ShardWriter(shards, 8 * 1024)) {
            for (int i = 0; i < classes * perClass; i++) {
                int c = i / perClass;
                String ext = i % 3 == 1 ? "jpg" : "png";
                String key = String.format(Locale.ROOT, "s%05d", i);
                byte[] image = image(random, 16 + random.nextInt(24), 16 + random.nextInt(24), ext);
                Path file = folder.resolve("c" + c).resolve(key + "." + ext);
                Files.createDirectories(file.getParent());
                Files.write(file, image);
                Map<String, byte[]> members = new LinkedHashMap<>();
                members.put(ext, image);
                members.put("cls", Integer.toString(c).getBytes(StandardCharsets.UTF_8));
                if (i == 7) {
                    // A member that is neither image nor label, skipped by the reader.
                    byte[] extra = new byte[200_000];
                    random.nextBytes(extra);
                    members.put("bin", extra);
                }
                writer.write(key, members);
            }
            writer.close();
            return writer.shards();
        }
    }

    private static byte[] image(SplittableRandom random, int width, int height, String format) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(1 << 24));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }
}
