package io.jdatagen.layers;

import io.jdatagen.core.DataFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A builder that collects Keras's arguments as the config Keras would write and builds the layer through
 * its {@code fromConfig}, so that Keras's checks and messages apply to code and configs alike. Holds the
 * arguments most image layers share; each layer's builder adds its own.
 *
 * @param <B> the builder's own type, returned by its setters
 * @param <L> the layer it builds
 */
abstract class LayerBuilder<B extends LayerBuilder<B, L>, L extends KerasLayer> {
    private final Map<String, Object> config = new LinkedHashMap<>();
    private final Function<Map<String, Object>, L> fromConfig;

    LayerBuilder(Function<Map<String, Object>, L> fromConfig) {
        this.fromConfig = fromConfig;
    }

    /** Sets Keras's argument {@code key}, as its config spells it. */
    @SuppressWarnings("unchecked")
    final B put(String key, Object value) {
        config.put(key, value);
        return (B) this;
    }

    /** Keras's {@code value_range}: the range of the input values ({@code [0, 255]} by default). */
    public final B valueRange(double low, double high) {
        return put("value_range", List.of(low, high));
    }

    /** Keras's {@code data_format}: the layout of the images. */
    public final B dataFormat(DataFormat dataFormat) {
        return put("data_format", dataFormat == DataFormat.CHANNELS_FIRST ? "channels_first" : "channels_last");
    }

    /**
     * {@return the layer}
     *
     * @throws IllegalArgumentException with Keras's message for an invalid argument
     */
    public final L build() {
        return fromConfig.apply(config);
    }
}
