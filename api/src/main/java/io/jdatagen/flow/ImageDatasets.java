package io.jdatagen.flow;

import io.jdatagen.core.Tensor;
import io.jdatagen.data.Batch;
import io.jdatagen.io.ImageCodecs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keras 3's {@code keras.utils.image_dataset_from_directory} for the JVM:
 * <pre>{@code
 * ImageDataset train = ImageDatasets.fromDirectory(Path.of("photos"), ImageDatasets.options()
 *         .imageSize(180, 180).batchSize(32).seed(1337).validationSplit(0.2).subset("training"));
 * ImageDatasets.Split both = ImageDatasets.split(Path.of("photos"), ImageDatasets.options()
 *         .seed(1337).validationSplit(0.2));            // subset="both"
 * }</pre>
 * Arguments, defaults, checks and error messages are Keras's (see {@link ImageDatasetOptions}); the file
 * list, the class order, the allowed extensions ({@code .bmp .gif .jpeg .jpg .png}), the seeded shuffle of
 * the list (numpy's {@code RandomState}) and the validation split (the last {@code int(split * n)} files) are
 * Keras's exactly, and images are resized by TensorFlow's {@code tf.image.resize} rules. The one difference
 * is the per-epoch order: see {@link ImageDataset}. Keras's messages ({@code Found N files belonging to K
 * classes.}, {@code Using N files for training.}) are logged at INFO through SLF4J.
 */
public final class ImageDatasets {
    private static final Logger LOG = LoggerFactory.getLogger(ImageDatasets.class);
    private static final Set<String> LABEL_MODES = Set.of("int", "categorical", "binary");

    private ImageDatasets() {
    }

    /** The training and validation data sets of {@code subset="both"}. */
    public record Split(ImageDataset training, ImageDataset validation) {
    }

    /** {@return options with Keras's defaults} */
    public static ImageDatasetOptions options() {
        return new ImageDatasetOptions();
    }

    /**
     * {@return the data set of the images under {@code directory}: all of them, or the {@code subset}
     * {@code "training"} or {@code "validation"} of a validation split}
     *
     * @throws IllegalArgumentException with Keras's messages for bad or clashing arguments, a folder
     *     without images, and for {@code subset="both"} (use {@link #split})
     */
    public static ImageDataset fromDirectory(Path directory, ImageDatasetOptions options) {
        if ("both".equals(options.subset)) {
            throw new IllegalArgumentException("subset=\"both\" makes two data sets: call ImageDatasets.split");
        }
        return build(directory, options.copy()).get(0);
    }

    /**
     * {@return Keras's {@code subset="both"}: the training and the validation data sets of one split}
     * The validation data set is never shuffled (as Keras) and never augmented.
     *
     * @throws IllegalArgumentException with Keras's messages, and when {@code options} name another subset
     */
    public static Split split(Path directory, ImageDatasetOptions options) {
        ImageDatasetOptions o = options.copy();
        if (o.subset != null && !"both".equals(o.subset)) {
            throw new IllegalArgumentException("split makes subset=\"both\"; the options say subset=\"" + o.subset
                    + "\": use fromDirectory");
        }
        o.subset = "both";
        List<ImageDataset> both = build(directory, o);
        return new Split(both.get(0), both.get(1));
    }

