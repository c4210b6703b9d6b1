package io.jdatagen.layers;

import java.util.Map;

/**
 * What the layers that draw one factor per image share ({@code RandomBrightness}, {@code RandomContrast},
 * {@code RandomHue}, ...): their config ({@code factor}, {@code value_range},
 * {@code data_format}, {@code seed} and the base keys). Each subclass is the step kind it is and draws and
 * applies its own way.
 */
abstract class FactorLayer extends KerasLayerBase {
    final FactorLayerConfig args;

    FactorLayer(FactorLayerConfig args) {
        this.args = args;
    }

    @Override
    public final Map<String, Object> getConfig() {
        return args.toConfig();
    }
}
