package io.jdatagen.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdatagen.core.DataFormat;
import io.jdatagen.core.Tensor;
import io.jdatagen.data.Batch;
import io.jdatagen.data.RandomKeys;
import io.jdatagen.io.ByteImage;
import io.jdatagen.io.ImageWriter;
import io.jdatagen.layers.CenterCrop;
import io.jdatagen.layers.KerasPipeline;
import io.jdatagen.layers.MixUp;
import io.jdatagen.layers.Normalization;
import io.jdatagen.layers.RandomContrast;
import io.jdatagen.layers.RandomFlip;
import io.jdatagen.layers.RandomRotation;
import io.jdatagen.layers.RandomZoom;
import io.jdatagen.layers.Rescaling;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark jobs with Keras 3 layers (a {@link KerasPipeline} shipped to the tasks as its JSON), in local mode on a
 * small generated image tree: the same images as the pipeline run in this JVM with the same keyed streams, with 1
 * and 3 partitions.
 */
class KerasLayerJobsTest {
    private static final int PER_CLASS = 6;
    private static final List<String> CLASSES = List.of("cats", "dogs");
    private static final ImageReading READING = ImageReading.of(8, 8);
    private static SparkSession spark;
    @TempDir
    static Path work;
    private static Path tree;

    @BeforeAll
    static void start() {
        tree = work.resolve("images");
        SplittableRandom r = new SplittableRandom(5);
        for (String label : CLASSES) {
            for (int i = 0; i < PER_CLASS; i++) {
                int h = 7 + r.nextInt(4);
                int w = 7 + r.nextInt(4);
                byte[] pixels = new byte[h * w * 3];
                for (int k = 0; k < pixels.length; k++) {
                    pixels[k] = (byte) (label.equals("cats") ? r.nextInt(160) : 90 + r.nextInt(166));
                }
                ImageWriter.write(new ByteImage(pixels, h, w, 3), tree.resolve(label).resolve("img_" + i + ".png"),
                        "png");
            }
        }
        spark = SparkSession.builder().master("local[2]").appName("jdatagen-keras-layers-test")
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

    private static KerasPipeline stack(KerasPipeline.Mode mode) {
        return KerasPipeline.builder().layers(new RandomFlip(), new RandomRotation(0.2), new RandomZoom(0.2),
                new RandomContrast(new double[] {0.3, 0.3}, new double[] {0, 255}, null), new CenterCrop(6, 7))
                .mode(mode).build();
    }

    /** The source image of {@code key}, read as the jobs read it. */
    private static Tensor source(String key, DataFormat format) {
        return ImageReading.reading(READING, tree.resolve(key)).toSource().toTensor(format);
    }

    @Test
    void augmentedFilesAreTheLayersOutputForEachKeyWhateverThePartitioning() throws IOException {
        for (KerasPipeline.Mode mode : KerasPipeline.Mode.values()) {
            KerasPipeline layers = stack(mode);
            OfflineAugmentation job = new OfflineAugmentation(layers, READING, 2, 42, "png");
            Path one = work.resolve(mode + "-one");
            Path three = work.resolve(mode + "-three");
            job.write(job.augment(images(1)), one.toUri().toString());
            job.write(job.augment(images(3)), three.toUri().toString());
            Map<String, byte[]> first = contents(one);
            assertEquals(2 * 2 * PER_CLASS, first.size(), mode + ": two copies of every image");
            assertEquals(first.keySet(), contents(three).keySet(), mode.name());
            for (Map.Entry<String, byte[]> e : contents(three).entrySet()) {
                assertArrayEquals(first.get(e.getKey()), e.getValue(), mode + " 1 vs 3 partitions: " + e.getKey());
            }
            for (String key : List.of("cats/img_3.png", "dogs/img_0.png")) {
                for (int k = 1; k <= 2; k++) {
                    Tensor expected = layers.transformImage(source(key, DataFormat.CHANNELS_LAST),
                            RandomKeys.forSample(42, k, SampleKeys.of(key)));
                    assertArrayEquals(new int[] {6, 7, 3}, expected.shape());
                    String file = key.replace(".png", "_" + k + ".png");
                    ByteImage written = new ImageReading(6, 7, "rgb", "nearest").reader().load(one.resolve(file));
                    assertArrayEquals(ImageWriter.toPixels(expected, DataFormat.CHANNELS_LAST).data(), written.data(),
                            mode + ": " + file + " is the layers' output keyed by (42, " + k + ", key)");
                }
            }
        }
    }

    /** A Normalization adapted in the driver keeps its statistics on the executors, where the JSON is read again. */
    @Test
    void tensorRowsHoldEveryLayersOutputIncludingAnAdaptedNormalization() {
        Tensor sample = Tensor.zeros(2, 8, 8, 3);
        sample.setItem(0, source("cats/img_1.png", DataFormat.CHANNELS_LAST));
        sample.setItem(1, source("dogs/img_2.png", DataFormat.CHANNELS_LAST));
        KerasPipeline layers = KerasPipeline.of(new RandomFlip(), new RandomRotation(0.1), new Rescaling(1 / 255.0),
                new Normalization().adapt(sample));
        OfflineAugmentation job = new OfflineAugmentation(layers, READING, 1, 7, "png");
        Map<String, float[]> one = values(job.tensors(images(1)));
        Map<String, float[]> three = values(job.tensors(images(3)));
        assertEquals(2 * PER_CLASS, one.size());
        for (String key : one.keySet()) {
            assertArrayEquals(one.get(key), three.get(key), "1 vs 3 partitions: " + key);
            Tensor expected = layers.transformImage(source(key, DataFormat.CHANNELS_LAST),
                    RandomKeys.forSample(7, 1, SampleKeys.of(key)));
            assertArrayEquals(expected.data(), one.get(key), 0f, key + " is the layers' output, normalized");
        }
        assertThrows(IllegalArgumentException.class, () -> job.augment(images(1)),
                "encoded images refuse layers that make values fractional");
    }

    @Test
    void adaptIsKerassAdaptOverTheImagesAsTheyReachTheLayer() {
        KerasPipeline layers = KerasPipeline.of(new RandomFlip(), new Rescaling(1 / 255.0), new Normalization(),
                new RandomRotation(0.1));
        List<Path> files = files(tree);
        Tensor rescaled = Tensor.zeros(files.size(), 8, 8, 3);
        KerasPipeline before = KerasPipeline.of(new RandomFlip(), new Rescaling(1 / 255.0));
        for (int i = 0; i < files.size(); i++) {
            rescaled.setItem(i, before.transformImage(source(tree.relativize(files.get(i)).toString(),
                    DataFormat.CHANNELS_LAST), null));
        }
        Normalization expected = new Normalization().adapt(rescaled);
        for (int partitions : new int[] {1, 3}) {
            KerasPipeline adapted = DistributedFit.adapt(images(partitions), layers, READING);
            Normalization n = (Normalization) adapted.layers().get(2);
            assertClose(expected.mean(), n.mean(), partitions + " partitions: mean");
            assertClose(expected.variance(), n.variance(), partitions + " partitions: variance");
            assertEquals(layers.layers().get(3), adapted.layers().get(3), "the other layers are kept");
            KerasPipeline shipped = KerasPipeline.fromJson(adapted.toJson());
            assertArrayEquals(n.mean(), ((Normalization) shipped.layers().get(2)).mean(), "the JSON carries them");
        }
        assertNotEquals(0.0, expected.variance()[0]);
    }

    @Test
    void tensorBatchesRunMixUpOnTheBatchesWithFractionalLabels() {
        KerasPipeline perSample = KerasPipeline.of(new RandomFlip(), new Rescaling(1 / 255.0));
        String json = KerasPipeline.of(new MixUp(0.4)).toJson();
        Dataset<Row> tensors = new OfflineAugmentation(perSample, READING, 1, 3, "png").tensors(images(3));
        // Which rows a partition holds after repartition(3) is Spark's choice; the batches here are fixed instead:
        // one partition ordered by file name then class, so that every batch of 4 holds two cats and two dogs.
        Dataset<Row> ordered = tensors.coalesce(1).sortWithinPartitions(
                functions.regexp_replace(functions.col(ImageTable.KEY), "^[^/]*/", ""), functions.col(ImageTable.KEY));
        List<float[][]> batches = ordered.javaRDD().mapPartitions(rows -> {
            List<Row> all = new ArrayList<>();
            rows.forEachRemaining(all::add);
            int partition = TaskContext.getPartitionId();
            List<float[][]> out = new ArrayList<>();
            KerasPipeline mixing = KerasPipeline.fromJson(json);
            TensorBatches mixed = TensorBatches.of(all.iterator(), 4, CLASSES, json, 11, partition);
            TensorBatches plain = TensorBatches.of(all.iterator(), 4, CLASSES);
            for (int b = 0; mixed.hasNext(); b++) {
                Batch got = mixed.next();
                Batch expected = mixing.augmentBatch(plain.next(), RandomKeys.forSample(11, partition, b));
                out.add(new float[][] {got.xTensor().data(), expected.xTensor().data(), got.y().data(),
                    expected.y().data()});
            }
            return out.iterator();
        }).collect();
        int fractional = 0;
        int images = 0;
        for (float[][] b : batches) {
            assertArrayEquals(b[1], b[0], "images: augmentBatch with the batch's stream");
            assertArrayEquals(b[3], b[2], "labels: augmentBatch with the batch's stream");
            for (int i = 0; i < b[2].length; i += 2) {
                assertEquals(1f, b[2][i] + b[2][i + 1], 1e-6f, "a mixed label row sums to one");
                fractional += b[2][i] > 0 && b[2][i] < 1 ? 1 : 0;
                images++;
            }
        }
        assertEquals(2 * PER_CLASS, images);
        assertTrue(fractional > 0, "MixUp mixed some labels of different classes");
        assertThrows(IllegalArgumentException.class, () -> new OfflineAugmentation(KerasPipeline.of(new RandomFlip(),
                new MixUp()), READING, 1, 3, "png"), "copies are made one image at a time");
        assertThrows(IllegalArgumentException.class, () -> TensorBatches.of(List.<Row>of().iterator(), 4, CLASSES,
                perSample.toJson(), 1, 0), "per-sample layers run in the job");
    }

    private static Map<String, float[]> values(Dataset<Row> tensors) {
        Map<String, float[]> out = new TreeMap<>();
        for (Row row : tensors.collectAsList()) {
            out.put(row.getString(0), Columns.floats(row.get(4)));
        }
        return out;
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

    private static void assertClose(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int c = 0; c < expected.length; c++) {
            assertEquals(expected[c], actual[c], 1e-12 * Math.max(1, Math.abs(expected[c])), what + " [" + c + "]");
        }
    }
}
