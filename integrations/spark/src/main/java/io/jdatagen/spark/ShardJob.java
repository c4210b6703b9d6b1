package io.jdatagen.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jdatagen.shards.ShardFile;
import io.jdatagen.shards.ShardIndex;
import io.jdatagen.shards.ShardPlan;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.VoidFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * Writes augmented copies as WebDataset shards whose names and bytes depend only on the samples: the
 * driver collects every sample's (key, copy, size), sorts them by (key, copy) and cuts that order into
 * shards with {@link ShardPlan}; the rows are then shuffled so that partition {@code s} holds shard
 * {@code s}'s samples sorted by (key, copy), and each task writes its one shard with {@link ShardFile}. A
 * retried task writes the same shard again, with the same bytes. Last, the driver writes the shards'
 * {@link ShardIndex} ({@value ShardIndex#FILE_NAME}) from the same collected (key, copy, size, label)
 * rows, so that it too depends only on the samples.
 */
final class ShardJob implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The image member's suffix: png or jpg. */
    private final String ext;
    /** The size a shard may reach. */
    private final long targetBytes;

    ShardJob(String ext, long targetBytes) {
        new ShardPlan(targetBytes);   // checks the target
        this.ext = ext;
        this.targetBytes = targetBytes;
    }

    int write(Dataset<Row> augmented, String outputDir) {
        HadoopSettings hadoop = new HadoopSettings(augmented.sparkSession().sparkContext().hadoopConfiguration());
        Dataset<Row> rows = augmented.persist(StorageLevel.MEMORY_AND_DISK());
        try {
            StructType sizes = new StructType().add("key", DataTypes.StringType).add("copy", DataTypes.IntegerType)
                    .add("bytes", DataTypes.LongType).add("label", DataTypes.StringType);
            List<Row> samples = new ArrayList<>(rows.map((MapFunction<Row, Row>) row -> {
                Slot slot = Slot.of(row);
                return RowFactory.create(slot.key, slot.copy, ShardFile.sampleBytes(sampleKey(slot), members(row)),
                        Columns.<String>get(row, OfflineAugmentation.augmentedSchema(), ImageTable.LABEL));
            }, Encoders.row(sizes)).collectAsList());
            samples.sort(Comparator.comparing((Row r) -> r.getString(0)).thenComparingInt(r -> r.getInt(1)));
            Bounds bounds = Bounds.of(samples, new ShardPlan(targetBytes));
            if (bounds.shards() == 0) {
                writeIndex(index(samples), outputDir, hadoop);
                return 0;
            }
            JavaPairRDD<Slot, Row> byShard = rows.javaRDD().mapToPair(row -> new Tuple2<>(Slot.of(row), row))
                    .repartitionAndSortWithinPartitions(new ByShard(bounds));
            byShard.foreachPartition((VoidFunction<Iterator<Tuple2<Slot, Row>>>) it -> writeShard(it, bounds,
                    outputDir, hadoop));
            writeIndex(index(samples), outputDir, hadoop);
            return bounds.shards();
        } finally {
            rows.unpersist();
        }
    }

    private void writeShard(Iterator<Tuple2<Slot, Row>> rows, Bounds bounds, String outputDir, HadoopSettings hadoop)
            throws IOException {
        if (!rows.hasNext()) {
            return;
        }
        Tuple2<Slot, Row> first = rows.next();
        Path root = new Path(outputDir);
        Path file = new Path(root, ShardPlan.name(bounds.shardOf(first._1())));
        FileSystem fs = RawFiles.of(root, hadoop.configuration());
        try (FSDataOutputStream out = fs.create(file, true);
                ShardFile shard = new ShardFile(new BufferedOutputStream(out, 1 << 16))) {
            Tuple2<Slot, Row> next = first;
            while (next != null) {
                shard.write(sampleKey(next._1()), members(next._2()));
                next = rows.hasNext() ? rows.next() : null;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /**
     * {@return the index of the shards that {@link ShardPlan} cuts {@code samples} (key, copy, bytes, label;
     * sorted) into: what {@link io.jdatagen.shards.ShardWriter} would write for them}
     */
    ShardIndex index(List<Row> samples) {
        ShardPlan plan = new ShardPlan(targetBytes);
        List<List<ShardIndex.Sample>> members = new ArrayList<>();
        List<Long> sizes = new ArrayList<>();
        for (Row r : samples) {
            int s = plan.add(r.getLong(2));
            if (s == members.size()) {
                members.add(new ArrayList<>());
                sizes.add(0L);
            }
            members.get(s).add(new ShardIndex.Sample(sampleKey(new Slot(r.getString(0), r.getInt(1))), ext,
                    r.getString(3)));
            sizes.set(s, plan.shardBytes());
        }
        List<ShardIndex.Shard> shards = new ArrayList<>();
        for (int s = 0; s < members.size(); s++) {
            shards.add(new ShardIndex.Shard(ShardPlan.name(s), sizes.get(s), members.get(s)));
        }
        return new ShardIndex(shards);
    }

    private static void writeIndex(ShardIndex index, String outputDir, HadoopSettings hadoop) {
        Path root = new Path(outputDir);
        Path file = new Path(root, ShardIndex.FILE_NAME);
        try (FSDataOutputStream out = RawFiles.of(root, hadoop.configuration()).create(file, true)) {
            out.write(index.toJson());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The sample's key: {@code label/x_k} for copy {@code k} of {@code label/x.ext}, dots in the name as {@code _}. */
    static String sampleKey(Slot slot) {
        String key = slot.key;
        int slash = key.lastIndexOf('/');
        String name = key.substring(slash + 1);
        int dot = name.lastIndexOf('.');
        String stem = (dot > 0 ? name.substring(0, dot) : name).replace('.', '_');
        return key.substring(0, slash + 1) + stem + "_" + slot.copy;
    }

    /** The sample's members: the image, then {@code json} with its label when it has one. */
    private Map<String, byte[]> members(Row row) throws JsonProcessingException {
        StructType schema = OfflineAugmentation.augmentedSchema();
        Map<String, byte[]> members = new LinkedHashMap<>();
        members.put(ext, Columns.<byte[]>get(row, schema, OfflineAugmentation.IMAGE));
        String label = Columns.get(row, schema, ImageTable.LABEL);
        if (label != null) {
            members.put("json", JSON.writeValueAsBytes(Map.of("label", label)));
        }
        return members;
    }

    /** A sample's place in the global order: (key, copy). */
    static final class Slot implements Comparable<Slot>, Serializable {
        private static final long serialVersionUID = 1L;
        final String key;
        final int copy;

        Slot(String key, int copy) {
            this.key = key;
            this.copy = copy;
        }

        static Slot of(Row row) {
            StructType schema = OfflineAugmentation.augmentedSchema();
            return new Slot(Columns.get(row, schema, ImageTable.KEY),
                    Columns.<Integer>get(row, schema, OfflineAugmentation.COPY));
        }

        @Override
        public int compareTo(Slot o) {
            int c = key.compareTo(o.key);
            return c != 0 ? c : Integer.compare(copy, o.copy);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Slot s && s.key.equals(key) && s.copy == copy;
        }

        @Override
        public int hashCode() {
            return key.hashCode() * 31 + copy;
        }
    }

    /** The first sample of each shard, in the global order. */
    static final class Bounds implements Serializable {
        private static final long serialVersionUID = 1L;
        private final Slot[] firsts;

        private Bounds(Slot[] firsts) {
            this.firsts = firsts;
        }

        /** {@return the shards that {@code plan} cuts {@code samples} (key, copy, bytes; sorted) into} */
        static Bounds of(List<Row> samples, ShardPlan plan) {
            List<Slot> firsts = new ArrayList<>();
            for (Row r : samples) {
                if (plan.add(r.getLong(2)) == firsts.size()) {
                    firsts.add(new Slot(r.getString(0), r.getInt(1)));
                }
            }
            return new Bounds(firsts.toArray(new Slot[0]));
        }

        int shards() {
            return firsts.length;
        }

        /** {@return the shard of {@code slot}: the last shard whose first sample is not after it} */
        int shardOf(Slot slot) {
            int i = Arrays.binarySearch(firsts, slot);
            return i >= 0 ? i : -i - 2;
        }
    }

    /** Partition {@code s} holds shard {@code s}. */
    private static final class ByShard extends Partitioner {
        private static final long serialVersionUID = 1L;
        private final Bounds bounds;

        ByShard(Bounds bounds) {
            this.bounds = bounds;
        }

        @Override
        public int numPartitions() {
            return bounds.shards();
        }

        @Override
        public int getPartition(Object key) {
            return bounds.shardOf((Slot) key);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ByShard b && Arrays.equals(b.bounds.firsts, bounds.firsts);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bounds.firsts);
        }
    }
}
