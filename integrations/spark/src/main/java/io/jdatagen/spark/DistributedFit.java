package io.jdatagen.spark;

import io.jdatagen.core.DataFormat;
import io.jdatagen.core.Tensor;
import io.jdatagen.image.FeaturewiseStatistics;
import io.jdatagen.image.FitSums;
import io.jdatagen.image.ImageDataGenerator;
import io.jdatagen.io.ByteImage;
import io.jdatagen.io.ImageFileReader;
import io.jdatagen.layers.KerasLayer;
import io.jdatagen.layers.KerasPipeline;
import io.jdatagen.layers.Normalization;
import java.util.ArrayList;
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
 *
 * <p>For Keras 3 layers, {@link #adapt} is Keras's {@code Normalization.adapt} over the same kind of data set.
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

    /**
     * {@return {@code layers} with every {@code Normalization} built without statistics adapted as Keras's
     * {@code adapt} would be on every image of {@code images} as it reaches that layer (through the layers before
     * it as at inference: their augmentations left out), each given its per-channel mean and population variance}
     * The adapted layers' configs hold their statistics (as a layer built with {@code mean} and {@code variance}),
     * so the pipeline's JSON carries them to other jobs. One pass over the data per such layer.
     *
     * @param images an {@link ImageTable} (columns path, label, key and content)
     * @param layers the layers (their JSON, mode and data format are what the tasks use)
     * @param reading how the images are decoded and sized (the size the first layer sees)
     * @throws IllegalStateException if there is no image
     */
    public static KerasPipeline adapt(Dataset<Row> images, KerasPipeline layers, ImageReading reading) {
        KerasPipeline current = layers;
        List<KerasLayer> list = new ArrayList<>(layers.layers());
        for (int j = 0; j < list.size(); j++) {
            if (list.get(j) instanceof Normalization n && AdaptedStatistics.unadapted(n)) {
                KerasPipeline before = AdaptedStatistics.written(
                        current.toBuilder().layers(list.subList(0, j)).build());
                String json = before.toJson();
                String mode = before.mode().name();
                String format = before.dataFormat().name();
                ChannelMoments total = ImageTable.columns(images).javaRDD()
                        .mapPartitions((Iterator<Row> rows) -> List.of(moments(rows, json, mode, format, reading))
                                .iterator())
                        .treeReduce(ChannelMoments::merge, 2);
                if (total.count() == 0) {
                    throw new IllegalStateException("Normalization.adapt needs at least one image; the table has none");
                }
                list.set(j, AdaptedStatistics.given(n, total.mean(), total.variance()));
                current = current.toBuilder().layers(list).build();
            }
        }
        return current;
    }

    private static ChannelMoments moments(Iterator<Row> rows, String json, String mode, String format,
            ImageReading reading) {
        KerasPipeline before = KerasPipeline.builder().json(json).mode(KerasPipeline.Mode.valueOf(mode))
                .dataFormat(DataFormat.valueOf(format)).build();
        ImageFileReader reader = reading.reader();
        ChannelMoments moments = new ChannelMoments();
        StructType in = ImageTable.schema();
        while (rows.hasNext()) {
            Row row = rows.next();
            ByteImage image = ImageReading.load(reader, Columns.get(row, in, ImageTable.CONTENT),
                    Columns.get(row, in, ImageTable.PATH));
            Tensor x = before.transformImage(image.toSource().toTensor(before.dataFormat()), null);
            moments.add(x.data(), x.dim(x.rank() - 1));
        }
        return moments;
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
