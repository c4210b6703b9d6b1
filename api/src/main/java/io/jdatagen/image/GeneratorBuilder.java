package io.jdatagen.image;

import io.jdatagen.augment.Noise;
import io.jdatagen.augment.Step;
import io.jdatagen.core.DataFormat;
import io.jdatagen.core.FillMode;
import io.jdatagen.core.Tensor;
import io.jdatagen.flow.SampleFunction;
import io.jdatagen.spi.Backend;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Builds an {@link ImageDataGenerator}. Setters take Keras's option names in camelCase; each sets
 * one option of the generator's option table, and {@link #build()} validates every option and applies
 * Keras's flag couplings. Values are checked at {@code build()}, so a setter may be called again to
 * correct one.
 */
public final class GeneratorBuilder {
    private final Map<OptionDescriptor<?>, Object> values;

    GeneratorBuilder() {
        this(OptionValues.DEFAULTS);
    }

    /** A builder holding {@code start}'s options (a generator's, or a config's). */
    GeneratorBuilder(OptionValues start) {
        this.values = start.toMap();
    }

    private <T> GeneratorBuilder set(OptionDescriptor<T> option, T value) {
        if (value == null && !option.nullable()) {
            throw new NullPointerException(option.setters().get(0));
        }
        values.put(option, value);
        return this;
    }

    /** Sets an option by the name a config gives it ({@code "reflect"}, {@code "channels_first"}, ...). */
    private <T> GeneratorBuilder setByName(OptionDescriptor<T> option, String name) {
        return set(option, option.read(name));
    }

    /**
     * Subtract the dataset mean (fitted per channel).
     *
     * @param on true to switch it on
     * @return this builder
     */
    public GeneratorBuilder featurewiseCenter(boolean on) {
        return set(Option.FEATUREWISE_CENTER, on);
    }

    /**
     * Subtract each sample's mean.
     *
     * @param on true to switch it on
     * @return this builder
     */
    public GeneratorBuilder samplewiseCenter(boolean on) {
        return set(Option.SAMPLEWISE_CENTER, on);
    }

    /**
     * Divide by the dataset std (fitted per channel); forces featurewise centring.
     *
     * @param on true to switch it on
     * @return this builder
     */
    public GeneratorBuilder featurewiseStdNormalization(boolean on) {
        return set(Option.FEATUREWISE_STD_NORMALIZATION, on);
    }

    /**
     * Divide each sample by its std; forces samplewise centring.
     *
     * @param on true to switch it on
     * @return this builder
     */
    public GeneratorBuilder samplewiseStdNormalization(boolean on) {
        return set(Option.SAMPLEWISE_STD_NORMALIZATION, on);
    }

    /**
     * ZCA whitening; forces featurewise centring and disables featurewise std normalization.
     *
     * @param on true to switch it on
     * @return this builder
     */
    public GeneratorBuilder zcaWhitening(boolean on) {
        return set(Option.ZCA_WHITENING, on);
    }

    /**
     * Epsilon added to the singular values in ZCA (default 1e-6).
     *
     * @param epsilon a finite number {@code >= 0}
     * @return this builder
     */
    public GeneratorBuilder zcaEpsilon(double epsilon) {
        return set(Option.ZCA_EPSILON, epsilon);
    }

    /**
     * Random rotations in {@code [-degrees, degrees]}.
     *
     * @param degrees the largest rotation either way, finite and {@code >= 0}
     * @return this builder
     */
    public GeneratorBuilder rotationRange(double degrees) {
        return set(Option.ROTATION_RANGE, degrees);
    }

    /**
     * Horizontal shifts, Keras's float form (fraction of the width when below 1, else pixels).
     *
     * @param range the largest shift either way
     * @return this builder
     */
    public GeneratorBuilder widthShiftRange(double range) {
        return set(Option.WIDTH_SHIFT_RANGE, ShiftRange.of(range));
    }

    /**
     * Horizontal shifts in any of Keras's forms.
     *
     * @param range a float, int or choice form
     * @return this builder
     */
    public GeneratorBuilder widthShiftRange(ShiftRange range) {
        return set(Option.WIDTH_SHIFT_RANGE, range);
    }

