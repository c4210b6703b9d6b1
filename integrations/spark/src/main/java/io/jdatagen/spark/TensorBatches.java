package io.jdatagen.spark;

import io.jdatagen.core.Tensor;
import io.jdatagen.augment.BatchStep;
import io.jdatagen.data.Batch;
import io.jdatagen.data.RandomKeys;
import io.jdatagen.layers.KerasLayer;
import io.jdatagen.layers.KerasPipeline;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * Rows of {@link OfflineAugmentation#tensors} back as jdatagen batches, inside any Spark task: e.g.
 * {@code tensors.javaRDD().mapPartitions(rows -> TensorBatches.of(rows, 32, classes))} and then each
 * {@link Batch} into a DL4J {@code DataSet} for DL4J on Spark, or into Spark ML. Labels are one-hot
 * over {@code classes}, in that order.
 *
 * <p>Keras's batch layers ({@code MixUp}, {@code CutMix}) run here, on the assembled batches (images and
 * one-hot labels, which they mix into fractional labels): {@link #of(Iterator, int, List, String, long, int)};
 * the per-sample layers run in the {@link OfflineAugmentation} job before.
 */
public final class TensorBatches implements Iterator<Batch> {
    private final Iterator<Row> rows;
    private final int batchSize;
    private final List<String> classes;
    /** The batch layers, or null. */
    private final KerasPipeline batchLayers;
    private final long seed;
    private final int partition;
    /** The number of batches given so far. */
    private int given;

    private TensorBatches(Iterator<Row> rows, int batchSize, List<String> classes, KerasPipeline batchLayers,
            long seed, int partition) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1; got " + batchSize);
        }
        if (classes.isEmpty()) {
            throw new IllegalArgumentException("classes must name at least one class");
        }
        this.rows = rows;
        this.batchSize = batchSize;
        this.classes = List.copyOf(classes);
        this.batchLayers = batchLayers;
        this.seed = seed;
        this.partition = partition;
    }

    /**
     * {@return the rows as batches of {@code batchSize} (the last one shorter)}
     *
     * @param rows rows with label, shape and values columns
     * @param batchSize images per batch
     * @param classes every class name, in the order of the one-hot columns
     */
    public static TensorBatches of(Iterator<Row> rows, int batchSize, List<String> classes) {
        return new TensorBatches(rows, batchSize, classes, null, 0, 0);
    }

    /**
     * {@return the rows as batches of {@code batchSize} (the last one shorter), each through Keras's batch
     * layers: batch {@code b} of this iterator is {@code KerasPipeline.fromJson(batchLayers).augmentBatch(batch,
     * RandomKeys.forSample(seed, partition, b))}}
     *
     * @param rows rows with label, shape and values columns
     * @param batchSize images per batch
     * @param classes every class name, in the order of the one-hot columns
     * @param batchLayers the Keras JSON of batch layers only ({@code MixUp}, {@code CutMix}), e.g.
     *     {@code KerasPipeline.of(new MixUp()).toJson()}: text, which a Spark function captures and ships to
     *     the executors as it is
     * @param seed the seed of the layers' draws
     * @param partition a number that tells this iterator's batches from another partition's, e.g.
     *     {@code TaskContext.getPartitionId()}
     * @throws IllegalArgumentException for an invalid config, or a per-sample layer in it (those run in the
     *     {@link OfflineAugmentation} job)
     */
    public static TensorBatches of(Iterator<Row> rows, int batchSize, List<String> classes, String batchLayers,
            long seed, int partition) {
        KerasPipeline layers = KerasPipeline.fromJson(batchLayers);
        for (KerasLayer layer : layers.layers()) {
            if (!(layer.step() instanceof BatchStep<?>)) {
                throw new IllegalArgumentException("batchLayers must hold batch layers only (MixUp, CutMix); got "
                        + layer.className() + ", a per-sample layer: run it in the OfflineAugmentation job");
            }
        }
        return new TensorBatches(rows, batchSize, classes, layers, seed, partition);
    }

    @Override
    public boolean hasNext() {
        return rows.hasNext();
    }

    @Override
    public Batch next() {
        if (!rows.hasNext()) {
            throw new NoSuchElementException("no rows left");
        }
        List<float[]> images = new ArrayList<>(batchSize);
        List<String> labels = new ArrayList<>(batchSize);
        int[] shape = null;
        while (rows.hasNext() && images.size() < batchSize) {
            Row row = rows.next();
            StructType in = OfflineAugmentation.tensorSchema();
            int[] s = Columns.ints(Columns.get(row, in, OfflineAugmentation.SHAPE));
            if (shape == null) {
                shape = s;
            } else if (!Arrays.equals(shape, s)) {
                throw new IllegalArgumentException("every image of a batch must have shape " + Arrays.toString(shape)
                        + "; got " + Arrays.toString(s));
            }
            images.add(Columns.floats(Columns.get(row, in, OfflineAugmentation.VALUES)));
            labels.add(Columns.get(row, in, ImageTable.LABEL));
        }
        int item = images.get(0).length;
        Tensor x = Tensor.zeros(images.size(), shape[0], shape[1], shape[2]);
        Tensor y = Tensor.zeros(images.size(), classes.size());
        for (int i = 0; i < images.size(); i++) {
            System.arraycopy(images.get(i), 0, x.data(), i * item, item);
            int c = classes.indexOf(labels.get(i));
            if (c < 0) {
                throw new IllegalArgumentException("label " + labels.get(i) + " is not one of the classes " + classes);
            }
            y.data()[i * classes.size() + c] = 1f;
        }
        int[] indices = new int[images.size()];
        Arrays.setAll(indices, i -> i);
        Batch batch = Batch.of(x, y, indices);
        int b = given++;
        return batchLayers == null ? batch
                : batchLayers.augmentBatch(batch, RandomKeys.forSample(seed, partition, b));
    }
}
