package io.jdatagen.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdatagen.augment.Noise;
import io.jdatagen.augment.RandomRotation90;
import io.jdatagen.augment.Step;
import io.jdatagen.core.DataFormat;
import io.jdatagen.core.FillMode;
import io.jdatagen.flow.SampleFunction;
import io.jdatagen.image.OptionDescriptor.ConfigForm;
import io.jdatagen.spi.Backend;
import io.jdatagen.spi.Backends;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The option table is the one place an option is registered: every builder setter sets a table entry,
 * every config option round-trips through the builder, the config and JSON, and every message names the
 * option and what it allows.
 */
class OptionTableTest {
    /** A value other than the default for every option, set through the builder. */
    private static final Map<OptionDescriptor<?>, Consumer<GeneratorBuilder>> NON_DEFAULT = nonDefaults();

    private static Map<OptionDescriptor<?>, Consumer<GeneratorBuilder>> nonDefaults() {
        Map<OptionDescriptor<?>, Consumer<GeneratorBuilder>> m = new LinkedHashMap<>();
        m.put(Option.FEATUREWISE_CENTER, b -> b.featurewiseCenter(true));
        m.put(Option.SAMPLEWISE_CENTER, b -> b.samplewiseCenter(true));
        m.put(Option.FEATUREWISE_STD_NORMALIZATION, b -> b.featurewiseCenter(true).featurewiseStdNormalization(true));
        m.put(Option.SAMPLEWISE_STD_NORMALIZATION, b -> b.samplewiseCenter(true).samplewiseStdNormalization(true));
        m.put(Option.ZCA_WHITENING, b -> b.featurewiseCenter(true).zcaWhitening(true));
        m.put(Option.ZCA_EPSILON, b -> b.zcaEpsilon(0.25));
        m.put(Option.ROTATION_RANGE, b -> b.rotationRange(12.5));
        m.put(Option.WIDTH_SHIFT_RANGE, b -> b.widthShiftRange(ShiftRange.ofInt(3)));
        m.put(Option.HEIGHT_SHIFT_RANGE, b -> b.heightShiftRange(ShiftRange.choices(-0.1, 0.2)));
        m.put(Option.BRIGHTNESS_RANGE, b -> b.brightnessRange(0.5, 1.5));
        m.put(Option.SHEAR_RANGE, b -> b.shearRange(7));
        m.put(Option.ZOOM_RANGE, b -> b.zoomRange(0.8, 1.3));
        m.put(Option.CHANNEL_SHIFT_RANGE, b -> b.channelShiftRange(10));
        m.put(Option.FILL_MODE, b -> b.fillMode("reflect"));
        m.put(Option.CVAL, b -> b.fillValue(7));
        m.put(Option.HORIZONTAL_FLIP, b -> b.horizontalFlip(true));
        m.put(Option.VERTICAL_FLIP, b -> b.verticalFlip(true));
        m.put(Option.RESCALE, b -> b.rescale(1 / 255.0));
        m.put(Option.PREPROCESSING_FUNCTION, b -> b.preprocessingFunction(UnaryOperator.identity()));
        m.put(Option.DATA_FORMAT, b -> b.dataFormat("channels_first"));
        m.put(Option.VALIDATION_SPLIT, b -> b.validationSplit(0.25));
        m.put(Option.INTERPOLATION_ORDER, b -> b.interpolationOrder(3));
        m.put(Option.DTYPE, b -> b.dtype("float64"));
        m.put(Option.RESIZE, b -> b.resize(32, 48));
        m.put(Option.COMPATIBILITY, b -> b.compatibility("keras_reference"));
        m.put(Option.CONTRAST_RANGE, b -> b.contrastRange(0.7, 1.3));
        m.put(Option.NOISE, b -> b.noise(Noise.of(Noise.Kind.GAUSS), Noise.of(Noise.Kind.SALT_AND_PEPPER)));
        m.put(Option.AUGMENT_VALIDATION, b -> b.augmentValidation(false));
        m.put(Option.PRE_AUGMENTATION_FUNCTION, b -> b.preAugmentationFunction((image, context) -> image));
        m.put(Option.CONTEXT_PREPROCESSING_FUNCTION, b -> b.preprocessingFunction((image, context) -> image));
        m.put(Option.BACKEND, b -> b.backend(Backends.current()));
        m.put(Option.STEPS, b -> b.step(new RandomRotation90(0.5)));
        return m;
    }

