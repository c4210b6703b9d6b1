package io.jdatagen.spark;

import io.jdatagen.core.Tensor;
import io.jdatagen.data.Batch;
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
 */
public final class TensorBatches implements Iterator<Batch> {
    private final Iterator<Row> rows;
    private final int batchSize;
    private final List<String> classes;

    private TensorBatches(Iterator<Row> rows, int batchSize, List<String> classes) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1; got " + batchSize);
        }
        if (classes.isEmpty()) {
            throw new IllegalArgumentException("classes must name at least one class");
        }
        this.rows = rows;
        this.batchSize = batchSize;
        this.classes = List.copyOf(classes);
    }

    /**
     * {@return the rows as batches of {@code batchSize} (the last one shorter)}
     *
     * @param rows rows with label, shape and values columns
     * @param batchSize images per batch
     * @param classes every class name, in the order of the one-hot columns
     */
    public static TensorBatches of(Iterator<Row> rows, int batchSize, List<String> classes) {
        return new TensorBatches(rows, batchSize, classes);
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
        return Batch.of(x, y, indices);
    }
}
