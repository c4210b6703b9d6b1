package io.jdatagen.image;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One of Keras's flag couplings: when {@code trigger} is on, {@code forced} takes {@code value}, and
 * Keras's warning is logged if that changed it. Keras's constructor applies them in a fixed order,
 * kept by {@link Option#COUPLINGS}.
 *
 * @param trigger the flag that imposes the coupling when on
 * @param forced the flag it overrides
 * @param value what {@code forced} becomes
 * @param warning Keras's warning text, logged when {@code forced} had the other value
 */
record KerasCoupling(OptionDescriptor<Boolean> trigger, OptionDescriptor<Boolean> forced, boolean value,
        String warning) {
    private static final Logger LOG = LoggerFactory.getLogger(KerasCoupling.class);

    /**
     * Applies the coupling to checked option values (every option present).
     *
     * @param values the values, changed in place
     */
    void apply(Map<OptionDescriptor<?>, Object> values) {
        if (Boolean.TRUE.equals(values.get(trigger)) && !Boolean.valueOf(value).equals(values.get(forced))) {
            values.put(forced, value);
            LOG.warn(warning);
        }
    }
}