    /** A config value every option rejects, with or without the builder's check at build time. */
    private static final Map<OptionDescriptor<?>, String> INVALID_JSON = invalidJson();

    private static Map<OptionDescriptor<?>, String> invalidJson() {
        Map<OptionDescriptor<?>, String> m = new LinkedHashMap<>();
        for (var flag : List.of(Option.FEATUREWISE_CENTER, Option.SAMPLEWISE_CENTER,
                Option.FEATUREWISE_STD_NORMALIZATION, Option.SAMPLEWISE_STD_NORMALIZATION, Option.ZCA_WHITENING,
                Option.HORIZONTAL_FLIP, Option.VERTICAL_FLIP, Option.AUGMENT_VALIDATION)) {
            m.put(flag, "\"yes\"");
        }
        m.put(Option.ZCA_EPSILON, "-1");
        m.put(Option.ROTATION_RANGE, "\"ten\"");
        m.put(Option.WIDTH_SHIFT_RANGE, "\"wide\"");
        m.put(Option.HEIGHT_SHIFT_RANGE, "{\"a\": 1}");
        m.put(Option.BRIGHTNESS_RANGE, "[1.5, 0.5]");
        m.put(Option.SHEAR_RANGE, "-3");
        m.put(Option.ZOOM_RANGE, "[1, 2, 3]");
        m.put(Option.CHANNEL_SHIFT_RANGE, "1e400");
        m.put(Option.FILL_MODE, "\"edge\"");
        m.put(Option.CVAL, "\"white\"");
        m.put(Option.RESCALE, "[1]");
        m.put(Option.PREPROCESSING_FUNCTION, "\"my_fn\"");
        m.put(Option.DATA_FORMAT, "\"nhwc\"");
        m.put(Option.VALIDATION_SPLIT, "1");
        m.put(Option.INTERPOLATION_ORDER, "6");
        m.put(Option.DTYPE, "\"float16\"");
        m.put(Option.RESIZE, "[0, 4]");
        m.put(Option.COMPATIBILITY, "\"keras\"");
        m.put(Option.CONTRAST_RANGE, "[-1, 1]");
        m.put(Option.NOISE, "[\"pink\"]");
        return m;
    }

    /** A builder call every value-checked option rejects at build time. */
    private static final Map<OptionDescriptor<?>, Consumer<GeneratorBuilder>> INVALID_JAVA = Map.ofEntries(
            Map.entry(Option.ZCA_EPSILON, b -> b.zcaEpsilon(Double.NaN)),
            Map.entry(Option.ROTATION_RANGE, b -> b.rotationRange(-5)),
            Map.entry(Option.BRIGHTNESS_RANGE, b -> b.brightnessRange(2, 1)),
            Map.entry(Option.SHEAR_RANGE, b -> b.shearRange(Double.POSITIVE_INFINITY)),
            Map.entry(Option.ZOOM_RANGE, b -> b.zoomRange(Double.NaN)),
            Map.entry(Option.CHANNEL_SHIFT_RANGE, b -> b.channelShiftRange(-1)),
            Map.entry(Option.CVAL, b -> b.cval(Double.NaN)),
            Map.entry(Option.RESCALE, b -> b.rescale(Double.NEGATIVE_INFINITY)),
            Map.entry(Option.VALIDATION_SPLIT, b -> b.validationSplit(-0.5)),
            Map.entry(Option.INTERPOLATION_ORDER, b -> b.interpolationOrder(-1)),
            Map.entry(Option.RESIZE, b -> b.resize(4, 0)),
            Map.entry(Option.CONTRAST_RANGE, b -> b.contrastRange(1.2, 0.8)));

    private static List<OptionDescriptor<?>> inConfig() {
        return Option.ALL.stream().filter(o -> o.configForm() == ConfigForm.WRITTEN).toList();
    }

    @Test
    void everyOptionHasASampleValueAndEveryConfigKeyAnInvalidOne() {
        assertEquals(Set.copyOf(Option.ALL), NON_DEFAULT.keySet());
        assertEquals(Set.copyOf(Option.ALL.stream().filter(o -> o.configForm() != ConfigForm.NONE).toList()),
                INVALID_JSON.keySet());
        assertEquals(Option.ALL.size(), Set.copyOf(Option.ALL.stream().map(OptionDescriptor::key).toList()).size(),
                "keys are unique");
    }

