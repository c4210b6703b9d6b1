package io.jdatagen.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdatagen.flow.ShardSource;
import io.jdatagen.image.ImageDataGenerator;
import io.jdatagen.io.ByteImage;
import io.jdatagen.io.ImageWriter;
import io.jdatagen.shards.ShardIndex;
import io.jdatagen.shards.ShardPlan;
import io.jdatagen.shards.ShardWriter;
import io.jdatagen.shards.TarShards;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link OfflineAugmentation#writeShards} on Spark's {@code local[2,2]} master (two threads, a task tried at
 * most twice): the shards' names and bytes depend on the samples alone, not on the partitioning, the run or
 * a retried task.
 */
class ShardJobsTest {
    private static final int PER_CLASS = 30;
    private static final long TARGET = 8 * 1024;
    private static SparkSession spark;
    @TempDir
    static Path work;
    private static Path tree;

    @BeforeAll
    static void start() throws IOException {
        tree = work.resolve("images");
        SplittableRandom r = new SplittableRandom(9);
        for (String label : List.of("cats", "dogs")) {
            for (int i = 0; i < PER_CLASS; i++) {
                byte[] pixels = new byte[8 * 8 * 3];
                r.nextBytes(pixels);
                ImageWriter.write(new ByteImage(pixels, 8, 8, 3), tree.resolve(label).resolve("img_" + i + ".png"), "png");
            }
        }
        spark = SparkSession.builder().master("local[2,2]").appName("jdatagen-shard-test")
                .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1").config("spark.sql.shuffle.partitions", "3")
                .getOrCreate();
        spark.sparkContext().hadoopConfiguration().set("fs.flaky.impl", FlakyFileSystem.class.getName());
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    private static Dataset<Row> images(int partitions) {
        return ImageTable.read(spark, tree.toUri().toString()).repartition(partitions);
    }

    private static OfflineAugmentation job() {
        return new OfflineAugmentation(ImageDataGenerator.builder().rotationRange(30).horizontalFlip(true).build(),
                ImageReading.of(8, 8), 2, 42, "png");
    }

    @Test
    void shardsAreTheSameBytesForOneAndThreePartitionsAndHoldEveryCopyInKeyOrder() throws IOException {
        OfflineAugmentation job = job();
        Path one = work.resolve("one");
        Path three = work.resolve("three");
        int count = job.writeShards(job.augment(images(1)), one.toUri().toString(), TARGET);
        assertEquals(count, job.writeShards(job.augment(images(3)), three.toUri().toString(), TARGET));
        assertTrue(count > 2, "several shards: " + count);
        List<String> names = IntStream.range(0, count).mapToObj(ShardPlan::name).toList();
        List<String> files = new ArrayList<>(names);
        files.add(ShardIndex.FILE_NAME);
        assertEquals(files, listing(one), "only the shards and their index: no .crc or other side files");
        assertEquals(files, listing(three));
        for (String name : files) {
            assertArrayEquals(Files.readAllBytes(one.resolve(name)), Files.readAllBytes(three.resolve(name)),
                    "1 vs 3 partitions: " + name);
            assertTrue(name.equals(ShardIndex.FILE_NAME) || Files.size(one.resolve(name)) <= TARGET,
                    name + " within the target");
        }

        Map<String, byte[]> expected = new TreeMap<>();
        for (Row row : job.augment(images(2)).collectAsList()) {
            String key = row.getString(row.fieldIndex("key"));
            int copy = row.getInt(row.fieldIndex("copy"));
            expected.put(key.replace(".png", "_" + copy + ".png"), (byte[]) row.get(row.fieldIndex("image")));
        }
        List<String> members = new ArrayList<>();
        for (String name : names) {
            try (InputStream in = Files.newInputStream(one.resolve(name));
                    TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
                TarArchiveEntry e;
                while ((e = tar.getNextEntry()) != null) {
                    members.add(e.getName());
                    assertEquals(0, e.getLastModifiedDate().getTime());
                    assertEquals(0100644, e.getMode());
                    assertEquals(0, e.getLongUserId());
                    byte[] bytes = tar.readAllBytes();
                    if (e.getName().endsWith(".png")) {
                        assertArrayEquals(expected.get(e.getName()), bytes, e.getName());
                    } else {
                        String label = e.getName().substring(0, e.getName().indexOf('/'));
                        assertEquals("{\"label\":\"" + label + "\"}", new String(bytes, StandardCharsets.UTF_8));
                    }
                }
            }
        }
        List<String> order = new ArrayList<>();
        for (String image : expected.keySet().stream().sorted(ShardJobsTest::byKeyThenCopy).toList()) {
            order.add(image);
            order.add(image.replace(".png", ".json"));
        }
        assertEquals(order, members, "every copy once, in (key, copy) order, image then label");

        ShardSource read = TarShards.of(names.stream().map(n -> one.resolve(n).toString()).toList()).list();
        int samples = 0;
        for (int s = 0; s < count; s++) {
            for (ShardSource.Member m : read.samples(s)) {
                assertEquals(m.name().contains("/cats/") ? "cats" : "dogs", m.label(), m.name());
                samples++;
            }
        }
        assertEquals(2 * 2 * PER_CLASS, samples, "TarShards reads every copy back with its label");

        // The driver's index: what listing the shards finds, with their sizes, and the same bytes as the
        // index ShardWriter writes for the same samples in the same order.
        ShardSource indexed = TarShards.indexed(one.resolve(ShardIndex.FILE_NAME).toString()).list();
        assertEquals(read.shards(), indexed.shards());
        for (int s = 0; s < count; s++) {
            assertEquals(read.samples(s), indexed.samples(s), names.get(s));
        }
        Path local = work.resolve("writer");
        try (ShardWriter writer = new ShardWriter(local, TARGET)) {
            for (String name : names) {
                try (InputStream in = Files.newInputStream(one.resolve(name));
                        TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
                    Map<String, byte[]> sample = new LinkedHashMap<>();
                    String key = null;
                    for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                        String k = e.getName().substring(0, e.getName().lastIndexOf('.'));
                        if (key != null && !key.equals(k)) {
                            writer.write(key, sample);
                            sample = new LinkedHashMap<>();
                        }
                        key = k;
                        sample.put(e.getName().substring(e.getName().lastIndexOf('.') + 1), tar.readAllBytes());
                    }
                    writer.write(key, sample);
                }
            }
        }
        assertArrayEquals(Files.readAllBytes(local.resolve(ShardIndex.FILE_NAME)),
                Files.readAllBytes(one.resolve(ShardIndex.FILE_NAME)));
    }

