package io.jdatagen.image;

import io.jdatagen.core.OptionNames;
import io.jdatagen.spi.WrapConvention;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.DoubleSupplier;

/**
 * Which geometry convention a generator follows. Everything else (matrix
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

    /** {@return the period convention of the wrap fill mode in this convention} */
    public WrapConvention wrapConvention() {
        return wrapConvention;
    }

    /**
     * {@return the pivot {@code {x, y}} (column, row) that rotation, shear and zoom turn about in an image of
     * {@code height × width}: the true centre, or in {@link #KERAS_REFERENCE} the reference's pivot with
     * height and width crossed}
     */
    public double[] pivot(double height, double width) {
        return this == KERAS_REFERENCE ? new double[] {height / 2 - 0.5, width / 2 - 0.5}
                : new double[] {width / 2 - 0.5, height / 2 - 0.5};
    }

    /**
     * {@return the shifts {@code {tx, ty}} (along columns, along rows) from the draws of the width and the
     * height shift ranges, drawn in Keras's order (the column shift first)} In {@link #KERAS_REFERENCE} the
     * height range feeds the column shift, as in the reference.
     */
    public double[] drawShifts(DoubleSupplier widthShift, DoubleSupplier heightShift) {
        if (this == KERAS_REFERENCE) {
            double tx = heightShift.getAsDouble();
            return new double[] {tx, widthShift.getAsDouble()};
        }
        double tx = widthShift.getAsDouble();
        return new double[] {tx, heightShift.getAsDouble()};
    }

    /**
     * {@return whether flows replay Keras's random streams: numpy's MT19937 reseeded per batch, so that
     * augmented batches equal Keras's for the same seed ({@link #KERAS_REFERENCE} only)}
     */
    public boolean replaysKerasStreams() {
        return this == KERAS_REFERENCE;
    }

    /** {@return the JSON spelling: {@code documented} or {@code keras_reference}} */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@link #configName()}, case-insensitively.
     *
     * @return the compatibility
     * @throws IllegalArgumentException naming the value and the allowed ones
     */
    public static Compatibility fromConfigName(String name) {
        return OptionNames.parse("compatibility", name, Arrays.asList(values()), Compatibility::configName);
    }
}
