package io.jdatagen.image;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.jdatagen.spi.DataFormat;
import io.jdatagen.spi.FillMode;
import io.jdatagen.spi.OptionNames;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The JSON / map form of an {@link ImageDataGenerator}: Keras's constructor arguments in
 * snake_case, plus {@code fill_value} (alias of {@code cval}), {@code resize},
 * {@code compatibility} and mltk's {@code contrast_range}, {@code noise} (a list of names or
 * objects, see {@link Noise#fromConfig}) and {@code augment_validation}. Unknown keys are errors.
 */
final class GeneratorConfig {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final List<String> KEYS = List.of("featurewise_center", "samplewise_center",
            "featurewise_std_normalization", "samplewise_std_normalization", "zca_whitening", "zca_epsilon",
            "rotation_range", "width_shift_range", "height_shift_range", "brightness_range", "shear_range",
            "zoom_range", "channel_shift_range", "fill_mode", "cval", "fill_value", "horizontal_flip",
            "vertical_flip", "rescale", "preprocessing_function", "data_format", "validation_split",
            "interpolation_order", "dtype", "resize", "compatibility", "contrast_range", "noise",
            "augment_validation");
    private static final Set<String> KNOWN = Set.copyOf(KEYS);

    private GeneratorConfig() {
    }

    static Map<String, Object> toMap(GeneratorOptions o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("featurewise_center", o.featurewiseCenter());
        m.put("samplewise_center", o.samplewiseCenter());
        m.put("featurewise_std_normalization", o.featurewiseStdNormalization());
        m.put("samplewise_std_normalization", o.samplewiseStdNormalization());
        m.put("zca_whitening", o.zcaWhitening());
        m.put("zca_epsilon", o.zcaEpsilon());
        m.put("rotation_range", o.rotationRange());
        m.put("width_shift_range", o.widthShiftRange().toConfigValue());
        m.put("height_shift_range", o.heightShiftRange().toConfigValue());
        m.put("brightness_range", o.brightnessRange() == null ? null : List.of(o.brightnessRange()[0],
                o.brightnessRange()[1]));
        m.put("shear_range", o.shearRange());
        m.put("zoom_range", List.of(o.zoomRange()[0], o.zoomRange()[1]));
        m.put("channel_shift_range", o.channelShiftRange());
        m.put("fill_mode", o.fillMode().kerasName());
        m.put("cval", o.cval());
        m.put("horizontal_flip", o.horizontalFlip());
        m.put("vertical_flip", o.verticalFlip());
        m.put("rescale", o.rescale());
        m.put("data_format", o.dataFormat().kerasName());
        m.put("validation_split", o.validationSplit());
        m.put("interpolation_order", o.interpolation().order());
        m.put("dtype", o.precision().kerasName());
        m.put("resize", o.resize() == null ? null : List.of(o.resize()[0], o.resize()[1]));
        m.put("compatibility", o.compatibility().configName());
        m.put("contrast_range", o.contrastRange() == null ? null : List.of(o.contrastRange()[0],
                o.contrastRange()[1]));
        m.put("noise", o.noise().isEmpty() ? null : o.noise().stream().map(Noise::toConfig).toList());
        m.put("augment_validation", o.augmentValidation());
        return m;
    }

    static String toJson(Map<String, Object> config) {
        try {
            return JSON.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write generator config as JSON", e);
        }
    }

    static Map<String, Object> parse(String json) {
        try {
            Map<String, Object> map = JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() { });
            if (map == null) {
                throw new IllegalArgumentException("generator config JSON must be an object; got: null");
            }
            return map;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("generator config is not a valid JSON object: "
                    + e.getOriginalMessage(), e);
        }
    }

    static GeneratorBuilder toBuilder(Map<String, ?> config) {
        for (String key : config.keySet()) {
            if (!KNOWN.contains(key)) {
                throw new IllegalArgumentException("unknown ImageDataGenerator option '" + key + "'; allowed: "
                        + KEYS);
            }
        }
        GeneratorBuilder b = ImageDataGenerator.builder();
        b.featurewiseCenter(bool(config, "featurewise_center"))
                .samplewiseCenter(bool(config, "samplewise_center"))
                .featurewiseStdNormalization(bool(config, "featurewise_std_normalization"))
                .samplewiseStdNormalization(bool(config, "samplewise_std_normalization"))
                .zcaWhitening(bool(config, "zca_whitening"))
                .horizontalFlip(bool(config, "horizontal_flip"))
                .verticalFlip(bool(config, "vertical_flip"));
        number(config, "zca_epsilon").ifPresent(b::zcaEpsilon);
        number(config, "rotation_range").ifPresent(b::rotationRange);
        number(config, "shear_range").ifPresent(b::shearRange);
        number(config, "channel_shift_range").ifPresent(b::channelShiftRange);
        number(config, "validation_split").ifPresent(b::validationSplit);
        b.widthShiftRange(ShiftRange.fromConfigValue("width_shift_range", config.get("width_shift_range")));
        b.heightShiftRange(ShiftRange.fromConfigValue("height_shift_range", config.get("height_shift_range")));
        zoom(config.get("zoom_range"), b);
        brightness(config.get("brightness_range"), b);
        cval(config, b);
        Object rescale = config.get("rescale");
        if (rescale != null && !(rescale instanceof Number)) {
            throw new IllegalArgumentException("rescale must be a number or null; got: " + rescale);
        }
        b.rescale(rescale == null ? null : ((Number) rescale).doubleValue());
        if (config.get("preprocessing_function") != null) {
            throw new IllegalArgumentException("preprocessing_function cannot be loaded from a config; got: "
                    + config.get("preprocessing_function") + ". Set it with Builder.preprocessingFunction.");
        }
        if (config.get("fill_mode") != null) {
            b.fillMode(FillMode.fromKerasName(string(config, "fill_mode")));
        }
        if (config.get("data_format") != null) {
            b.dataFormat(dataFormat(string(config, "data_format")));
        }
        Object order = config.get("interpolation_order");
        if (order != null) {
            if (!(order instanceof Integer || order instanceof Long)) {
                throw new IllegalArgumentException("interpolation_order must be an integer, 0 or 1; got: " + order);
            }
            b.interpolationOrder(((Number) order).intValue());
        }
        b.dtype(Precision.fromKerasName(config.get("dtype") == null ? null : string(config, "dtype")));
        resize(config.get("resize"), b);
        if (config.get("compatibility") != null) {
            b.compatibility(Compatibility.fromConfigName(string(config, "compatibility")));
        }
        Object contrast = config.get("contrast_range");
        if (contrast != null) {
            double[] pair = pair(contrast);
            if (pair == null) {
                throw new IllegalArgumentException("contrast_range must be a list of two numbers [low, high] or null;"
                        + " got: " + contrast);
            }
            b.contrastRange(pair[0], pair[1]);
        }
        noise(config.get("noise"), b);
        if (config.get("augment_validation") != null) {
            b.augmentValidation(bool(config, "augment_validation"));
        }
        return b;
    }

    static DataFormat dataFormat(String name) {
        try {
            return DataFormat.fromKerasName(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("`data_format` should be `\"channels_last\"` (channel after row and"
                    + " column) or `\"channels_first\"` (channel before row and column). Received: " + name
                    + OptionNames.hint(name, List.of("channels_last", "channels_first")).replaceFirst("^ ", ". "), e);
        }
    }

    private static void zoom(Object v, GeneratorBuilder b) {
        if (v == null) {
            return;
        }
        if (v instanceof Number n) {
            b.zoomRange(n.doubleValue());
            return;
        }
        double[] pair = pair(v);
        if (pair == null) {
            throw new IllegalArgumentException("`zoom_range` should be a float or a tuple or list of two floats"
                    + " (a number or an array of two numbers in JSON). Received: " + v);
        }
        b.zoomRange(pair[0], pair[1]);
    }

    private static void brightness(Object v, GeneratorBuilder b) {
        if (v == null) {
            return;
        }
        double[] pair = pair(v);
        if (pair == null) {
            throw new IllegalArgumentException("`brightness_range should be tuple or list of two floats (an array of"
                    + " two numbers in JSON). Received: " + v);
        }
        b.brightnessRange(pair[0], pair[1]);
    }

    private static void noise(Object v, GeneratorBuilder b) {
        if (v == null) {
            return;
        }
        List<?> items = v instanceof List<?> list ? list : List.of(v);
        b.noise(items.stream().map(Noise::fromConfig).toList());
    }

    private static void resize(Object v, GeneratorBuilder b) {
        if (v == null) {
            return;
        }
        double[] pair = pair(v);
        if (pair == null || pair[0] != Math.rint(pair[0]) || pair[1] != Math.rint(pair[1]) || pair[0] < 1
                || pair[1] < 1 || pair[0] > Integer.MAX_VALUE || pair[1] > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("resize must be a list of two integers [height, width] from 1 to "
                    + Integer.MAX_VALUE + ", or null; got: " + v);
        }
        b.resize((int) pair[0], (int) pair[1]);
    }

    private static void cval(Map<String, ?> config, GeneratorBuilder b) {
        var cval = number(config, "cval");
        var fill = number(config, "fill_value");
        if (cval.isPresent() && fill.isPresent() && Double.compare(cval.getAsDouble(), fill.getAsDouble()) != 0) {
            throw new IllegalArgumentException("cval and fill_value are the same option and disagree: cval="
                    + cval.getAsDouble() + ", fill_value=" + fill.getAsDouble());
        }
        cval.ifPresent(b::cval);
        fill.ifPresent(b::cval);
    }

    private static double[] pair(Object v) {
        if (v instanceof List<?> list && list.size() == 2 && list.get(0) instanceof Number a
                && list.get(1) instanceof Number c) {
            return new double[] {a.doubleValue(), c.doubleValue()};
        }
        return null;
    }

    private static boolean bool(Map<String, ?> config, String key) {
        Object v = config.get(key);
        if (v == null) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        throw new IllegalArgumentException(key + " must be true or false; got: " + v);
    }

    private static OptionalDouble number(Map<String, ?> config, String key) {
        Object v = config.get(key);
        if (v == null) {
            return OptionalDouble.empty();
        }
        if (v instanceof Number n) {
            return OptionalDouble.of(n.doubleValue());
        }
        throw new IllegalArgumentException(key + " must be a number; got: " + v);
    }

    private static String string(Map<String, ?> config, String key) {
        Object v = config.get(key);
        if (v instanceof String s) {
            return s;
        }
        throw new IllegalArgumentException(key + " must be a string; got: " + v);
    }

    /** A number as Python prints it: {@code 5} for whole numbers, else the shortest repr. */
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
