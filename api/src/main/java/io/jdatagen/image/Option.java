package io.jdatagen.image;

import io.jdatagen.augment.Noise;
import io.jdatagen.augment.Step;
import io.jdatagen.core.DataFormat;
import io.jdatagen.core.FillMode;
import io.jdatagen.core.Interpolation;
import io.jdatagen.core.OptionNames;
import io.jdatagen.core.Tensor;
import io.jdatagen.flow.SampleFunction;
import io.jdatagen.image.OptionDescriptor.ConfigForm;
import io.jdatagen.image.OptionDescriptor.Fault;
import io.jdatagen.spi.Backend;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The table of generator options, one {@link OptionDescriptor} each, in the order of Keras's
 * {@code ImageDataGenerator} arguments (then the RFC's and mltk's, then the Java-only ones). The
 * builder's setters, the validated options, {@code getConfig}, {@code fromConfig} and the JSON are
 * all served from it, and Keras's flag couplings are listed here in the order Keras applies them.
 *
 * @see <a href="https://keras.io/api/data_loading/image/">Keras's ImageDataGenerator arguments</a>
 */
final class Option {
    static final OptionDescriptor<Boolean> FEATUREWISE_CENTER = flag("featurewise_center", "featurewiseCenter", false);
    static final OptionDescriptor<Boolean> SAMPLEWISE_CENTER = flag("samplewise_center", "samplewiseCenter", false);
    static final OptionDescriptor<Boolean> FEATUREWISE_STD_NORMALIZATION = flag("featurewise_std_normalization",
            "featurewiseStdNormalization", false);
    static final OptionDescriptor<Boolean> SAMPLEWISE_STD_NORMALIZATION = flag("samplewise_std_normalization",
            "samplewiseStdNormalization", false);
    static final OptionDescriptor<Boolean> ZCA_WHITENING = flag("zca_whitening", "zcaWhitening", false);
    static final OptionDescriptor<Double> ZCA_EPSILON = nonNegative("zca_epsilon", "zcaEpsilon", 1e-6);
    static final OptionDescriptor<Double> ROTATION_RANGE = nonNegative("rotation_range", "rotationRange", 0.0);
    static final OptionDescriptor<ShiftRange> WIDTH_SHIFT_RANGE = shift("width_shift_range", "widthShiftRange");
    static final OptionDescriptor<ShiftRange> HEIGHT_SHIFT_RANGE = shift("height_shift_range", "heightShiftRange");
    static final OptionDescriptor<double[]> BRIGHTNESS_RANGE = OptionDescriptor.option("brightness_range",
            (double[]) null).nullable().setters("brightnessRange", "noBrightness")
            .allowed("tuple or list of two floats").valid(r -> finite(r) && r[0] <= r[1]).copy(double[]::clone)
            // Keras's message, its missing backquote included, with the form the user wrote.
            .complaint((o, fault, got) -> "`brightness_range should be " + o.allowed() + " (" + (fault == Fault.VALUE
                    ? "brightnessRange(low, high), finite, low <= high, in Java" : "an array of two numbers in JSON")
                    + "). Received: " + OptionText.print(got))
            .write(Option::list).read(Option::pair).done();
    static final OptionDescriptor<Double> SHEAR_RANGE = nonNegative("shear_range", "shearRange", 0.0);
    static final OptionDescriptor<double[]> ZOOM_RANGE = OptionDescriptor.option("zoom_range", new double[] {1, 1})
            .setters("zoomRange").allowed("a float or a tuple or list of two floats")
            .valid(Option::finite).copy(double[]::clone)
            .complaint((o, fault, got) -> "`zoom_range` should be " + o.allowed() + " (" + (fault == Fault.VALUE
                    ? "zoomRange(range) or zoomRange(lower, upper), finite, in Java"
                    : "a number or an array of two numbers in JSON") + "). Received: " + OptionText.print(got))
            .write(Option::list).read(v -> v instanceof Number n ? zoom(n.doubleValue()) : pair(v)).done();
    static final OptionDescriptor<Double> CHANNEL_SHIFT_RANGE = nonNegative("channel_shift_range",
            "channelShiftRange", 0.0);
    static final OptionDescriptor<FillMode> FILL_MODE = named("fill_mode", "fillMode", FillMode.NEAREST,
            FillMode.values(), FillMode::kerasName, FillMode::fromKerasName);
    static final OptionDescriptor<Double> CVAL = OptionDescriptor.option("cval", 0.0).setters("cval", "fillValue")
            .aliases("fill_value").allowed("a finite number").valid(Double::isFinite)
            .complaint((o, fault, got) -> "cval (fill_value) must be " + o.allowed() + "; got: " + got)
            .read(Option::number).done();
    static final OptionDescriptor<Boolean> HORIZONTAL_FLIP = flag("horizontal_flip", "horizontalFlip", false);
    static final OptionDescriptor<Boolean> VERTICAL_FLIP = flag("vertical_flip", "verticalFlip", false);
    static final OptionDescriptor<Double> RESCALE = OptionDescriptor.option("rescale", (Double) null).nullable()
            .setters("rescale").allowed("a finite number or null (0 or null: no rescale)").valid(Double::isFinite)
            .read(Option::number).done();
    static final OptionDescriptor<UnaryOperator<Tensor>> PREPROCESSING_FUNCTION = OptionDescriptor
            .option("preprocessing_function", (UnaryOperator<Tensor>) null).nullable()
            .setters("preprocessingFunction").allowed("a function, set with Builder.preprocessingFunction")
            .complaint((o, fault, got) -> o.key() + " cannot be loaded from a config; got: " + got + ". It takes "
                    + o.allowed() + ".")
            .configForm(ConfigForm.REJECTED).done();
    static final OptionDescriptor<DataFormat> DATA_FORMAT = OptionDescriptor.option("data_format",
            DataFormat.CHANNELS_LAST).setters("dataFormat")
            .allowed("`\"channels_last\"` (channel after row and column) or `\"channels_first\"` (channel before row"
                    + " and column)")
            .complaint((o, fault, got) -> "`data_format` should be " + o.allowed() + ". Received: " + got)
            .write(DataFormat::kerasName).read(Option::dataFormat).done();
    static final OptionDescriptor<Double> VALIDATION_SPLIT = OptionDescriptor.option("validation_split", 0.0)
            .setters("validationSplit").allowed("strictly between 0 and 1").valid(v -> v == 0 || v > 0 && v < 1)
            // Keras's message, its two spaces and Python's printing of the number included.
            .complaint((o, fault, got) -> "`validation_split` must be " + o.allowed() + ".  Received: "
                    + (got instanceof Double d ? OptionText.pythonNumber(d) : got))
            .read(Option::number).done();
    static final OptionDescriptor<Integer> INTERPOLATION_ORDER = OptionDescriptor.option("interpolation_order", 1)
            .setters("interpolationOrder").allowed("an integer from 0 to 5 (0 nearest, 1 bilinear, 2-5 B-splines)")
            .valid(order -> Arrays.stream(Interpolation.values()).anyMatch(i -> i.order() == order))
            .read(v -> v instanceof Integer i ? i : v instanceof Long l && l == l.intValue() ? l.intValue() : null)
            .done();
    static final OptionDescriptor<Precision> DTYPE = named("dtype", "dtype", Precision.FLOAT32, Precision.values(),
            Precision::kerasName, Precision::fromKerasName);
    static final OptionDescriptor<int[]> RESIZE = OptionDescriptor.option("resize", (int[]) null).nullable()
            .setters("resize", "noResize")
            .allowed("a list of two integers [height, width] from 1 to " + Integer.MAX_VALUE + ", or null")
            .valid(r -> r.length == 2 && r[0] >= 1 && r[1] >= 1).copy(int[]::clone)
            .write(r -> List.of(r[0], r[1])).read(Option::size).done();
    static final OptionDescriptor<Compatibility> COMPATIBILITY = named("compatibility", "compatibility",
            Compatibility.DOCUMENTED, Compatibility.values(), Compatibility::configName,
            Compatibility::fromConfigName);
    static final OptionDescriptor<double[]> CONTRAST_RANGE = OptionDescriptor.option("contrast_range",
            (double[]) null).nullable().setters("contrastRange", "noContrast")
            .allowed("two finite numbers 0 <= low <= high (a list [low, high] in JSON), or null")
            .valid(r -> finite(r) && r[0] >= 0 && r[0] <= r[1]).copy(double[]::clone)
            .write(Option::list).read(Option::pair).done();
    static final OptionDescriptor<List<Noise>> NOISE = OptionDescriptor.option("noise", List.<Noise>of())
            .setters("noise").choices(names(Noise.Kind.values(), Noise.Kind::configName))
            .allowed("a list of noise names (" + String.join(", ", names(Noise.Kind.values(), Noise.Kind::configName))
                    + ") or objects with \"type\" and its parameters, or null for none")
            .copy(List::copyOf).write(kinds -> kinds.isEmpty() ? null : kinds.stream().map(Noise::toConfig).toList())
            .read(v -> (v instanceof List<?> items ? items : List.of(v)).stream().map(Noise::fromConfig).toList())
            .done();
    static final OptionDescriptor<Boolean> AUGMENT_VALIDATION = flag("augment_validation", "augmentValidation", true);
    static final OptionDescriptor<SampleFunction> PRE_AUGMENTATION_FUNCTION = javaOnly("noaug_preprocessing_function",
            "preAugmentationFunction", "a function run before augmentation, or null (not serialisable)");
    static final OptionDescriptor<SampleFunction> CONTEXT_PREPROCESSING_FUNCTION = javaOnly(
            "context_preprocessing_function", "preprocessingFunction",
            "a function run after augmentation with the sample's context, or null (not serialisable)");
    static final OptionDescriptor<Backend> BACKEND = javaOnly("backend", "backend",
            "a backend, or null for the process-wide selection");
    static final OptionDescriptor<List<Step>> STEPS = OptionDescriptor.option("steps", List.<Step>of())
            .setters("step").allowed("steps added after Keras's, in the order of the calls (not serialisable)")
            .configForm(ConfigForm.NONE).copy(List::copyOf).done();