    /**
     * Vertical shifts, Keras's float form (fraction of the height when below 1, else pixels).
     *
     * @param range the largest shift either way
     * @return this builder
     */
    public GeneratorBuilder heightShiftRange(double range) {
        return set(Option.HEIGHT_SHIFT_RANGE, ShiftRange.of(range));
    }

    /**
     * Vertical shifts in any of Keras's forms.
     *
     * @param range a float, int or choice form
     * @return this builder
     */
    public GeneratorBuilder heightShiftRange(ShiftRange range) {
        return set(Option.HEIGHT_SHIFT_RANGE, range);
    }

    /**
     * Random brightness factors in {@code [low, high]}.
     *
     * @param low the smallest factor
     * @param high the largest factor, at least {@code low}
     * @return this builder
     */
    public GeneratorBuilder brightnessRange(double low, double high) {
        return set(Option.BRIGHTNESS_RANGE, new double[] {low, high});
    }

    /**
     * Removes the brightness range.
     *
     * @return this builder
     */
    public GeneratorBuilder noBrightness() {
        return set(Option.BRIGHTNESS_RANGE, null);
    }

    /**
     * Random shear angles in {@code [-degrees, degrees]}.
     *
     * @param degrees the largest shear either way, finite and {@code >= 0}
     * @return this builder
     */
    public GeneratorBuilder shearRange(double degrees) {
        return set(Option.SHEAR_RANGE, degrees);
    }

    /**
     * Zoom factors in {@code [1 - z, 1 + z]}.
     *
     * @param z the zoom amount: factors are drawn from [1 - z, 1 + z]
     * @return this builder
     */
    public GeneratorBuilder zoomRange(double z) {
        return set(Option.ZOOM_RANGE, new double[] {1 - z, 1 + z});
    }

    /**
     * Zoom factors in {@code [low, high]}, kept as given ({@code (0.2, 0.2)} zooms by exactly 0.2).
     *
     * @param low the smallest factor
     * @param high the largest factor
     * @return this builder
     */
    public GeneratorBuilder zoomRange(double low, double high) {
        return set(Option.ZOOM_RANGE, new double[] {low, high});
    }

    /**
     * Random channel shifts in {@code [-range, range]} (raw pixel units).
     *
     * @param range the largest shift either way, finite and {@code >= 0}
     * @return this builder
     */
    public GeneratorBuilder channelShiftRange(double range) {
        return set(Option.CHANNEL_SHIFT_RANGE, range);
    }

    /**
     * Boundary handling (default nearest).
     *
     * @param mode how points outside the image are filled
     * @return this builder
     */
    public GeneratorBuilder fillMode(FillMode mode) {
        return set(Option.FILL_MODE, mode);
    }

    /**
     * {@link #fillMode(FillMode)} by Keras's name: {@code constant}, {@code nearest}, {@code reflect} or
     * {@code wrap}.
     *
     * @param name Keras's or scipy's spelling, case ignored
     * @return this builder
     */
    public GeneratorBuilder fillMode(String name) {
        return setByName(Option.FILL_MODE, name);
    }

    /**
     * Constant fill value (Keras's {@code cval}; raw pixel units).
     *
     * @param value a finite number
     * @return this builder
     */
    public GeneratorBuilder cval(double value) {
        return set(Option.CVAL, value);
    }

    /**
     * The RFC's name for {@link #cval}.
     *
     * @param value a finite number
     * @return this builder
     */
    public GeneratorBuilder fillValue(double value) {
        return set(Option.CVAL, value);
    }

    /**
     * Random horizontal flips.
     *
     * @param on true to switch it on
     * @return this builder
     */
    public GeneratorBuilder horizontalFlip(boolean on) {
        return set(Option.HORIZONTAL_FLIP, on);
    }

    /**
     * Random vertical flips.
     *
     * @param on true to switch it on
     * @return this builder
     */
    public GeneratorBuilder verticalFlip(boolean on) {
        return set(Option.VERTICAL_FLIP, on);
    }

