package io.jdatagen.image;

import io.jdatagen.spi.Backend;
import io.jdatagen.spi.DataFormat;
import io.jdatagen.spi.FillMode;
import io.jdatagen.spi.Tensor;
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

    GeneratorBuilder() {
    }

    /** Subtract the dataset mean (fitted per channel). */
    public GeneratorBuilder featurewiseCenter(boolean on) {
        this.featurewiseCenter = on;
        return this;
    }

    /** Subtract each sample's mean. */
    public GeneratorBuilder samplewiseCenter(boolean on) {
        this.samplewiseCenter = on;
        return this;
    }

    /** Divide by the dataset std (fitted per channel); forces featurewise centring. */
    public GeneratorBuilder featurewiseStdNormalization(boolean on) {
        this.featurewiseStdNormalization = on;
        return this;
    }

    /** Divide each sample by its std; forces samplewise centring. */
    public GeneratorBuilder samplewiseStdNormalization(boolean on) {
        this.samplewiseStdNormalization = on;
        return this;
    }

    /** ZCA whitening; forces featurewise centring and disables featurewise std normalization. */
    public GeneratorBuilder zcaWhitening(boolean on) {
        this.zcaWhitening = on;
        return this;
    }

    /** Epsilon added to the singular values in ZCA (default 1e-6). */
    public GeneratorBuilder zcaEpsilon(double epsilon) {
        this.zcaEpsilon = epsilon;
        return this;
    }

    /** Random rotations in {@code [-degrees, degrees]}. */
    public GeneratorBuilder rotationRange(double degrees) {
        this.rotationRange = degrees;
        return this;
    }

    /** Horizontal shifts, Keras's float form (fraction of the width when below 1, else pixels). */
    public GeneratorBuilder widthShiftRange(double range) {
        return widthShiftRange(ShiftRange.of(range));
    }

    /** Horizontal shifts in any of Keras's forms. */
    public GeneratorBuilder widthShiftRange(ShiftRange range) {
        this.widthShiftRange = Objects.requireNonNull(range, "widthShiftRange");
        return this;
    }

    /** Vertical shifts, Keras's float form (fraction of the height when below 1, else pixels). */
    public GeneratorBuilder heightShiftRange(double range) {
        return heightShiftRange(ShiftRange.of(range));
    }

    /** Vertical shifts in any of Keras's forms. */
    public GeneratorBuilder heightShiftRange(ShiftRange range) {
        this.heightShiftRange = Objects.requireNonNull(range, "heightShiftRange");
        return this;
    }

    /** Random brightness factors in {@code [low, high]}. */
    public GeneratorBuilder brightnessRange(double low, double high) {
        this.brightnessRange = new double[] {low, high};
        return this;
    }

    /** Removes the brightness range. */
    public GeneratorBuilder noBrightness() {
        this.brightnessRange = null;
        return this;
    }

    /** Random shear angles in {@code [-degrees, degrees]}. */
    public GeneratorBuilder shearRange(double degrees) {
        this.shearRange = degrees;
        return this;
    }

    /** Zoom factors in {@code [1 - z, 1 + z]}. */
    public GeneratorBuilder zoomRange(double z) {
        this.zoomRange = new double[] {1 - z, 1 + z};
        return this;
    }

    /** Zoom factors in {@code [low, high]}, kept as given ({@code (0.2, 0.2)} zooms by exactly 0.2). */
    public GeneratorBuilder zoomRange(double low, double high) {
        this.zoomRange = new double[] {low, high};
        return this;
    }

    /** Random channel shifts in {@code [-range, range]} (raw pixel units). */
    public GeneratorBuilder channelShiftRange(double range) {
        this.channelShiftRange = range;
        return this;
    }

    /** Boundary handling (default nearest). */
    public GeneratorBuilder fillMode(FillMode mode) {
        this.fillMode = Objects.requireNonNull(mode, "fillMode");
        return this;
    }

    /** Constant fill value (Keras's {@code cval}; raw pixel units). */
    public GeneratorBuilder cval(double value) {
        this.cval = value;
        return this;
    }

    /** The RFC's name for {@link #cval}. */
    public GeneratorBuilder fillValue(double value) {
        return cval(value);
    }

    /** Random horizontal flips. */
    public GeneratorBuilder horizontalFlip(boolean on) {
        this.horizontalFlip = on;
        return this;
    }

    /** Random vertical flips. */
    public GeneratorBuilder verticalFlip(boolean on) {
        this.verticalFlip = on;
        return this;
    }

    /** Multiply by this factor after augmentation (null or 0: no rescale). */
    public GeneratorBuilder rescale(Double factor) {
        this.rescale = factor;
        return this;
    }

    /** A function run on each image first in {@code standardize} (not serialisable). */
    public GeneratorBuilder preprocessingFunction(UnaryOperator<Tensor> function) {
        this.preprocessingFunction = function;
        return this;
    }

    /** Channels last (default) or first. */
    public GeneratorBuilder dataFormat(DataFormat format) {
        this.dataFormat = Objects.requireNonNull(format, "dataFormat");
        return this;
    }

    /** Fraction of the data reserved for validation, strictly between 0 and 1 (0: none). */
    public GeneratorBuilder validationSplit(double fraction) {
        this.validationSplit = fraction;
        return this;
    }

    /** Interpolation order: 0 (nearest) or 1 (bilinear, default). */
    public GeneratorBuilder interpolationOrder(int order) {
        this.interpolationOrder = order;
        return this;
    }

    /** Arithmetic precision of standardize and fit (Keras's {@code dtype}). */
    public GeneratorBuilder dtype(Precision dtype) {
        this.precision = Objects.requireNonNull(dtype, "dtype");
        return this;
    }

    /** The RFC's {@code resize}: resample every image to {@code height × width} first. */
    public GeneratorBuilder resize(int height, int width) {
        this.resize = new int[] {height, width};
        return this;
    }

    /** Removes the resize target. */
    public GeneratorBuilder noResize() {
        this.resize = null;
        return this;
    }

    /** Geometry convention (default {@link Compatibility#DOCUMENTED}). */
    public GeneratorBuilder compatibility(Compatibility value) {
        this.compatibility = Objects.requireNonNull(value, "compatibility");
        return this;
    }

    /**
     * mltk's {@code contrast_range}: a factor drawn from {@code [low, high]} per image scales
     * its deviation from the image mean ({@code 1}: unchanged; {@code 0}: flat grey).
     */
    public GeneratorBuilder contrastRange(double low, double high) {
        this.contrastRange = new double[] {low, high};
        return this;
    }

    /** Removes the contrast range. */
    public GeneratorBuilder noContrast() {
        this.contrastRange = null;
        return this;
    }

    /** mltk's {@code noise}: each image gets one of these kinds, chosen uniformly (none: no noise). */
    public GeneratorBuilder noise(Noise... kinds) {
        return noise(List.of(kinds));
    }

    /** {@link #noise(Noise...)} from a list. */
    public GeneratorBuilder noise(List<Noise> kinds) {
        this.noise = List.copyOf(Objects.requireNonNull(kinds, "noise"));
        return this;
    }

    /**
     * Whether flows over the validation subset augment their images (default true, as Keras);
     * with false they only resize and standardize them (mltk's option).
     */
    public GeneratorBuilder augmentValidation(boolean on) {
        this.augmentValidation = on;
        return this;
    }

    /** The backend to run on (default: the process-wide selection). */
    public GeneratorBuilder backend(Backend value) {
        this.backend = value;
        return this;
    }

    /**
     * Validates every option and applies Keras's couplings (each logged): ZCA forces
     * featurewise centring and disables featurewise std normalization; featurewise std forces
     * featurewise centring; samplewise std forces samplewise centring.
     *
     * @throws IllegalArgumentException naming the option, the value and what is allowed
     */
    public ImageDataGenerator build() {
        return new ImageDataGenerator(GeneratorOptions.validated(this), backend);
    }
}
