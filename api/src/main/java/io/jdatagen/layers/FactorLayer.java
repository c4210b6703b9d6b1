package io.jdatagen.layers;

import io.jdatagen.augment.Step;
import java.util.Map;

/**
 * What the layers that draw one factor per image share ({@code RandomBrightness}, {@code RandomContrast},
 * {@code RandomHue}, ...): their Keras class name, their config ({@code factor}, {@code value_range},
 * {@code data_format}, {@code seed} and the base keys), and running as themselves. Each subclass is the
 * step kind it is and draws and applies its own way.
 */
abstract class FactorLayer implements KerasLayer {
    final FactorLayerConfig args;
    private final String className;

    FactorLayer(String className, FactorLayerConfig args) {
        this.className = className;
        this.args = args;
    }

    @Override
    public final String className() {
        return className;
    }

    @Override
    public final Map<String, Object> getConfig() {
        return args.toConfig();
    }

    @Override
    public final Step step() {
        return (Step) this;
    }

    /** {@return the layer's Keras name, as its config gives it} */
    public final String name() {
        return args.base().name();
    }
}
