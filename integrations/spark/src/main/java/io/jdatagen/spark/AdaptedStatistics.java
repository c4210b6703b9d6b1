package io.jdatagen.spark;

import io.jdatagen.layers.KerasLayer;
import io.jdatagen.layers.KerasPipeline;
import io.jdatagen.layers.Normalization;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the statistics of adapted {@code Normalization} layers through JSON: Keras's config of an adapted layer
 * has {@code mean} and {@code variance} null (the statistics are weights), so a pipeline rebuilt from its JSON on
 * an executor would normalize with 0 and 1. The shipped pipeline names them in the config instead, which Keras
 * reads as a layer given its statistics: the same numerics.
 */
final class AdaptedStatistics {
    private AdaptedStatistics() {
    }

    /** {@return {@code layers} with every adapted Normalization replaced by one given its statistics} */
    static KerasPipeline written(KerasPipeline layers) {
        List<KerasLayer> shipped = new ArrayList<>(layers.layers().size());
        boolean changed = false;
        for (KerasLayer layer : layers.layers()) {
            KerasLayer out = layer instanceof Normalization n && adapted(n) ? given(n, n.mean(), n.variance()) : layer;
            changed |= out != layer;
            shipped.add(out);
        }
        return changed ? layers.toBuilder().layers(shipped).build() : layers;
    }

    /** Whether {@code n} normalizes with statistics its config does not hold. */
    static boolean adapted(Normalization n) {
        return n.getConfig().get("mean") == null && !unadapted(n);
    }

    /** Whether {@code n} was built without statistics and has not learnt any: what Keras's {@code adapt} is for. */
    static boolean unadapted(Normalization n) {
        return n.getConfig().get("mean") == null && Arrays.equals(n.mean(), new double[] {0})
                && Arrays.equals(n.variance(), new double[] {1});
    }

    /** {@return {@code n} (its name, invert and other config) given {@code mean} and {@code variance}} */
    static Normalization given(Normalization n, double[] mean, double[] variance) {
        Map<String, Object> config = new LinkedHashMap<>(n.getConfig());
        config.put("mean", list(mean));
        config.put("variance", list(variance));
        return Normalization.fromConfig(config);
    }

    private static List<Object> list(double[] values) {
        List<Object> out = new ArrayList<>(values.length);
        for (double v : values) {
            out.add(v);
        }
        return out;
    }
}
