package io.jdatagen.layers;

import io.jdatagen.augment.Resampling;
import io.jdatagen.boxes.BoxFormat;
import io.jdatagen.core.FillMode;
import io.jdatagen.core.Interpolation;
import io.jdatagen.spi.WrapConvention;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The arguments the geometric Keras layers share: the base keys every Keras layer config starts with
 * ({@code name}, {@code trainable}, {@code dtype}, {@code data_format}), Keras's factor ranges, and the
 * mapping of {@code fill_mode} and {@code interpolation} onto this library's warp settings.
 *
 * <p>TensorFlow's {@code ImageProjectiveTransformV3}, which Keras's {@code affine_transform} runs, reads
 * the fill value per interpolation tap in its {@code constant} mode ({@link FillMode#GRID_CONSTANT}),
 * clamps in {@code nearest} ({@link FillMode#NEAREST}) and reflects half-sample symmetrically in
 * {@code reflect} ({@link FillMode#REFLECT}): these three match within float32 rounding. Its {@code wrap}
 * repeats with period {@code n} and then clamps the coordinate to {@code [0, n − 1]}, so a point in the seam
 * band {@code (n − 1, n)} reads the last pixel; {@link FillMode#GRID_WRAP} (true periodic repetition) equals it
 * everywhere else and blends the last and the first pixel in that band.
 */
final class GeometricArgs {
    static final List<String> FILL_MODES = List.of("reflect", "wrap", "constant", "nearest");
    static final List<String> INTERPOLATIONS = List.of("nearest", "bilinear");

    /**
     * Keras's {@code bounding_box_format}, which the base config holds after {@code data_format} when it is set:
     * the format of the boxes the layer moves (kept for the round trip; checked against the boxes given).
     */
    static final String BOX_FORMAT = "bounding_box_format";
    /** The base keys of a geometric layer's config: {@link LayerConfig#KEYS} and {@link #BOX_FORMAT}. */
    private static final List<String> BASE_KEYS = List.of("name", "trainable", "dtype", "data_format", BOX_FORMAT);

    private GeometricArgs() {
    }

    /** The base keys of a config in Keras's order: name, trainable, dtype, data_format. */
    static Map<String, Object> base(String name, String dataFormat) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("trainable", true);
        m.put("dtype", LayerConfig.float32Policy());
        m.put("data_format", dataFormat);
        return m;
    }

    /**
     * {@code config}'s base keys written over {@code base(...)}'s defaults, so that a loaded config's name,
     * trainable, dtype and {@code bounding_box_format} come back out as they went in.
     *
     * @throws IllegalArgumentException for a {@code bounding_box_format} that is not one of Keras's formats
     */
    static Map<String, Object> base(Map<String, Object> config, String defaultName) {
        Map<String, Object> m = base(defaultName, dataFormat(config));
        for (String k : LayerConfig.KEYS) {
            if (config.containsKey(k) && !k.equals("data_format")) {
                m.put(k, config.get(k));
            }
        }
        Object boxFormat = config.get(BOX_FORMAT);
        if (boxFormat != null) {
            BoxFormat.fromKerasName(boxFormat instanceof String name ? name : String.valueOf(boxFormat));
            m.put(BOX_FORMAT, boxFormat);
        }
        return m;
    }

    /**
     * Checks that {@code config} has no key beyond the base keys and {@code keys}.
     *
     * @throws IllegalArgumentException naming the unexpected key and the layer's keys
     */
    static void checkKeys(String layer, Map<String, Object> config, List<String> keys) {
        LayerConfig.checkKeys(layer, config, BASE_KEYS, keys);
    }

    /** {@return Keras's data_format of {@code config} (channels_last when absent or null)} */
    static String dataFormat(Map<String, Object> config) {
        Object v = config.get("data_format");
        return dataFormat(v == null ? null : String.valueOf(v));
    }

    /**
     * {@return {@code value}, or channels_last for null}
     *
     * @throws IllegalArgumentException for anything but channels_last and channels_first
     */
    static String dataFormat(String value) {
        if (value == null) {
            return "channels_last";
        }
        String v = value.toLowerCase(java.util.Locale.ROOT);
        if (!v.equals("channels_last") && !v.equals("channels_first")) {
            throw new IllegalArgumentException("The `data_format` argument must be one of {'channels_first',"
                    + " 'channels_last'}. Received: data_format=" + value);
        }
        return v;
    }

    /**
     * Checks Keras's fill_mode and interpolation arguments (Keras raises NotImplementedError with these texts).
     *
     * @throws IllegalArgumentException for a fill mode or interpolation Keras's affine layers do not accept
     */
    static void checkModes(String fillMode, String interpolation) {
        if (!FILL_MODES.contains(fillMode)) {
            throw new IllegalArgumentException("Unknown `fill_mode` " + fillMode + ". Expected of one "
                    + "('reflect', 'wrap', 'constant', 'nearest').");
        }
        if (!INTERPOLATIONS.contains(interpolation)) {
            throw new IllegalArgumentException("Unknown `interpolation` " + interpolation + ". Expected of one "
                    + "('nearest', 'bilinear').");
        }
    }

    /** {@return the warp settings that reproduce TensorFlow's projective transform with these Keras modes} */
    static Resampling resampling(String fillMode, String interpolation, double fillValue) {
        FillMode mode = switch (fillMode) {
            case "constant" -> FillMode.GRID_CONSTANT;
            case "nearest" -> FillMode.NEAREST;
            case "reflect" -> FillMode.REFLECT;
            case "wrap" -> FillMode.GRID_WRAP;
            default -> throw new IllegalArgumentException("fill_mode must be one of " + FILL_MODES + "; got: "
                    + fillMode);
        };
        Interpolation interp = interpolation.equals("nearest") ? Interpolation.NEAREST : Interpolation.BILINEAR;
        return new Resampling(interp, mode, fillValue, WrapConvention.PERIODIC);
    }

    /**
     * {@return {@code factor} (a number or a list of two numbers) as Keras's sorted {@code {lower, upper}}:
     * a number {@code f} means {@code [-|f|, |f|]}}
     *
     * @param argName the argument's Keras name, for the message
     * @param min the smallest value allowed (inclusive unless {@code minExclusive})
     * @param max the largest value allowed
     * @param error Keras's message, the received value is appended
     * @throws IllegalArgumentException for a factor of another shape or out of range
     */
    static double[] factor(Object factor, String argName, double min, boolean minExclusive, double max,
            String error) {
        double[] pair;
        if (factor instanceof List<?> list) {
            if (list.size() != 2 || !(list.get(0) instanceof Number a) || !(list.get(1) instanceof Number b)) {
                throw new IllegalArgumentException(error + "Received: " + argName + "=" + factor);
            }
            check(a.doubleValue(), min, minExclusive, max, error);
            check(b.doubleValue(), min, minExclusive, max, error);
            pair = new double[] {Math.min(a.doubleValue(), b.doubleValue()),
                Math.max(a.doubleValue(), b.doubleValue())};
        } else if (factor instanceof Number n) {
            double f = n.doubleValue();
            check(f, min, minExclusive, max, error);
            pair = new double[] {-Math.abs(f), Math.abs(f)};
        } else {
            throw new IllegalArgumentException(error + "Received: " + argName + "=" + factor);
        }
        return pair;
    }

    private static void check(double v, double min, boolean minExclusive, double max, String error) {
        if (!(v <= max) || (minExclusive ? !(v > min) : !(v >= min))) {
            throw new IllegalArgumentException(error + "Received: input_number=" + v);
        }
    }

    /**
     * {@return a factor given in Java as a config holds it: {@code {f}} as the number {@code f},
     * {@code {lower, upper}} as a list of two numbers}
     *
     * @throws IllegalArgumentException for null or another length
     */
    static Object factorValue(double[] factor) {
        if (factor == null || (factor.length != 1 && factor.length != 2)) {
            throw new IllegalArgumentException("a factor is {f} or {lower, upper}; got: "
                    + (factor == null ? null : java.util.Arrays.toString(factor)));
        }
        return factor.length == 1 ? (Object) factor[0] : List.of(factor[0], factor[1]);
    }

    /**
     * {@return argument {@code key} of {@code config}}
     *
     * @throws IllegalArgumentException when it is missing or null, as Keras's constructor needs it
     */
    static Object required(String layer, Map<String, Object> config, String key) {
        Object v = config.get(key);
        if (v == null) {
            throw new IllegalArgumentException(layer + ".__init__() missing required argument: '" + key + "'");
        }
        return v;
    }

    /** {@return a number argument of {@code config}, or {@code absent} when missing} */
    static double number(Map<String, Object> config, String key, double absent) {
        Object v = config.get(key);
        if (v == null) {
            return absent;
        }
        if (!(v instanceof Number n)) {
            throw new IllegalArgumentException("`" + key + "` must be a number; got: " + v);
        }
        return n.doubleValue();
    }

    /** {@return an integer argument of {@code config}} */
    static int integer(Map<String, Object> config, String key) {
        Object v = config.get(key);
        if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
            throw new IllegalArgumentException("`" + key + "` must be an integer; got: " + v);
        }
        return LayerConfig.intOf(n, "`" + key + "`");
    }

    /** {@return a string argument of {@code config}, or {@code absent} when missing} */
    static String string(Map<String, Object> config, String key, String absent) {
        Object v = config.get(key);
        return v == null ? absent : String.valueOf(v);
    }

    /** {@return the seed of {@code config}: an integer (an Integer when it fits one, as JSON reads it) or null} */
    static Number seed(Map<String, Object> config) {
        return seed(config.get("seed"));
    }

    /** {@return {@code v} as a seed: an Integer when it fits one, else a Long; null stays null} */
    static Number seed(Object v) {
        if (v == null) {
            return null;
        }
        if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
            throw new IllegalArgumentException("`seed` must be an integer or None; got: " + v);
        }
        long l = n.longValue();
        return l == (int) l ? (Number) (int) l : (Number) l;
    }
}