    @Test
    void aShardTaskThatFailsPartWayIsRetriedAndTheShardsAreTheSameBytes() throws IOException {
        OfflineAugmentation job = job();
        Path clean = work.resolve("clean");
        Path retried = work.resolve("retried");
        int count = job.writeShards(job.augment(images(2)), clean.toUri().toString(), TARGET);
        FlakyFileSystem.FAILED.set(0);
        FlakyFileSystem.failing = ShardPlan.name(1);
        try {
            assertEquals(count, job.writeShards(job.augment(images(3)), "flaky://" + retried.toAbsolutePath(), TARGET));
        } finally {
            FlakyFileSystem.failing = "";
        }
        assertEquals(1, FlakyFileSystem.FAILED.get(), "the task writing shard 1 failed once, part-way");
        assertEquals(listing(clean), listing(retried));
        assertTrue(listing(clean).contains(ShardIndex.FILE_NAME), listing(clean).toString());
        for (String name : listing(clean)) {
            assertArrayEquals(Files.readAllBytes(clean.resolve(name)), Files.readAllBytes(retried.resolve(name)),
                    "clean run vs run with a retried task: " + name);
        }
    }

    @Test
    void aTargetUnderTwoTarBlocksIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> job().writeShards(job().augment(images(1)), work.resolve("none").toUri().toString(), 1000));
        assertTrue(e.getMessage().contains("1000"), e.getMessage());
    }

    /** Orders {@code label/img_i_k.png} names by the source key {@code label/img_i.png}, then by copy. */
    private static int byKeyThenCopy(String a, String b) {
        int c = source(a).compareTo(source(b));
        return c != 0 ? c : Integer.compare(copy(a), copy(b));
    }

    private static String source(String name) {
        return name.substring(0, name.lastIndexOf('_')) + ".png";
    }

    private static int copy(String name) {
        return Integer.parseInt(name.substring(name.lastIndexOf('_') + 1, name.lastIndexOf('.')));
    }

    private static List<String> listing(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).map(p -> folder.relativize(p).toString()).sorted().toList();
        }
    }
}
