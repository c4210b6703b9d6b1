package io.jdatagen.image;

import io.jdatagen.data.NumpyRandomState;
import io.jdatagen.flow.ArrayFlow;
import io.jdatagen.flow.DataFrame;
import io.jdatagen.flow.FileFlow;
import io.jdatagen.flow.FlowOptions;
import io.jdatagen.flow.Flows;
import io.jdatagen.flow.SegmentationFlow;
import io.jdatagen.spi.Backend;
import io.jdatagen.spi.Backends;
import io.jdatagen.spi.DataFormat;
import io.jdatagen.spi.SourceImage;
import io.jdatagen.spi.Tensor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Keras's {@code ImageDataGenerator}: random augmentation and standardization of images, with
 * Keras's options, order of steps and numerics, plus the preprocessing RFC's {@code fill_value},
 * {@code resize}, {@code apply} and JSON config, and a choice of geometry {@link Compatibility}.
 * Build one with {@link #builder()} or {@link #fromJson(String)}.
 *
 * <p>Configuration is immutable and validated at build time; {@link #fit} replaces the fitted
 * statistics atomically. All methods are thread-safe.
 *
 * @see <a href="https://keras.io/api/data_loading/image/">Keras image data loading</a>
 */
public final class ImageDataGenerator {
    private final SamplePipeline pipeline;

    ImageDataGenerator(GeneratorOptions options, Backend backend) {
        this.pipeline = new SamplePipeline(options, backend != null ? backend : Backends.current());
    }

    /** {@return a builder with Keras's defaults (and {@link Compatibility#DOCUMENTED})} */
    public static GeneratorBuilder builder() {
        return new GeneratorBuilder();
    }

    /** {@return a builder holding this generator's configuration} */
    public GeneratorBuilder toBuilder() {
        return GeneratorConfig.toBuilder(getConfig()).preprocessingFunction(options().preprocessingFunction())
                .backend(backend());
    }

    private GeneratorOptions options() {
        return pipeline.options();
    }

    // ---------------------------------------------------------------- random transforms

    /**
     * {@return keras's {@code get_random_transform(img_shape, seed)}: draws from numpy's legacy MT19937
     * seeded with {@code seed}, so that in {@link Compatibility#KERAS_REFERENCE} the values equal Keras's for
     * the same seed}
     *
     * @param imageShape the image shape
     * @param seed the seed
     * @throws IllegalArgumentException if {@code seed} is outside {@code [0, 2^32)}
     */
    public TransformParameters getRandomTransform(int[] imageShape, long seed) {
        return pipeline.sampler().sample(imageShape, new NumpyRandomState(seed));
    }

    /**
     * Draws parameters for an image of {@code imageShape} from {@code rng}, in Keras's draw order.
     *
     * @param imageShape the image shape
     * @param rng the random source
     * @return the transform parameters
     */
    public TransformParameters getRandomTransform(int[] imageShape, RandomGenerator rng) {
        return pipeline.sampler().sample(imageShape, rng);
    }

    /**
     * Keras's {@code apply_transform} on one rank-3 image, in Keras's order: affine with the generator's fill
     * and interpolation, channel shift, horizontal then vertical flip, brightness (with {@code scale=False}).
     * The affine and the flips run as one fused warp. With {@link GeneratorBuilder#resize} set, the image is
     * first resized.
     *
     * @param x the input
     * @param p the transform parameters
     * @return a new tensor, or {@code x} itself when there is nothing to do
     */
    public Tensor applyTransform(Tensor x, TransformParameters p) {
        return pipeline.applyTransform(x, p);
    }

    /**
     * {@return keras's {@code random_transform(x, seed)}: {@link #getRandomTransform(int[], long)} then
     * {@link #applyTransform}} With {@link GeneratorBuilder#resize} set, parameters are drawn for the resized
     * image.
     *
     * @param x the input
     * @param seed the seed
     */
    public Tensor randomTransform(Tensor x, long seed) {
        return randomTransform(x, new NumpyRandomState(seed));
    }

    /**
     * {@return {@link #randomTransform(Tensor, long)} drawing from {@code rng}; then, when configured, mltk's
     * contrast and noise steps (drawn after Keras's draws)}
     *
     * @param x the input
     * @param rng the random source
     */
    public Tensor randomTransform(Tensor x, RandomGenerator rng) {
        return pipeline.randomTransform(x, rng);
    }

    /**
     * {@return the RFC's {@code resize}: the image resampled to the configured size with the generator's
     * interpolation order (pixel centres aligned, edges clamped, no antialiasing), or {@code x} itself when
     * no size is configured or it already has it}
     *
     * @param x the input
     */
    public Tensor resize(Tensor x) {
        AffineTransforms.checkImage(x);
        return pipeline.resize(x);
    }

    /**
     * Augments and standardizes one image into slot {@code slot} of the rank-4 {@code batch} (in this
     * generator's data format), drawing its parameters from {@code rng}: what Keras's iterators do per sample
     * ({@code standardize(apply_transform(x, get_random_transform(...)))}), with mltk's contrast and noise
     * steps before {@code standardize} when configured. Where the options allow (no channel shift,
     * brightness, contrast, noise, samplewise step, ZCA or preprocessing function) the affine, the flips,
     * rescale and the featurewise statistics run as one warp straight from the source (8-bit or float) into
     * the slot.
     *
     * @param source the source
     * @param rng the random source
     * @param batch the batch
     * @param slot the slot
     * @return the parameters drawn
     * @throws IllegalArgumentException if the slot's image size differs from the (resized) source's
     */
    public TransformParameters augmentInto(SourceImage source, RandomGenerator rng, Tensor batch, int slot) {
        return pipeline.writeInto(source, rng, batch, slot);
    }

    /**
     * Standardizes one image into slot {@code slot} of {@code batch} without augmenting it (after the resize
     * when one is configured): what a flow does for validation data when {@link
     * GeneratorBuilder#augmentValidation(boolean)} is off.
     *
     * @param source the source
     * @param batch the batch
     * @param slot the slot
     * @throws IllegalArgumentException if the slot's image size differs from the (resized) source's
     */
    public void standardizeInto(SourceImage source, Tensor batch, int slot) {
        pipeline.writeInto(source, null, batch, slot);
    }

    /**
     * {@return the RFC's {@code apply(data, seed)}: augments and standardizes an image (rank 3) or every
     * image of a batch (rank 4) as a flow does, returning a new tensor (resized when a resize is configured)}
     * Image {@code i} draws from the stream keyed by ({@code seed}, 0, {@code i}), so the result depends only
     * on the data, the configuration and the seed.
     *
     * @param data the data
     * @param seed the seed
     * @throws IllegalArgumentException if {@code data} is not rank 3 or 4
     */
    public Tensor apply(Tensor data, long seed) {
        return pipeline.apply(data, seed);
    }

    // ---------------------------------------------------------------- standardization and fit

    /**
     * {@return keras's {@code standardize} on a copy of {@code x} (an image or a batch): the preprocessing
     * function, rescale, samplewise centre/std (over every element given), featurewise centre/std and ZCA
     * with the fitted statistics} An unfitted featurewise step is skipped with one warning.
     *
     * @param x the input
     */
    public Tensor standardize(Tensor x) {
        return pipeline.standardizeInPlace(x.copy());
    }

    /**
     * {@return {@link #standardize} writing into {@code x}; returns the preprocessing function's result if
     * set}
     *
     * @param x the input
     */
    public Tensor standardizeInPlace(Tensor x) {
        return pipeline.standardizeInPlace(x);
    }

    /**
     * Keras's {@code fit(x)} without augmentation.
     *
     * @param x the input
     */
    public void fit(Tensor x) {
        pipeline.setStatistics(new StatisticsFitter(pipeline).fit(x, false, 1, null));
    }

    /**
     * Keras's {@code fit(x, augment)} with {@code rounds=1} and a random seed (Keras's {@code seed=None}).
     *
     * @param x the input
     * @param augment the augment
     * @throws IllegalArgumentException with Keras's message if {@code x} is not rank 4
     */
    public void fit(Tensor x, boolean augment) {
        fit(x, augment, 1);
    }

    /**
     * Keras's {@code fit(x, augment, rounds)} with a random seed (Keras's {@code seed=None}).
     *
     * @param x the input
     * @param augment the augment
     * @param rounds the rounds
     * @throws IllegalArgumentException with Keras's message if {@code x} is not rank 4, or if
     *     {@code rounds < 1}
     */
    public void fit(Tensor x, boolean augment, int rounds) {
        fit(x, augment, rounds, new SplittableRandom().nextLong() & 0xFFFFFFFFL);
    }

    /**
     * Keras's {@code fit(x, augment, rounds, seed)}: rescale, then with {@code augment} {@code rounds} random
     * transforms of every image drawn from numpy's MT19937 seeded with {@code seed} (so that the statistics
     * equal Keras's), then mean, std and ZCA as configured.
     *
     * @param x the input
     * @param augment the augment
     * @param rounds the rounds
     * @param seed the seed
     * @throws IllegalArgumentException with Keras's message if {@code x} is not rank 4, or if
     *     {@code rounds < 1} or the seed is outside {@code [0, 2^32)}
     */
    public void fit(Tensor x, boolean augment, int rounds, long seed) {
        pipeline.setStatistics(new StatisticsFitter(pipeline).fit(x, augment, rounds, new NumpyRandomState(seed)));
    }

    /** {@return the fitted statistics ({@link FeaturewiseStatistics#none()} before {@code fit})} */
    public FeaturewiseStatistics statistics() {
        return pipeline.statistics();
    }

    /**
     * Replaces the fitted statistics, e.g. with ones saved from an earlier {@code fit}.
     *
     * @param fitted the fitted
     */
    public void setStatistics(FeaturewiseStatistics fitted) {
        pipeline.setStatistics(fitted);
    }

    // ---------------------------------------------------------------- sources

    /**
     * {@return keras's {@code flow(x, y)} with default options (batches of 32, shuffled)}
     *
     * @param x the input
     * @param y the labels, or null
     */
    public ArrayFlow flow(Tensor x, Tensor y) {
        return flow(x, List.of(), y, null, FlowOptions.defaults());
    }

    /**
     * {@return keras's {@code flow(x, y, ...)}: {@code y} may be null}
     *
     * @param x the input
     * @param y the labels, or null
     * @param options the options
     */
    public ArrayFlow flow(Tensor x, Tensor y, FlowOptions options) {
        return flow(x, List.of(), y, null, options);
    }

    /**
     * {@return keras's {@code flow((x, extraInputs), y, sample_weight=...)}: batches of augmented,
     * standardized images from the rank-4 array {@code x} (in this generator's data format), the matching
     * rows of {@code extraInputs} passed through as further inputs, of {@code y} as the target and of {@code
     * sampleWeights}}
     *
     * @param x the input
     * @param extraInputs arrays with one row per image, possibly empty
     * @param y labels (any shape with one row per image), or null
     * @param sampleWeights one weight per image, or null (needs {@code y})
     * @param options the options
     * @throws IllegalArgumentException with Keras's messages for mismatched lengths, a rank other
     *     than 4, a bad subset or a class split that leaves different classes on each side
     */
    public ArrayFlow flow(Tensor x, List<Tensor> extraInputs, Tensor y, Tensor sampleWeights, FlowOptions options) {
        return Flows.fromArrays(pipeline, x, extraInputs, y, sampleWeights, options);
    }

    /**
     * {@return keras's {@code flow_from_directory}: one class per sub-folder of {@code directory}, images
     * decoded with the selected codec, resized to the target size and augmented}
     *
     * @param directory the directory
     * @param options the options
     * @throws IllegalArgumentException for a missing directory or invalid options
     */
    public FileFlow flowFromDirectory(Path directory, FlowOptions options) {
        return Flows.fromDirectory(pipeline, directory, options);
    }

    /**
     * {@return keras's {@code flow_from_dataframe}: file names and labels from a table, e.g. {@link
     * DataFrame#readCsv(Path)}}
     *
     * @param table the table
     * @param options the options
     * @throws IllegalArgumentException with Keras's messages for bad columns, labels or options
     */
    public FileFlow flowFromDataframe(DataFrame table, FlowOptions options) {
        return Flows.fromDataframe(pipeline, table, options);
    }

    /**
     * {@return image and mask pairs from two rank-4 arrays for segmentation: both get the same geometric
     * transform; masks use nearest interpolation and constant fill with the options' {@code maskFillValue},
     * and no color or standardization step} See {@link SegmentationFlow}.
     *
     * @param images the images
     * @param masks the masks
     * @param options the options
     * @throws IllegalArgumentException naming the argument whose shape does not fit
     */
    public SegmentationFlow flowPairs(Tensor images, Tensor masks, FlowOptions options) {
        return Flows.pairsFromArrays(pipeline, images, masks, options);
    }

    /**
     * {@return image and mask pairs from two folders matched by relative path (see {@link
     * Flows#pairsFromDirectories})}
     *
     * @param imageDir the image dir
     * @param maskDir the mask dir
     * @param options the options
     * @throws IllegalArgumentException for a missing folder, or naming an image without its mask
     */
    public SegmentationFlow flowPairsFromDirectories(Path imageDir, Path maskDir, FlowOptions options) {
        return Flows.pairsFromDirectories(pipeline, imageDir, maskDir, options);
    }

    /**
     * The RFC's {@code preview}: writes {@code preview.png} into {@code outputDir}, a grid with one row per
     * image (up to {@code rows} of them): the original, then {@code copies} random transforms of it drawn
     * with {@code seed} (see {@link PreviewGrid}).
     *
     * @param images the images
     * @param outputDir the output dir
     * @param copies the copies
     * @param seed the seed
     * @return the file written
     */
    public Path preview(List<Tensor> images, Path outputDir, int copies, long seed) {
        return PreviewGrid.write(this, images, copies, seed, outputDir.resolve("preview.png"));
    }

    /**
     * {@return {@link #preview(List, Path, int, long)} on {@code rows} images of a file source spread evenly
     * over its samples (sample {@code ⌊i·n/rows⌋} for row {@code i}, so that every class of a sorted folder
     * shows), as it loads them (decoded, color-converted, resized)}
     *
     * @param source the source
     * @param rows the rows
     * @param outputDir the output dir
     * @param copies the copies
     * @param seed the seed
     */
    public Path preview(FileFlow source, int rows, Path outputDir, int copies, long seed) {
        List<Tensor> images = new ArrayList<>();
        for (int i : PreviewGrid.spread(source.samples(), rows)) {
            images.add(source.image(i).toSource().toTensor(dataFormat()));
        }
        return preview(images, outputDir, copies, seed);
    }

    // ---------------------------------------------------------------- config

    /**
     * {@return the configuration as Keras's constructor arguments in snake_case (plus {@code resize} and
     * {@code compatibility}), with the effective flags after coupling} The preprocessing function is not
     * serialisable and is left out.
     */
    public Map<String, Object> getConfig() {
        return GeneratorConfig.toMap(options());
    }

    /** {@return {@link #getConfig()} as JSON} */
    public String toJson() {
        return GeneratorConfig.toJson(getConfig());
    }

    /**
     * {@return a generator from a Keras-style config map (the result of {@link #getConfig()} or a Keras
     * generator's arguments)}
     *
     * @param config the config
     * @throws IllegalArgumentException naming an unknown key or an invalid value
     */
    public static ImageDataGenerator fromConfig(Map<String, ?> config) {
        return GeneratorConfig.toBuilder(config).build();
    }

    /**
     * {@return a generator from JSON config, e.g. a Keras generator's arguments dumped with {@code json}}
     *
     * @param json the json
     * @throws IllegalArgumentException if the JSON is malformed, or names an unknown key or an
     *     invalid value
     */
    public static ImageDataGenerator fromJson(String json) {
        return fromConfig(GeneratorConfig.parse(json));
    }

    // ---------------------------------------------------------------- accessors

    /** {@return the backend this generator runs its kernels on} */
    public Backend backend() {
        return pipeline.backend();
    }

    /** {@return the data format of images and batches} */
    public DataFormat dataFormat() {
        return options().dataFormat();
    }

    /** {@return the geometry convention} */
    public Compatibility compatibility() {
        return options().compatibility();
    }

    /**
     * Effective {@code featurewise_center} (after Keras's coupling).
     *
     * @return whether effective {@code featurewise_center} (after Keras's coupling)
     */
    public boolean featurewiseCenter() {
        return options().featurewiseCenter();
    }

    /**
     * Effective {@code featurewise_std_normalization}.
     *
     * @return whether effective {@code featurewise_std_normalization}
     */
    public boolean featurewiseStdNormalization() {
        return options().featurewiseStdNormalization();
    }

    /**
     * Effective {@code samplewise_center}.
     *
     * @return whether effective {@code samplewise_center}
     */
    public boolean samplewiseCenter() {
        return options().samplewiseCenter();
    }

    /**
     * Effective {@code samplewise_std_normalization}.
     *
     * @return whether effective {@code samplewise_std_normalization}
     */
    public boolean samplewiseStdNormalization() {
        return options().samplewiseStdNormalization();
    }

    /** {@return {@code zca_whitening}} */
    public boolean zcaWhitening() {
        return options().zcaWhitening();
    }

    /** {@return the fraction of data reserved for validation (0 when none)} */
    public double validationSplit() {
        return options().validationSplit();
    }

    /** {@return whether flows augment their validation subset (mltk's option; default true, as Keras)} */
    public boolean augmentValidation() {
        return options().augmentValidation();
    }

    /** {@return the resize target {@code {height, width}}, or null} */
    public int[] resizeTarget() {
        return pipeline.resizeTarget();
    }

    @Override
    public String toString() {
        return "ImageDataGenerator" + getConfig();
    }
}