    @Test
    void configKeysAreKerasArgumentsInKerasOrderThenTheExtensions() {
        assertEquals(List.of("featurewise_center", "samplewise_center", "featurewise_std_normalization",
                "samplewise_std_normalization", "zca_whitening", "zca_epsilon", "rotation_range", "width_shift_range",
                "height_shift_range", "brightness_range", "shear_range", "zoom_range", "channel_shift_range",
                "fill_mode", "cval", "fill_value", "horizontal_flip", "vertical_flip", "rescale",
                "preprocessing_function", "data_format", "validation_split", "interpolation_order", "dtype", "resize",
                "compatibility", "contrast_range", "noise", "augment_validation"), Option.CONFIG_KEYS);
        assertEquals(inConfig().stream().map(OptionDescriptor::key).toList(),
                List.copyOf(ImageDataGenerator.builder().build().getConfig().keySet()));
    }

    @TestFactory
    Stream<DynamicTest> everyConfigOptionRoundTripsThroughConfigAndJson() {
        Map<String, Object> defaults = ImageDataGenerator.builder().build().getConfig();
        return inConfig().stream().map(option -> DynamicTest.dynamicTest(option.key(), () -> {
            GeneratorBuilder b = ImageDataGenerator.builder();
            NON_DEFAULT.get(option).accept(b);
            ImageDataGenerator g = b.build();
            Map<String, Object> config = g.getConfig();
            assertNotEquals(defaults.get(option.key()), config.get(option.key()), "the sample is not the default");
            ImageDataGenerator fromJson = ImageDataGenerator.fromJson(g.toJson());
            assertEquals(config, fromJson.getConfig());
            assertTrue(Objects.deepEquals(value(g, option), value(fromJson, option)));
            assertEquals(config, ImageDataGenerator.fromConfig(config).getConfig());
            assertEquals(config, g.toBuilder().build().getConfig());
        }));
    }

    @TestFactory
    Stream<DynamicTest> javaOnlyOptionsSurviveToBuilderAndStayOutOfTheConfig() {
        return Option.ALL.stream().filter(o -> o.configForm() != ConfigForm.WRITTEN)
                .map(option -> DynamicTest.dynamicTest(option.key(), () -> {
                    GeneratorBuilder b = ImageDataGenerator.builder();
                    NON_DEFAULT.get(option).accept(b);
                    ImageDataGenerator g = b.build();
                    Object set = value(g, option);
                    assertTrue(set != null && set != option.defaultValue());
                    assertEquals(set, value(g.toBuilder().build(), option));
                    assertFalse(g.getConfig().containsKey(option.key()));
                }));
    }

    @TestFactory
    Stream<DynamicTest> everyConfigMessageNamesTheOptionAndWhatItAllows() {
        return INVALID_JSON.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey().key(), () -> {
            OptionDescriptor<?> option = e.getKey();
            var error = assertThrows(IllegalArgumentException.class,
                    () -> ImageDataGenerator.fromJson("{\"" + option.key() + "\": " + e.getValue() + "}"));
            assertNamesOptionAndAllowed(option, error.getMessage());
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyBuilderValueCheckNamesTheOptionAndWhatItAllows() {
        return INVALID_JAVA.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey().key(), () -> {
            GeneratorBuilder b = ImageDataGenerator.builder();
            e.getValue().accept(b);
            var error = assertThrows(IllegalArgumentException.class, b::build);
            assertNamesOptionAndAllowed(e.getKey(), error.getMessage());
        }));
    }

    /**
     * The message names the option by its config key (or, for the named values whose type's parser
     * words the error, by its Java setter) and says what is allowed: the table's phrase, or every choice.
     */
    private static void assertNamesOptionAndAllowed(OptionDescriptor<?> option, String message) {
        assertTrue(message.contains(option.key()) || option.setters().stream().anyMatch(message::contains), message);
        if (option.choices().isEmpty()) {
            assertTrue(message.contains(option.allowed()), message);
        } else {
            option.choices().forEach(choice -> assertTrue(message.contains(choice), message));
        }
    }

