package io.jdatagen.spark;

import io.jdatagen.image.ImageDataGenerator;
import io.jdatagen.io.ByteImage;
import io.jdatagen.io.ImageWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Not a test: the scaling figures of {@code docs/scale-out.md}, measured on demand with
 * {@code mvn -pl integrations/spark test -Dtest=ScalingMeasurement -Djdatagen.spark.scaling=true}.
 * The offline augmentation job (500×375 JPEGs to 224×224, two copies, JPEG output) and the
 * distributed fit, with one and with two executor cores (local mode), each after a warm-up run.
 */
@EnabledIfSystemProperty(named = "jdatagen.spark.scaling", matches = "true")
class ScalingMeasurement {
    private static final int IMAGES = Integer.getInteger("jdatagen.spark.scaling.images", 400);

    @Test
    void measure(@TempDir Path work) throws IOException {
        Path tree = work.resolve("images");
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < IMAGES; i++) {
            ImageWriter.write(photoLike(r, 375, 500), tree.resolve(i % 2 == 0 ? "a" : "b").resolve(i + ".jpg"),
                    "jpeg");
        }
        StringBuilder report = new StringBuilder();
        for (int cores : new int[] {1, 2}) {
            SparkSession spark = SparkSession.builder().master("local[" + cores + "]").appName("scaling")
                    .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
            try {
                Dataset<Row> images = ImageTable.read(spark, tree.toString()).repartition(8).cache();
                images.count();
                ImageReading reading = ImageReading.of(224, 224);
                OfflineAugmentation job = new OfflineAugmentation(ImageDataGenerator.builder().rotationRange(20)
                        .zoomRange(0.1).horizontalFlip(true).build(), reading, 2, 7, "jpeg");
                ImageDataGenerator normalize = ImageDataGenerator.builder().featurewiseCenter(true)
                        .featurewiseStdNormalization(true).build();
                job.write(job.augment(images), work.resolve("warm-up").toString());
                long c0 = System.nanoTime();
                long produced = job.augment(images).count();
                double compute = (System.nanoTime() - c0) / 1e9;
                long t0 = System.nanoTime();
                job.write(job.augment(images), work.resolve("out-" + cores).toString());
                double augment = (System.nanoTime() - t0) / 1e9;
                DistributedFit.fit(images, normalize, reading);
                long t1 = System.nanoTime();
                DistributedFit.fit(images, normalize, reading);
                double fit = (System.nanoTime() - t1) / 1e9;
                report.append(String.format(Locale.ROOT,
                        "cores=%d augment (decode, resize, 2 augmented copies, JPEG encode): %d outputs in %.2f s = %.0f"
                                + " source images/s; with the writes to the local file system: %.2f s = %.0f; fit: %.2f"
                                + " s = %.0f images/s%n", cores, produced, compute, IMAGES / compute, augment,
                        IMAGES / augment, fit, IMAGES / fit));
            } finally {
                spark.stop();
            }
        }
        System.out.print(report);
        Files.writeString(Path.of("target", "scaling.txt"), report);
    }

    /** Smooth gradients and blobs with mild noise: compresses and decodes like a photograph. */
    private static ByteImage photoLike(SplittableRandom r, int h, int w) {
        byte[] px = new byte[h * w * 3];
        double fx = r.nextDouble(0.005, 0.03);
        double fy = r.nextDouble(0.005, 0.03);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < 3; c++) {
                    double v = 128 + 90 * Math.sin(fx * x * (c + 1) + fy * y) + r.nextInt(12);
                    px[(y * w + x) * 3 + c] = (byte) Math.max(0, Math.min(255, (int) v));
                }
            }
        }
        return new ByteImage(px, h, w, 3);
    }
}