    /** Every option, in the table's order: the order of {@code getConfig} and of validation. */
    static final List<OptionDescriptor<?>> ALL = List.of(FEATUREWISE_CENTER, SAMPLEWISE_CENTER,
            FEATUREWISE_STD_NORMALIZATION, SAMPLEWISE_STD_NORMALIZATION, ZCA_WHITENING, ZCA_EPSILON, ROTATION_RANGE,
            WIDTH_SHIFT_RANGE, HEIGHT_SHIFT_RANGE, BRIGHTNESS_RANGE, SHEAR_RANGE, ZOOM_RANGE, CHANNEL_SHIFT_RANGE,
            FILL_MODE, CVAL, HORIZONTAL_FLIP, VERTICAL_FLIP, RESCALE, PREPROCESSING_FUNCTION, DATA_FORMAT,
            VALIDATION_SPLIT, INTERPOLATION_ORDER, DTYPE, RESIZE, COMPATIBILITY, CONTRAST_RANGE, NOISE,
            AUGMENT_VALIDATION, PRE_AUGMENTATION_FUNCTION, CONTEXT_PREPROCESSING_FUNCTION, BACKEND, STEPS);

    /** The keys a config may hold, each option's key then its aliases, in the table's order. */
    static final List<String> CONFIG_KEYS = ALL.stream().filter(o -> o.configForm() != ConfigForm.NONE)
            .flatMap(o -> o.configKeys().stream()).toList();

