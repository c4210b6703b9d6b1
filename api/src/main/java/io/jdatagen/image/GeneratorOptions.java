package io.jdatagen.image;

import io.jdatagen.spi.DataFormat;
import io.jdatagen.spi.FillMode;
import io.jdatagen.spi.Interpolation;
import io.jdatagen.spi.Tensor;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A generator's effective configuration: every option validated, with Keras's flag couplings
 * applied (ZCA forces featurewise centring and disables featurewise std normalization;
 * featurewise std forces featurewise centring; samplewise std forces samplewise centring).
 * Immutable; arrays are private copies and must not be modified.
 */
record GeneratorOptions(boolean featurewiseCenter, boolean samplewiseCenter, boolean featurewiseStdNormalization,
        boolean samplewiseStdNormalization, boolean zcaWhitening, double zcaEpsilon, double rotationRange,
        ShiftRange widthShiftRange, ShiftRange heightShiftRange, double[] brightnessRange,
        double shearRange, double[] zoomRange, double channelShiftRange, FillMode fillMode, double cval,
        boolean horizontalFlip, boolean verticalFlip, Double rescale,
        UnaryOperator<Tensor> preprocessingFunction, DataFormat dataFormat, double validationSplit,
        Interpolation interpolation, Precision precision, int[] resize, Compatibility compatibility,
        double[] contrastRange, List<Noise> noise, boolean augmentValidation, SampleHooks hooks) {
    private static final Logger LOG = LoggerFactory.getLogger(GeneratorOptions.class);

    /** How this generator's warps resample (without a backend). */
    WarpOptions warpOptions() {
        return new WarpOptions(ImageAxes.of(dataFormat), fillMode, cval, interpolation, compatibility, null);
    }

    /**
     * Validates the builder's settings and applies Keras's couplings, logging each one as Keras
     * warns.
     *
     * @throws IllegalArgumentException naming the option, the value and what is allowed
     */
    static GeneratorOptions validated(GeneratorBuilder b) {
        nonNegative("zca_epsilon", b.zcaEpsilon);
        nonNegative("rotation_range", b.rotationRange);
        nonNegative("shear_range", b.shearRange);
        nonNegative("channel_shift_range", b.channelShiftRange);
        if (!Double.isFinite(b.cval)) {
            throw new IllegalArgumentException("cval (fill_value) must be a finite number; got: " + b.cval);
        }

        if (b.zoomRange.length != 2 || !Double.isFinite(b.zoomRange[0]) || !Double.isFinite(b.zoomRange[1])) {
            throw new IllegalArgumentException("`zoom_range` should be a float or a tuple or list of two floats"
                    + " (zoomRange(range) or zoomRange(lower, upper), finite, in Java). Received: "
                    + Arrays.toString(b.zoomRange));
        }
        if (b.brightnessRange != null && (!Double.isFinite(b.brightnessRange[0])
                || !Double.isFinite(b.brightnessRange[1]) || b.brightnessRange[0] > b.brightnessRange[1])) {
            throw new IllegalArgumentException("`brightness_range should be tuple or list of two floats"
                    + " (brightnessRange(low, high), finite, low <= high, in Java). Received: "
                    + Arrays.toString(b.brightnessRange));
        }
        if (b.rescale != null && !Double.isFinite(b.rescale)) {
            throw new IllegalArgumentException("rescale must be a finite number or null; got: " + b.rescale);
        }
        if (b.validationSplit != 0 && !(b.validationSplit > 0 && b.validationSplit < 1)) {
            throw new IllegalArgumentException("`validation_split` must be strictly between 0 and 1.  Received: "
                    + GeneratorConfig.pythonNumber(b.validationSplit));
        }
        Interpolation interpolation = Interpolation.fromOrder(b.interpolationOrder);
        if (b.contrastRange != null && (!Double.isFinite(b.contrastRange[0]) || !Double.isFinite(b.contrastRange[1])
                || b.contrastRange[0] < 0 || b.contrastRange[0] > b.contrastRange[1])) {
            throw new IllegalArgumentException("contrast_range must be two finite numbers 0 <= low <= high; got: "
                    + Arrays.toString(b.contrastRange));
        }
        if (b.resize != null && (b.resize[0] < 1 || b.resize[1] < 1)) {
            throw new IllegalArgumentException("resize must be two sizes >= 1 (height, width); got: "
                    + Arrays.toString(b.resize));
        }
        boolean fc = b.featurewiseCenter;
        boolean fs = b.featurewiseStdNormalization;
        boolean sc = b.samplewiseCenter;
        if (b.zcaWhitening) {
            if (!fc) {
                fc = true;
                LOG.warn("This ImageDataGenerator specifies `zca_whitening`, which overrides setting of"
                        + " `featurewise_center`.");
            }
            if (fs) {
                fs = false;
                LOG.warn("This ImageDataGenerator specifies `zca_whitening` which overrides setting of"
                        + " `featurewise_std_normalization`.");
            }
        }
        if (fs && !fc) {
            fc = true;
            LOG.warn("This ImageDataGenerator specifies `featurewise_std_normalization`, which overrides"
                    + " setting of `featurewise_center`.");
        }
        if (b.samplewiseStdNormalization && !sc) {
            sc = true;
            LOG.warn("This ImageDataGenerator specifies `samplewise_std_normalization`, which overrides"
                    + " setting of `samplewise_center`.");
        }
        return new GeneratorOptions(fc, sc, fs, b.samplewiseStdNormalization, b.zcaWhitening, b.zcaEpsilon,
                b.rotationRange, b.widthShiftRange, b.heightShiftRange,
                b.brightnessRange == null ? null : b.brightnessRange.clone(), b.shearRange, b.zoomRange.clone(),
                b.channelShiftRange, b.fillMode, b.cval, b.horizontalFlip, b.verticalFlip, b.rescale,
                b.preprocessingFunction, b.dataFormat, b.validationSplit, interpolation, b.precision,
                b.resize == null ? null : b.resize.clone(), b.compatibility,
                b.contrastRange == null ? null : b.contrastRange.clone(), b.noise, b.augmentValidation,
                new SampleHooks(b.preAugmentationFunction, b.contextPreprocessingFunction));
    }

    private static void nonNegative(String option, double v) {
        if (!Double.isFinite(v) || v < 0) {
            throw new IllegalArgumentException(option + " must be a finite number >= 0; got: " + v);
        }
    }
}