    /**
     * Multiply by this factor after augmentation ({@code 0}: no rescale), e.g. {@code rescale(1 / 255.0)}.
     *
     * @param factor a finite number
     * @return this builder
     */
    public GeneratorBuilder rescale(double factor) {
        return set(Option.RESCALE, factor);
    }

    /**
     * Multiply by this factor after augmentation (null or 0: no rescale).
     *
     * @param factor a finite number, or null
     * @return this builder
     */
    public GeneratorBuilder rescale(Double factor) {
        return set(Option.RESCALE, factor);
    }

    /**
     * A function run on each image first in {@code standardize} (not serialisable).
     *
     * @param function the function, or null for none
     * @return this builder
     */
    public GeneratorBuilder preprocessingFunction(UnaryOperator<Tensor> function) {
        return set(Option.PREPROCESSING_FUNCTION, function);
    }

    /**
     * mltk's context-aware {@code preprocessing_function}: run on each augmented image before rescale
     * and normalisation, after {@link #preprocessingFunction(UnaryOperator)}, with the sample's class,
     * file and batch (not serialisable).
     *
     * @param function the function, or null for none
     * @return this builder
     */
    public GeneratorBuilder preprocessingFunction(SampleFunction function) {
        return set(Option.CONTEXT_PREPROCESSING_FUNCTION, function);
    }

    /**
     * mltk's {@code noaug_preprocessing_function}: run on each image after the resize and before
     * augmentation, with the sample's class, file and batch; it must keep the image's shape (not
     * serialisable).
     *
     * @param function the function, or null for none
     * @return this builder
     */
    public GeneratorBuilder preAugmentationFunction(SampleFunction function) {
        return set(Option.PRE_AUGMENTATION_FUNCTION, function);
    }

    /**
     * Channels last (default) or first.
     *
     * @param format where the channel axis is
     * @return this builder
     */
    public GeneratorBuilder dataFormat(DataFormat format) {
        return set(Option.DATA_FORMAT, format);
    }

    /**
     * {@link #dataFormat(DataFormat)} by Keras's name: {@code channels_last} or {@code channels_first}.
     *
     * @param name Keras's spelling, case ignored
     * @return this builder
     */
    public GeneratorBuilder dataFormat(String name) {
        return setByName(Option.DATA_FORMAT, name);
    }

    /**
     * Fraction of the data reserved for validation, strictly between 0 and 1 (0: none).
     *
     * @param fraction 0, or strictly between 0 and 1
     * @return this builder
     */
    public GeneratorBuilder validationSplit(double fraction) {
        return set(Option.VALIDATION_SPLIT, fraction);
    }

    /**
     * Interpolation order, Keras's {@code interpolation_order}: 0 (nearest), 1 (bilinear, default) or
     * 2 to 5 (scipy's B-splines of that order, with its prefilter; the reference backend computes
     * them, whichever backend is selected).
     *
     * @param order the spline order, 0 to 5
     * @return this builder
     */
    public GeneratorBuilder interpolationOrder(int order) {
        return set(Option.INTERPOLATION_ORDER, order);
    }

    /**
     * Arithmetic precision of standardize and fit (Keras's {@code dtype}).
     *
     * @param dtype float32 (default) or float64 arithmetic
     * @return this builder
     */
    public GeneratorBuilder dtype(Precision dtype) {
        return set(Option.DTYPE, dtype);
    }

    /**
     * {@link #dtype(Precision)} by Keras's name: {@code float32} or {@code float64}.
     *
     * @param name Keras's spelling, case ignored; null means float32
     * @return this builder
     */
    public GeneratorBuilder dtype(String name) {
        return setByName(Option.DTYPE, name);
    }

    /**
     * The RFC's {@code resize}: resample every image to {@code height × width} first.
     *
     * @param height the rows of every image, at least 1
     * @param width the columns of every image, at least 1
     * @return this builder
     */
    public GeneratorBuilder resize(int height, int width) {
        return set(Option.RESIZE, new int[] {height, width});
    }