    /**
     * Keras's flag couplings, in the order its constructor applies them (each logs Keras's warning when it
     * changes a flag).
     */
    static final List<KerasCoupling> COUPLINGS = List.of(
            new KerasCoupling(ZCA_WHITENING, FEATUREWISE_CENTER, true, "This ImageDataGenerator specifies"
                    + " `zca_whitening`, which overrides setting of `featurewise_center`."),
            new KerasCoupling(ZCA_WHITENING, FEATUREWISE_STD_NORMALIZATION, false, "This ImageDataGenerator"
                    + " specifies `zca_whitening` which overrides setting of `featurewise_std_normalization`."),
            new KerasCoupling(FEATUREWISE_STD_NORMALIZATION, FEATUREWISE_CENTER, true, "This ImageDataGenerator"
                    + " specifies `featurewise_std_normalization`, which overrides setting of `featurewise_center`."),
            new KerasCoupling(SAMPLEWISE_STD_NORMALIZATION, SAMPLEWISE_CENTER, true, "This ImageDataGenerator"
                    + " specifies `samplewise_std_normalization`, which overrides setting of `samplewise_center`."));

    private Option() {
    }

    private static OptionDescriptor<Boolean> flag(String key, String setter, boolean defaultValue) {
        return OptionDescriptor.option(key, defaultValue).setters(setter).allowed("true or false")
                .read(v -> v instanceof Boolean b ? b : null).done();
    }

