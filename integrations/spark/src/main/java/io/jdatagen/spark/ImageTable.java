package io.jdatagen.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.regexp_extract;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * An image tree as a DataFrame: one row per image file below a root (any Hadoop file system: local,
 * HDFS, S3 through its connector), with the columns {@value #PATH} (the file's URI), {@value #LABEL}
 * (its parent folder's name: the class, as {@code flowFromDirectory} reads class folders),
 * {@value #KEY} ({@code label/file name}, the image's identity in every job) and {@value #CONTENT}
 * (the file's bytes).
 */
public final class ImageTable {
    /** The column of file URIs. */
    public static final String PATH = "path";
    /** The column of class names (parent folder names). */
    public static final String LABEL = "label";
    /** The column of image keys ({@code label/file name}). */
    public static final String KEY = "key";
    /** The column of encoded file contents. */
    public static final String CONTENT = "content";
    /** The file names read: the formats the codecs decode, in either case. */
    static final String IMAGE_FILES = "*.{png,PNG,jpg,JPG,jpeg,JPEG,bmp,BMP,gif,GIF,tif,TIF,tiff,TIFF}";

    private ImageTable() {
    }

    /** {@return the columns jobs read from an image table, in the order they select them} */
    static StructType schema() {
        return new StructType().add(PATH, DataTypes.StringType).add(LABEL, DataTypes.StringType)
                .add(KEY, DataTypes.StringType).add(CONTENT, DataTypes.BinaryType);
    }

    /** {@return {@code images} with exactly the columns of {@link #schema()}, in that order} */
    static Dataset<Row> columns(Dataset<Row> images) {
        return images.select(PATH, LABEL, KEY, CONTENT);
    }

    /**
     * {@return every image file below {@code root}, recursively, as a DataFrame of
     * path, label, key and content}
     *
     * @param spark the session
     * @param root the root folder (a path or URI Spark's file sources accept)
     */
    public static Dataset<Row> read(SparkSession spark, String root) {
        Dataset<Row> files = spark.read().format("binaryFile").option("recursiveFileLookup", "true")
                .option("pathGlobFilter", IMAGE_FILES).load(root);
        return files.select(col(PATH), regexp_extract(col(PATH), "([^/]+)/[^/]+$", 1).as(LABEL),
                regexp_extract(col(PATH), "([^/]+/[^/]+)$", 1).as(KEY), col(CONTENT));
    }
}
