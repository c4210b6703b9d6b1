package io.jdatagen.image;

import io.jdatagen.data.RandomKeys;
import io.jdatagen.flow.ArrayFlow;
import io.jdatagen.flow.DataFrame;
import io.jdatagen.flow.DataFrameFlow;
import io.jdatagen.flow.DirectoryFlow;
import io.jdatagen.flow.FileFlow;
import io.jdatagen.flow.FlowOptions;
import io.jdatagen.flow.SegmentationFlow;
import io.jdatagen.spi.Backend;
import io.jdatagen.spi.Backends;
import io.jdatagen.spi.DataFormat;
import io.jdatagen.spi.FillMode;
import io.jdatagen.spi.Interpolation;
import io.jdatagen.spi.OutputSlot;
import io.jdatagen.spi.SourceImage;
import io.jdatagen.spi.Tensor;
import io.jdatagen.spi.WarpPlan;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keras's {@code ImageDataGenerator}: random augmentation and standardization of images, with
 * Keras's options, order of steps and numerics (KERAS-SPEC.md §3), plus the preprocessing RFC's
 * {@code fill_value}, {@code resize} and JSON config, and a choice of geometry
 * {@link Compatibility}. Build one with {@link #builder()} or {@link #fromJson(String)}.
 *
 * <p>Configuration is immutable and validated at build time; {@link #fit} replaces the fitted
 * statistics atomically. All methods are thread-safe.
 */
public final class ImageDataGenerator {
    private static final Logger LOG = LoggerFactory.getLogger(ImageDataGenerator.class);

    /** The effective (validated and coupled) configuration. */
    record Options(boolean featurewiseCenter, boolean samplewiseCenter, boolean featurewiseStdNormalization,
            boolean samplewiseStdNormalization, boolean zcaWhitening, double zcaEpsilon, double rotationRange,
            ShiftRange widthShiftRange, ShiftRange heightShiftRange, double[] brightnessRange,
            double shearRange, double[] zoomRange, double channelShiftRange, FillMode fillMode, double cval,
            boolean horizontalFlip, boolean verticalFlip, Double rescale,
            UnaryOperator<Tensor> preprocessingFunction, DataFormat dataFormat, double validationSplit,
            Interpolation interpolation, Precision precision, int[] resize, Compatibility compatibility,
            double[] contrastRange, List<Noise> noise, boolean augmentValidation) {
    }

    private final Options options;
    private final Backend backend;
    private final TransformSampler sampler;
    private final Standardizer standardizer;
    private final PixelExtras extras;
    private volatile FeaturewiseStatistics statistics = FeaturewiseStatistics.none();

    private ImageDataGenerator(Options options, Backend backend) {
        this.options = options;
        this.backend = backend;
        this.sampler = new TransformSampler(options);
        this.standardizer = new Standardizer(options);
        this.extras = new PixelExtras(options.contrastRange(), options.noise());
    }

    /** A builder with Keras's defaults (and {@link Compatibility#DOCUMENTED}). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this generator's configuration. */
    public Builder toBuilder() {
        return GeneratorConfig.toBuilder(getConfig()).preprocessingFunction(options.preprocessingFunction())
                .backend(backend);
    }

    // ---------------------------------------------------------------- random transforms

    /**
     * Keras's {@code get_random_transform(img_shape, seed)}: draws from numpy's legacy MT19937
     * seeded with {@code seed}, so that in {@link Compatibility#KERAS_REFERENCE} the values equal
     * Keras's for the same seed.
     *
     * @throws IllegalArgumentException if {@code seed} is outside {@code [0, 2^32)}
     */
    public TransformParameters getRandomTransform(int[] imageShape, long seed) {
        return sampler.sample(imageShape, new NumpyRandomState(seed));
    }

    /** Draws parameters for an image of {@code imageShape} from {@code rng}, in Keras's draw order. */
    public TransformParameters getRandomTransform(int[] imageShape, RandomGenerator rng) {
        return sampler.sample(imageShape, rng);
    }

    /**
     * Keras's {@code apply_transform} on one rank-3 image, in Keras's order (§3.3): affine with
     * the generator's fill and interpolation, channel shift, horizontal then vertical flip,
     * brightness (with {@code scale=False}). The affine and the flips run as one fused warp. With
     * {@link Builder#resize} set, the image is first resized.
     *
     * @return a new tensor, or {@code x} itself when there is nothing to do
     */
    public Tensor applyTransform(Tensor x, TransformParameters p) {
        AffineTransforms.checkImage(x);
        Tensor image = resize(x);
        ImageAxes axes = ImageAxes.of(options.dataFormat());
        double[] inverse = AffineMatrix.inverse(p.theta(), p.tx(), p.ty(), p.shear(), p.zx(), p.zy(),
                image.shape(), axes, options.compatibility());
        Tensor y = image;
        if (inverse != null || p.flipHorizontal() || p.flipVertical()) {
            y = AffineTransforms.warp(image, warpOptions(),
                    WarpPlan.builder().inverseAffine(inverse).flips(p.flipVertical(), p.flipHorizontal()));
        }
        if (p.channelShiftIntensity().isPresent()) {
            y = AffineTransforms.applyChannelShift(y, p.channelShiftIntensity().getAsDouble(),
                    axes.channelAxis());
        }
        if (p.brightness().isPresent()) {
            y = AffineTransforms.applyBrightnessShift(y, p.brightness().getAsDouble(), false);
        }
        return y;
    }

    /**
     * Keras's {@code random_transform(x, seed)}: {@link #getRandomTransform(int[], long)} then
     * {@link #applyTransform}. With {@link Builder#resize} set, parameters are drawn for the
     * resized image.
     */
    public Tensor randomTransform(Tensor x, long seed) {
        return randomTransform(x, new NumpyRandomState(seed));
    }

    /**
     * {@link #randomTransform(Tensor, long)} drawing from {@code rng}; then, when configured,
     * mltk's contrast and noise steps (drawn after Keras's draws).
     */
    public Tensor randomTransform(Tensor x, RandomGenerator rng) {
        AffineTransforms.checkImage(x);
        Tensor image = resize(x);
        Tensor y = applyTransform(image, sampler.sample(image.shape(), rng));
        if (extras.active()) {
            y = y == x ? x.copy() : y;
            extras.apply(y, rng);
        }
        return y;
    }

    /**
     * The RFC's {@code resize}: the image resampled to the configured size with the generator's
     * interpolation order (pixel centres aligned, edges clamped, no antialiasing), or {@code x}
     * itself when no size is configured or it already has it.
     */
    public Tensor resize(Tensor x) {
        AffineTransforms.checkImage(x);
        int[] target = options.resize();
        DataFormat format = options.dataFormat();
        int[] hwc = format.imageHwc(x.shape());
        if (target == null || (hwc[0] == target[0] && hwc[1] == target[1])) {
            return x;
        }
        Tensor out = Tensor.zeros(format.imageShape(target[0], target[1], hwc[2]));
        backend.warp(SourceImage.of(x, format), resizePlan(hwc[0], hwc[1], options.interpolation()),
                OutputSlot.image(out, format));
        return out;
    }

    /** The warp that resamples a {@code height × width} image to the resize target, centres aligned. */
    private WarpPlan resizePlan(int height, int width, Interpolation interpolation) {
        int[] target = options.resize();
        double ry = (double) height / target[0];
        double rx = (double) width / target[1];
        return WarpPlan.builder().inverseAffine(new double[] {ry, 0, 0.5 * ry - 0.5, 0, rx, 0.5 * rx - 0.5})
                .interpolation(interpolation).fill(FillMode.NEAREST, 0).build();
    }

    /** {@link #resize} applied to every image of a rank-4 batch. */
    Tensor resizeBatch(Tensor batch) {
        if (options.resize() == null) {
            return batch;
        }
        Tensor first = resize(batch.item(0));
        int[] shape = first.shape();
        Tensor out = Tensor.zeros(batch.dim(0), shape[0], shape[1], shape[2]);
        out.setItem(0, first);
        for (int i = 1; i < batch.dim(0); i++) {
            out.setItem(i, resize(batch.item(i)));
        }
        return out;
    }

    /**
     * Augments and standardizes one image into slot {@code slot} of the rank-4 {@code batch} (in
     * this generator's data format), drawing its parameters from {@code rng}: what Keras's
     * iterators do per sample ({@code standardize(apply_transform(x, get_random_transform(...)))}),
     * with mltk's contrast and noise steps before {@code standardize} when configured. Where the
     * options allow (no channel shift, brightness, contrast, noise, samplewise step, ZCA or
     * preprocessing function) the affine, the flips, rescale and the featurewise statistics run as
     * one warp straight from the source (8-bit or float) into the slot; otherwise the extra steps
     * follow on the warped image.
     *
     * @return the parameters drawn
     * @throws IllegalArgumentException if the slot's image size differs from the (resized) source's
     */
    public TransformParameters augmentInto(SourceImage source, RandomGenerator rng, Tensor batch, int slot) {
        SourceImage src = resized(source);
        TransformParameters p = sampler.sample(options.dataFormat().imageShape(src.height(), src.width(),
                src.channels()), rng);
        writeInto(src, p, rng, batch, slot);
        return p;
    }

    /**
     * Standardizes one image into slot {@code slot} of {@code batch} without augmenting it (after
     * the resize when one is configured): what a flow does for validation data when
     * {@link Builder#augmentValidation(boolean)} is off.
     *
     * @throws IllegalArgumentException if the slot's image size differs from the (resized) source's
     */
    public void standardizeInto(SourceImage source, Tensor batch, int slot) {
        writeInto(resized(source), TransformParameters.identity(), null, batch, slot);
    }

    /**
     * Applies the geometry of {@code p} (affine and flips, as {@link #augmentInto} drew them for
     * the paired image) to a segmentation mask, into slot {@code slot} of {@code masks}: nearest
     * interpolation, constant fill with {@code fillValue} (e.g. an ignore label), no colour or
     * standardization step. A mask of another size than the configured resize is first resized by
     * nearest neighbour.
     *
     * @throws IllegalArgumentException if the slot's size differs from the (resized) mask's
     */
    public void warpMaskInto(SourceImage mask, TransformParameters p, Tensor masks, int slot, double fillValue) {
        DataFormat format = options.dataFormat();
        SourceImage src = mask;
        int[] target = options.resize();
        if (target != null && (mask.height() != target[0] || mask.width() != target[1])) {
            Tensor out = Tensor.zeros(format.imageShape(target[0], target[1], mask.channels()));
            backend.warp(mask, resizePlan(mask.height(), mask.width(), Interpolation.NEAREST),
                    OutputSlot.image(out, format));
            src = SourceImage.of(out, format);
        }
        OutputSlot out = checkedSlot(src, masks, slot);
        double[] inverse = AffineMatrix.inverse(p.theta(), p.tx(), p.ty(), p.shear(), p.zx(), p.zy(),
                format.imageShape(src.height(), src.width(), src.channels()), ImageAxes.of(format),
                options.compatibility());
        backend.warp(src, WarpPlan.builder().inverseAffine(inverse).flips(p.flipVertical(), p.flipHorizontal())
                .interpolation(Interpolation.NEAREST).fill(FillMode.CONSTANT, fillValue).build(), out);
    }

    /**
     * The RFC's {@code apply(data, seed)}: augments and standardizes an image (rank 3) or every
     * image of a batch (rank 4) as a flow does, returning a new tensor (resized when a resize is
     * configured). Image {@code i} draws from the stream keyed by ({@code seed}, 0, {@code i}), so
     * the result depends only on the data, the configuration and the seed.
     *
     * @throws IllegalArgumentException if {@code data} is not rank 3 or 4
     */
    public Tensor apply(Tensor data, long seed) {
        if (data.rank() != 3 && data.rank() != 4) {
            throw new IllegalArgumentException("apply needs an image (rank 3) or a batch (rank 4); got shape "
                    + Arrays.toString(data.shape()));
        }
        DataFormat format = options.dataFormat();
        boolean single = data.rank() == 3;
        int n = single ? 1 : data.dim(0);
        int[] hwc = format.imageHwc(single ? data.shape() : Arrays.copyOfRange(data.shape(), 1, 4));
        int[] size = options.resize() != null ? options.resize() : hwc;
        int[] image = format.imageShape(size[0], size[1], hwc[2]);
        Tensor out = Tensor.zeros(n, image[0], image[1], image[2]);
        for (int i = 0; i < n; i++) {
            Tensor x = single ? data : data.item(i);
            augmentInto(SourceImage.of(x, format), RandomKeys.forSample(seed, 0, i), out, i);
        }
        return single ? out.item(0) : out;
    }

    private SourceImage resized(SourceImage source) {
        int[] target = options.resize();
        if (target == null || (source.height() == target[0] && source.width() == target[1])) {
            return source;
        }
        return SourceImage.of(resize(source.toTensor(options.dataFormat())), options.dataFormat());
    }

    private OutputSlot checkedSlot(SourceImage src, Tensor batch, int slot) {
        OutputSlot out = OutputSlot.of(batch, slot, options.dataFormat());
        if (out.height() != src.height() || out.width() != src.width() || out.channels() != src.channels()) {
            throw new IllegalArgumentException("batch slots hold " + out.height() + "x" + out.width() + "x"
                    + out.channels() + " images but the source is " + src.height() + "x" + src.width() + "x"
                    + src.channels());
        }
        return out;
    }

    /** Warps {@code src} with {@code p} into the slot, then the pixel steps and standardize; {@code rng} null: no extras. */
    private void writeInto(SourceImage src, TransformParameters p, RandomGenerator rng, Tensor batch, int slot) {
        DataFormat format = options.dataFormat();
        OutputSlot out = checkedSlot(src, batch, slot);
        int[] shape = format.imageShape(src.height(), src.width(), src.channels());
        double[] inverse = AffineMatrix.inverse(p.theta(), p.tx(), p.ty(), p.shear(), p.zx(), p.zy(), shape,
                ImageAxes.of(format), options.compatibility());
        WarpPlan.Builder plan = WarpPlan.builder().inverseAffine(inverse).flips(p.flipVertical(), p.flipHorizontal())
                .interpolation(options.interpolation()).fill(options.fillMode(), options.cval())
                .wrapConvention(options.compatibility().wrapConvention());
        FeaturewiseStatistics fitted = statistics;
        boolean extraSteps = rng != null && extras.active();
        boolean pixelSteps = p.channelShiftIntensity().isPresent() || p.brightness().isPresent() || extraSteps;
        float[][] colour = pixelSteps ? null : standardizer.foldedColour(src.channels(), fitted);
        if (colour != null) {
            backend.warp(src, plan.colour(colour[0], colour[1]).build(), out);
            return;
        }
        backend.warp(src, plan.build(), out);
        Tensor y = batch.item(slot);
        int channelAxis = ImageAxes.of(format).channelAxis();
        if (p.channelShiftIntensity().isPresent()) {
            y = AffineTransforms.applyChannelShift(y, p.channelShiftIntensity().getAsDouble(), channelAxis);
        }
        if (p.brightness().isPresent()) {
            y = AffineTransforms.applyBrightnessShift(y, p.brightness().getAsDouble(), false);
        }
        if (extraSteps) {
            extras.apply(y, rng);
        }
        batch.setItem(slot, standardizer.standardizeInPlace(y, fitted, backend));
    }

    private WarpOptions warpOptions() {
        return new WarpOptions(ImageAxes.of(options.dataFormat()), options.fillMode(), options.cval(),
                options.interpolation(), options.compatibility(), backend);
    }

    // ---------------------------------------------------------------- standardization and fit

    /**
     * Keras's {@code standardize} (§3.4) on a copy of {@code x} (an image or a batch): the
     * preprocessing function, rescale, samplewise centre/std (over every element given),
     * featurewise centre/std and ZCA with the fitted statistics. An unfitted featurewise step is
     * skipped with one warning.
     */
    public Tensor standardize(Tensor x) {
        return standardizer.standardizeInPlace(x.copy(), statistics, backend);
    }

    /** {@link #standardize} writing into {@code x}; returns the preprocessing function's result if set. */
    public Tensor standardizeInPlace(Tensor x) {
        return standardizer.standardizeInPlace(x, statistics, backend);
    }

    /** Keras's {@code fit(x)} without augmentation. */
    public void fit(Tensor x) {
        statistics = new StatisticsFitter(this, options).fit(x, false, 1, null);
    }

    /**
     * Keras's {@code fit(x, augment, rounds, seed)} (§3.5): rescale, then with {@code augment}
     * {@code rounds} random transforms of every image drawn from numpy's MT19937 seeded with
     * {@code seed} (so that the statistics equal Keras's), then mean, std and ZCA as configured.
     *
     * @throws IllegalArgumentException with Keras's message if {@code x} is not rank 4, or if
     *     {@code rounds < 1} or the seed is outside {@code [0, 2^32)}
     */
    public void fit(Tensor x, boolean augment, int rounds, long seed) {
        statistics = new StatisticsFitter(this, options).fit(x, augment, rounds, new NumpyRandomState(seed));
    }

    /** The fitted statistics ({@link FeaturewiseStatistics#none()} before {@code fit}). */
    public FeaturewiseStatistics statistics() {
        return statistics;
    }

    /** Replaces the fitted statistics, e.g. with ones saved from an earlier {@code fit}. */
    public void setStatistics(FeaturewiseStatistics fitted) {
        this.statistics = Objects.requireNonNull(fitted, "statistics");
    }

    // ---------------------------------------------------------------- sources

    /** Keras's {@code flow(x, y)} with default options (batches of 32, shuffled). */
    public ArrayFlow flow(Tensor x, Tensor y) {
        return flow(x, List.of(), y, null, FlowOptions.defaults());
    }

    /** Keras's {@code flow(x, y, ...)}: {@code y} may be null. */
    public ArrayFlow flow(Tensor x, Tensor y, FlowOptions options) {
        return flow(x, List.of(), y, null, options);
    }

    /**
     * Keras's {@code flow((x, extraInputs), y, sample_weight=...)} (KERAS-SPEC.md §4.1): batches
     * of augmented, standardized images from the rank-4 array {@code x} (in this generator's data
     * format), the matching rows of {@code extraInputs} passed through as further inputs, of
     * {@code y} as the target and of {@code sampleWeights}.
     *
     * @param extraInputs arrays with one row per image, possibly empty
     * @param y labels (any shape with one row per image), or null
     * @param sampleWeights one weight per image, or null (needs {@code y})
     * @throws IllegalArgumentException with Keras's messages for mismatched lengths, a rank other
     *     than 4, a bad subset or a class split that leaves different classes on each side
     */
    public ArrayFlow flow(Tensor x, List<Tensor> extraInputs, Tensor y, Tensor sampleWeights, FlowOptions options) {
        return ArrayFlow.create(this, x, extraInputs, y, sampleWeights, options);
    }

    /**
     * Keras's {@code flow_from_directory} (§4.3): one class per sub-folder of {@code directory},
     * images decoded with the selected codec, resized to the target size and augmented.
     *
     * @throws IllegalArgumentException for a missing directory or invalid options
     */
    public FileFlow flowFromDirectory(Path directory, FlowOptions options) {
        return DirectoryFlow.create(this, directory, options);
    }

    /**
     * Keras's {@code flow_from_dataframe} (§4.4): file names and labels from a table, e.g.
     * {@link DataFrame#readCsv(Path)}.
     *
     * @throws IllegalArgumentException with Keras's messages for bad columns, labels or options
     */
    public FileFlow flowFromDataframe(DataFrame table, FlowOptions options) {
        return DataFrameFlow.create(this, table, options);
    }

    /**
     * Image and mask pairs from two rank-4 arrays for segmentation: both get the same geometric
     * transform; masks use nearest interpolation and constant fill with the options'
     * {@code maskFillValue}, and no colour or standardization step. See {@link SegmentationFlow}.
     *
     * @throws IllegalArgumentException naming the argument whose shape does not fit
     */
    public SegmentationFlow flowPairs(Tensor images, Tensor masks, FlowOptions options) {
        return SegmentationFlow.ofArrays(this, images, masks, options);
    }

    /**
     * Image and mask pairs from two folders matched by relative path (see
     * {@link SegmentationFlow#ofDirectories}).
     *
     * @throws IllegalArgumentException for a missing folder, or naming an image without its mask
     */
    public SegmentationFlow flowPairsFromDirectories(Path imageDir, Path maskDir, FlowOptions options) {
        return SegmentationFlow.ofDirectories(this, imageDir, maskDir, options);
    }

    /**
     * The RFC's {@code preview}: writes {@code preview.png} into {@code outputDir}, a grid with one
     * row per image (up to {@code rows} of them): the original, then {@code copies} random
     * transforms of it drawn with {@code seed} (see {@link PreviewGrid}).
     *
     * @return the file written
     */
    public Path preview(List<Tensor> images, Path outputDir, int copies, long seed) {
        return PreviewGrid.write(this, images, copies, seed, outputDir.resolve("preview.png"));
    }

    /**
     * {@link #preview(List, Path, int, long)} on {@code rows} images of a file source spread
     * evenly over its samples (sample {@code ⌊i·n/rows⌋} for row {@code i}, so that every class
     * of a sorted folder shows), as it loads them (decoded, colour-converted, resized).
     */
    public Path preview(FileFlow source, int rows, Path outputDir, int copies, long seed) {
        List<Tensor> images = new java.util.ArrayList<>();
        for (int i : PreviewGrid.spread(source.samples(), rows)) {
            images.add(source.image(i).toSource().toTensor(dataFormat()));
        }
        return preview(images, outputDir, copies, seed);
    }

    // ---------------------------------------------------------------- config

    /**
     * The configuration as Keras's constructor arguments in snake_case (plus {@code resize} and
     * {@code compatibility}), with the effective flags after coupling. The preprocessing function
     * is not serialisable and is left out.
     */
    public Map<String, Object> getConfig() {
        return GeneratorConfig.toMap(options);
    }

    /** {@link #getConfig()} as JSON. */
    public String toJson() {
        return GeneratorConfig.toJson(getConfig());
    }

    /**
     * A generator from a Keras-style config map (the result of {@link #getConfig()} or a Keras
     * generator's arguments).
     *
     * @throws IllegalArgumentException naming an unknown key or an invalid value
     */
    public static ImageDataGenerator fromConfig(Map<String, ?> config) {
        return GeneratorConfig.toBuilder(config).build();
    }

    /**
     * A generator from JSON config, e.g. a Keras generator's arguments dumped with {@code json}.
     *
     * @throws IllegalArgumentException if the JSON is malformed, or names an unknown key or an
     *     invalid value
     */
    public static ImageDataGenerator fromJson(String json) {
        return fromConfig(GeneratorConfig.parse(json));
    }

    // ---------------------------------------------------------------- accessors

    /** The backend this generator runs its kernels on. */
    public Backend backend() {
        return backend;
    }

    /** The data format of images and batches. */
    public DataFormat dataFormat() {
        return options.dataFormat();
    }

    /** The geometry convention. */
    public Compatibility compatibility() {
        return options.compatibility();
    }

    /** Effective {@code featurewise_center} (after Keras's coupling). */
    public boolean featurewiseCenter() {
        return options.featurewiseCenter();
    }

    /** Effective {@code featurewise_std_normalization}. */
    public boolean featurewiseStdNormalization() {
        return options.featurewiseStdNormalization();
    }

    /** Effective {@code samplewise_center}. */
    public boolean samplewiseCenter() {
        return options.samplewiseCenter();
    }

    /** Effective {@code samplewise_std_normalization}. */
    public boolean samplewiseStdNormalization() {
        return options.samplewiseStdNormalization();
    }

    /** {@code zca_whitening}. */
    public boolean zcaWhitening() {
        return options.zcaWhitening();
    }

    /** The fraction of data reserved for validation (0 when none). */
    public double validationSplit() {
        return options.validationSplit();
    }

    /** Whether flows augment their validation subset (mltk's option; default true, as Keras). */
    public boolean augmentValidation() {
        return options.augmentValidation();
    }

    /** The resize target {@code {height, width}}, or null. */
    public int[] resizeTarget() {
        return options.resize() == null ? null : options.resize().clone();
    }

    @Override
    public String toString() {
        return "ImageDataGenerator" + getConfig();
    }

    /**
     * Builds an {@link ImageDataGenerator}. Setters take Keras's option names in camelCase;
     * {@link #build()} validates every option and applies Keras's flag couplings.
     */
    public static final class Builder {
        private boolean featurewiseCenter;
        private boolean samplewiseCenter;
        private boolean featurewiseStdNormalization;
        private boolean samplewiseStdNormalization;
        private boolean zcaWhitening;
        private double zcaEpsilon = 1e-6;
        private double rotationRange;
        private ShiftRange widthShiftRange = ShiftRange.NONE;
        private ShiftRange heightShiftRange = ShiftRange.NONE;
        private double[] brightnessRange;
        private double shearRange;
        private double[] zoomRange = {1, 1};
        private double channelShiftRange;
        private FillMode fillMode = FillMode.NEAREST;
        private double cval;
        private boolean horizontalFlip;
        private boolean verticalFlip;
        private Double rescale;
        private UnaryOperator<Tensor> preprocessingFunction;
        private DataFormat dataFormat = DataFormat.CHANNELS_LAST;
        private double validationSplit;
        private int interpolationOrder = 1;
        private Precision precision = Precision.FLOAT32;
        private int[] resize;
        private Compatibility compatibility = Compatibility.DOCUMENTED;
        private double[] contrastRange;
        private List<Noise> noise = List.of();
        private boolean augmentValidation = true;
        private Backend backend;

        private Builder() {
        }

        /** Subtract the dataset mean (fitted per channel). */
        public Builder featurewiseCenter(boolean on) {
            this.featurewiseCenter = on;
            return this;
        }

        /** Subtract each sample's mean. */
        public Builder samplewiseCenter(boolean on) {
            this.samplewiseCenter = on;
            return this;
        }

        /** Divide by the dataset std (fitted per channel); forces featurewise centring. */
        public Builder featurewiseStdNormalization(boolean on) {
            this.featurewiseStdNormalization = on;
            return this;
        }

        /** Divide each sample by its std; forces samplewise centring. */
        public Builder samplewiseStdNormalization(boolean on) {
            this.samplewiseStdNormalization = on;
            return this;
        }

        /** ZCA whitening; forces featurewise centring and disables featurewise std normalization. */
        public Builder zcaWhitening(boolean on) {
            this.zcaWhitening = on;
            return this;
        }

        /** Epsilon added to the singular values in ZCA (default 1e-6). */
        public Builder zcaEpsilon(double epsilon) {
            this.zcaEpsilon = epsilon;
            return this;
        }

        /** Random rotations in {@code [-degrees, degrees]}. */
        public Builder rotationRange(double degrees) {
            this.rotationRange = degrees;
            return this;
        }

        /** Horizontal shifts, Keras's float form (fraction of the width when below 1, else pixels). */
        public Builder widthShiftRange(double range) {
            return widthShiftRange(ShiftRange.of(range));
        }

        /** Horizontal shifts in any of Keras's forms. */
        public Builder widthShiftRange(ShiftRange range) {
            this.widthShiftRange = Objects.requireNonNull(range, "widthShiftRange");
            return this;
        }

        /** Vertical shifts, Keras's float form (fraction of the height when below 1, else pixels). */
        public Builder heightShiftRange(double range) {
            return heightShiftRange(ShiftRange.of(range));
        }

        /** Vertical shifts in any of Keras's forms. */
        public Builder heightShiftRange(ShiftRange range) {
            this.heightShiftRange = Objects.requireNonNull(range, "heightShiftRange");
            return this;
        }

        /** Random brightness factors in {@code [low, high]}. */
        public Builder brightnessRange(double low, double high) {
            this.brightnessRange = new double[] {low, high};
            return this;
        }

        /** Removes the brightness range. */
        public Builder noBrightness() {
            this.brightnessRange = null;
            return this;
        }

        /** Random shear angles in {@code [-degrees, degrees]}. */
        public Builder shearRange(double degrees) {
            this.shearRange = degrees;
            return this;
        }

        /** Zoom factors in {@code [1 - z, 1 + z]}. */
        public Builder zoomRange(double z) {
            this.zoomRange = new double[] {1 - z, 1 + z};
            return this;
        }

        /** Zoom factors in {@code [low, high]}, kept as given ({@code (0.2, 0.2)} zooms by exactly 0.2). */
        public Builder zoomRange(double low, double high) {
            this.zoomRange = new double[] {low, high};
            return this;
        }

        /** Random channel shifts in {@code [-range, range]} (raw pixel units). */
        public Builder channelShiftRange(double range) {
            this.channelShiftRange = range;
            return this;
        }

        /** Boundary handling (default nearest). */
        public Builder fillMode(FillMode mode) {
            this.fillMode = Objects.requireNonNull(mode, "fillMode");
            return this;
        }

        /** Constant fill value (Keras's {@code cval}; raw pixel units). */
        public Builder cval(double value) {
            this.cval = value;
            return this;
        }

        /** The RFC's name for {@link #cval}. */
        public Builder fillValue(double value) {
            return cval(value);
        }

        /** Random horizontal flips. */
        public Builder horizontalFlip(boolean on) {
            this.horizontalFlip = on;
            return this;
        }

        /** Random vertical flips. */
        public Builder verticalFlip(boolean on) {
            this.verticalFlip = on;
            return this;
        }

        /** Multiply by this factor after augmentation (null or 0: no rescale). */
        public Builder rescale(Double factor) {
            this.rescale = factor;
            return this;
        }

        /** A function run on each image first in {@code standardize} (not serialisable). */
        public Builder preprocessingFunction(UnaryOperator<Tensor> function) {
            this.preprocessingFunction = function;
            return this;
        }

        /** Channels last (default) or first. */
        public Builder dataFormat(DataFormat format) {
            this.dataFormat = Objects.requireNonNull(format, "dataFormat");
            return this;
        }

        /** Fraction of the data reserved for validation, strictly between 0 and 1 (0: none). */
        public Builder validationSplit(double fraction) {
            this.validationSplit = fraction;
            return this;
        }

        /** Interpolation order: 0 (nearest) or 1 (bilinear, default). */
        public Builder interpolationOrder(int order) {
            this.interpolationOrder = order;
            return this;
        }

        /** Arithmetic precision of standardize and fit (Keras's {@code dtype}). */
        public Builder dtype(Precision dtype) {
            this.precision = Objects.requireNonNull(dtype, "dtype");
            return this;
        }

        /** The RFC's {@code resize}: resample every image to {@code height × width} first. */
        public Builder resize(int height, int width) {
            this.resize = new int[] {height, width};
            return this;
        }

        /** Removes the resize target. */
        public Builder noResize() {
            this.resize = null;
            return this;
        }

        /** Geometry convention (default {@link Compatibility#DOCUMENTED}). */
        public Builder compatibility(Compatibility value) {
            this.compatibility = Objects.requireNonNull(value, "compatibility");
            return this;
        }

        /**
         * mltk's {@code contrast_range}: a factor drawn from {@code [low, high]} per image scales
         * its deviation from the image mean ({@code 1}: unchanged; {@code 0}: flat grey).
         */
        public Builder contrastRange(double low, double high) {
            this.contrastRange = new double[] {low, high};
            return this;
        }

        /** Removes the contrast range. */
        public Builder noContrast() {
            this.contrastRange = null;
            return this;
        }

        /** mltk's {@code noise}: each image gets one of these kinds, chosen uniformly (none: no noise). */
        public Builder noise(Noise... kinds) {
            return noise(List.of(kinds));
        }

        /** {@link #noise(Noise...)} from a list. */
        public Builder noise(List<Noise> kinds) {
            this.noise = List.copyOf(Objects.requireNonNull(kinds, "noise"));
            return this;
        }

        /**
         * Whether flows over the validation subset augment their images (default true, as Keras);
         * with false they only resize and standardize them (mltk's option).
         */
        public Builder augmentValidation(boolean on) {
            this.augmentValidation = on;
            return this;
        }

        /** The backend to run on (default: the process-wide selection). */
        public Builder backend(Backend value) {
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
            nonNegative("zca_epsilon", zcaEpsilon);
            nonNegative("rotation_range", rotationRange);
            nonNegative("shear_range", shearRange);
            nonNegative("channel_shift_range", channelShiftRange);
            if (zoomRange.length != 2 || !Double.isFinite(zoomRange[0]) || !Double.isFinite(zoomRange[1])) {
                throw new IllegalArgumentException("`zoom_range` should be a float or a tuple or list of two floats."
                        + " Received: " + Arrays.toString(zoomRange));
            }
            if (brightnessRange != null && (!Double.isFinite(brightnessRange[0])
                    || !Double.isFinite(brightnessRange[1]) || brightnessRange[0] > brightnessRange[1])) {
                throw new IllegalArgumentException("`brightness_range should be tuple or list of two floats."
                        + " Received: " + Arrays.toString(brightnessRange)
                        + " (two finite numbers, low <= high)");
            }
            if (rescale != null && !Double.isFinite(rescale)) {
                throw new IllegalArgumentException("rescale must be a finite number or null; got: " + rescale);
            }
            if (validationSplit != 0 && !(validationSplit > 0 && validationSplit < 1)) {
                throw new IllegalArgumentException("`validation_split` must be strictly between 0 and 1.  Received: "
                        + GeneratorConfig.pythonNumber(validationSplit));
            }
            Interpolation interpolation = Interpolation.fromOrder(interpolationOrder);
            if (contrastRange != null && (!Double.isFinite(contrastRange[0]) || !Double.isFinite(contrastRange[1])
                    || contrastRange[0] < 0 || contrastRange[0] > contrastRange[1])) {
                throw new IllegalArgumentException("contrast_range must be two finite numbers 0 <= low <= high; got: "
                        + Arrays.toString(contrastRange));
            }
            if (resize != null && (resize[0] < 1 || resize[1] < 1)) {
                throw new IllegalArgumentException("resize must be two sizes >= 1 (height, width); got: "
                        + Arrays.toString(resize));
            }
            boolean fc = featurewiseCenter;
            boolean fs = featurewiseStdNormalization;
            boolean sc = samplewiseCenter;
            if (zcaWhitening) {
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
            if (samplewiseStdNormalization && !sc) {
                sc = true;
                LOG.warn("This ImageDataGenerator specifies `samplewise_std_normalization`, which overrides"
                        + " setting of `samplewise_center`.");
            }
            Options options = new Options(fc, sc, fs, samplewiseStdNormalization, zcaWhitening, zcaEpsilon,
                    rotationRange, widthShiftRange, heightShiftRange,
                    brightnessRange == null ? null : brightnessRange.clone(), shearRange, zoomRange.clone(),
                    channelShiftRange, fillMode, cval, horizontalFlip, verticalFlip, rescale,
                    preprocessingFunction, dataFormat, validationSplit, interpolation, precision,
                    resize == null ? null : resize.clone(), compatibility,
                    contrastRange == null ? null : contrastRange.clone(), noise, augmentValidation);
            return new ImageDataGenerator(options, backend != null ? backend : Backends.current());
        }

        private static void nonNegative(String option, double v) {
            if (!Double.isFinite(v) || v < 0) {
                throw new IllegalArgumentException(option + " must be a finite number >= 0; got: " + v);
            }
        }
    }
}
