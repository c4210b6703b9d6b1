package io.jdatagen.image;

import io.jdatagen.spi.WrapConvention;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Which geometry convention a generator follows (KERAS-SPEC.md preface). Everything else (matrix
 * order, inverse mapping, boundary rules, statistics, the order of steps) is the same in both.
 */
public enum Compatibility {
    /**
     * What Keras documents and users expect (the default): rotation, shear and zoom about the true
     * centre {@code ((h-1)/2, (w-1)/2)}; {@code width_shift_range} moves content horizontally and
     * {@code height_shift_range} vertically; {@code wrap} repeats with period n.
     */
    DOCUMENTED(WrapConvention.PERIODIC),
    /**
     * Bit-for-bit the Keras reference, quirks included: the pivot with height and width crossed,
     * {@code height_shift_range} feeding the horizontal shift, scipy's {@code wrap} with period n-1.
     */
    KERAS_REFERENCE(WrapConvention.SCIPY);

    private final WrapConvention wrapConvention;

    Compatibility(WrapConvention wrapConvention) {
        this.wrapConvention = wrapConvention;
    }

    /** The period convention of the wrap fill mode in this convention. */
    public WrapConvention wrapConvention() {
        return wrapConvention;
    }

    /** The JSON spelling: {@code documented} or {@code keras_reference}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@link #configName()}, case-insensitively.
     *
     * @throws IllegalArgumentException naming the value and the allowed ones
     */
    public static Compatibility fromConfigName(String name) {
        for (Compatibility c : values()) {
            if (c.configName().equalsIgnoreCase(String.valueOf(name))) {
                return c;
            }
        }
        throw new IllegalArgumentException("compatibility must be one of "
                + Arrays.stream(values()).map(Compatibility::configName).collect(Collectors.joining(", "))
                + "; got: " + name);
    }
}
