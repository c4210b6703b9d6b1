package io.jdatagen.spark;

import io.jdatagen.image.FeaturewiseStatistics;
import io.jdatagen.image.FitSums;
import io.jdatagen.image.ImageDataGenerator;
import io.jdatagen.io.ImageFileReader;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * Keras's {@code fit} over a data set no single machine holds: each partition decodes its images and
 * gathers {@link FitSums} (per-channel moments, and for ZCA the per-value sums and the Gram matrix of
 * the flattened images), a tree reduction merges them, and the driver derives the statistics: the
 * same as single-node {@code fit} on the same images (without augmentation rounds), to
 * floating-point rounding. Load them with {@link ImageDataGenerator#setStatistics}.
 */
public final class DistributedFit {
    private DistributedFit() {
    }

    /**
     * {@return the featurewise statistics of every image of {@code images} for {@code generator}}
     *
     * @param images an {@link ImageTable} (columns path, label, key and content)
     * @param generator the generator to fit (its rescale, data format, featurewise options, resize)
     * @param reading how the images are decoded and sized
     * @throws IllegalStateException if there is no image, or ZCA is asked with no more images than
     *     values per image
     */
    public static FeaturewiseStatistics fit(Dataset<Row> images, ImageDataGenerator generator, ImageReading reading) {
        String config = generator.toJson();
        FitSums total = ImageTable.columns(images).javaRDD()
                .mapPartitions((Iterator<Row> rows) -> List.of(partition(rows, config, reading)).iterator())
                .treeReduce(FitSums::merge, 2);
        return total.statistics();
    }

    private static FitSums partition(Iterator<Row> rows, String config, ImageReading reading) {
        ImageDataGenerator generator = ImageDataGenerator.fromJson(config);
        ImageFileReader reader = reading.reader();
        FitSums sums = FitSums.of(generator);
        while (rows.hasNext()) {
            Row row = rows.next();
            StructType in = ImageTable.schema();
            sums.add(generator.resize(ImageReading.tensor(ImageReading.load(reader,
                    Columns.get(row, in, ImageTable.CONTENT), Columns.get(row, in, ImageTable.PATH)), generator)));
        }
        return sums;
    }
}