    /**
     * Removes the resize target.
     *
     * @return this builder
     */
    public GeneratorBuilder noResize() {
        return set(Option.RESIZE, null);
    }

    /**
     * Geometry convention (default {@link Compatibility#DOCUMENTED}).
     *
     * @param value Keras's documented geometry or the reference's quirks
     * @return this builder
     */
    public GeneratorBuilder compatibility(Compatibility value) {
        return set(Option.COMPATIBILITY, value);
    }

    /**
     * {@return {@link #compatibility(Compatibility)} by name: {@code documented} or {@code keras_reference}}
     *
     * @param name the config spelling, case ignored
     */
    public GeneratorBuilder compatibility(String name) {
        return setByName(Option.COMPATIBILITY, name);
    }

    /**
     * mltk's {@code contrast_range}: a factor drawn from {@code [low, high]} per image scales its deviation
     * from the image mean ({@code 1}: unchanged; {@code 0}: flat grey).
     *
     * @param low the smallest factor, at least 0
     * @param high the largest factor, at least {@code low}
     * @return this builder
     */
    public GeneratorBuilder contrastRange(double low, double high) {
        return set(Option.CONTRAST_RANGE, new double[] {low, high});
    }

    /**
     * Removes the contrast range.
     *
     * @return this builder
     */
    public GeneratorBuilder noContrast() {
        return set(Option.CONTRAST_RANGE, null);
    }

    /**
     * mltk's {@code noise}: each image gets one of these kinds, chosen uniformly (none: no noise).
     *
     * @param kinds the kinds to choose from
     * @return this builder
     */
    public GeneratorBuilder noise(Noise... kinds) {
        return set(Option.NOISE, List.of(kinds));
    }

    /**
     * {@link #noise(Noise...)} from a list.
     *
     * @param kinds the kinds to choose from (copied)
     * @return this builder
     */
    public GeneratorBuilder noise(List<Noise> kinds) {
        return set(Option.NOISE, List.copyOf(Objects.requireNonNull(kinds, "noise")));
    }

    /**
     * Whether flows over the validation subset augment their images (default true, as Keras); with false they
     * only resize and standardize them (mltk's option).
     *
     * @param on true to switch it on
     * @return this builder
     */
    public GeneratorBuilder augmentValidation(boolean on) {
        return set(Option.AUGMENT_VALIDATION, on);
    }

    /**
     * The backend to run on (default: the process-wide selection).
     *
     * @param value the backend, or null for the process-wide selection
     * @return this builder
     */
    public GeneratorBuilder backend(Backend value) {
        return set(Option.BACKEND, value);
    }

    /**
     * Adds a step after Keras's: a geometric step joins the one warp after Keras's flips, a color-linear one
     * the warp's color step (unless channel shift, brightness, contrast or noise ran before it), a pixel step
     * runs after Keras's and mltk's pixel steps and before standardize; steps of one kind keep the order of
     * the calls. The steps draw from each sample's stream after Keras's (a geometric step after the flips),
     * so Keras's values stay Keras's unless a geometric step is added. Steps are not part of
     * {@code getConfig()} or the JSON config.
     *
     * @return this builder
     */
    public GeneratorBuilder step(Step step) {
        Objects.requireNonNull(step, "step");
        @SuppressWarnings("unchecked")
        List<Step> steps = new ArrayList<>((List<Step>) values.getOrDefault(Option.STEPS, List.of()));
        steps.add(step);
        return set(Option.STEPS, List.copyOf(steps));
    }

    /**
     * Validates every option and applies Keras's couplings (each logged): ZCA forces featurewise centring and
     * disables featurewise std normalization; featurewise std forces featurewise centring; samplewise std
     * forces samplewise centring.
     *
     * @return a generator with these options
     * @throws IllegalArgumentException naming the option, the value and what is allowed
     */
    public ImageDataGenerator build() {
        return new ImageDataGenerator(GeneratorOptions.validated(new OptionValues(values)));
    }
}