    private static List<ImageDataset> build(Path directory, ImageDatasetOptions o) {
        boolean labelled = o.inferLabels || o.givenLabels != null;
        if (o.givenLabels != null && o.classNames != null && !o.classNames.isEmpty()) {
            throw new IllegalArgumentException("You can only pass `class_names` if `labels=\"inferred\"`. Received:"
                    + " labels=" + Arrays.toString(o.givenLabels) + ", and class_names="
                    + DatasetIndex.pyList(o.classNames));
        }
        if (o.labelMode != null && !LABEL_MODES.contains(o.labelMode)) {
            throw new IllegalArgumentException("`label_mode` argument must be one of \"int\", \"categorical\","
                    + " \"binary\", or None. Received: label_mode=" + o.labelMode);
        }
        String labelMode = labelled ? o.labelMode : null;
        if (labelMode == null) {
            labelled = false;
        }
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
        long seed = o.seed != null ? o.seed : new SplittableRandom().nextInt(1_000_000);
        boolean inferred = labelled && o.inferLabels;
        if (!inferred && o.classNames != null) {
            throw new IllegalArgumentException(o.givenLabels == null
                    ? "When `labels=None` (no labels), argument `class_names` cannot be specified."
                    : "When argument `labels` is specified, argument `class_names` cannot be specified (the"
                            + " `class_names` will be the sorted list of labels).");
        }
        DatasetIndex index = DatasetIndex.of(directory, inferred, labelled ? o.givenLabels : null, o.classNames,
                o.shuffle, seed, o.followLinks);
        String summary = labelled ? "Found " + index.size() + " files belonging to " + index.classNames().size()
                + " classes." : "Found " + index.size() + " files.";
        if (o.verbose) {
            LOG.info(summary);
        }
        if ("binary".equals(labelMode) && index.classNames().size() != 2) {
            throw new IllegalArgumentException("When passing `label_mode=\"binary\"`, there must be exactly 2"
                    + " class_names. Received: class_names=" + DatasetIndex.pyList(index.classNames()));
        }
        TfImageLoader loader = new TfImageLoader(o.codec != null ? o.codec : ImageCodecs.current(), channels,
                o.imageSize[0], o.imageSize[1], interpolation, o.cropToAspectRatio, o.padToAspectRatio);
        Augmenter augmenter = o.augmenter != null ? o.augmenter : new LoadOnly(o.dataFormat);
        if (augmenter.dataFormat() != o.dataFormat) {
            throw new IllegalArgumentException("the augmenter's data format (" + augmenter.dataFormat().kerasName()
                    + ") differs from data_format=" + o.dataFormat.kerasName());
        }
        Part part = new Part(augmenter, labelMode, loader, o, channels, summary, seed);
        List<ImageDataset> out = new ArrayList<>();
        if ("both".equals(o.subset)) {
            DatasetIndex training = splitPart(index, o.validationSplit, "training");
            DatasetIndex validation = splitPart(index, o.validationSplit, "validation");
            if (training.size() == 0) {
                throw new IllegalArgumentException("No training images found in directory " + directory
                        + ". Allowed formats: " + DatasetIndex.formats());
            }
            if (validation.size() == 0) {
                throw new IllegalArgumentException("No validation images found in directory " + directory
                        + ". Allowed formats: " + DatasetIndex.formats());
            }
            out.add(part.dataset(training, o.shuffle, true));
            out.add(part.dataset(validation, false, false));
        } else {
            DatasetIndex rows = splitPart(index, o.validationSplit, o.subset);
            if (rows.size() == 0) {
                throw new IllegalArgumentException("No images found in directory " + directory
                        + ". Allowed formats: " + DatasetIndex.formats());
            }
            out.add(part.dataset(rows, o.shuffle, !"validation".equals(o.subset)));
        }
        return out;
    }

    /** What the data sets of one call share. */
    private record Part(Augmenter augmenter, String labelMode, TfImageLoader loader, ImageDatasetOptions o,
            int channels, String summary, long seed) {
        ImageDataset dataset(DatasetIndex rows, boolean shuffle, boolean augment) {
            Integer batch = o.batchSize;
            ArrayFlowOptions flow = FlowOptions.arrays().batchSize(batch == null ? 1 : batch).shuffle(shuffle)
                    .seed(seed).augment(augment && o.augmenter != null);
            if (batch == null) {
                flow.batchFunction(UNBATCH);
            }
            return new ImageDataset(augmenter, rows, labelMode, loader, o.imageSize[0], o.imageSize[1], channels,
                    summary, flow.build());
        }
    }

    /** A batch of one sample without its batch axis: Keras's unbatched elements. */
    private static final UnaryOperator<Batch> UNBATCH = b -> {
        List<Tensor> targets = new ArrayList<>();
        for (Tensor t : b.targets()) {
            targets.add(withoutBatchAxis(t));
        }
        return Batch.of(withoutBatchAxis(b.xTensor()), List.of(), targets, null, b.indices(), b.filenames());
    };

    /**
     * {@code t} (a batch of one) without its batch axis; an {@code int} label, a scalar in Keras, stays a
     * one-element vector, since tensors here have at least one axis.
     */
    private static Tensor withoutBatchAxis(Tensor t) {
        return t.rank() == 1 ? t : Tensor.of(t.data(), Arrays.copyOfRange(t.shape(), 1, t.rank()));
    }

    /** Keras's {@code get_training_or_validation_split}: the validation part is the last {@code int(split * n)} files. */
    static DatasetIndex splitPart(DatasetIndex index, Double split, String subset) {
        if (split == null || split == 0) {
            return index;
        }
        int n = index.size();
        int validation = (int) (split * n);
        if ("training".equals(subset)) {
            LOG.info("Using {} files for training.", n - validation);
            // Keras slices [:-k]: with k == 0 that is no file at all.
            return index.rows(0, validation == 0 ? 0 : n - validation);
        }
        LOG.info("Using {} files for validation.", validation);
        // Keras slices [-k:]: with k == 0 that is every file.
        return index.rows(validation == 0 ? 0 : n - validation, n);
    }

    /** Keras's {@code check_validation_split_arg}. */
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
