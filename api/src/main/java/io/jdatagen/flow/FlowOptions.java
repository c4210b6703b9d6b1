package io.jdatagen.flow;

import io.jdatagen.data.Batch;
import io.jdatagen.io.ColorMode;
import io.jdatagen.io.ImageCodec;
import io.jdatagen.io.PixelLimit;
import io.jdatagen.io.ResizeFilter;
import io.jdatagen.spi.ElementType;
import io.jdatagen.spi.OptionNames;
import io.jdatagen.spi.Tensor;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import javax.imageio.ImageIO;

/**
 * The arguments of {@code flow}, {@code flowFromDirectory} and {@code flowFromDataframe}, with
 * Keras's defaults. Each flow rejects, by name, an option set here that it does not use.
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
    private final Set<FlowOption> explicit;

    private FlowOptions(Builder b) {
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
        explicit = b.explicit.isEmpty() ? EnumSet.noneOf(FlowOption.class) : EnumSet.copyOf(b.explicit);
    }

    /** The fraction reserved for validation: this flow's own, else the augmenter's. */
    double validationSplit(Augmenter augmenter) {
        return validationSplit != null ? validationSplit : augmenter.validationSplit();
    }

    /**
     * Raises Keras's error for a subset or color-mode name the builder took but no flow accepts: the
     * array iterator prints its message as a Python tuple, the file iterators format it (the subset
     * one without a space after the semicolon).
     *
     * @param arrays whether the flow reads arrays (Keras's {@code NumpyArrayIterator})
     */
    void checkNames(boolean arrays) {
        if (badSubset != null) {
            throw new IllegalArgumentException((arrays
                    ? "('Invalid subset name:', " + PythonRepr.of(badSubset) + ", '; expected \"training\" or"
                            + " \"validation\".')"
                    : "Invalid subset name: " + badSubset + ";expected \"training\" or \"validation\"")
                    + Subset.hint(badSubset));
        }
        if (!arrays && badColorMode != null) {
            throw new IllegalArgumentException("('Invalid color mode:', " + PythonRepr.of(badColorMode)
                    + ", '; expected \"rgb\", \"rgba\", or \"grayscale\".')" + ColorMode.hint(badColorMode));
        }
    }

    /** {@return a builder with Keras's defaults} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return Keras's defaults for every flow} */
    public static FlowOptions defaults() {
        return builder().build();
    }

    /** Throws, naming the option, if an option outside the {@code allowed} groups was set. */
    void check(String flow, FlowOption.Group... allowed) {
        List<FlowOption.Group> groups = List.of(allowed);
        for (FlowOption option : explicit) {
            if (!groups.contains(option.group())) {
                throw new IllegalArgumentException("option " + option.builderName() + " does not apply to " + flow);
            }
        }
    }

    /** Builds {@link FlowOptions}; every setter validates its value. */
    public static final class Builder {
        private final Set<FlowOption> explicit = EnumSet.noneOf(FlowOption.class);
        private int batchSize = 32;
        private boolean shuffle = true;
        private Long seed;
        private Subset subset;
        private Path saveToDir;
        private String savePrefix = "";
        private String saveFormat = "png";
        private boolean ignoreClassSplit;
        private int[] targetSize = {256, 256};
        private ColorMode colorMode = ColorMode.RGB;
        private ClassMode classMode = ClassMode.CATEGORICAL;
        private List<String> classes;
        private ResizeFilter interpolation = ResizeFilter.NEAREST;
        private boolean keepAspectRatio;
        private ImageCodec codec;
        private boolean exifOrientation = true;
        private boolean reducedDecode;
        private boolean resizeInWarp;
        private CacheOptions cache;
        private boolean skipUnreadable;
        private PixelLimit pixelLimit = PixelLimit.defaults();
        private boolean followLinks;
        private Path directory;
        private String xCol = "filename";
        private List<String> yCol = List.of("class");
        private boolean yColList;
        private String weightCol;
        private boolean validateFilenames = true;
        private int maxSamplesPerClass;
        private FileLister fileLister;
        private int[] targets;
        private double maskFillValue;
        private ColorMode maskColorMode = ColorMode.GRAYSCALE;
        private Boolean augment;
        private ElementType output;
        private String badSubset;
        private String badColorMode;
        private Double validationSplit;
        private int[] order;
        private UnaryOperator<Batch> batchFunction;

        private Builder() {
        }

        private Builder set(FlowOption option) {
            explicit.add(option);
            return this;
        }

        /**
         * Samples per batch (default 32); the last batch may be shorter.
         *
         * @param size the size
         * @return this builder
         */
        public Builder batchSize(int size) {
            if (size < 1) {
                throw new IllegalArgumentException("batchSize must be >= 1; got: " + size);
            }
            this.batchSize = size;
            return this;
        }

        /**
         * Shuffle the samples every epoch (default true).
         *
         * @param on true to switch it on
         * @return this builder
         */
        public Builder shuffle(boolean on) {
            this.shuffle = on;
            return this;
        }

        /**
         * The seed of the shuffles and random transforms (default: a random seed per flow).
         *
         * @param value the value
         * @return this builder
         */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /**
         * Read only the training or the validation part of the augmenter's {@code validation_split}.
         *
         * @param value the value
         * @return this builder
         */
        public Builder subset(Subset value) {
            this.subset = value;
            this.badSubset = null;
            return this;
        }

        /**
         * {@link #subset(Subset)} by Keras's name ({@code "training"}, {@code "validation"} or null).
         * Another name is reported by the flow, with the message of the matching Keras iterator.
         *
         * @param name the name
         * @return this builder
         */
        public Builder subset(String name) {
            if (name != null && Subset.find(name).isEmpty()) {
                this.badSubset = name;
                this.subset = null;
                return this;
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
         * @return this builder
         * @throws IllegalArgumentException with Keras's message for a value outside {@code [0, 1)}
         */
        public Builder validationSplit(double fraction) {
            if (fraction != 0 && !(fraction > 0 && fraction < 1)) {
                throw new IllegalArgumentException("`validation_split` must be strictly between 0 and 1.  Received: "
                        + fraction);
            }
            this.validationSplit = fraction;
            return this;
        }

        /**
         * Read the samples in this order in every epoch (no reshuffle), e.g. one saved with
         * {@code ImageFlow.saveOrder} to resume a run; it must hold every sample index once.
         *
         * @param indices the order
         * @return this builder
         */
        public Builder order(int[] indices) {
            this.order = Objects.requireNonNull(indices, "order").clone();
            return this;
        }

        /**
         * {@link #order(int[])} from a file written by {@code ImageFlow.saveOrder} (one index per line).
         *
         * @param file the file
         * @return this builder
         * @throws IllegalArgumentException naming the file and line of an entry that is no index
         */
        public Builder order(Path file) {
            return order(FixedOrder.read(file));
        }

        /**
         * A function applied to every finished batch (mltk's custom batch function), e.g. mixing
         * samples or adding inputs; it must be a pure function of the batch to keep epochs
         * reproducible.
         *
         * @param function the function
         * @return this builder
         */
        public Builder batchFunction(UnaryOperator<Batch> function) {
            this.batchFunction = Objects.requireNonNull(function, "batchFunction");
            return this;
        }

        /**
         * Also write every augmented image to this folder (created if needed).
         *
         * @param dir the dir
         * @return this builder
         */
        public Builder saveToDir(Path dir) {
            this.saveToDir = dir;
            return this;
        }

        /**
         * File name prefix of saved images (default empty).
         *
         * @param prefix the prefix
         * @return this builder
         */
        public Builder savePrefix(String prefix) {
            this.savePrefix = Objects.requireNonNull(prefix, "savePrefix");
            return this;
        }

        /**
         * Format of saved images: png (default), jpeg/jpg, bmp, gif or tiff.
         *
         * @param format the data format
         * @return this builder
         */
        public Builder saveFormat(String format) {
            String f = Objects.requireNonNull(format, "saveFormat").strip().toLowerCase(Locale.ROOT);
            if (!ImageIO.getImageWritersByFormatName(f).hasNext()) {
                throw OptionNames.unknown("saveFormat", format, List.of("png", "jpeg", "jpg", "bmp", "gif", "tiff"));
            }
            this.saveFormat = f;
            return this;
        }

        /**
         * Arrays: skip the check that both split parts hold the same classes.
         *
         * @param on true to switch it on
         * @return this builder
         */
        public Builder ignoreClassSplit(boolean on) {
            this.ignoreClassSplit = on;
            return set(FlowOption.IGNORE_CLASS_SPLIT);
        }

        /**
         * Files: the size every image is resized to (default 256×256).
         *
         * @param height the height
         * @param width the width
         * @return this builder
         */
        public Builder targetSize(int height, int width) {
            if (height < 1 || width < 1) {
                throw new IllegalArgumentException("targetSize must be two sizes >= 1 (height, width); got: "
                        + height + ", " + width);
            }
            this.targetSize = new int[] {height, width};
            return set(FlowOption.TARGET_SIZE);
        }

        /**
         * Files: the color mode (default rgb).
         *
         * @param mode the mode
         * @return this builder
         */
        public Builder colorMode(ColorMode mode) {
            this.colorMode = Objects.requireNonNull(mode, "colorMode");
            return set(FlowOption.COLOR_MODE);
        }

        /**
         * Files: {@link #colorMode(ColorMode)} by Keras's name. An unknown name is reported by the flow,
         * with Keras's message, as Keras's iterators report it.
         *
         * @param name the name
         * @return this builder
         */
        public Builder colorMode(String name) {
            Optional<ColorMode> mode = ColorMode.find(name);
            if (mode.isPresent()) {
                this.badColorMode = null;
                return colorMode(mode.get());
            }
            this.badColorMode = String.valueOf(name);
            return set(FlowOption.COLOR_MODE);
        }

        /**
         * Files: the targets (default categorical).
         *
         * @param mode the mode
         * @return this builder
         */
        public Builder classMode(ClassMode mode) {
            this.classMode = Objects.requireNonNull(mode, "classMode");
            return set(FlowOption.CLASS_MODE);
        }

        /**
         * Files: {@link #classMode(ClassMode)} by Keras's name ({@code categorical}, {@code binary}, {@code
         * sparse}, {@code input}, {@code multi_output}, {@code raw}, or null for none).
         *
         * @param name the name
         * @return this builder
         */
        public Builder classMode(String name) {
            return classMode(ClassMode.fromName(name));
        }

        /**
         * Files: the class names to use, in index order (directories: sub-folders; default: all).
         *
         * @param names the names
         * @return this builder
         */
        public Builder classes(List<String> names) {
            this.classes = names == null ? null : List.copyOf(names);
            return set(FlowOption.CLASSES);
        }

        /**
         * Files: the resampling filter when resizing (default nearest, as Keras).
         *
         * @param filter the filter
         * @return this builder
         */
        public Builder interpolation(ResizeFilter filter) {
            this.interpolation = Objects.requireNonNull(filter, "interpolation");
            return set(FlowOption.INTERPOLATION);
        }

        /**
         * Files: {@link #interpolation(ResizeFilter)} by Keras's name.
         *
         * @param name the name
         * @return this builder
         */
        public Builder interpolation(String name) {
            return interpolation(ResizeFilter.fromName(name));
        }

        /**
         * Files: crop the centre to the target's aspect ratio before resizing.
         *
         * @param on true to switch it on
         * @return this builder
         */
        public Builder keepAspectRatio(boolean on) {
            this.keepAspectRatio = on;
            return set(FlowOption.KEEP_ASPECT_RATIO);
        }

        /**
         * Files: the codec (default: {@link io.jdatagen.io.ImageCodecs#current()}).
         *
         * @param value the value
         * @return this builder
         */
        public Builder codec(ImageCodec value) {
            this.codec = Objects.requireNonNull(value, "codec");
            return set(FlowOption.CODEC);
        }

        /**
         * Files: apply JPEG EXIF orientation (default true; Keras ignores it).
         *
         * @param apply the apply
         * @return this builder
         */
        public Builder exifOrientation(boolean apply) {
            this.exifOrientation = apply;
            return set(FlowOption.EXIF_ORIENTATION);
        }

        /**
         * Files: let the codec decode JPEGs at a reduced DCT scale (1/2, 1/4 or 1/8; the {@code opencv}
         * codec, libjpeg-turbo's scaled decoding) when both sides of the reduced image stay at least the
         * target's larger side, then resize that (default false). Faster on photos at least twice the
         * target's size, but the pixels are no longer Keras's: Pillow decodes in full, then resizes. The
         * {@code imageio} codec always decodes in full. Segmentation masks are never DCT-scaled (that
         * would blend labels): a mask whose image was decoded at {@code 1/f} takes, for each
         * {@code f × f} block, the label at the block's centre, so the pair keeps one size; an image
         * and mask are then compared at that scale (sides that round to the same reduced size pass).
         *
         * @param on true to switch it on
         * @return this builder
         */
        public Builder reducedDecode(boolean on) {
            this.reducedDecode = on;
            return set(FlowOption.REDUCED_DECODE);
        }

        /**
         * Directories and data frames: fold the resize to the target size into the augmentation warp instead
         * of resizing each decoded image with a Pillow filter first (default false). Each output pixel is
         * then sampled once, from the decoded image, with the generator's interpolation: faster (one
         * resampling instead of two), but not Pillow's resize, without its antialiasing (shrinking by more
         * than 2x aliases), and fill modes act at the decoded image's edges. The {@code interpolation}
         * option then has no use; setting both is an error.
         *
         * @param on true to switch it on
         * @return this builder
         */
        public Builder resizeInWarp(boolean on) {
            this.resizeInWarp = on;
            return set(FlowOption.RESIZE_IN_WARP);
        }

        /**
         * Files: keep each file's loaded 8-bit image (decoded, oriented, color-converted, resized) so
         * that later epochs only augment; batches stay byte-identical to uncached ones. The heap holds
         * up to the options' budget, the rest is spilled to a file ({@link CacheOptions}). The flow then
         * owns the file: close it ({@code FileFlow.close()}, {@code SegmentationFlow.close()}) to free
         * it. Threads of one process may share the flow; a named file is refused to a second flow.
         *
         * @param options the budget and spill file
         * @return this builder
         */
        public Builder cache(CacheOptions options) {
            this.cache = Objects.requireNonNull(options, "cache");
            return set(FlowOption.CACHE);
        }

        /**
         * Files: decode every file at scan time and leave out the unreadable ones, reporting them (default
         * false: an unreadable file fails its batch, naming the file).
         *
         * @param on true to switch it on
         * @return this builder
         */
        public Builder skipUnreadable(boolean on) {
            this.skipUnreadable = on;
            return set(FlowOption.SKIP_UNREADABLE);
        }

        /**
         * Files: the decompression-bomb guard, Pillow's {@code Image.MAX_IMAGE_PIXELS}: images of
         * more than {@code pixels} pixels load with a warning, of more than twice that are refused
         * from their header before any pixel is decoded (default 89,478,485, or
         * {@code -Djdatagen.maxImagePixels}; 0: no limit).
         *
         * @param pixels the warning threshold in pixels, or 0 for no limit
         * @return this builder
         */
        public Builder maxImagePixels(long pixels) {
            if (pixels < 0) {
                throw new IllegalArgumentException("maxImagePixels must be >= 0 (0: no limit); got: " + pixels);
            }
            this.pixelLimit = new PixelLimit(pixels);
            return set(FlowOption.MAX_IMAGE_PIXELS);
        }

        /**
         * Directories: enter symlinked sub-folders (default false).
         *
         * @param on true to switch it on
         * @return this builder
         */
        public Builder followLinks(boolean on) {
            this.followLinks = on;
            return set(FlowOption.FOLLOW_LINKS);
        }

        /**
         * Data frames: the folder that relative file names are resolved against.
         *
         * @param dir the dir
         * @return this builder
         */
        public Builder directory(Path dir) {
            this.directory = dir;
            return set(FlowOption.DIRECTORY);
        }

        /**
         * Data frames: the column of file names (default {@code filename}).
         *
         * @param column the column
         * @return this builder
         */
        public Builder xCol(String column) {
            this.xCol = Objects.requireNonNull(column, "xCol");
            return set(FlowOption.X_COL);
        }

        /**
         * Data frames: the label column (default {@code class}).
         *
         * @param column the column
         * @return this builder
         */
        public Builder yCol(String column) {
            this.yCol = List.of(Objects.requireNonNull(column, "yCol"));
            this.yColList = false;
            return set(FlowOption.Y_COL);
        }

        /**
         * Data frames: several label columns (Keras's list {@code y_col}, for multi_output and raw).
         *
         * @param columns the columns
         * @return this builder
         */
        public Builder yCols(List<String> columns) {
            if (columns == null || columns.isEmpty()) {
                throw new IllegalArgumentException("yCols needs at least one column; got: " + columns);
            }
            this.yCol = List.copyOf(columns);
            this.yColList = true;
            return set(FlowOption.Y_COL);
        }

        /**
         * Data frames: the numeric column of sample weights.
         *
         * @param column the column
         * @return this builder
         */
        public Builder weightCol(String column) {
            this.weightCol = column;
            return set(FlowOption.WEIGHT_COL);
        }

        /**
         * Data frames: drop rows whose file is missing or not an image name (default true).
         *
         * @param on true to switch it on
         * @return this builder
         */
        public Builder validateFilenames(boolean on) {
            this.validateFilenames = on;
            return set(FlowOption.VALIDATE_FILENAMES);
        }

        /**
         * Whether to augment the images (default: yes, except for the validation subset of a augmenter built
         * with {@code augmentValidation(false)}); false only resizes and standardizes them.
         *
         * @param on true to switch it on
         * @return this builder
         */
        public Builder augment(boolean on) {
            this.augment = on;
            return this;
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
         * {@code Batch.release()}.
         *
         * @param type float32, float16 or uint8
         * @return this builder
         */
        public Builder output(ElementType type) {
            this.output = Objects.requireNonNull(type, "output");
            return this;
        }

        /**
         * {@link #output(ElementType)} by numpy's name: {@code float32}, {@code float16} or {@code uint8}.
         *
         * @param type the type's name
         * @return this builder
         */
        public Builder output(String type) {
            return output(ElementType.parse(type));
        }

        /**
         * Directories (mltk's {@code max_samples_per_class}): keep at most this many files of each class,
         * chosen at random with the flow's seed (0 when none is set) before the validation split, kept in
         * walk order (default 0: no cap).
         *
         * @param cap the cap
         * @return this builder
         */
        public Builder maxSamplesPerClass(int cap) {
            if (cap < 1) {
                throw new IllegalArgumentException("maxSamplesPerClass must be >= 1; got: " + cap);
            }
            this.maxSamplesPerClass = cap;
            return set(FlowOption.MAX_SAMPLES_PER_CLASS);
        }

        /**
         * Directories: list each class's files with {@code lister} instead of walking its folder.
         *
         * @param lister the lister
         * @return this builder
         */
        public Builder fileLister(FileLister lister) {
            this.fileLister = Objects.requireNonNull(lister, "fileLister");
            return set(FlowOption.FILE_LISTER);
        }

        /**
         * Directories: explicit integer labels, one per file found (the preprocessing RFC's
         * {@code targets} list, instead of labels inferred from the class folders), in the order the
         * flow lists the files (classes in order, each class's files in walk order), before the
         * validation split. The targets are these labels (sparse and binary) or their one-hot
         * vectors (categorical); use {@code classMode("none")} for no targets.
         *
         * @param labels one class index per file
         * @return this builder
         */
        public Builder targets(int... labels) {
            this.targets = Objects.requireNonNull(labels, "targets").clone();
            return set(FlowOption.TARGETS);
        }

        /**
         * Segmentation: the mask value where the transform leaves the mask (default 0; e.g. 255 to ignore).
         *
         * @param value the value
         * @return this builder
         */
        public Builder maskFillValue(double value) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("maskFillValue must be a finite number; got: " + value);
            }
            this.maskFillValue = value;
            return set(FlowOption.MASK_FILL_VALUE);
        }

        /**
         * Segmentation: the color mode masks are read in (default grayscale).
         *
         * @param mode the mode
         * @return this builder
         */
        public Builder maskColorMode(ColorMode mode) {
            this.maskColorMode = Objects.requireNonNull(mode, "maskColorMode");
            return set(FlowOption.MASK_COLOR_MODE);
        }

        /**
         * {@return the options}
         *
         * @throws IllegalArgumentException naming {@code targetSize} if it is over the pixel limit or an
         *     image of that size in the color mode (or the mask color mode) exceeds one Java array: no
         *     image could be loaded at that size. Whether a whole batch fits is checked by the flow,
         *     which knows the image shape of its batches.
         */
        public FlowOptions build() {
            if (resizeInWarp && explicit.contains(FlowOption.INTERPOLATION)) {
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
            return "FlowOptions.Builder" + explicit + " targetSize=" + Arrays.toString(targetSize);
        }
    }
}
