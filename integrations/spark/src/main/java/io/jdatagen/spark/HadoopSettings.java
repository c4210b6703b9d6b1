package io.jdatagen.spark;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;

/**
 * The driver's Hadoop configuration (file systems, credentials set with {@code spark.hadoop.*}) as a
 * serializable map, rebuilt on executors: Hadoop's {@link Configuration} is not serializable.
 */
final class HadoopSettings implements Serializable {
    private static final long serialVersionUID = 1L;
    /** The configuration's entries. */
    private final HashMap<String, String> entries = new HashMap<>();

    HadoopSettings(Configuration conf) {
        for (Map.Entry<String, String> e : conf) {
            entries.put(e.getKey(), e.getValue());
        }
    }

    Configuration configuration() {
        Configuration conf = new Configuration(false);
        entries.forEach(conf::set);
        return conf;
    }
}
