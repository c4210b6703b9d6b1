package io.jdatagen.core;

import java.util.Arrays;

/**
 * The element type of a batch written into a {@link BufferTensor}: float32 (the default of heap
 * {@link Tensor}s), IEEE 754 half precision, or unsigned 8-bit integers (rounded to the nearest
 * integer, ties to even, and saturated to 0–255).
 */
public enum ElementType {
    /** 32-bit IEEE 754 floats. */
    FLOAT32("float32", 4),
    /** 16-bit IEEE 754 floats (binary16), rounded to nearest, ties to even. */
    FLOAT16("float16", 2),
    /** Unsigned bytes 0–255. */
    UINT8("uint8", 1);

    private final String pythonName;
    private final int bytes;

    ElementType(String pythonName, int bytes) {
        this.pythonName = pythonName;
        this.bytes = bytes;
    }

    /** {@return the numpy spelling, e.g. {@code "float16"}} */
    public String pythonName() {
        return pythonName;
    }

    /** {@return bytes per element} */
    public int bytes() {
        return bytes;
    }

    /**
     * {@return the element type of a numpy spelling ({@code float32}, {@code float16}, {@code uint8}),
     * under {@link OptionNames}' rule (case and surrounding blanks ignored)}
     *
     * @throws IllegalArgumentException naming the value, a close spelling and the allowed values
     */
    public static ElementType parse(String name) {
        return OptionNames.parse("output", name, Arrays.asList(values()), ElementType::pythonName);
    }

    /**
     * {@return {@code value} as this type would store it, read back as a float}
     */
    public float round(float value) {
        return switch (this) {
            case FLOAT32 -> value;
            case FLOAT16 -> HalfFloat.toFloat(HalfFloat.fromFloat(value));
            case UINT8 -> Byte.toUnsignedInt(saturatedByte(value));
        };
    }

    /** {@code value} rounded to the nearest integer (ties to even) and saturated to 0–255; NaN gives 0. */
    static byte saturatedByte(float value) {
        return (byte) Math.max(0, Math.min(255, (int) Math.rint(value)));
    }
}
