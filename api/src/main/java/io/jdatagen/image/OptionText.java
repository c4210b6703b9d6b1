package io.jdatagen.image;

import java.math.BigDecimal;
import java.util.Arrays;

/** How option values appear in messages: arrays by element, numbers as Python prints them where Keras's do. */
final class OptionText {
    private OptionText() {
    }

    /** {@return {@code value} for a message: arrays by element ({@code [0, 4]}), anything else as itself} */
    static String print(Object value) {
        if (value instanceof double[] a) {
            return Arrays.toString(a);
        }
        if (value instanceof int[] a) {
            return Arrays.toString(a);
        }
        return String.valueOf(value);
    }

    /** {@return a number as Python prints it: {@code 5} for whole numbers, else the shortest repr} */
    static String pythonNumber(double v) {
        if (!Double.isFinite(v)) {
            return Double.isNaN(v) ? "nan" : v > 0 ? "inf" : "-inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return BigDecimal.valueOf(v).toString();
    }
}
