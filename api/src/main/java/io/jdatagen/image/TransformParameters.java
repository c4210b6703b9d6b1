package io.jdatagen.image;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The parameters of one random augmentation, as Keras's {@code get_random_transform} returns
 * them. Geometry uses Keras's meaning: {@code tx} shifts along the column
 * axis and {@code ty} along the row axis, in pixels.
 *
 * @param theta rotation in degrees
 * @param tx shift along the column axis in pixels
 * @param ty shift along the row axis in pixels
 * @param shear shear in degrees
 * @param zx zoom along the column axis
 * @param zy zoom along the row axis
 * @param flipHorizontal whether to flip along the column axis
 * @param flipVertical whether to flip along the row axis
 * @param channelShiftIntensity the channel shift, if any
 * @param brightness the brightness factor, if any
 */
public record TransformParameters(double theta, double tx, double ty, double shear, double zx, double zy,
        boolean flipHorizontal, boolean flipVertical, OptionalDouble channelShiftIntensity,
        OptionalDouble brightness) {

    private static final Set<String> KEYS = Set.of("theta", "tx", "ty", "shear", "zx", "zy",
            "flip_horizontal", "flip_vertical", "channel_shift_intensity", "brightness");

    /**
     * Rejects null optionals.
     *
     * @param tx the shift along the column axis, in pixels
     * @param ty the shift along the row axis, in pixels
     * @param zx the zoom along the column axis
     * @param zy the zoom along the row axis
     */
    public TransformParameters {
        if (channelShiftIntensity == null || brightness == null) {
            throw new IllegalArgumentException("use OptionalDouble.empty() for an absent channel shift or"
                    + " brightness, not null");
        }
    }

    /** {@return the parameters that change nothing} */
    public static TransformParameters identity() {
        return new TransformParameters(0, 0, 0, 0, 1, 1, false, false, OptionalDouble.empty(),
                OptionalDouble.empty());
    }

    /**
     * Only geometry: rotation, shifts, shear and zoom.
     *
     * @param tx the shift along the column axis, in pixels
     * @param ty the shift along the row axis, in pixels
     * @param zx the zoom along the column axis
     * @param zy the zoom along the row axis
     * @return the transform parameters
     */
    public static TransformParameters affine(double theta, double tx, double ty, double shear, double zx,
            double zy) {
        return new TransformParameters(theta, tx, ty, shear, zx, zy, false, false, OptionalDouble.empty(),
                OptionalDouble.empty());
    }

    /**
     * {@return a copy with the given flips}
     */
    public TransformParameters withFlips(boolean horizontal, boolean vertical) {
        return new TransformParameters(theta, tx, ty, shear, zx, zy, horizontal, vertical,
                channelShiftIntensity, brightness);
    }

    /**
     * {@return a copy with the given channel shift intensity}
     */
    public TransformParameters withChannelShift(double intensity) {
        return new TransformParameters(theta, tx, ty, shear, zx, zy, flipHorizontal, flipVertical,
                OptionalDouble.of(intensity), brightness);
    }

    /**
     * {@return a copy with the given brightness factor}
     */
    public TransformParameters withBrightness(double factor) {
        return new TransformParameters(theta, tx, ty, shear, zx, zy, flipHorizontal, flipVertical,
                channelShiftIntensity, OptionalDouble.of(factor));
    }

    /** {@return whether any of rotation, shift, shear or zoom is present (Keras's factor triggers)} */
    public boolean hasAffine() {
        return theta != 0 || tx != 0 || ty != 0 || shear != 0 || zx != 1 || zy != 1;
    }

    /**
     * Reads a Keras parameter dict ({@code theta, tx, ty, shear, zx, zy, flip_horizontal, flip_vertical,
     * channel_shift_intensity, brightness}); missing keys take their identity value, null means absent, flips
     * accept booleans or 0/1.
     *
     * @return the transform parameters
     * @throws IllegalArgumentException naming an unknown key or a value of the wrong type
     */
    public static TransformParameters fromMap(Map<String, ?> map) {
        for (String key : map.keySet()) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown transform parameter '" + key + "'; allowed: "
                        + new java.util.TreeSet<>(KEYS));
            }
        }
        return new TransformParameters(number(map, "theta", 0), number(map, "tx", 0), number(map, "ty", 0),
                number(map, "shear", 0), number(map, "zx", 1), number(map, "zy", 1),
                flag(map, "flip_horizontal"), flag(map, "flip_vertical"),
                optional(map, "channel_shift_intensity"), optional(map, "brightness"));
    }

    /** {@return this as a Keras parameter dict (absent optionals as null)} */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("theta", theta);
        m.put("tx", tx);
        m.put("ty", ty);
        m.put("shear", shear);
        m.put("zx", zx);
        m.put("zy", zy);
        m.put("flip_horizontal", flipHorizontal);
        m.put("flip_vertical", flipVertical);
        m.put("channel_shift_intensity", channelShiftIntensity.isPresent()
                ? channelShiftIntensity.getAsDouble() : null);
        m.put("brightness", brightness.isPresent() ? brightness.getAsDouble() : null);
        return m;
    }

    private static double number(Map<String, ?> map, String key, double absent) {
        Object v = map.get(key);
        if (v == null) {
            return absent;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException("transform parameter '" + key + "' must be a number; got: " + v);
    }

    private static boolean flag(Map<String, ?> map, String key) {
        Object v = map.get(key);
        if (v == null) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Number n) {
            return n.doubleValue() != 0;
        }
        throw new IllegalArgumentException("transform parameter '" + key + "' must be a boolean or 0/1; got: "
                + v);
    }

    private static OptionalDouble optional(Map<String, ?> map, String key) {
        Object v = map.get(key);
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(number(map, key, 0));
    }
}
