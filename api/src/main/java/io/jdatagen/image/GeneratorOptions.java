package io.jdatagen.image;

import io.jdatagen.augment.Noise;
import io.jdatagen.augment.Step;
import io.jdatagen.core.DataFormat;
import io.jdatagen.core.FillMode;
import io.jdatagen.core.Interpolation;
import io.jdatagen.core.Tensor;
import io.jdatagen.spi.Backend;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A generator's effective configuration: every option of {@link Option}'s table checked, with Keras's
 * flag couplings applied ({@link Option#COUPLINGS}: ZCA forces featurewise centring and disables
 * featurewise std normalization; featurewise std forces featurewise centring; samplewise std forces
 * samplewise centring). Each accessor reads one option from the values. Immutable; arrays are private
 * copies and must not be modified.
 */
final class GeneratorOptions {
    private final OptionValues values;
    private final Interpolation interpolation;
    private final SampleHooks hooks;

    private GeneratorOptions(OptionValues values) {
        this.values = values;
        this.interpolation = Interpolation.fromOrder(values.get(Option.INTERPOLATION_ORDER));
        this.hooks = new SampleHooks(values.get(Option.PRE_AUGMENTATION_FUNCTION),
                values.get(Option.CONTEXT_PREPROCESSING_FUNCTION));
    }

    /**
     * Checks every option in the table's order and applies Keras's couplings, logging each one as Keras
     * warns.
     *
     * @param set the options set (the others take their defaults)
     * @throws IllegalArgumentException naming the option, the value and what is allowed
     */
    static GeneratorOptions validated(OptionValues set) {
        Map<OptionDescriptor<?>, Object> checked = new HashMap<>();
        for (OptionDescriptor<?> option : Option.ALL) {
            check(option, set, checked);
        }
        for (KerasCoupling coupling : Option.COUPLINGS) {
            coupling.apply(checked);
        }
        return new GeneratorOptions(new OptionValues(checked));
    }

    private static <T> void check(OptionDescriptor<T> option, OptionValues set, Map<OptionDescriptor<?>, Object> into) {
        into.put(option, option.checked(set.get(option)));
    }

    /** {@return every option's checked value, after the couplings} */
    OptionValues values() {
        return values;
    }

    /** How this generator's warps resample (without a backend). */
    WarpOptions warpOptions() {
        return new WarpOptions(ImageAxes.of(dataFormat()), fillMode(), cval(), interpolation, compatibility(), null);
    }

    boolean featurewiseCenter() {
        return values.get(Option.FEATUREWISE_CENTER);
    }

    boolean samplewiseCenter() {
        return values.get(Option.SAMPLEWISE_CENTER);
    }

    boolean featurewiseStdNormalization() {
        return values.get(Option.FEATUREWISE_STD_NORMALIZATION);
    }

    boolean samplewiseStdNormalization() {
        return values.get(Option.SAMPLEWISE_STD_NORMALIZATION);
    }

    boolean zcaWhitening() {
        return values.get(Option.ZCA_WHITENING);
    }

    double zcaEpsilon() {
        return values.get(Option.ZCA_EPSILON);
    }

    double rotationRange() {
        return values.get(Option.ROTATION_RANGE);
    }

    ShiftRange widthShiftRange() {
        return values.get(Option.WIDTH_SHIFT_RANGE);
    }

    ShiftRange heightShiftRange() {
        return values.get(Option.HEIGHT_SHIFT_RANGE);
    }

    /** {@return {@code [low, high]}, or null when brightness is not augmented} */
    double[] brightnessRange() {
        return values.get(Option.BRIGHTNESS_RANGE);
    }

    double shearRange() {
        return values.get(Option.SHEAR_RANGE);
    }

    /** {@return {@code [low, high]} of the zoom factors} */
    double[] zoomRange() {
        return values.get(Option.ZOOM_RANGE);
    }

    double channelShiftRange() {
        return values.get(Option.CHANNEL_SHIFT_RANGE);
    }

    FillMode fillMode() {
        return values.get(Option.FILL_MODE);
    }

    double cval() {
        return values.get(Option.CVAL);
    }

    boolean horizontalFlip() {
        return values.get(Option.HORIZONTAL_FLIP);
    }

    boolean verticalFlip() {
        return values.get(Option.VERTICAL_FLIP);
    }

    /** {@return the rescale factor, or null (or 0) for none} */
    Double rescale() {
        return values.get(Option.RESCALE);
    }

    /** {@return Keras's {@code preprocessing_function}, or null} */
    UnaryOperator<Tensor> preprocessingFunction() {
        return values.get(Option.PREPROCESSING_FUNCTION);
    }

    DataFormat dataFormat() {
        return values.get(Option.DATA_FORMAT);
    }

    double validationSplit() {
        return values.get(Option.VALIDATION_SPLIT);
    }

    Interpolation interpolation() {
        return interpolation;
    }

    /** {@return Keras's {@code dtype}: the precision of standardize and fit} */
    Precision precision() {
        return values.get(Option.DTYPE);
    }

    /** {@return {@code {height, width}} of the resize, or null for none} */
    int[] resize() {
        return values.get(Option.RESIZE);
    }

    Compatibility compatibility() {
        return values.get(Option.COMPATIBILITY);
    }

    /** {@return {@code [low, high]} of mltk's contrast factor, or null for none} */
    double[] contrastRange() {
        return values.get(Option.CONTRAST_RANGE);
    }

    /** {@return mltk's noise kinds, one drawn per image (empty: no noise)} */
    List<Noise> noise() {
        return values.get(Option.NOISE);
    }

    boolean augmentValidation() {
        return values.get(Option.AUGMENT_VALIDATION);
    }

    SampleHooks hooks() {
        return hooks;
    }

    /** {@return the backend set on the builder, or null for the process-wide selection} */
    Backend backend() {
        return values.get(Option.BACKEND);
    }

    /** The user's steps, in the order they were added (see {@link GeneratorBuilder#step}). */
    List<Step> steps() {
        return values.get(Option.STEPS);
    }
}
