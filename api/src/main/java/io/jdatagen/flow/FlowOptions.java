package io.jdatagen.flow;

import io.jdatagen.core.ElementType;
import io.jdatagen.core.OptionNames;
import io.jdatagen.core.Tensor;
import io.jdatagen.data.Batch;
import io.jdatagen.io.ColorMode;
import io.jdatagen.io.ImageCodec;
import io.jdatagen.io.PixelLimit;
import io.jdatagen.io.ResizeFilter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.UnaryOperator;
import javax.imageio.ImageIO;

/**
 * The arguments of a flow, with Keras's defaults. Each kind of flow has its own options type, which
 * offers only the options that flow reads, so that an option a flow would ignore does not compile:
 * <ul>
 *   <li>{@link #arrays()}: {@code flow(x, y, ...)} (Keras's {@code NumpyArrayIterator});</li>
 *   <li>{@link #directory()}: {@code flowFromDirectory} (Keras's {@code DirectoryIterator});</li>
 *   <li>{@link #dataframe()}: {@code flowFromDataframe} (Keras's {@code DataFrameIterator});</li>
 *   <li>{@link #pairs()}: {@code flowPairs}, image and mask arrays;</li>
 *   <li>{@link #pairDirectories()}: {@code flowPairsFromDirectories}, image and mask folders.</li>
 * </ul>
 * The options every flow reads are in {@link Builder}; those of every flow that reads image files in
 * {@link FileFlowOptions}; those of single-image file flows with class labels in
 * {@link LabelFlowOptions}. Options are named as Keras's arguments, in camelCase
 * ({@code target_size} is {@code targetSize}). Every setter checks its value and returns the same
 * options object; a flow copies its options when it is created, so later changes to them do not
 * change the flow, and one options object may create several flows. Checks that need several
 * options (the target size against the pixel limit, {@code resizeInWarp} with {@code interpolation})
 * run when the flow is created.
 *
 * <p>An instance of this class is the checked, immutable copy that a flow reads.
 */
public final class FlowOptions {
    final int batchSize;
    final boolean shuffle;
    final Long seed;
    final Subset subset;
    final Path saveToDir;
    final String savePrefix;
    final String saveFormat;
    final boolean ignoreClassSplit;
    final int[] targetSize;
    final ColorMode colorMode;
    final ClassMode classMode;
    final List<String> classes;
    final ResizeFilter interpolation;
    final boolean keepAspectRatio;
    final ImageCodec codec;
    final boolean exifOrientation;
    final boolean reducedDecode;
    final boolean resizeInWarp;
    final CacheOptions cache;
    final boolean skipUnreadable;
    final PixelLimit pixelLimit;
    final boolean followLinks;
    final Path directory;
    final String xCol;
    final List<String> yCol;
    final boolean yColList;
    final String weightCol;
    final boolean validateFilenames;
    final int maxSamplesPerClass;
    final FileLister fileLister;
    final int[] targets;
    final double maskFillValue;
    final ColorMode maskColorMode;
    final Boolean augment;
    final ElementType output;
    final int[] order;
    final UnaryOperator<Batch> batchFunction;
    private final String badSubset;
    private final String badColorMode;
    private final Double validationSplit;

    private FlowOptions(Builder<?> b) {
        batchSize = b.batchSize;
        shuffle = b.shuffle;
        seed = b.seed;
        subset = b.subset;
        saveToDir = b.saveToDir;
        savePrefix = b.savePrefix;
        saveFormat = b.saveFormat;
        ignoreClassSplit = b.ignoreClassSplit;
        targetSize = b.targetSize.clone();
        colorMode = b.colorMode;
        classMode = b.classMode;
        classes = b.classes;
        interpolation = b.interpolation;
        keepAspectRatio = b.keepAspectRatio;
        codec = b.codec;
        exifOrientation = b.exifOrientation;
        reducedDecode = b.reducedDecode;
        resizeInWarp = b.resizeInWarp;
        cache = b.cache;
        skipUnreadable = b.skipUnreadable;
        pixelLimit = b.pixelLimit;
        followLinks = b.followLinks;
        directory = b.directory;
        xCol = b.xCol;
        yCol = b.yCol;
        yColList = b.yColList;
        weightCol = b.weightCol;
        validateFilenames = b.validateFilenames;
        maxSamplesPerClass = b.maxSamplesPerClass;
        fileLister = b.fileLister;
        targets = b.targets;
        maskFillValue = b.maskFillValue;
        maskColorMode = b.maskColorMode;
        augment = b.augment;
        output = b.output;
        order = b.order;
        batchFunction = b.batchFunction;
        badSubset = b.badSubset;
        badColorMode = b.badColorMode;
        validationSplit = b.validationSplit;
    }

