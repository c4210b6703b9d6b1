package io.jdatagen.image;

import io.jdatagen.flow.ArrayFlow;
import io.jdatagen.flow.DataFrame;
import io.jdatagen.flow.DataFrameFlow;
import io.jdatagen.flow.DirectoryFlow;
import io.jdatagen.flow.FileFlow;
import io.jdatagen.flow.FlowOptions;
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
            Interpolation interpolation, Precision precision, int[] resize, Compatibility compatibility) {
    }

    private final Options options;
    private final Backend backend;
    private final TransformSampler sampler;
    private final Standardizer standardizer;
    private volatile FeaturewiseStatistics statistics = FeaturewiseStatistics.none();

    private ImageDataGenerator(Options options, Backend backend) {
        this.options = options;
        this.backend = backend;
        this.sampler = new TransformSampler(options);
        this.standardizer = new Standardizer(options);
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

    /** {@link #randomTransform(Tensor, long)} drawing from {@code rng}. */
    public Tensor randomTransform(Tensor x, RandomGenerator rng) {
        AffineTransforms.checkImage(x);
        Tensor image = resize(x);
        return applyTransform(image, sampler.sample(image.shape(), rng));
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
        double ry = (double) hwc[0] / target[0];
        double rx = (double) hwc[1] / target[1];
        WarpPlan plan = WarpPlan.builder().inverseAffine(new double[] {ry, 0, 0.5 * ry - 0.5, 0, rx, 0.5 * rx - 0.5})
                .interpolation(options.interpolation()).fill(FillMode.NEAREST, 0).build();
        Tensor out = Tensor.zeros(format.imageShape(target[0], target[1], hwc[2]));
        backend.warp(SourceImage.of(x, format), plan, OutputSlot.image(out, format));
        return out;
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
     * iterators do per sample ({@code standardize(apply_transform(x, get_random_transform(...)))}).
     * Where the options allow (no channel shift, brightness, samplewise step, ZCA or preprocessing
     * function) the affine, the flips, rescale and the featurewise statistics run as one warp
     * straight from the source (8-bit or float) into the slot; otherwise the extra steps follow on
     * the warped image.
     *
     * @return the parameters drawn
     * @throws IllegalArgumentException if the slot's image size differs from the (resized) source's
     */
    public TransformParameters augmentInto(SourceImage source, RandomGenerator rng, Tensor batch, int slot) {
        DataFormat format = options.dataFormat();
        SourceImage src = source;
        if (options.resize() != null && (source.height() != options.resize()[0]
                || source.width() != options.resize()[1])) {
            src = SourceImage.of(resize(toTensor(source)), format);
        }
        int[] shape = format.imageShape(src.height(), src.width(), src.channels());
        OutputSlot out = OutputSlot.of(batch, slot, format);
        if (out.height() != src.height() || out.width() != src.width() || out.channels() != src.channels()) {
            throw new IllegalArgumentException("batch slots hold " + out.height() + "x" + out.width() + "x"
                    + out.channels() + " images but the source is " + src.height() + "x" + src.width() + "x"
                    + src.channels());
        }
        TransformParameters p = sampler.sample(shape, rng);
        double[] inverse = AffineMatrix.inverse(p.theta(), p.tx(), p.ty(), p.shear(), p.zx(), p.zy(), shape,
                ImageAxes.of(format), options.compatibility());
        WarpPlan.Builder plan = WarpPlan.builder().inverseAffine(inverse).flips(p.flipVertical(), p.flipHorizontal())
                .interpolation(options.interpolation()).fill(options.fillMode(), options.cval())
                .wrapConvention(options.compatibility().wrapConvention());
        FeaturewiseStatistics fitted = statistics;
        boolean pixelSteps = p.channelShiftIntensity().isPresent() || p.brightness().isPresent();
        float[][] colour = pixelSteps ? null : standardizer.foldedColour(src.channels(), fitted);
        if (colour != null) {
            backend.warp(src, plan.colour(colour[0], colour[1]).build(), out);
            return p;
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
        batch.setItem(slot, standardizer.standardizeInPlace(y, fitted, backend));
        return p;
    }

    private Tensor toTensor(SourceImage source) {
        DataFormat format = options.dataFormat();
        Tensor t = Tensor.zeros(format.imageShape(source.height(), source.width(), source.channels()));
        for (int r = 0; r < source.height(); r++) {
            for (int c = 0; c < source.width(); c++) {
                for (int ch = 0; ch < source.channels(); ch++) {
                    t.data()[format.offset(source.height(), source.width(), source.channels(), r, c, ch)] =
                            source.sample(r, c, ch);
                }
            }
        }
        return t;
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
                    resize == null ? null : resize.clone(), compatibility);
            return new ImageDataGenerator(options, backend != null ? backend : Backends.current());
        }

        private static void nonNegative(String option, double v) {
            if (!Double.isFinite(v) || v < 0) {
                throw new IllegalArgumentException(option + " must be a finite number >= 0; got: " + v);
            }
        }
    }
}