    @Test
    void theTableCoversEveryBuilderSetterAndTheBuilderKeepsNothingElse() {
        Set<String> registered = new HashSet<>();
        Option.ALL.forEach(o -> registered.addAll(o.setters()));
        Set<String> publicMethods = new HashSet<>();
        for (Method m : GeneratorBuilder.class.getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers()) && !m.getName().equals("build")) {
                publicMethods.add(m.getName());
                assertEquals(GeneratorBuilder.class, m.getReturnType(), m.getName());
            }
        }
        Set<String> unregistered = new TreeSet<>(publicMethods);
        unregistered.removeAll(registered);
        assertEquals(Set.of(), unregistered, "builder setters that no option of the table lists");
        Set<String> missing = new TreeSet<>(registered);
        missing.removeAll(publicMethods);
        assertEquals(Set.of(), missing, "setters the table lists that the builder lacks");
        List<Field> fields = new ArrayList<>();
        for (Field f : GeneratorBuilder.class.getDeclaredFields()) {
            if (!Modifier.isStatic(f.getModifiers())) {
                fields.add(f);
            }
        }
        assertEquals(1, fields.size(), "the builder keeps its options in the table's value map only: " + fields);
        assertEquals(Map.class, fields.get(0).getType());
    }

    @TestFactory
    Stream<DynamicTest> everySetterChangesOnlyTheOptionsThatNameIt() {
        return Stream.of(GeneratorBuilder.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && !m.getName().equals("build"))
                .map(m -> DynamicTest.dynamicTest(m.toString(), () -> {
                    // The "no..." setters clear an option: start from every option set.
                    GeneratorBuilder b = ImageDataGenerator.builder();
                    if (m.getParameterCount() == 0) {
                        NON_DEFAULT.values().forEach(set -> set.accept(b));
                    }
                    ImageDataGenerator before = b.build();
                    m.invoke(b, arguments(m));
                    ImageDataGenerator after = b.build();
                    Set<OptionDescriptor<?>> changed = new HashSet<>();
                    for (OptionDescriptor<?> o : Option.ALL) {
                        if (!Objects.deepEquals(value(before, o), value(after, o))) {
                            changed.add(o);
                        }
                    }
                    for (KerasCoupling c : Option.COUPLINGS) {
                        if (changed.contains(c.trigger())) {
                            changed.remove(c.forced());
                        }
                    }
                    assertFalse(changed.isEmpty(), m + " changes an option");
                    changed.forEach(o -> assertTrue(o.setters().contains(m.getName()), o + " does not list " + m));
                }));
    }

    private static Object[] arguments(Method m) {
        Object[] args = new Object[m.getParameterCount()];
        for (int i = 0; i < args.length; i++) {
            Class<?> t = m.getParameterTypes()[i];
            args[i] = t == boolean.class ? flipped(m.getName()) : t == double.class || t == Double.class ? 0.5
                    : t == int.class ? 2
                    : t == String.class ? name(m.getName()) : t == ShiftRange.class ? ShiftRange.ofInt(2)
                    : t == FillMode.class ? FillMode.CONSTANT : t == DataFormat.class ? DataFormat.CHANNELS_FIRST
                    : t == Precision.class ? Precision.FLOAT64 : t == Compatibility.class
                    ? Compatibility.KERAS_REFERENCE : t == Noise[].class ? new Noise[] {Noise.of(Noise.Kind.GAUSS)}
                    : t == List.class ? List.of(Noise.of(Noise.Kind.POISSON)) : t == UnaryOperator.class
                    ? UnaryOperator.identity() : t == SampleFunction.class ? (SampleFunction) (image, c) -> image
                    : t == Backend.class ? Backends.current()
                    : t == Step.class ? new RandomRotation90(0.5) : fail(m);
        }
        return args;
    }

    /** {@return the flag value a setter's option does not have by default} */
    private static boolean flipped(String setter) {
        return Option.ALL.stream().filter(o -> o.setters().contains(setter)).noneMatch(o -> Boolean.TRUE.equals(
                o.defaultValue()));
    }

    private static String name(String setter) {
        return switch (setter) {
            case "fillMode" -> "wrap";
            case "dataFormat" -> "channels_first";
            case "dtype" -> "float64";
            case "compatibility" -> "keras_reference";
            default -> throw new AssertionError("no sample name for " + setter);
        };
    }

    private static Object fail(Method m) {
        throw new AssertionError("no sample argument for " + m + ": add one");
    }

    private static Object value(ImageDataGenerator g, OptionDescriptor<?> option) {
        return g.options().values().get(option);
    }
}
