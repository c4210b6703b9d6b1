package io.jdatagen.flow;

import io.jdatagen.core.DataFormat;
import io.jdatagen.io.ImageCodec;
import io.jdatagen.io.ImageCodecs;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The arguments of Keras 3's {@code keras.utils.image_dataset_from_directory}, with its defaults, in
 * camelCase ({@code label_mode} is {@link #labelMode}); made by {@link ImageDatasets#options()}. Setters
 * check what they can alone and return this object; the checks that need several arguments run, in Keras's
 * order and with its messages, when {@link ImageDatasets} builds the data set, which copies the options.
 *
 * <p>Defaults: labels inferred from the class folders, {@code labelMode "int"}, all class folders,
 * {@code colorMode "rgb"}, {@code batchSize 32}, {@code imageSize 256x256}, {@code shuffle true}, no seed
 * (one is drawn from {@code [0, 10^6)} as Keras does), no validation split, {@code interpolation
 * "bilinear"}, links not followed, neither aspect-ratio option, {@code channels_last}, verbose; and, beyond
 * Keras, no augmenter and the default image codec.
 */
public final class ImageDatasetOptions {
    boolean inferLabels = true;
    int[] givenLabels;
    String labelMode = "int";
    List<String> classNames;
    String colorMode = "rgb";
    Integer batchSize = 32;
    int[] imageSize = {256, 256};
    boolean shuffle = true;
    Long seed;
    Double validationSplit;
    String subset;
    String interpolation = "bilinear";
    boolean followLinks;
    boolean cropToAspectRatio;
    boolean padToAspectRatio;
    DataFormat dataFormat = DataFormat.CHANNELS_LAST;
    boolean verbose = true;
    Augmenter augmenter;
    ImageCodec codec;

    ImageDatasetOptions() {
    }

    /** {@code labels="inferred"} (the default): each file's label is the index of its class folder. */
    public ImageDatasetOptions inferLabels() {
        inferLabels = true;
        givenLabels = null;
        return this;
    }

    /** {@code labels=None}: no labels; the folder is walked as one (its sub-folders are not classes). */
    public ImageDatasetOptions noLabels() {
        inferLabels = false;
        givenLabels = null;
        return this;
    }

    /**
     * {@code labels=[...]}: one integer label per file, in the order the files are listed (the folder walked
     * as one, folders and files sorted by name); the class names are the sorted distinct labels.
     */
    public ImageDatasetOptions labels(int... values) {
        inferLabels = false;
        givenLabels = Objects.requireNonNull(values, "labels").clone();
        return this;
    }

    /**
     * {@code label_mode}: {@code "int"} (a float32 vector of class indices), {@code "categorical"} (one-hot
     * rows), {@code "binary"} (a float32 {@code (n, 1)} column of 0 and 1, two classes only), or null for no
     * labels (Keras's None).
     */
    public ImageDatasetOptions labelMode(String mode) {
        labelMode = mode;
        return this;
    }

    /** {@code class_names}: the class folders to read, in this order (labels inferred only). */
    public ImageDatasetOptions classNames(List<String> names) {
        classNames = names == null ? null : List.copyOf(names);
        return this;
    }

    /** {@code color_mode}: {@code "grayscale"}, {@code "rgb"} or {@code "rgba"}. */
    public ImageDatasetOptions colorMode(String mode) {
        colorMode = mode;
        return this;
    }

    /**
     * {@code batch_size}: samples per batch, or null for Keras's unbatched data set (each element one sample:
     * a rank-3 image and its label without the batch axis; an {@code int} label, a scalar in Keras, is a
     * one-element vector).
     *
     * @throws IllegalArgumentException for a size below 1
     */
    public ImageDatasetOptions batchSize(Integer size) {
        if (size != null && size < 1) {
            throw new IllegalArgumentException("batch_size must be at least 1 (or null for no batching); got: "
                    + size);
        }
        batchSize = size;
        return this;
    }

    /**
     * {@code image_size}: the {@code (height, width)} every image is resized to.
     *
     * @throws IllegalArgumentException with Keras's message unless there are two sizes of at least 1
     */
    public ImageDatasetOptions imageSize(int... size) {
        if (size == null || size.length == 1) {
            size = size == null ? null : new int[] {size[0], size[0]};
        }
        if (size == null || size.length != 2 || size[0] < 1 || size[1] < 1) {
            throw new IllegalArgumentException("Invalid `image_size` value. Expected a tuple of 2 integers."
                    + " Received: image_size=" + Arrays.toString(size));
        }
        imageSize = size.clone();
        return this;
    }

    /** {@code shuffle}: shuffle the file list once (seeded) and each epoch's order (default true). */
    public ImageDatasetOptions shuffle(boolean on) {
        shuffle = on;
        return this;
    }

    /**
     * {@code seed}: seeds the file-list shuffle (numpy's {@code RandomState}) and the per-epoch order.
     *
     * @throws IllegalArgumentException outside {@code [0, 2^32)}, numpy's range
     */
    public ImageDatasetOptions seed(long value) {
        if (value < 0 || value > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("seed must be in [0, 2^32) (numpy's RandomState); got: " + value);
        }
        seed = value;
        return this;
    }

    /** {@code validation_split}: the fraction of the files, taken from the end of the list, for validation. */
    public ImageDatasetOptions validationSplit(double fraction) {
        validationSplit = fraction;
        return this;
    }

    /** {@code subset}: {@code "training"}, {@code "validation"} or {@code "both"} (with a validation split). */
    public ImageDatasetOptions subset(String name) {
        subset = name;
        return this;
    }

    /**
     * {@code interpolation}: {@code bilinear}, {@code nearest}, {@code bicubic}, {@code area},
     * {@code lanczos3}, {@code lanczos5}, {@code gaussian} or {@code mitchellcubic}, with TensorFlow's
     * {@code tf.image.resize} rules (checked when the data set is built).
     */
    public ImageDatasetOptions interpolation(String name) {
        interpolation = name;
        return this;
    }

    /** {@code follow_links}: walk into symbolically linked folders too. */
    public ImageDatasetOptions followLinks(boolean on) {
        followLinks = on;
        return this;
    }

    /** {@code crop_to_aspect_ratio}: crop the largest centred window of the target's aspect ratio first. */
    public ImageDatasetOptions cropToAspectRatio(boolean on) {
        cropToAspectRatio = on;
        return this;
    }

    /** {@code pad_to_aspect_ratio}: resize to fit inside the target and pad the rest with zeros. */
    public ImageDatasetOptions padToAspectRatio(boolean on) {
        padToAspectRatio = on;
        return this;
    }

    /** {@code data_format}: {@code "channels_last"} (the default) or {@code "channels_first"}. */
    public ImageDatasetOptions dataFormat(String name) {
        dataFormat = DataFormat.fromKerasName(name);
        return this;
    }

    /**
     * {@code verbose}: log Keras's {@code Found N files belonging to K classes.} at INFO through SLF4J
     * (the line is also {@link ImageDataset#summary()} either way).
     */
    public ImageDatasetOptions verbose(boolean on) {
        verbose = on;
        return this;
    }

    /**
     * Augments the training images with {@code value} (a {@code KerasPipeline} of Keras 3 layers, or an
     * {@code ImageDataGenerator}), as {@code dataset.map(augment)} would in Keras; a validation subset
     * (alone, or the second data set of {@code "both"}) is only loaded and goes through the layers that are
     * not augmentations. Its data format must be the data set's; a layer that changes the size
     * ({@code CenterCrop}, {@code Resizing}) sets the size of the batches. Null (the default) only loads.
     */
    public ImageDatasetOptions augmenter(Augmenter value) {
        augmenter = value;
        return this;
    }

    /** The decoder of the image files (default: {@link ImageCodecs#current()}). */
    public ImageDatasetOptions codec(ImageCodec value) {
        codec = Objects.requireNonNull(value, "codec");
        return this;
    }

    ImageDatasetOptions copy() {
        ImageDatasetOptions o = new ImageDatasetOptions();
        o.inferLabels = inferLabels;
        o.givenLabels = givenLabels == null ? null : givenLabels.clone();
        o.labelMode = labelMode;
        o.classNames = classNames;
        o.colorMode = colorMode;
        o.batchSize = batchSize;
        o.imageSize = imageSize.clone();
        o.shuffle = shuffle;
        o.seed = seed;
        o.validationSplit = validationSplit;
        o.subset = subset;
        o.interpolation = interpolation;
        o.followLinks = followLinks;
        o.cropToAspectRatio = cropToAspectRatio;
        o.padToAspectRatio = padToAspectRatio;
        o.dataFormat = dataFormat;
        o.verbose = verbose;
        o.augmenter = augmenter;
        o.codec = codec;
        return o;
    }
}
