package io.jdatagen.core;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * IEEE 754 binary16 conversions: round to nearest, ties to even, with subnormals, infinities and NaN
 * kept. On Java 20 and later the JDK's {@code Float.floatToFloat16} does it (one instruction where the
 * CPU has one); on older JDKs the same rounding is computed here.
 */
final class HalfFloat {
    private static final MethodHandle JDK_FROM_FLOAT = jdkConversion();

    private HalfFloat() {
    }

    private static MethodHandle jdkConversion() {
        try {
            return MethodHandles.publicLookup().findStatic(Float.class, "floatToFloat16",
                    MethodType.methodType(short.class, float.class));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            return null;
        }
    }

    /** {@return the binary16 bits nearest to {@code value}} */
    static short fromFloat(float value) {
        if (JDK_FROM_FLOAT != null) {
            try {
                return (short) JDK_FROM_FLOAT.invokeExact(value);
            } catch (Throwable e) {
                throw new IllegalStateException("Float.floatToFloat16 failed", e);
            }
        }
        return convert(value);
    }

    /** The conversion for JDKs without {@code Float.floatToFloat16}. */
    static short convert(float value) {
        int bits = Float.floatToRawIntBits(value);
        int sign = (bits >>> 16) & 0x8000;
        int exponent = (bits >>> 23) & 0xFF;
        int mantissa = bits & 0x7FFFFF;
        if (exponent == 0xFF) {
            return (short) (sign | 0x7C00 | (mantissa == 0 ? 0 : 0x200 | (mantissa >>> 13)));
        }
        int e = exponent - 127 + 15;
        if (e >= 0x1F) {
            return (short) (sign | 0x7C00);
        }
        if (e <= 0) {
            if (e < -10) {
                return (short) sign;
            }
            int m = mantissa | 0x800000;
            int shift = 14 - e;
            int half = m >>> shift;
            int rest = m & ((1 << shift) - 1);
            int midpoint = 1 << (shift - 1);
            if (rest > midpoint || (rest == midpoint && (half & 1) == 1)) {
                half++;
            }
            return (short) (sign | half);
        }
        int half = (e << 10) | (mantissa >>> 13);
        int rest = mantissa & 0x1FFF;
        if (rest > 0x1000 || (rest == 0x1000 && (half & 1) == 1)) {
            half++;
        }
        return (short) (sign | half);
    }

    /** {@return the float value of binary16 {@code bits}} */
    static float toFloat(short bits) {
        int h = bits & 0xFFFF;
        int sign = (h & 0x8000) << 16;
        int exponent = (h >>> 10) & 0x1F;
        int mantissa = h & 0x3FF;
        if (exponent == 0x1F) {
            return Float.intBitsToFloat(sign | 0x7F800000 | (mantissa << 13));
        }
        if (exponent == 0) {
            float magnitude = mantissa * 0x1p-24f;
            return sign == 0 ? magnitude : -magnitude;
        }
        return Float.intBitsToFloat(sign | ((exponent - 15 + 127) << 23) | (mantissa << 13));
    }
}