    /** The fraction reserved for validation: this flow's own, else the augmenter's. */
    double validationSplit(Augmenter augmenter) {
        return validationSplit != null ? validationSplit : augmenter.validationSplit();
    }

    /**
     * Raises Keras's error for a subset or color-mode name the options took but no flow accepts: the
     * array iterator prints its message as a Python tuple, the file iterators format it (the subset
     * one without a space after the semicolon). Only file flows take a color mode.
     *
     * @param arrays whether the flow reads arrays (Keras's {@code NumpyArrayIterator}) rather than files
     */
    void checkNames(boolean arrays) {
        if (badSubset != null) {
            throw new IllegalArgumentException((arrays
                    ? "('Invalid subset name:', " + PythonRepr.of(badSubset) + ", '; expected \"training\" or"
                            + " \"validation\".')"
                    : "Invalid subset name: " + badSubset + ";expected \"training\" or \"validation\"")
                    + Subset.hint(badSubset));
        }
        if (badColorMode != null) {
            throw new IllegalArgumentException("('Invalid color mode:', " + PythonRepr.of(badColorMode)
                    + ", '; expected \"rgb\", \"rgba\", or \"grayscale\".')" + ColorMode.hint(badColorMode));
        }
    }

    /** {@return the options of {@code flow(x, y, ...)} on arrays, with Keras's defaults} */
    public static ArrayFlowOptions arrays() {
        return new ArrayFlowOptions();
    }

    /**
     * {@return the options of a flow over samples streamed from shards ({@link Flows#fromShards}), with
     * Keras's defaults and a shuffle buffer of 1,000 samples}
     */
    public static StreamFlowOptions stream() {
        return new StreamFlowOptions();
    }

    /** {@return the options of {@code flowFromDirectory} (one class per sub-folder), with Keras's defaults} */
    public static DirectoryFlowOptions directory() {
        return new DirectoryFlowOptions();
    }

    /** {@return the options of {@code flowFromDataframe} (file names and labels from a table), Keras's defaults} */
    public static DataFrameFlowOptions dataframe() {
        return new DataFrameFlowOptions();
    }

    /** {@return the options of {@code flowPairs}: segmentation pairs from an image and a mask array} */
    public static PairFlowOptions pairs() {
        return new PairFlowOptions();
    }

    /** {@return the options of {@code flowPairsFromDirectories}: segmentation pairs from image and mask folders} */
    public static PairDirectoryFlowOptions pairDirectories() {
        return new PairDirectoryFlowOptions();
    }

