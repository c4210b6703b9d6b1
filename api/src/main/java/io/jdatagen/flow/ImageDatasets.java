package io.jdatagen.flow;

import io.jdatagen.core.Tensor;
import io.jdatagen.data.Batch;
import io.jdatagen.io.ImageCodecs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
        DatasetArguments args = DatasetArguments.checked(o);
        String labelMode = args.labelMode();
        boolean labelled = labelMode != null;
        long seed = args.seed();
        DatasetIndex index = DatasetIndex.of(directory, args.inferred(), labelled ? o.givenLabels : null,
                o.classNames, o.shuffle, seed, o.followLinks);
        String summary = labelled ? "Found " + index.size() + " files belonging to " + index.classNames().size()
                + " classes." : "Found " + index.size() + " files.";
        if (o.verbose) {
            LOG.info(summary);
        }
        if ("binary".equals(labelMode) && index.classNames().size() != 2) {
            throw new IllegalArgumentException("When passing `label_mode=\"binary\"`, there must be exactly 2"
                    + " class_names. Received: class_names=" + DatasetIndex.pyList(index.classNames()));
        }
        TfImageLoader loader = new TfImageLoader(o.codec != null ? o.codec : ImageCodecs.current(),
                args.channels(), o.imageSize[0], o.imageSize[1], args.interpolation(), o.cropToAspectRatio,
                o.padToAspectRatio);
        Augmenter augmenter = o.augmenter != null ? o.augmenter : new LoadOnly(o.dataFormat);
        if (augmenter.dataFormat() != o.dataFormat) {
            throw new IllegalArgumentException("the augmenter's data format (" + augmenter.dataFormat().kerasName()
                    + ") differs from data_format=" + o.dataFormat.kerasName());
        }
        Part part = new Part(augmenter, labelMode, loader, o, args.channels(), summary, seed);
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
}
