package io.jdatagen.image;

import io.jdatagen.augment.Step;
import io.jdatagen.spi.Backend;
import io.jdatagen.spi.DataFormat;
import io.jdatagen.spi.FillMode;
import io.jdatagen.flow.SampleFunction;
import io.jdatagen.spi.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Builds an {@link ImageDataGenerator}. Setters take Keras's option names in camelCase;
 * {@link #build()} validates every option and applies Keras's flag couplings.
 */
public final class GeneratorBuilder {
    boolean featurewiseCenter;
    boolean samplewiseCenter;
    boolean featurewiseStdNormalization;
    boolean samplewiseStdNormalization;
    boolean zcaWhitening;
    double zcaEpsilon = 1e-6;
    double rotationRange;
    ShiftRange widthShiftRange = ShiftRange.NONE;
    ShiftRange heightShiftRange = ShiftRange.NONE;
    double[] brightnessRange;
    double shearRange;
    double[] zoomRange = {1, 1};
    double channelShiftRange;
    FillMode fillMode = FillMode.NEAREST;
    double cval;
    boolean horizontalFlip;
    boolean verticalFlip;
    Double rescale;
    UnaryOperator<Tensor> preprocessingFunction;
    SampleFunction preAugmentationFunction;
    SampleFunction contextPreprocessingFunction;
    DataFormat dataFormat = DataFormat.CHANNELS_LAST;
    double validationSplit;
    int interpolationOrder = 1;
    Precision precision = Precision.FLOAT32;
    int[] resize;
    Compatibility compatibility = Compatibility.DOCUMENTED;
    double[] contrastRange;
    List<Noise> noise = List.of();
    boolean augmentValidation = true;
    Backend backend;
    final List<Step> steps = new ArrayList<>();

    GeneratorBuilder() {
    }

    /**
     * Subtract the dataset mean (fitted per channel).
     *
     * @param on true to switch it on
     * @return this builder
     */
    public GeneratorBuilder featurewiseCenter(boolean on) {
        this.featurewiseCenter = on;
        return this;
    }

    /**
     * Subtract each sample's mean.
     *
     * @param on true to switch it on
     * @return this builder
     */
    public GeneratorBuilder samplewiseCenter(boolean on) {
        this.samplewiseCenter = on;
        return this;
    }

    /**
     * Divide by the dataset std (fitted per channel); forces featurewise centring.
     *
     * @param on true to switch it on
     * @return this builder
     */
    public GeneratorBuilder featurewiseStdNormalization(boolean on) {
        this.featurewiseStdNormalization = on;
        return this;
    }

    /**
     * Divide each sample by its std; forces samplewise centring.
     *
     * @param on true to switch it on
     * @return this builder
     */
    public GeneratorBuilder samplewiseStdNormalization(boolean on) {
        this.samplewiseStdNormalization = on;
        return this;
    }

    /**
     * ZCA whitening; forces featurewise centring and disables featurewise std normalization.
     *
     * @param on true to switch it on
     * @return this builder
     */
    public GeneratorBuilder zcaWhitening(boolean on) {
        this.zcaWhitening = on;
        return this;
    }

    /**
     * Epsilon added to the singular values in ZCA (default 1e-6).
     *
     * @param epsilon the epsilon
     * @return this builder
     */
    public GeneratorBuilder zcaEpsilon(double epsilon) {
        this.zcaEpsilon = epsilon;
        return this;
    }

    /**
     * Random rotations in {@code [-degrees, degrees]}.
     *
     * @param degrees the degrees
     * @return this builder
     */
    public GeneratorBuilder rotationRange(double degrees) {
        this.rotationRange = degrees;
        return this;
    }

    /**
     * Horizontal shifts, Keras's float form (fraction of the width when below 1, else pixels).
     *
     * @param range the range
     * @return this builder
     */
    public GeneratorBuilder widthShiftRange(double range) {
        return widthShiftRange(ShiftRange.of(range));
    }

    /**
     * Horizontal shifts in any of Keras's forms.
     *
     * @param range the range
     * @return this builder
     */
    public GeneratorBuilder widthShiftRange(ShiftRange range) {
        this.widthShiftRange = Objects.requireNonNull(range, "widthShiftRange");
        return this;
    }

    /**
     * Vertical shifts, Keras's float form (fraction of the height when below 1, else pixels).
     *
     * @param range the range
     * @return this builder
     */
    public GeneratorBuilder heightShiftRange(double range) {
        return heightShiftRange(ShiftRange.of(range));
    }

    /**
     * Vertical shifts in any of Keras's forms.
     *
     * @param range the range
     * @return this builder
     */
    public GeneratorBuilder heightShiftRange(ShiftRange range) {
        this.heightShiftRange = Objects.requireNonNull(range, "heightShiftRange");
        return this;
    }

    /**
     * Random brightness factors in {@code [low, high]}.
     *
     * @param low the lower bound
     * @param high the upper bound
     * @return this builder
     */
    public GeneratorBuilder brightnessRange(double low, double high) {
        this.brightnessRange = new double[] {low, high};
        return this;
    }

    /**
     * Removes the brightness range.
     *
     * @return this builder
     */
    public GeneratorBuilder noBrightness() {
        this.brightnessRange = null;
        return this;
    }

    /**
     * Random shear angles in {@code [-degrees, degrees]}.
     *
     * @param degrees the degrees
     * @return this builder
     */
    public GeneratorBuilder shearRange(double degrees) {
        this.shearRange = degrees;
        return this;
    }

    /**
     * Zoom factors in {@code [1 - z, 1 + z]}.
     *
     * @param z the zoom amount: factors are drawn from [1 - z, 1 + z]
     * @return this builder
     */
    public GeneratorBuilder zoomRange(double z) {
        this.zoomRange = new double[] {1 - z, 1 + z};
        return this;
    }

    /**
     * Zoom factors in {@code [low, high]}, kept as given ({@code (0.2, 0.2)} zooms by exactly 0.2).
     *
     * @param low the lower bound
     * @param high the upper bound
     * @return this builder
     */
    public GeneratorBuilder zoomRange(double low, double high) {
        this.zoomRange = new double[] {low, high};
        return this;
    }

    /**
     * Random channel shifts in {@code [-range, range]} (raw pixel units).
     *
     * @param range the range
     * @return this builder
     */
    public GeneratorBuilder channelShiftRange(double range) {
        this.channelShiftRange = range;
        return this;
    }

    /**
     * Boundary handling (default nearest).
     *
     * @param mode the mode
     * @return this builder
     */
    public GeneratorBuilder fillMode(FillMode mode) {
        this.fillMode = Objects.requireNonNull(mode, "fillMode");
        return this;
    }

    /**
     * {@link #fillMode(FillMode)} by Keras's name: {@code constant}, {@code nearest}, {@code reflect} or
     * {@code wrap}.
     *
     * @param name the name
     * @return this builder
     */
    public GeneratorBuilder fillMode(String name) {
        return fillMode(FillMode.fromKerasName(name));
    }

    /**
     * Constant fill value (Keras's {@code cval}; raw pixel units).
     *
     * @param value the value
     * @return this builder
     */
    public GeneratorBuilder cval(double value) {
        this.cval = value;
        return this;
    }

    /**
     * The RFC's name for {@link #cval}.
     *
     * @param value the value
     * @return this builder
     */
    public GeneratorBuilder fillValue(double value) {
        return cval(value);
    }

    /**
     * Random horizontal flips.
     *
     * @param on true to switch it on
     * @return this builder
     */
    public GeneratorBuilder horizontalFlip(boolean on) {
        this.horizontalFlip = on;
        return this;
    }

    /**
     * Random vertical flips.
     *
     * @param on true to switch it on
     * @return this builder
     */
    public GeneratorBuilder verticalFlip(boolean on) {
        this.verticalFlip = on;
        return this;
    }

    /**
     * Multiply by this factor after augmentation ({@code 0}: no rescale), e.g. {@code rescale(1 / 255.0)}.
     *
     * @param factor the factor
     * @return this builder
     */
    public GeneratorBuilder rescale(double factor) {
        this.rescale = factor;
        return this;
    }

    /**
     * Multiply by this factor after augmentation (null or 0: no rescale).
     *
     * @param factor the factor
     * @return this builder
     */
    public GeneratorBuilder rescale(Double factor) {
        this.rescale = factor;
        return this;
    }

    /**
     * A function run on each image first in {@code standardize} (not serialisable).
     *
     * @param function the function
     * @return this builder
     */
    public GeneratorBuilder preprocessingFunction(UnaryOperator<Tensor> function) {
        this.preprocessingFunction = function;
        return this;
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
        this.contextPreprocessingFunction = function;
        return this;
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
        this.preAugmentationFunction = function;
        return this;
    }

    /**
     * Channels last (default) or first.
     *
     * @param format the data format
     * @return this builder
     */
    public GeneratorBuilder dataFormat(DataFormat format) {
        this.dataFormat = Objects.requireNonNull(format, "dataFormat");
        return this;
    }

    /**
     * {@link #dataFormat(DataFormat)} by Keras's name: {@code channels_last} or {@code channels_first}.
     *
     * @param name the name
     * @return this builder
     */
    public GeneratorBuilder dataFormat(String name) {
        return dataFormat(GeneratorConfig.dataFormat(name));
    }

    /**
     * Fraction of the data reserved for validation, strictly between 0 and 1 (0: none).
     *
     * @param fraction the fraction
     * @return this builder
     */
    public GeneratorBuilder validationSplit(double fraction) {
        this.validationSplit = fraction;
        return this;
    }

    /**
     * Interpolation order, Keras's {@code interpolation_order}: 0 (nearest), 1 (bilinear, default) or
     * 2 to 5 (scipy's B-splines of that order, with its prefilter; the reference backend computes
     * them, whichever backend is selected).
     *
     * @param order the order
     * @return this builder
     */
    public GeneratorBuilder interpolationOrder(int order) {
        this.interpolationOrder = order;
        return this;
    }

    /**
     * Arithmetic precision of standardize and fit (Keras's {@code dtype}).
     *
     * @param dtype the dtype
     * @return this builder
     */
    public GeneratorBuilder dtype(Precision dtype) {
        this.precision = Objects.requireNonNull(dtype, "dtype");
        return this;
    }

    /**
     * {@link #dtype(Precision)} by Keras's name: {@code float32} or {@code float64}.
     *
     * @param name the name
     * @return this builder
     */
    public GeneratorBuilder dtype(String name) {
        return dtype(Precision.fromKerasName(name));
    }

    /**
     * The RFC's {@code resize}: resample every image to {@code height × width} first.
     *
     * @param height the height
     * @param width the width
     * @return this builder
     */
    public GeneratorBuilder resize(int height, int width) {
        this.resize = new int[] {height, width};
        return this;
    }

    /**
     * Removes the resize target.
     *
     * @return this builder
     */
    public GeneratorBuilder noResize() {
        this.resize = null;
        return this;
    }

    /**
     * Geometry convention (default {@link Compatibility#DOCUMENTED}).
     *
     * @param value the value
     * @return this builder
     */
    public GeneratorBuilder compatibility(Compatibility value) {
        this.compatibility = Objects.requireNonNull(value, "compatibility");
        return this;
    }

    /**
     * {@return {@link #compatibility(Compatibility)} by name: {@code documented} or {@code keras_reference}}
     *
     * @param name the name
     */
    public GeneratorBuilder compatibility(String name) {
        return compatibility(Compatibility.fromConfigName(name));
    }

    /**
     * mltk's {@code contrast_range}: a factor drawn from {@code [low, high]} per image scales its deviation
     * from the image mean ({@code 1}: unchanged; {@code 0}: flat grey).
     *
     * @param low the lower bound
     * @param high the upper bound
     * @return this builder
     */
    public GeneratorBuilder contrastRange(double low, double high) {
        this.contrastRange = new double[] {low, high};
        return this;
    }

    /**
     * Removes the contrast range.
     *
     * @return this builder
     */
    public GeneratorBuilder noContrast() {
        this.contrastRange = null;
        return this;
    }

    /**
     * mltk's {@code noise}: each image gets one of these kinds, chosen uniformly (none: no noise).
     *
     * @param kinds the kinds
     * @return this builder
     */
    public GeneratorBuilder noise(Noise... kinds) {
        return noise(List.of(kinds));
    }

    /**
     * {@link #noise(Noise...)} from a list.
     *
     * @param kinds the kinds
     * @return this builder
     */
    public GeneratorBuilder noise(List<Noise> kinds) {
        this.noise = List.copyOf(Objects.requireNonNull(kinds, "noise"));
        return this;
    }

    /**
     * Whether flows over the validation subset augment their images (default true, as Keras); with false they
     * only resize and standardize them (mltk's option).
     *
     * @param on true to switch it on
     * @return this builder
     */
    public GeneratorBuilder augmentValidation(boolean on) {
        this.augmentValidation = on;
        return this;
    }

    /**
     * The backend to run on (default: the process-wide selection).
     *
     * @param value the value
     * @return this builder
     */
    public GeneratorBuilder backend(Backend value) {
        this.backend = value;
        return this;
    }

    /**
     * Adds a step after Keras's: a geometric step joins the one warp after Keras's flips, a color-linear one
     * the warp's color step (unless channel shift, brightness, contrast or noise ran before it), a pixel step
     * runs after Keras's and mltk's pixel steps and before standardize; steps of one kind keep the order of
     * the calls. The steps draw from each sample's stream after Keras's (a geometric step after the flips),
     * so Keras's values stay Keras's unless a geometric step is added. Steps are not part of
     * {@code getConfig()} or the JSON config.
     *
     * @param step the step
     * @return this builder
     */
    public GeneratorBuilder step(Step step) {
        steps.add(Objects.requireNonNull(step, "step"));
        return this;
    }

    /**
     * Validates every option and applies Keras's couplings (each logged): ZCA forces featurewise centring and
     * disables featurewise std normalization; featurewise std forces featurewise centring; samplewise std
     * forces samplewise centring.
     *
     * @return the image data generator
     * @throws IllegalArgumentException naming the option, the value and what is allowed
     */
    public ImageDataGenerator build() {
        return new ImageDataGenerator(GeneratorOptions.validated(this), backend, List.copyOf(steps));
    }
}
