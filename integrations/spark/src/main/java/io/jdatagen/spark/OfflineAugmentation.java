package io.jdatagen.spark;

import io.jdatagen.core.Tensor;
import io.jdatagen.data.RandomKeys;
import io.jdatagen.image.ImageDataGenerator;
import io.jdatagen.io.ByteImage;
import io.jdatagen.io.ImageFileReader;
import io.jdatagen.io.ImageWriter;
import io.jdatagen.layers.KerasPipeline;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Iterator;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.ForeachPartitionFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * An offline augmentation job: {@code copies} augmented versions of every image of an
 * {@link ImageTable}, numbered 1 to {@code copies} as the CLI's {@code augment} numbers them
 * ({@code x_1.png} ... {@code x_N.png}), copy {@code k} of the image with key {@code key} drawn from the
 * stream keyed by ({@code seed}, {@code k}, a stable hash of {@code key}). The output is a pure function of (seed,
 * image, copy) and of nothing else (not the partitioning, the task, the attempt or the order), so a
 * failed task retried by Spark, or the whole job run again, writes the same bytes; executors should
 * run the same JDK and backend (the kernels agree to float rounding, not bit for bit, across
 * backends).
 *
 * <p>{@link #augment} gives encoded images (for {@link #write} to class folders, {@link #writeShards} to
 * WebDataset tar shards, or a table),
 * {@link #tensors} the float tensors after the generator's whole pipeline (standardization included)
 * for a Parquet table or {@link TensorBatches}.
 *
 * <p>The augmentation is an {@code ImageDataGenerator} or Keras 3 layers (a {@link KerasPipeline}, e.g.
 * {@code KerasPipeline.fromJson(modelJson)}): the job ships its JSON configuration to the executors, and every
 * task builds it again. With layers, copy {@code k} of the image with key {@code key} is
 * {@link KerasPipeline#transformImage} of the image drawing from that same stream.
 */
public final class OfflineAugmentation implements Serializable {
    /** The column of copy numbers, 1 to {@code copies} (as the CLI's {@code augment} numbers them). */
    public static final String COPY = "copy";
    /** The column of encoded augmented images. */
    public static final String IMAGE = "image";
    /** The column of tensor shapes (the generator's data format). */
    public static final String SHAPE = "shape";
    /** The column of tensor values, row-major float32. */
    public static final String VALUES = "values";
    private static final long serialVersionUID = 1L;

    /** The augmentation, as the text its tasks rebuild it from. */
    private final JobAugmentation augmentation;
    /** How images are decoded and sized. */
    private final ImageReading reading;
    /** Augmented copies per image. */
    private final int copies;
    /** The seed of every draw. */
    private final long seed;
    /** The output image format: png or jpeg. */
    private final String format;

    /**
     * Creates a job.
     *
     * @param generator the augmentation (its JSON configuration is what the tasks use)
     * @param reading how the images are decoded and sized
     * @param copies augmented copies per image, at least 1
     * @param seed the seed of every draw
     * @param format the output files' format: {@code png} (lossless: retries give identical files) or
     *     {@code jpeg}
     * @throws IllegalArgumentException for a bad count or format
     */
    public OfflineAugmentation(ImageDataGenerator generator, ImageReading reading, int copies, long seed,
            String format) {
        this(JobAugmentation.of(generator), reading, copies, seed, format);
    }

    /**
     * Creates a job augmenting with Keras 3 layers, in their mode ({@code FUSED} or {@code KERAS_REFERENCE}).
     *
     * @param layers the augmentation (its Keras JSON, mode and data format are what the tasks use); layers that
     *     change the size ({@code CenterCrop}, {@code Resizing}, {@code RandomCrop}) set the copies' size
     * @param reading how the images are decoded and sized (the size the first layer sees)
     * @param copies augmented copies per image, at least 1
     * @param seed the seed of every draw
     * @param format the output files' format: {@code png} (lossless: retries give identical files) or
     *     {@code jpeg}
     * @throws IllegalArgumentException for a bad count or format, or for batch layers ({@code MixUp},
     *     {@code CutMix}: copies are made one image at a time; run them with
     *     {@link TensorBatches#of(Iterator, int, java.util.List, String, long, int)})
     */
    public OfflineAugmentation(KerasPipeline layers, ImageReading reading, int copies, long seed, String format) {
        this(JobAugmentation.of(layers), reading, copies, seed, format);
    }

    private OfflineAugmentation(JobAugmentation augmentation, ImageReading reading, int copies, long seed,
            String format) {
        this.augmentation = augmentation;
        this.reading = Objects.requireNonNull(reading, "reading");
        if (copies < 1) {
            throw new IllegalArgumentException("copies must be >= 1; got " + copies);
        }
        String f = Objects.requireNonNull(format, "format").toLowerCase(Locale.ROOT);
        if (!f.equals("png") && !f.equals("jpeg") && !f.equals("jpg")) {
            throw new IllegalArgumentException("format must be png or jpeg; got " + format);
        }
        this.copies = copies;
        this.seed = seed;
        this.format = f.equals("jpg") ? "jpeg" : f;
    }

    /** {@return the schema of {@link #augment}'s rows: key, label, copy, image} */
    public static StructType augmentedSchema() {
        return new StructType().add(ImageTable.KEY, DataTypes.StringType).add(ImageTable.LABEL, DataTypes.StringType)
                .add(COPY, DataTypes.IntegerType).add(IMAGE, DataTypes.BinaryType);
    }

    /** {@return the schema of {@link #tensors}' rows: key, label, copy, shape, values} */
    public static StructType tensorSchema() {
        return new StructType().add(ImageTable.KEY, DataTypes.StringType).add(ImageTable.LABEL, DataTypes.StringType)
                .add(COPY, DataTypes.IntegerType).add(SHAPE, DataTypes.createArrayType(DataTypes.IntegerType, false))
                .add(VALUES, DataTypes.createArrayType(DataTypes.FloatType, false));
    }

    /**
     * {@return every copy of every image, augmented and encoded as pixels (no standardization): rows of
     * key, label, copy and the encoded image}
     *
     * @param images an {@link ImageTable} (columns path, label, key, content)
     * @throws IllegalArgumentException if the generator rescales or standardizes, or a layer makes values
     *     fractional ({@code Rescaling}, {@code Normalization}): images are written as pixels; normalise at
     *     training time
     */
    public Dataset<Row> augment(Dataset<Row> images) {
        augmentation.checkWritesPixels();
        return ImageTable.columns(images).mapPartitions((MapPartitionsFunction<Row, Row>) rows -> each(rows, false),
                Encoders.row(augmentedSchema()));
    }

    /**
     * {@return every copy of every image through the generator's whole pipeline (augmentation and
     * standardization, as a flow's batch holds it) or through every layer: rows of key, label, copy, shape and
     * values}
     *
     * @param images an {@link ImageTable} (columns path, label, key, content)
     */
    public Dataset<Row> tensors(Dataset<Row> images) {
        return ImageTable.columns(images).mapPartitions((MapPartitionsFunction<Row, Row>) rows -> each(rows, true),
                Encoders.row(tensorSchema()));
    }

    /** The partition's output rows, computed one source image at a time as Spark pulls them. */
    private Iterator<Row> each(Iterator<Row> rows, boolean tensors) {
        JobAugmentation.Task task = augmentation.rebuild();
        ImageFileReader reader = reading.reader();
        return new Iterator<>() {
            private final ArrayDeque<Row> pending = new ArrayDeque<>(copies);

            @Override
            public boolean hasNext() {
                while (pending.isEmpty() && rows.hasNext()) {
                    copies(rows.next(), task, reader, tensors, pending);
                }
                return !pending.isEmpty();
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("no augmented rows left in this partition");
                }
                return pending.poll();
            }
        };
    }

    /** Every copy of one source image, as output rows. */
    private void copies(Row row, JobAugmentation.Task task, ImageFileReader reader, boolean tensors,
            Collection<Row> out) {
        StructType in = ImageTable.schema();
        String key = Columns.get(row, in, ImageTable.KEY);
        String label = Columns.get(row, in, ImageTable.LABEL);
        ByteImage image = ImageReading.load(reader, Columns.get(row, in, ImageTable.CONTENT),
                Columns.get(row, in, ImageTable.PATH));
        for (int k = 1; k <= copies; k++) {
            RandomGenerator rng = RandomKeys.forSample(seed, k, SampleKeys.of(key));
            Tensor x = task.copy(image, rng);
            if (tensors) {
                out.add(RowFactory.create(key, label, k, x.shape(), x.data()));
            } else {
                out.add(RowFactory.create(key, label, k,
                        ImageWriter.encode(ImageWriter.toPixels(x, task.format()), format)));
            }
        }
    }

    /**
     * Writes {@link #augment}'s rows as files {@code outputDir/label/name_copy.format} (class folders
     * kept, {@code name} the source file's name without its extension, copies from 1), on any Hadoop file
     * system; existing files are replaced, so a retried task leaves the same files. On the local file system
     * no {@code .crc} checksum files are written beside them.
     *
     * @param augmented rows of {@link #augment}
     * @param outputDir the output folder (a path or URI: local, HDFS, S3 through its connector)
     */
    public void write(Dataset<Row> augmented, String outputDir) {
        HadoopSettings hadoop = new HadoopSettings(augmented.sparkSession().sparkContext().hadoopConfiguration());
        String ext = format.equals("jpeg") ? "jpg" : format;
        augmented.foreachPartition((ForeachPartitionFunction<Row>) rows -> {
            Path root = new Path(outputDir);
            FileSystem fs = RawFiles.of(root, hadoop.configuration());
            while (rows.hasNext()) {
                Row row = rows.next();
                String key = Columns.get(row, augmentedSchema(), ImageTable.KEY);
                int copy = Columns.<Integer>get(row, augmentedSchema(), COPY);
                String stem = key.contains(".") ? key.substring(0, key.lastIndexOf('.')) : key;
                Path file = new Path(root, stem + "_" + copy + "." + ext);
                try (FSDataOutputStream stream = fs.create(file, true)) {
                    stream.write(Columns.<byte[]>get(row, augmentedSchema(), IMAGE));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write " + file, e);
                }
            }
        });
    }

    /**
     * Writes {@link #augment}'s rows as WebDataset tar shards {@code outputDir/shard-000000.tar}, ... of at
     * most {@code targetBytes} each (a copy larger than that gets a shard of its own), on any Hadoop file
     * system. Samples are in the global order of (key, copy), whatever the partitioning: copy {@code k} of
     * {@code label/x.jpg} is the sample {@code label/x_k} with members {@code label/x_k.png} (or
     * {@code .jpg}) and {@code label/x_k.json} holding {@code {"label":"label"}}, as the CLI's
     * {@code augment --shard-size} writes them. The shard boundaries are fixed on the driver from the
     * samples' sizes in that order, then each shard is written by one task, so the names and bytes do not
     * depend on the partitioning, on task retries or on the number of executors; the header fields are
     * fixed (see {@link io.jdatagen.shards.ShardFile}). Last, the driver writes the shards' index
     * {@code outputDir/shards.json} (see {@link io.jdatagen.shards.ShardIndex}), with which a flow
     * ({@code TarShards.indexed}) lists the samples without reading the shards; it too depends only on the
     * samples. On the local file system no {@code .crc} files are written. The augmented rows are computed
     * once (persisted, memory and disk, during the job).
     *
     * @param augmented rows of {@link #augment}
     * @param outputDir the output folder (a path or URI: local, HDFS, S3 through its connector); shards and
     *     an index of the same names are replaced
     * @param targetBytes the size a shard may reach, at least 1,024 (e.g. 256 MB: {@code 256L << 20})
     * @return the number of shards written
     * @throws IllegalArgumentException for a target under 1,024 bytes
     */
    public int writeShards(Dataset<Row> augmented, String outputDir, long targetBytes) {
        return new ShardJob(format.equals("jpeg") ? "jpg" : format, targetBytes).write(augmented, outputDir);
    }
}