    private static OptionDescriptor<Double> nonNegative(String key, String setter, double defaultValue) {
        return OptionDescriptor.option(key, defaultValue).setters(setter).allowed("a finite number >= 0")
                .valid(v -> Double.isFinite(v) && v >= 0).read(Option::number).done();
    }

    private static OptionDescriptor<ShiftRange> shift(String key, String setter) {
        return OptionDescriptor.option(key, ShiftRange.NONE).setters(setter).allowed(ShiftRange.ALLOWED)
                .write(ShiftRange::toConfigValue).read(v -> ShiftRange.fromConfigValue(key, v)).done();
    }

    /** An option whose values are named choices: parsed under {@link OptionNames}' rule by the type's parser. */
    private static <T> OptionDescriptor<T> named(String key, String setter, T defaultValue, T[] choices,
            Function<T, String> name, Function<String, T> parse) {
        List<String> names = names(choices, name);
        return OptionDescriptor.option(key, defaultValue).setters(setter).choices(names)
                .allowed("one of " + String.join(", ", names))
                .write(name::apply).read(v -> v == null || v instanceof String ? parse.apply((String) v) : null)
                .done();
    }

    private static <T> List<String> names(T[] choices, Function<T, String> name) {
        return Arrays.stream(choices).map(name).toList();
    }

    private static <T> OptionDescriptor<T> javaOnly(String name, String setter, String allowed) {
        return OptionDescriptor.<T>option(name, null).nullable().setters(setter).allowed(allowed)
                .configForm(ConfigForm.NONE).done();
    }

    private static boolean finite(double[] pair) {
        return pair.length == 2 && Double.isFinite(pair[0]) && Double.isFinite(pair[1]);
    }

    private static double[] zoom(double z) {
        return new double[] {1 - z, 1 + z};
    }

    private static Object list(double[] pair) {
        return List.of(pair[0], pair[1]);
    }

    private static Double number(Object v) {
        return v instanceof Number n ? n.doubleValue() : null;
    }

    private static double[] pair(Object v) {
        if (v instanceof List<?> list && list.size() == 2 && list.get(0) instanceof Number a
                && list.get(1) instanceof Number b) {
            return new double[] {a.doubleValue(), b.doubleValue()};
        }
        return null;
    }

    /** A config's {@code resize}: two whole numbers from 1 to {@link Integer#MAX_VALUE}, else null. */
    private static int[] size(Object v) {
        double[] pair = pair(v);
        return pair != null && isSize(pair[0]) && isSize(pair[1]) ? new int[] {(int) pair[0], (int) pair[1]} : null;
    }

    private static boolean isSize(double d) {
        return d == Math.rint(d) && d >= 1 && d <= Integer.MAX_VALUE;
    }

    /**
     * Keras's {@code data_format} error, with a "did you mean" when the name is close to one: the type's own
     * message names the Java setter, while Keras users search for this text.
     */
    private static DataFormat dataFormat(Object v) {
        if (v != null && !(v instanceof String)) {
            return null;
        }
        try {
            return DataFormat.fromKerasName((String) v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(DATA_FORMAT.invalid(Fault.VALUE, v).getMessage()
                    + OptionNames.hint((String) v, List.of("channels_last", "channels_first"))
                            .replaceFirst("^ ", ". "), e);
        }
    }
}
