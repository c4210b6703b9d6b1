package io.jdatagen.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdatagen.core.Tensor;
import io.jdatagen.data.Batch;
import io.jdatagen.data.RandomKeys;
import io.jdatagen.image.FeaturewiseStatistics;
import io.jdatagen.image.ImageDataGenerator;
import io.jdatagen.io.ByteImage;
import io.jdatagen.io.ImageFileReader;
import io.jdatagen.io.ImageWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FilterFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark jobs in local mode (two task threads, tasks retried up to three times) on a generated
 * image tree of two classes.
 */
class SparkJobsTest {
    private static final int PER_CLASS = 70;
    private static final List<String> CLASSES = List.of("cats", "dogs");
    private static final AtomicInteger INJECTED_FAILURES = new AtomicInteger();
    private static SparkSession spark;
    @TempDir
    static Path work;
    private static Path tree;

    @BeforeAll
    static void start() throws IOException {
        tree = work.resolve("images");
        SplittableRandom r = new SplittableRandom(4);
        for (String label : CLASSES) {
            for (int i = 0; i < PER_CLASS; i++) {
                int h = 7 + r.nextInt(4);
                int w = 7 + r.nextInt(4);
                byte[] pixels = new byte[h * w * 3];
                for (int k = 0; k < pixels.length; k++) {
                    pixels[k] = (byte) (label.equals("cats") ? r.nextInt(160) : 90 + r.nextInt(166));
                }
                ImageWriter.write(new ByteImage(pixels, h, w, 3), tree.resolve(label).resolve("img_" + i + ".png"), "png");
            }
        }
        Files.writeString(tree.resolve("cats").resolve("notes.txt"), "not an image");
        spark = SparkSession.builder().master("local[2,3]").appName("jdatagen-spark-test")
                .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1").config("spark.sql.shuffle.partitions", "3")
                .getOrCreate();
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

    @Test
    void theTableHasOneRowPerImageWithItsClass() {
        List<Row> rows = ImageTable.read(spark, tree.toString()).select(ImageTable.LABEL, ImageTable.KEY)
                .collectAsList();
        assertEquals(2 * PER_CLASS, rows.size(), "every image, and nothing else");
        for (Row row : rows) {
            String label = row.getString(0);
            assertTrue(CLASSES.contains(label), label);
            assertTrue(row.getString(1).matches(label + "/img_\\d+\\.png"), row.getString(1));
        }
    }

    @Test
    void distributedStatisticsEqualSingleNodeFit() {
        ImageReading reading = ImageReading.of(6, 6);
        checkFit(ImageDataGenerator.builder().featurewiseCenter(true).featurewiseStdNormalization(true)
                .rescale(1 / 255.0).build(), reading);
        checkFit(ImageDataGenerator.builder().zcaWhitening(true).rescale(1 / 255.0).build(), reading);
    }

    private static void checkFit(ImageDataGenerator gen, ImageReading reading) {
        FeaturewiseStatistics distributed = DistributedFit.fit(images(3), gen, reading);

        ImageFileReader reader = reading.reader();
        List<Path> files = files(tree);
        Tensor all = Tensor.zeros(files.size(), 6, 6, 3);
        for (int i = 0; i < files.size(); i++) {
            all.setItem(i, ImageReading.tensor(reader.load(files.get(i)), gen));
        }
        ImageDataGenerator single = gen.toBuilder().build();
        single.fit(all);
        FeaturewiseStatistics expected = single.statistics();
        assertClose(expected.mean(), distributed.mean(), 1e-6, "mean");
        assertClose(expected.std(), distributed.std(), 1e-6, "std");
        assertClose(expected.zcaWhitening(), distributed.zcaWhitening(), 1e-4, "ZCA matrix");
    }

    @Test
    void augmentedFilesDependOnSeedImageAndCopyOnly() throws IOException {
        OfflineAugmentation job = new OfflineAugmentation(augmenting(), ImageReading.of(8, 8), 2, 42, "png");
        Path one = work.resolve("one-partition");
        Path three = work.resolve("three-partitions");
        job.write(job.augment(images(1)), one.toUri().toString());
        job.write(job.augment(images(3)), three.toUri().toString());
        Map<String, byte[]> first = contents(one);
        assertEquals(2 * 2 * PER_CLASS, first.size(), "two copies of every image");
        assertTrue(first.containsKey("cats/img_3_1.png") && first.containsKey("dogs/img_0_2.png"), "class folders kept");
        assertTrue(first.keySet().stream().allMatch(f -> f.matches("(cats|dogs)/img_\\d+_[12]\\.png")),
                "copies numbered 1 to N, as the CLI's augment numbers them: " + first.keySet());
        try (var all = Files.walk(one)) {
            assertTrue(all.noneMatch(f -> f.getFileName().toString().endsWith(".crc")), "no .crc side files");
        }
        assertSameFiles(first, contents(three), "1 vs 3 partitions");
        assertTrue(!java.util.Arrays.equals(first.get("cats/img_3_1.png"), first.get("cats/img_3_2.png")),
                "copies differ");

        ImageDataGenerator gen = augmenting();
        ByteImage source = ImageReading.reading(ImageReading.of(8, 8), tree.resolve("cats/img_3.png"));
        Tensor slot = Tensor.zeros(1, 8, 8, 3);
        gen.augmentInto(source.toSource(), RandomKeys.forSample(42, 1, SampleKeys.of("cats/img_3.png")), slot, 0);
        ByteImage written = ImageReading.of(8, 8).reader().load(one.resolve("cats/img_3_1.png"));
        assertArrayEquals(ImageWriter.toPixels(slot.item(0), gen.dataFormat()).data(), written.data(),
                "copy 1 of cats/img_3 is the generator's transform keyed by (42, 1, key)");
    }

    @Test
    void aTaskThatFailsAndIsRetriedWritesTheSameFiles() throws IOException {
        OfflineAugmentation job = new OfflineAugmentation(augmenting(), ImageReading.of(8, 8), 2, 42, "png");
        Path clean = work.resolve("clean");
        Path retried = work.resolve("retried");
        job.write(job.augment(images(2)), clean.toUri().toString());
        INJECTED_FAILURES.set(0);
        Dataset<Row> failing = job.augment(images(2)).filter((FilterFunction<Row>) row -> {
            TaskContext task = TaskContext.get();
            if (task.partitionId() == 0 && task.attemptNumber() == 0 && Columns.<Integer>get(row, OfflineAugmentation.augmentedSchema(), OfflineAugmentation.COPY) == 1
                    && INJECTED_FAILURES.incrementAndGet() == 5) {
                throw new IllegalStateException("injected failure after some files were written");
            }
            return true;
        });
        job.write(failing, retried.toUri().toString());
        assertEquals(5, INJECTED_FAILURES.get(), "the first attempt failed once, part-way");
        assertSameFiles(contents(clean), contents(retried), "clean run vs run with a retried task");
    }

    @Test
    void tensorRowsBecomeBatches() {
        ImageDataGenerator gen = augmenting().toBuilder().rescale(1 / 255.0).build();
        OfflineAugmentation job = new OfflineAugmentation(gen, ImageReading.of(8, 8), 1, 7, "png");
        Dataset<Row> tensors = job.tensors(images(2));
        List<int[]> batches = tensors.javaRDD().mapPartitions(rows -> {
            List<int[]> summary = new ArrayList<>();
            TensorBatches.of(rows, 16, CLASSES).forEachRemaining(b -> summary.add(summary(b)));
            return summary.iterator();
        }).collect();
        int images = batches.stream().mapToInt(b -> b[0]).sum();
        assertEquals(2 * PER_CLASS, images);
        for (int[] b : batches) {
            assertTrue(b[0] <= 16 && b[1] == b[0], "one-hot rows sum to one: " + java.util.Arrays.toString(b));
        }
        Row row = tensors.filter("key = 'dogs/img_5.png'").first();
        Batch one = TensorBatches.of(List.of(row).iterator(), 4, CLASSES).next();
        assertArrayEquals(new int[] {1, 8, 8, 3}, one.x().shape());
        assertArrayEquals(new float[] {0, 1}, one.y().data());
        Tensor slot = Tensor.zeros(1, 8, 8, 3);
        gen.augmentInto(ImageReading.reading(ImageReading.of(8, 8), tree.resolve("dogs/img_5.png")).toSource(),
                RandomKeys.forSample(7, 1, SampleKeys.of("dogs/img_5.png")), slot, 0);
        assertArrayEquals(slot.data(), one.xTensor().data(), "the row holds the generator's output, standardized");
        assertThrows(IllegalArgumentException.class, () -> new OfflineAugmentation(gen, ImageReading.of(8, 8), 1, 7,
                "png").augment(images(1)), "encoded images refuse a rescaling generator");
    }

    private static int[] summary(Batch b) {
        float ones = 0;
        for (float v : b.y().data()) {
            ones += v;
        }
        return new int[] {b.size(), (int) ones};
    }

    private static ImageDataGenerator augmenting() {
        return ImageDataGenerator.builder().rotationRange(30).zoomRange(0.2).horizontalFlip(true)
                .fillMode("reflect").build();
    }

    private static List<Path> files(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(".png")).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Map<String, byte[]> contents(Path root) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        for (Path p : files(root)) {
            out.put(root.relativize(p).toString(), Files.readAllBytes(p));
        }
        return out;
    }

    private static void assertSameFiles(Map<String, byte[]> expected, Map<String, byte[]> actual, String what) {
        assertEquals(expected.keySet(), actual.keySet(), what + ": the same files");
        for (String name : expected.keySet()) {
            assertArrayEquals(expected.get(name), actual.get(name), what + ": " + name);
        }
    }

    private static void assertClose(double[] expected, double[] actual, double tolerance, String what) {
        if (expected == null) {
            assertEquals(null, actual, what);
            return;
        }
        assertEquals(expected.length, actual.length, what);
        double scale = 0;
        for (double v : expected) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int k = 0; k < expected.length; k++) {
            assertEquals(expected[k], actual[k], tolerance * Math.max(1, scale), what + " [" + k + "]");
        }
    }
}
