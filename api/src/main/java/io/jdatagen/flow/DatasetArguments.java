package io.jdatagen.flow;

import java.util.Arrays;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The arguments of one {@code image_dataset_from_directory} call once checked as Keras checks them, in
 * Keras's order and with its messages, before any file is read.
 *
 * @param labelMode the label mode, null when the data set has no labels ({@code labels=None} or
 *     {@code label_mode=None})
 * @param inferred whether labels come from the class folders (else the folder is walked as one)
 * @param channels 1, 3 or 4 by the color mode
 * @param interpolation the resize method
 * @param seed the given seed, or one drawn from {@code [0, 10^6)} as Keras draws it
 */
record DatasetArguments(String labelMode, boolean inferred, int channels, TfInterpolation interpolation,
        long seed) {
    private static final Set<String> LABEL_MODES = Set.of("int", "categorical", "binary");

    /**
     * {@return {@code o}'s arguments, checked}
     *
     * @throws IllegalArgumentException with Keras's message for the first argument Keras refuses
     */
    static DatasetArguments checked(ImageDatasetOptions o) {
        if (o.givenLabels != null && o.classNames != null && !o.classNames.isEmpty()) {
            throw new IllegalArgumentException("You can only pass `class_names` if `labels=\"inferred\"`. Received:"
                    + " labels=" + Arrays.toString(o.givenLabels) + ", and class_names="
                    + DatasetIndex.pyList(o.classNames));
        }
        if (o.labelMode != null && !LABEL_MODES.contains(o.labelMode)) {
            throw new IllegalArgumentException("`label_mode` argument must be one of \"int\", \"categorical\","
                    + " \"binary\", or None. Received: label_mode=" + o.labelMode);
        }
        boolean labelled = o.inferLabels || o.givenLabels != null;
        String labelMode = labelled ? o.labelMode : null;
        int channels = switch (o.colorMode == null ? "" : o.colorMode) {
            case "rgb" -> 3;
            case "rgba" -> 4;
            case "grayscale" -> 1;
            default -> throw new IllegalArgumentException("`color_mode` must be one of {\"rgb\", \"rgba\","
                    + " \"grayscale\"}. Received: color_mode=" + o.colorMode);
        };
        TfInterpolation interpolation = TfInterpolation.fromName(o.interpolation);
        checkSplit(o.validationSplit, o.subset, o.shuffle, o.seed);
        if (o.padToAspectRatio && o.cropToAspectRatio) {
            throw new IllegalArgumentException("Only one of `pad_to_aspect_ratio`, `crop_to_aspect_ratio` can be"
                    + " set to `True`.");
        }
        if (o.cropToAspectRatio && !interpolation.cropsWithBackend()) {
            throw new IllegalArgumentException("Invalid value for argument `interpolation`. Expected of one"
                    + " ('bilinear', 'nearest', 'lanczos3', 'lanczos5', 'bicubic', 'area'). Received: interpolation="
                    + interpolation.kerasName());
        }
        boolean inferred = labelMode != null && o.inferLabels;
        if (!inferred && o.classNames != null) {
            throw new IllegalArgumentException(o.givenLabels == null || labelMode == null
                    ? "When `labels=None` (no labels), argument `class_names` cannot be specified."
                    : "When argument `labels` is specified, argument `class_names` cannot be specified (the"
                            + " `class_names` will be the sorted list of labels).");
        }
        long seed = o.seed != null ? o.seed : new SplittableRandom().nextInt(1_000_000);
        return new DatasetArguments(labelMode, inferred, channels, interpolation, seed);
    }

    /** Keras's {@code check_validation_split_arg} (a split of 0 counts as none, as Python's falsy 0.0). */
    static void checkSplit(Double split, String subset, boolean shuffle, Long seed) {
        boolean hasSplit = split != null && split != 0;
        if (hasSplit && !(split > 0 && split < 1)) {
            throw new IllegalArgumentException("`validation_split` must be between 0 and 1, received: " + split);
        }
        if ((hasSplit || subset != null) && !(hasSplit && subset != null)) {
            throw new IllegalArgumentException("If `subset` is set, `validation_split` must be set, and inversely.");
        }
        if (subset != null && !Set.of("training", "validation", "both").contains(subset)) {
            throw new IllegalArgumentException("`subset` must be either \"training\", \"validation\" or \"both\","
                    + " received: " + subset);
        }
        if (hasSplit && shuffle && seed == null) {
            throw new IllegalArgumentException("If using `validation_split` and shuffling the data, you must provide"
                    + " a `seed` argument, to make sure that there is no overlap between the training and validation"
                    + " subset.");
        }
    }
}