    /**
     * The options every flow reads: batching, order, randomness, the validation subset, saving,
     * augmentation on or off, the output memory and a batch function. Subclasses add the setters of
     * one kind of flow; the fields here hold every option's value (Keras's default until set), which
     * the flow copies into a checked {@link FlowOptions} when it is created.
     *
     * @param <B> the options type that the setters return, so that calls chain in any order
     */
    public abstract static sealed class Builder<B extends Builder<B>> permits ArrayFlowOptions, PairFlowOptions,
            FileFlowOptions {
        // Every option's value, Keras's default until set; each subclass's setters write only its own.
        int batchSize = 32;
        boolean shuffle = true;
        Long seed;
        Subset subset;
        Path saveToDir;
        String savePrefix = "";
        String saveFormat = "png";
        boolean ignoreClassSplit;
        int[] targetSize = {256, 256};
        ColorMode colorMode = ColorMode.RGB;
        ClassMode classMode = ClassMode.CATEGORICAL;
        List<String> classes;
        ResizeFilter interpolation = ResizeFilter.NEAREST;
        boolean interpolationSet;
        boolean keepAspectRatio;
        ImageCodec codec;
        boolean exifOrientation = true;
        boolean reducedDecode;
        boolean resizeInWarp;
        CacheOptions cache;
        boolean skipUnreadable;
        PixelLimit pixelLimit = PixelLimit.defaults();
        boolean followLinks;
        Path directory;
        String xCol = "filename";
        List<String> yCol = List.of("class");
        boolean yColList;
        String weightCol;
        boolean validateFilenames = true;
        int maxSamplesPerClass;
        FileLister fileLister;
        int[] targets;
        double maskFillValue;
        ColorMode maskColorMode = ColorMode.GRAYSCALE;
        Boolean augment;
        ElementType output;
        String badSubset;
        String badColorMode;
        Double validationSplit;
        int[] order;
        UnaryOperator<Batch> batchFunction;

        Builder() {
        }

        /** {@return this object as its own options type, for the setters to return} */
        abstract B self();

        /** Samples per batch (default 32); the last batch may be shorter. */
        public B batchSize(int size) {
            if (size < 1) {
                throw new IllegalArgumentException("batchSize must be >= 1; got: " + size);
            }
            this.batchSize = size;
            return self();
        }

        /** Shuffle the samples every epoch (default true). */
        public B shuffle(boolean on) {
            this.shuffle = on;
            return self();
        }

        /** The seed of the shuffles and random transforms (default: a random seed per flow). */
        public B seed(long value) {
            this.seed = value;
            return self();
        }

        /**
         * Read only the training or the validation part of the augmenter's {@code validation_split}.
         */
        public B subset(Subset value) {
            this.subset = value;
            this.badSubset = null;
            return self();
        }

        /**
         * {@link #subset(Subset)} by Keras's name ({@code "training"}, {@code "validation"} or null).
         * Another name is reported by the flow, with the message of the matching Keras iterator.
         */
        public B subset(String name) {
            if (name != null && Subset.find(name).isEmpty()) {
                this.badSubset = name;
                this.subset = null;
                return self();
            }
            this.badSubset = null;
            return subset(Subset.fromName(name));
        }

        /**
         * The fraction of the data reserved for validation for this flow (the preprocessing RFC's
         * per-call {@code validation_split}), instead of the augmenter's; {@link #subset} picks the
         * part read. 0 means no split.
         *
         * @param fraction in {@code [0, 1)}
         * @throws IllegalArgumentException with Keras's message for a value outside {@code [0, 1)}
         */
        public B validationSplit(double fraction) {
            if (fraction != 0 && !(fraction > 0 && fraction < 1)) {
                throw new IllegalArgumentException("`validation_split` must be strictly between 0 and 1.  Received: "
                        + fraction);
            }
            this.validationSplit = fraction;
            return self();
        }

        /**
         * Read the samples in this order in every epoch (no reshuffle), e.g. one saved with
         * {@code ImageFlow.saveOrder} to resume a run; it must hold every sample index once.
         */
        public B order(int[] indices) {
            this.order = Objects.requireNonNull(indices, "order").clone();
            return self();
        }

        /**
         * {@link #order(int[])} from a file written by {@code ImageFlow.saveOrder} (one index per line).
         *
         * @throws IllegalArgumentException naming the file and line of an entry that is no index
         */
        public B order(Path file) {
            return order(FixedOrder.read(file));
        }

        /**
         * A function applied to every finished batch (mltk's custom batch function), e.g. mixing
         * samples or adding inputs; it must be a pure function of the batch to keep epochs
         * reproducible.
         */
        public B batchFunction(UnaryOperator<Batch> function) {
            this.batchFunction = Objects.requireNonNull(function, "batchFunction");
            return self();
        }

        /** Also write every augmented image to this folder (created if needed). */
        public B saveToDir(Path dir) {
            this.saveToDir = dir;
            return self();
        }

        /** File name prefix of saved images (default empty). */
        public B savePrefix(String prefix) {
            this.savePrefix = Objects.requireNonNull(prefix, "savePrefix");
            return self();
        }

        /** Format of saved images: png (default), jpeg/jpg, bmp, gif or tiff. */
        public B saveFormat(String format) {
            String f = Objects.requireNonNull(format, "saveFormat").strip().toLowerCase(Locale.ROOT);
            if (!ImageIO.getImageWritersByFormatName(f).hasNext()) {
                throw OptionNames.unknown("saveFormat", format, List.of("png", "jpeg", "jpg", "bmp", "gif", "tiff"));
            }
            this.saveFormat = f;
            return self();
        }

        /**
         * Whether to augment the images (default: yes, except for the validation subset of a augmenter built
         * with {@code augmentValidation(false)}); false only resizes and standardizes them.
         */
        public B augment(boolean on) {
            this.augment = on;
            return self();
        }

        /**
         * Writes each batch's images into a buffer of direct memory (native byte order) as
         * {@code type} instead of a heap float32 tensor: {@code Batch.x()} is a BufferTensor over it, for
         * DJL, ND4J or any native framework to adopt without a copy. Where the warp gives the final
         * values (no channel shift, brightness, contrast or noise drawn, standardization folded into
         * the warp) the kernels write the buffer directly; otherwise the float32 images are finished
         * first and then written into it. {@code uint8} rounds to the nearest integer (ties to even)
         * and saturates to 0–255; it is refused when rescale, centering, normalisation or whitening
         * would make the values fractional. The flow reuses the memory of batches given back with
         * {@code Batch.release()}, as it reuses heap batches' arrays.
         *
         * @param type float32, float16 or uint8
         */
        public B output(ElementType type) {
            this.output = Objects.requireNonNull(type, "output");
            return self();
        }

        /**
         * {@link #output(ElementType)} by numpy's name: {@code float32}, {@code float16} or {@code uint8}.
         *
         * @param type the type's name
         */
        public B output(String type) {
            return output(ElementType.parse(type));
        }

        /**
         * {@return the checked copy that a flow reads}
         *
         * @throws IllegalArgumentException naming {@code targetSize} if it is over the pixel limit or an
         *     image of that size in the color mode (or the mask color mode) exceeds one Java array: no
         *     image could be loaded at that size. Whether a whole batch fits is checked by the flow,
         *     which knows the image shape of its batches.
         */
        FlowOptions build() {
            if (resizeInWarp && interpolationSet) {
                throw new IllegalArgumentException("interpolation selects the Pillow filter of the resize, which"
                        + " resizeInWarp(true) replaces by the warp's interpolation: set one of the two");
            }
            long pixels = (long) targetSize[0] * targetSize[1];
            if (pixelLimit.limited() && pixels > pixelLimit.refuseAbove()) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "targetSize %d x %d is %d pixels;"
                        + " it must be at most %d, twice the image pixel limit (maxImagePixels %d)",
                        targetSize[0], targetSize[1], pixels, pixelLimit.refuseAbove(), pixelLimit.warnAbove()));
            }
            int channels = Math.max(colorMode.channels(), maskColorMode.channels());
            if (pixels > Tensor.MAX_ELEMENTS / channels) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "targetSize %d x %d is %d pixels of %d"
                        + " channels; height x width must be at most %d, as one image of at most %d samples is what"
                        + " one Java array holds", targetSize[0], targetSize[1], pixels, channels,
                        Tensor.MAX_ELEMENTS / channels, Tensor.MAX_ELEMENTS));
            }
            return new FlowOptions(this);
        }

        @Override
        public String toString() {
            return getClass().getSimpleName() + "[batchSize=" + batchSize + ", targetSize="
                    + Arrays.toString(targetSize) + "]";
        }
    }
}
