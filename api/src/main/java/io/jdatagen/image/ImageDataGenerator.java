package io.jdatagen.image;

import io.jdatagen.augment.GeometricStep;
import io.jdatagen.augment.Step;
import io.jdatagen.boxes.BoundingBoxes;
import io.jdatagen.boxes.Keypoints;
import io.jdatagen.core.DataFormat;
import io.jdatagen.core.Tensor;
import io.jdatagen.data.NumpyRandomState;
import io.jdatagen.flow.ArrayFlow;
import io.jdatagen.flow.ArrayFlowOptions;
import io.jdatagen.flow.Augmenter;
import io.jdatagen.flow.DataFrame;
import io.jdatagen.flow.DataFrameFlowOptions;
import io.jdatagen.flow.DirectoryFlowOptions;
import io.jdatagen.flow.FileFlow;
import io.jdatagen.flow.FlowOptions;
import io.jdatagen.flow.Flows;
import io.jdatagen.flow.PairDirectoryFlowOptions;
import io.jdatagen.flow.PairFlowOptions;
import io.jdatagen.flow.SegmentationFlow;
import io.jdatagen.spi.Backend;
import io.jdatagen.spi.Backends;
import io.jdatagen.spi.SourceImage;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Keras's {@code ImageDataGenerator}: random augmentation and standardization of images, with
 * Keras's options, order of steps and numerics, plus the preprocessing RFC's {@code fill_value},
 * {@code resize}, {@code apply} and JSON config, and a choice of geometry {@link Compatibility}.
 * Build one with {@link #builder()} or {@link #fromJson(String)}; each method delegates.
 *
 * <p>Configuration is immutable and validated at build time; {@link #fit} replaces the fitted
 * statistics atomically. All methods are thread-safe.
 *
 * @see <a href="https://keras.io/api/data_loading/image/">Keras image data loading</a>
 */
public final class ImageDataGenerator {
    private final SamplePipeline pipeline;

    ImageDataGenerator(GeneratorOptions options) {
        Backend backend = options.backend();
        this.pipeline = new SamplePipeline(options, backend != null ? backend : Backends.current(), options.steps());
    }

    /** {@return a builder with Keras's defaults (and {@link Compatibility#DOCUMENTED})} */
    public static GeneratorBuilder builder() {
        return new GeneratorBuilder();
    }

    /** {@return a builder holding this generator's configuration} */
    public GeneratorBuilder toBuilder() {
        return new GeneratorBuilder(options().values()).backend(backend());
    }

    GeneratorOptions options() {
        return pipeline.options();
    }

    /**
     * {@return Keras's {@code get_random_transform(img_shape, seed)}, drawn from numpy's legacy
     * MT19937 seeded with {@code seed} (Keras's values in {@link Compatibility#KERAS_REFERENCE})}
     *
     * @param imageShape the rank-3 image shape
     * @param seed the seed, in {@code [0, 2^32)}
     * @throws IllegalArgumentException if {@code seed} is outside {@code [0, 2^32)}
     */
    public TransformParameters getRandomTransform(int[] imageShape, long seed) {
        return getRandomTransform(imageShape, new NumpyRandomState(seed));
    }

    /**
     * {@return parameters for an image of {@code imageShape} drawn from {@code rng} in Keras's order}
     *
     * @param imageShape the rank-3 image shape
     * @param rng the random source
     */
    public TransformParameters getRandomTransform(int[] imageShape, RandomGenerator rng) {
        return pipeline.randomParameters(imageShape, rng);
    }

    /**
     * Keras's {@code apply_transform} on one rank-3 image, in Keras's order: affine and flips (one
     * fused warp), channel shift, brightness ({@code scale=False}); resized first when
     * {@link GeneratorBuilder#resize} is set.
     *
     * @param x the image
     * @param p the transform parameters
     * @return a new tensor, or {@code x} itself when there is nothing to do
     */
    public Tensor applyTransform(Tensor x, TransformParameters p) {
        return pipeline.applyTransform(x, p);
    }

    /**
     * {@return a sample's bounding boxes and keypoints moved as {@link #applyTransform} with the same
     * {@code p} moves the pixels of an image of {@code imageShape}: through the resize (when
     * {@link GeneratorBuilder#resize} is set), rotation, shifts, shear, zoom and flips as one forward
     * affine, in this generator's {@link Compatibility} (so in {@link Compatibility#KERAS_REFERENCE} they
     * follow Keras's pixels, pivot and axis order included)} Each box's corners go through the map, the
     * enclosing box is clipped to the output image and a box left with no area is labelled {@code -1};
     * keypoints that leave the image are marked {@link Keypoints#OUTSIDE}. A generator with a geometric
     * step added with {@link GeneratorBuilder#step} is refused: {@code p} does not hold that step's draw,
     * so its boxes could not follow its pixels.
     *
     * @param imageShape the rank-3 shape, in this generator's data format, of the image the targets are on
     * @param p the parameters drawn for the image, e.g. by {@link #getRandomTransform(int[], long)} or
     *     returned by {@link #augmentInto}
     * @param boxes the boxes, in any format (relative ones relative to the image)
     * @param keypoints the keypoints, in pixels
     * @throws IllegalArgumentException if {@code imageShape} is not rank 3, or the generator has a geometric
     *     step of its own
     */
    public TransformedTargets transformTargets(int[] imageShape, TransformParameters p,
            BoundingBoxes boxes, Keypoints keypoints) {
        if (imageShape == null || imageShape.length != 3) {
            throw new IllegalArgumentException("imageShape must be a rank-3 image shape; got "
                    + Arrays.toString(imageShape));
        }
        for (Step step : options().steps()) {
            if (step instanceof GeometricStep<?>) {
                throw new IllegalArgumentException("boxes and keypoints cannot follow the geometric step "
                        + step.getClass().getSimpleName() + " added with GeneratorBuilder.step: its draw is not in"
                        + " the transform parameters; give the geometry as Keras layers (KerasPipeline) or through"
                        + " the generator's own options");
            }
        }
        int[] hwc = dataFormat().imageHwc(imageShape);
        return TransformedTargets.map(pipeline.forwardMap(imageShape, p), hwc[0], hwc[1], boxes, keypoints);
    }

    /**
     * {@return Keras's {@code random_transform(x, seed)}: {@link #getRandomTransform(int[], long)} for
     * the (resized) image, then {@link #applyTransform}}
     *
     * @param x the image
     * @param seed the seed, in {@code [0, 2^32)}
     */
    public Tensor randomTransform(Tensor x, long seed) {
        return randomTransform(x, new NumpyRandomState(seed));
    }

    /**
     * {@return {@link #randomTransform(Tensor, long)} drawing from {@code rng}, then mltk's contrast
     * and noise steps when configured (drawn after Keras's draws)}
     *
     * @param x the image
     * @param rng the random source
     */
    public Tensor randomTransform(Tensor x, RandomGenerator rng) {
        return pipeline.randomTransform(x, rng);
    }

    /**
     * {@return the RFC's {@code resize}: {@code x} resampled to the configured size (centres
     * aligned, edges clamped, no antialiasing), or {@code x} itself when it already has it}
     *
     * @param x the image
     */
    public Tensor resize(Tensor x) {
        AffineTransforms.checkImage(x);
        return pipeline.resize(x);
    }

    /**
     * Augments and standardizes one image into slot {@code slot} of the rank-4 {@code batch}, as a
     * flow does per sample, fused into one warp where the options allow.
     *
     * @param source the image
     * @param rng the random source of its transform
     * @param batch the batch, in this generator's data format
     * @return the parameters drawn
     * @throws IllegalArgumentException if the slot's size differs from the (resized) source's
     */
    public TransformParameters augmentInto(SourceImage source, RandomGenerator rng, Tensor batch, int slot) {
        return pipeline.writeInto(source, rng, batch, slot);
    }

    /**
     * Resizes (when configured) and standardizes one image into slot {@code slot} of {@code batch},
     * without augmenting it: what a flow does for validation data with {@code augmentValidation(false)}.
     *
     * @param source the image
     * @param batch the batch, in this generator's data format
     * @throws IllegalArgumentException if the slot's size differs from the (resized) source's
     */
    public void standardizeInto(SourceImage source, Tensor batch, int slot) {
        pipeline.writeInto(source, null, batch, slot);
    }

    /**
     * {@return the RFC's {@code apply(data, seed)}: an image (rank 3) or every image of a batch
     * (rank 4) augmented and standardized as a flow does, image {@code i} drawing from the stream
     * keyed by ({@code seed}, 0, {@code i})}
     *
     * @param data an image or a batch
     * @throws IllegalArgumentException if {@code data} is not rank 3 or 4
     */
    public Tensor apply(Tensor data, long seed) {
        return pipeline.apply(data, seed);
    }

    /**
     * {@return Keras's {@code standardize} on a copy of {@code x}: preprocessing function, rescale,
     * samplewise centre and std (over every element given), featurewise centre and std, ZCA}
     *
     * @param x an image or a batch
     */
    public Tensor standardize(Tensor x) {
        return pipeline.standardizeInPlace(x.copy());
    }

    /**
     * {@return {@link #standardize} written into {@code x} (or the preprocessing function's result)}
     *
     * @param x an image or a batch
     */
    public Tensor standardizeInPlace(Tensor x) {
        return pipeline.standardizeInPlace(x);
    }

    /**
     * Keras's {@code fit(x)}: the featurewise statistics of {@code x}, without augmentation.
     *
     * @param x a rank-4 batch
     */
    public void fit(Tensor x) {
        pipeline.setStatistics(new StatisticsFitter(pipeline).fit(x, false, 1, null));
    }

    /**
     * Keras's {@code fit(x, augment)}: {@code rounds=1}, a random seed (Keras's {@code seed=None}).
     *
     * @param x a rank-4 batch
     * @param augment whether to fit on random transforms of {@code x}
     */
    public void fit(Tensor x, boolean augment) {
        fit(x, augment, 1, new SplittableRandom().nextLong() & 0xFFFFFFFFL);
    }

    /**
     * Keras's {@code fit(x, augment, rounds, seed)}: rescale, then with {@code augment} {@code rounds}
     * random transforms of every image drawn from numpy's MT19937 seeded with {@code seed} (so that
     * the statistics equal Keras's), then mean, std and ZCA as configured.
     *
     * @param x a rank-4 batch
     * @param augment whether to fit on random transforms of {@code x}
     * @param rounds how many transforms of each image, at least 1
     * @param seed the seed, in {@code [0, 2^32)}
     * @throws IllegalArgumentException with Keras's message if {@code x} is not rank 4, for
     *     {@code rounds < 1}, or a seed outside {@code [0, 2^32)}
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
     * @param fitted the statistics
     */
    public void setStatistics(FeaturewiseStatistics fitted) {
        pipeline.setStatistics(fitted);
    }

    /**
     * {@return Keras's {@code flow(x, y)}: batches of 32, shuffled}
     *
     * @param x a rank-4 batch of images
     * @param y the labels, or null
     */
    public ArrayFlow flow(Tensor x, Tensor y) {
        return flow(x, List.of(), y, null, FlowOptions.arrays());
    }

    /**
     * {@return Keras's {@code flow(x, y, ...)}}
     *
     * @param x a rank-4 batch of images
     * @param y the labels, or null
     * @param options the flow's options
     */
    public ArrayFlow flow(Tensor x, Tensor y, ArrayFlowOptions options) {
        return flow(x, List.of(), y, null, options);
    }

    /**
     * {@return Keras's {@code flow((x, extraInputs), y, sample_weight=...)}; see
     * {@link Flows#fromArrays}}
     *
     * @param x a rank-4 batch of images, in this generator's data format
     * @param extraInputs arrays with one row per image, possibly empty
     * @param y labels (any shape with one row per image), or null
     * @param sampleWeights one weight per image, or null (needs {@code y})
     * @param options the flow's options
     * @throws IllegalArgumentException with Keras's messages for mismatched lengths, a rank other
     *     than 4, a bad subset or a class split that leaves different classes on each side
     */
    public ArrayFlow flow(Tensor x, List<Tensor> extraInputs, Tensor y, Tensor sampleWeights,
            ArrayFlowOptions options) {
        return Flows.fromArrays(pipeline, x, extraInputs, y, sampleWeights, options);
    }

    /**
     * {@return this generator as the {@link Augmenter} that flows made outside this class take, such as
     * {@link Flows#fromShards}: the same augmentation, resize target and streams as its own flows}
     */
    public Augmenter augmenter() {
        return pipeline;
    }

    /**
     * {@return Keras's {@code flow_from_directory}: one class per sub-folder; see {@link Flows#fromDirectory}}
     *
     * @param directory the folder of class folders
     * @param options the flow's options
     * @throws IllegalArgumentException for a missing directory, one whose class folders hold no image
     *     (naming the folder, the extensions looked for and the classes found) or invalid options
     */
    public FileFlow flowFromDirectory(Path directory, DirectoryFlowOptions options) {
        return Flows.fromDirectory(pipeline, directory, options);
    }

    /**
     * {@return Keras's {@code flow_from_dataframe}: file names and labels from a table such as
     * {@link DataFrame#readCsv(Path)}; see {@link Flows#fromDataframe}}
     *
     * @param options the flow's options
     * @throws IllegalArgumentException with Keras's messages for bad columns, labels or options, and
     *     when no row names a usable image (naming the CSV file, the folder and the rows dropped, and why)
     */
    public FileFlow flowFromDataframe(DataFrame table, DataFrameFlowOptions options) {
        return Flows.fromDataframe(pipeline, table, options);
    }

    /**
     * {@return segmentation pairs from two rank-4 arrays: the same geometric transform for both,
     * masks with nearest interpolation, a constant {@code maskFillValue} and no color or
     * standardization step}
     *
     * @param masks the masks, with the images' height and width
     * @param options the flow's options
     * @throws IllegalArgumentException naming the argument whose shape does not fit
     */
    public SegmentationFlow flowPairs(Tensor images, Tensor masks, PairFlowOptions options) {
        return Flows.pairsFromArrays(pipeline, images, masks, options);
    }

    /**
     * {@return segmentation pairs from two folders matched by relative path; see
     * {@link Flows#pairsFromDirectories}}
     *
     * @param imageDir the image folder
     * @param maskDir the mask folder
     * @param options the flow's options
     * @throws IllegalArgumentException for a missing folder, one with no image, or naming an image
     *     without its mask
     */
    public SegmentationFlow flowPairsFromDirectories(Path imageDir, Path maskDir,
            PairDirectoryFlowOptions options) {
        return Flows.pairsFromDirectories(pipeline, imageDir, maskDir, options);
    }

    /**
     * The RFC's {@code preview}: writes {@code preview.png} into {@code outputDir}, one row per image:
     * the original, then {@code copies} random transforms drawn with {@code seed} ({@link PreviewGrid}).
     *
     * @param images the images (rank 3)
     * @param outputDir the folder to write into
     * @param copies the transforms per image
     * @param seed the seed of the transforms
     * @return the file written
     */
    public Path preview(List<Tensor> images, Path outputDir, int copies, long seed) {
        return PreviewGrid.write(dataFormat(), this::randomTransform, images, copies, seed,
                outputDir.resolve("preview.png"));
    }

    /**
     * {@link #preview(List, Path, int, long)} on {@code rows} images of a file flow spread evenly over
     * its samples (so that every class of a sorted folder shows), as the flow loads them.
     *
     * @param source the flow
     * @param rows the rows of the grid
     * @param outputDir the folder to write into
     * @param copies the transforms per image
     * @param seed the seed of the transforms
     * @return the file written
     */
    public Path preview(FileFlow source, int rows, Path outputDir, int copies, long seed) {
        return preview(PreviewGrid.images(source, rows, dataFormat()), outputDir, copies, seed);
    }

    /**
     * {@return the configuration as Keras's constructor arguments in snake_case (plus {@code resize}
     * and {@code compatibility}), flags after Keras's couplings; the preprocessing function is left out}
     */
    public Map<String, Object> getConfig() {
        return GeneratorConfig.toMap(options().values());
    }

    /** {@return {@link #getConfig()} as JSON} */
    public String toJson() {
        return GeneratorConfig.toJson(getConfig());
    }

    /**
     * {@return a generator from a Keras-style config map, e.g. {@link #getConfig()}'s}
     *
     * @param config the configuration
     * @throws IllegalArgumentException naming an unknown key or an invalid value
     */
    public static ImageDataGenerator fromConfig(Map<String, ?> config) {
        return new GeneratorBuilder(GeneratorConfig.read(config)).build();
    }

    /**
     * {@return a generator from JSON config, e.g. a Keras generator's arguments dumped with {@code json}}
     *
     * @param json the configuration as a JSON object
     * @throws IllegalArgumentException if the JSON is malformed or names an unknown key or an invalid value
     */
    public static ImageDataGenerator fromJson(String json) {
        return fromConfig(GeneratorConfig.parse(json));
    }

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

    /** {@return whether {@code featurewise_center} is on, after Keras's couplings} */
    public boolean featurewiseCenter() {
        return options().featurewiseCenter();
    }

    /** {@return whether {@code featurewise_std_normalization} is on, after Keras's couplings} */
    public boolean featurewiseStdNormalization() {
        return options().featurewiseStdNormalization();
    }

    /** {@return whether {@code samplewise_center} is on, after Keras's couplings} */
    public boolean samplewiseCenter() {
        return options().samplewiseCenter();
    }

    /** {@return whether {@code samplewise_std_normalization} is on} */
    public boolean samplewiseStdNormalization() {
        return options().samplewiseStdNormalization();
    }

    /** {@return whether {@code zca_whitening} is on} */
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
