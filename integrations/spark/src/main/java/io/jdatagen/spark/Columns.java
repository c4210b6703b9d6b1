package io.jdatagen.spark;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * Reads a column of a row by name where the row carries its schema, else at the position the
 * expected schema gives it (rows handed to Dataset functions may come without one).
 */
final class Columns {
    private Columns() {
    }

    static <T> T get(Row row, StructType expected, String name) {
        StructType schema = row.schema();
        int index = schema != null ? schema.fieldIndex(name) : expected.fieldIndex(name);
        return row.getAs(index);
    }

    /** An array column's values: a Java array, a Scala sequence or a Java list of numbers. */
    static float[] floats(Object column) {
        if (column instanceof float[] f) {
            return f;
        }
        if (column instanceof int[] ints) {
            float[] out = new float[ints.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = ints[i];
            }
            return out;
        }
        java.util.List<?> values = column instanceof scala.collection.Seq<?> seq
                ? scala.jdk.javaapi.CollectionConverters.asJava(seq) : (java.util.List<?>) column;
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ((Number) values.get(i)).floatValue();
        }
        return out;
    }

    /** An integer array column's values, as {@link #floats} reads them. */
    static int[] ints(Object column) {
        if (column instanceof int[] i) {
            return i;
        }
        float[] f = floats(column);
        int[] out = new int[f.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (int) f[i];
        }
        return out;
    }
}
