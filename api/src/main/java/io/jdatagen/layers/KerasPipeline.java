package io.jdatagen.layers;

import io.jdatagen.augment.BatchStep;
import io.jdatagen.augment.ColorLinearStep;
import io.jdatagen.augment.Drawn;
import io.jdatagen.augment.ImageShape;
import io.jdatagen.augment.Step;
import io.jdatagen.augment.StepPipeline;
import io.jdatagen.boxes.BoundingBoxes;
import io.jdatagen.boxes.BoxFormat;
import io.jdatagen.boxes.Keypoints;
import io.jdatagen.core.DataFormat;
import io.jdatagen.core.Tensor;
import io.jdatagen.data.Batch;
import io.jdatagen.data.RandomKeys;
import io.jdatagen.flow.ArrayFlow;
import io.jdatagen.flow.ArrayFlowOptions;
import io.jdatagen.flow.Augmenter;
import io.jdatagen.flow.DataFrame;
import io.jdatagen.flow.DataFrameFlowOptions;
import io.jdatagen.flow.DirectoryFlowOptions;
import io.jdatagen.flow.FileFlow;
import io.jdatagen.flow.Flows;
import io.jdatagen.flow.SampleBatch;
import io.jdatagen.io.ByteImage;
import io.jdatagen.memory.BufferPool;
import io.jdatagen.spi.Backend;
import io.jdatagen.spi.Backends;
import io.jdatagen.spi.SourceImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.random.RandomGenerator;

/**
 * Keras 3 image layers run in order, as a {@code keras.Sequential} or {@code keras.layers.Pipeline} of
 * them runs: on batches, on single images, and in every flow (it is the flows' {@link Augmenter}, so the
 * {@code Loader} and the framework adapters run it too). Loaded from and written back to Keras's JSON
 * ({@link #fromJson}, {@link #toJson}).
 *
 * <p>Sample {@code i} of a batch draws its layers' transformations, layer after layer, from its own keyed
 * stream ({@link RandomKeys#forSample}), so a seed gives the same batches in both {@linkplain Mode modes},
 * on any thread count. Batch layers (MixUp, CutMix) run on the assembled batch, after every per-sample
 * layer; they must be listed last. Layers that make images of one size ({@code CenterCrop}, {@code Resizing},
 * {@code RandomCrop}) set the size of a flow's batches and masks ({@link #outputSize}): the flow's
 * {@code targetSize} is what the first layer sees.
 *
 * <pre>{@code
 * KerasPipeline augment = KerasPipeline.fromJson(Files.readString(Path.of("augmentation.json")));
 * FileFlow flow = augment.flowFromDirectory(Path.of("train"), FlowOptions.directory().targetSize(224, 224));
 * }</pre>
 *
 * Immutable and thread-safe when its layers are.
 */
public final class KerasPipeline implements Augmenter {
    /** How the layers resample. */
    public enum Mode {
        /**
         * Consecutive geometric layers that sample alike (same interpolation, fill mode and fill value) fold
         * into one warp, and the color-linear layers after them into the warp's color step: one resampling
         * where Keras resamples once per geometric layer. The only difference from {@link #KERAS_REFERENCE}
         * is that single resampling (less blur, and no fill from an earlier layer read again by a later one).
         */
        FUSED,
        /** Every layer runs on its own, each geometric layer resampling the image again, as Keras 3 does. */
        KERAS_REFERENCE
    }

    private final List<KerasLayer> layers;
    private final Mode mode;
    private final Backend backend;
    private final DataFormat format;
    private final KerasConfig document;
    private final SegmentChain chain;
    private final StepPipeline batchLayers;
    private final LayerSegments segments;
    /** The batches between segments and those handed out, lent again once released. */
    private final BufferPool batches = new BufferPool(8);

    private KerasPipeline(Builder b) {
        this.layers = List.copyOf(b.layers);
        this.mode = b.mode;
        this.backend = b.backend != null ? b.backend : Backends.current();
        this.format = b.format;
        this.document = b.document != null ? b.document : KerasConfig.empty(KerasConfig.Shape.PIPELINE);
        this.segments = LayerSegments.split(layers, mode, backend, format);
        this.chain = new SegmentChain(segments.segments(), format, batches);
        this.batchLayers = segments.batchLayers();
    }

    /** {@return a builder: no layers, {@link Mode#FUSED}, channels_last, the current backend} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * {@return {@code layers} in order, fused, channels_last, on the current backend}
     *
     * @throws IllegalArgumentException as {@link Builder#build()}
     */
    public static KerasPipeline of(KerasLayer... layers) {
        return builder().layers(layers).build();
    }

    /**
     * {@return the pipeline of a Keras JSON config (see {@link Builder#json}), fused, on the current backend}
     *
     * @throws IllegalArgumentException as {@link Builder#json}
     */
    public static KerasPipeline fromJson(String json) {
        return builder().json(json).build();
    }

    /** {@return a builder holding this pipeline's settings, layers and source document} */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.layers = new ArrayList<>(layers);
        b.mode = mode;
        b.backend = backend;
        b.format = format;
        b.document = document;
        return b;
    }

    /**
     * {@return the layers as Keras's JSON, in the shape they were read in (a {@code Sequential}'s
     * {@code to_json()}, a serialized {@code Pipeline} or a list of serialized layers; a pipeline built from
     * layers writes a {@code Pipeline}); every key of the document read is kept, each layer's config values
     * come from the layer}
     */
    public String toJson() {
        return document.write(layers);
    }

    /** {@return the layers in order (unmodifiable)} */
    public List<KerasLayer> layers() {
        return layers;
    }

    /** {@return how the layers resample} */
    public Mode mode() {
        return mode;
    }

    /** {@return the kernels the warps run on} */
    public Backend backend() {
        return backend;
    }

    // ---------------------------------------------------------------- images and batches

    /** {@return {@link #apply(Tensor, long, int)} in epoch 0} */
    public Tensor apply(Tensor images, long seed) {
        return apply(images, seed, 0);
    }

    /**
     * {@return an image (rank 3) or each image of a batch (rank 4) through the per-sample layers, into a new
     * tensor, image {@code i} drawing from {@code RandomKeys.forSample(seed, epoch, i)}} A batch goes through
     * each segment in one batch warp. {@linkplain Tensor#release() Releasing} a returned batch once nothing
     * reads it any more (not even as the input of the next call) lends its memory to the next batch of its
     * size, as a flow's released batches are: a batch of 32 float images at 224² is a 19 MB array that the
     * JVM would otherwise zero for every call.
     *
     * @throws IllegalArgumentException for a tensor of another rank or an empty batch, or when the pipeline
     *     has batch layers (they need the targets: use {@link #apply(Batch, long, int)})
     */
    public Tensor apply(Tensor images, long seed, int epoch) {
        if (batchLayers != null) {
            throw new IllegalArgumentException("the pipeline has batch layers (" + batchLayerNames()
                    + "), which mix targets too: run it on a Batch with apply(Batch, seed, epoch)");
        }
        return samples(images, seed, epoch);
    }

    /**
     * {@return decoded 8-bit images (unsigned values 0..255, as {@code uint8} tensors reach Keras) through the
     * per-sample layers as a float32 batch in the pipeline's data format, image {@code i} drawing from
     * {@code RandomKeys.forSample(seed, epoch, i)}} The result is bit for bit that of
     * {@link #apply(Tensor, long, int)} on the float32 batch of the same values; the first warp reads the bytes
     * directly (no float copy of the batch is made), as the flows do with the images they decode. A returned
     * batch can be released for the next one, as with {@link #apply(Tensor, long, int)}.
     *
     * @throws IllegalArgumentException for an empty list, a null image, or when the pipeline has batch layers
     *     (they need the targets: use {@link #apply(Batch, long, int)})
     */
    public Tensor apply(List<ByteImage> images, long seed, int epoch) {
        if (batchLayers != null) {
            throw new IllegalArgumentException("the pipeline has batch layers (" + batchLayerNames()
                    + "), which mix targets too: run it on a Batch with apply(Batch, seed, epoch)");
        }
        if (images.isEmpty()) {
            throw new IllegalArgumentException("images must hold at least one image; got none");
        }
        List<SourceImage> sources = new ArrayList<>(images.size());
        for (int i = 0; i < images.size(); i++) {
            ByteImage image = images.get(i);
            if (image == null) {
                throw new IllegalArgumentException("images[" + i + "] is null");
            }
            sources.add(image.toSource());
        }
        return chain.images(sources, streams(seed, epoch, sources.size()));
    }

    /**
     * {@return {@code batch} with its images (its first input) through the per-sample layers, image {@code i}
     * drawing from {@code RandomKeys.forSample(seed, epoch, i)}, then through the batch layers drawing from
     * a stream of the batch keyed by {@code seed} and {@code epoch}}
     *
     * @throws IllegalArgumentException when the images are not a heap rank-4 tensor with at least one image
     */
    public Batch apply(Batch batch, long seed, int epoch) {
        Tensor x = samples(batch.xTensor(), seed, epoch);
        List<Tensor> inputs = new ArrayList<>();
        inputs.add(x);
        inputs.addAll(batch.extraInputs());
        Batch augmented = new Batch(inputs, batch.targets(), batch.sampleWeights().orElse(null), batch.indices(),
                batch.filenames());
        return augmentBatch(augmented, RandomKeys.forSample(~seed, epoch, 0));
    }

    /**
     * {@return images and each image's bounding boxes through the layers: the images as
     * {@link #apply(Tensor, long, int)} makes them (with batch layers, as {@link #apply(Batch, long, int)} makes
     * them), and each sample's boxes moved with its pixels} In
     * {@link Mode#FUSED} mode each warp's one matrix per sample moves the boxes' corners (its forward map, exact
     * for the pixels), the enclosing box is clipped to the image that warp makes and a box whose area vanishes is
     * labelled {@code -1}; in {@link Mode#KERAS_REFERENCE} mode each geometric layer moves them with Keras 3's
     * {@code transform_bounding_boxes}, layer after layer, Keras's own arithmetic (which some layers compute
     * apart from their pixels: see each layer). RandomPerspective, which is not affine and resamples on its own,
     * moves the boxes with its Keras formula in both modes, where it stands between the warps; so does RandAugment
     * (its picked geometric operations' formulas in Keras's order, {@link RandAugment#transformBoundingBoxes}). A
     * box keeps its
     * index either way. Batch layers then run on the augmented batch as {@link #apply(Batch, long, int)} runs
     * them (the same draws) and combine the boxes as Keras does: MixUp appends to each sample's boxes those of the
     * sample mixed into it.
     *
     * @param images an image (rank 3) or a non-empty batch (rank 4; a batch when the pipeline has batch layers)
     * @param boxes one entry per image, in any {@link BoxFormat} (Keras's {@code bounding_box_format}: a
     *     layer's config may name it, and then the boxes must be in it), on the images' size
     * @throws IllegalArgumentException for a tensor of another rank or an empty batch, for a single image (rank 3)
     *     when the pipeline has batch layers, for a number of box lists that is
     *     not the number of images, for boxes in another format than a layer's {@code bounding_box_format}, or
     *     for a layer whose pixels boxes cannot follow (AugMix, RandomElasticTransform), or for a batch
     *     layer Keras has no box transform for (CutMix)
     */
    public ImagesAndBoxes apply(Tensor images, List<BoundingBoxes> boxes, long seed, int epoch) {
        ImagesAndKeypoints out = apply(images, boxes, null, seed, epoch);
        return new ImagesAndBoxes(out.images(), out.boxes());
    }

    /**
     * {@return images with each image's bounding boxes and keypoints through the per-sample layers: the images
     * and boxes as {@link #apply(Tensor, List, long, int)} makes them, and the keypoints moved exactly with the
     * pixels by the forward maps} Keras 3.15.1 has no keypoint transform for its layers, so both modes
     * map the points as the pixels go ({@link Keypoints#transform}): {@link Mode#FUSED} through each warp's one
     * matrix, {@link Mode#KERAS_REFERENCE} through each geometric layer's matrix in turn; a RandomPerspective
     * moves them through its homography's inverse ({@link Keypoints#transformProjective}). A point the image
     * loses is marked {@link Keypoints#OUTSIDE}, never dropped; a swap map the points carry exchanges mirror
     * partners where the map mirrors the image.
     *
     * @param boxes one entry per image as for {@link #apply(Tensor, List, long, int)}, or null for none (the
     *     result's list of boxes is then empty)
     * @param keypoints one entry per image, on the images' size; null for none (the result's list is then
     *     empty)
     * @throws IllegalArgumentException as {@link #apply(Tensor, List, long, int)}, for a number of keypoint
     *     lists that is not the number of images, or for keypoints with a RandAugment or a batch layer in the
     *     pipeline
     */
    public ImagesAndKeypoints apply(Tensor images, List<BoundingBoxes> boxes, List<Keypoints> keypoints, long seed,
            int epoch) {
        if (batchLayers != null) {
            if (keypoints != null || boxes == null) {
                throw new IllegalArgumentException("the pipeline has batch layers (" + batchLayerNames()
                        + "): Keras 3.15.1 has no keypoint transform for them; pass boxes only");
            }
            BatchBoxes.check(batchLayers);
            if (images.rank() != 4) {
                throw new IllegalArgumentException("the pipeline has batch layers (" + batchLayerNames()
                        + "): images must be a batch (rank 4); got shape " + Arrays.toString(images.shape()));
            }
        }
        for (KerasLayer layer : layers) {
            if (layer instanceof RandAugment && keypoints != null) {
                throw new IllegalArgumentException("keypoints cannot follow RandAugment: Keras 3.15.1 has no keypoint"
                        + " transform for it; pass boxes only");
            }
            if (layer instanceof AugMix) {
                throw new IllegalArgumentException((boxes != null ? "bounding boxes" : "keypoints") + " cannot follow"
                        + " AugMix: Keras 3.15.1's AugMix returns the boxes unchanged while its chains shear,"
                        + " translate and rotate the pixels, so no box would stay on its object");
            }
            if (layer instanceof RandomElasticTransform) {
                throw new IllegalArgumentException((boxes != null ? "bounding boxes" : "keypoints") + " cannot follow "
                        + layer.className()
                        + ", which moves pixels outside the geometric layers' warp");
            }
        }
        checkImages(images);
        boolean single = images.rank() == 3;
        int n = single ? 1 : images.dim(0);
        if (boxes != null && boxes.size() != n) {
            throw new IllegalArgumentException("boxes must hold one entry per image: " + n + "; got " + boxes.size());
        }
        if (keypoints != null && keypoints.size() != n) {
            throw new IllegalArgumentException("keypoints must hold one entry per image: " + n + "; got "
                    + keypoints.size());
        }
        if (boxes != null) {
            checkBoxFormats(boxes);
        }
        List<SourceImage> sources = sources(images);
        List<Drawn[]> drawn = new ArrayList<>();
        Tensor out = chain.images(sources, streams(seed, epoch, n), drawn);
        SourceImage first = sources.get(0);
        ImageShape input = new ImageShape(first.height(), first.width(), first.channels(), format);
        List<BoundingBoxes> moved = boxes == null ? List.of()
                : SegmentBoxes.map(segments.segments(), drawn, input, boxes, mode);
        List<Keypoints> points = keypoints == null ? List.of()
                : SegmentKeypoints.map(segments.segments(), drawn, input, keypoints, mode);
        if (batchLayers != null) {
            boolean last = format == DataFormat.CHANNELS_LAST;
            ImageShape mixed = new ImageShape(out.dim(last ? 1 : 2), out.dim(last ? 2 : 3), out.dim(last ? 3 : 1),
                    format);
            ImagesAndBoxes both = BatchBoxes.mix(batchLayers, out, moved, mixed, RandomKeys.forSample(~seed, epoch, 0));
            out = both.images();
            moved = both.boxes();
        }
        return new ImagesAndKeypoints(single ? out.item(0) : out, moved, points);
    }

    /** Refuses boxes in another format than a layer's {@code bounding_box_format} says, when a layer says one. */
    private void checkBoxFormats(List<BoundingBoxes> boxes) {
        for (KerasLayer layer : layers) {
            Object declared = layer.getConfig().get("bounding_box_format");
            if (declared == null) {
                continue;
            }
            BoxFormat format = BoxFormat.fromKerasName(String.valueOf(declared));
            for (int i = 0; i < boxes.size(); i++) {
                if (boxes.get(i).format() != format) {
                    throw new IllegalArgumentException(layer.className() + "'s bounding_box_format is " + declared
                            + " but boxes[" + i + "] are in " + boxes.get(i).format().kerasName()
                            + "; convert them (BoundingBoxes.convert) or leave the layer's format unset");
                }
            }
        }
    }

    private static void checkImages(Tensor images) {
        if (images.rank() != 3 && images.rank() != 4 || images.rank() == 4 && images.dim(0) == 0) {
            throw new IllegalArgumentException("images must be an image (rank 3) or a non-empty batch (rank 4);"
                    + " got shape " + Arrays.toString(images.shape()));
        }
    }

    private List<SourceImage> sources(Tensor images) {
        boolean single = images.rank() == 3;
        int n = single ? 1 : images.dim(0);
        List<SourceImage> sources = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            sources.add(SourceImage.of(single ? images : images.item(i), format));
        }
        return sources;
    }

    private static RandomGenerator[] streams(long seed, int epoch, int n) {
        RandomGenerator[] streams = new RandomGenerator[n];
        for (int i = 0; i < n; i++) {
            streams[i] = RandomKeys.forSample(seed, epoch, i);
        }
        return streams;
    }

    private Tensor samples(Tensor images, long seed, int epoch) {
        if (images.rank() != 3 && images.rank() != 4 || images.rank() == 4 && images.dim(0) == 0) {
            throw new IllegalArgumentException("images must be an image (rank 3) or a non-empty batch (rank 4);"
                    + " got shape " + Arrays.toString(images.shape()));
        }
        boolean single = images.rank() == 3;
        int n = single ? 1 : images.dim(0);
        List<SourceImage> sources = new ArrayList<>(n);
        RandomGenerator[] streams = new RandomGenerator[n];
        for (int i = 0; i < n; i++) {
            sources.add(single ? SourceImage.of(images, format) : SourceImage.ofItem(images, i, format));
            streams[i] = RandomKeys.forSample(seed, epoch, i);
        }
        Tensor out = chain.images(sources, streams);
        if (!single) {
            return out;
        }
        Tensor image = out.item(0);
        out.release();
        return image;
    }

    /**
     * {@return {@code image} (rank 3) through the per-sample layers, drawing from {@code rng}: the same
     * result as slot {@code i} of {@link #apply(Tensor, long, int)} for {@code RandomKeys.forSample(seed,
     * epoch, i)}; {@code image} itself when no layer changes it} What a preview grid calls.
     *
     * @param rng the image's stream, or null for an image that is not augmented (only the layers that
     *     are not augmentations run)
     */
    public Tensor transformImage(Tensor image, RandomGenerator rng) {
        checkImage(image);
        return chain.transformImage(image, rng);
    }

    /**
     * {@return {@code image} (rank 3) through the per-sample layers with the given transformations, each
     * layer's as that layer's package-private factory builds it from Keras's
     * {@code get_random_transformation}: Keras's {@code transform_images} layer after layer}
     *
     * @param transformations by layer (compared by identity); a layer left out leaves the image unchanged
     */
    Tensor transformGiven(Tensor image, Map<KerasLayer, ?> transformations) {
        checkImage(image);
        Map<Step, Object> bySteps = new IdentityHashMap<>();
        for (Map.Entry<KerasLayer, ?> e : transformations.entrySet()) {
            bySteps.put(segments.stepOf(e.getKey()), e.getValue());
        }
        return chain.transformImage(image, bySteps);
    }

    private static void checkImage(Tensor image) {
        if (image.rank() != 3) {
            throw new IllegalArgumentException("image must have rank 3; got shape " + Arrays.toString(image.shape()));
        }
    }

    private String batchLayerNames() {
        List<String> names = new ArrayList<>();
        for (KerasLayer layer : layers) {
            if (layer.step() instanceof BatchStep<?>) {
                names.add(layer.className());
            }
        }
        return String.join(", ", names);
    }

    // ---------------------------------------------------------------- flows

    /**
     * {@return batches of the rank-4 array {@code x} (and {@code y}, or null) through the layers: Keras's
     * {@code NumpyArrayIterator}, see {@link Flows#fromArrays}}
     */
    public ArrayFlow flow(Tensor x, Tensor y, ArrayFlowOptions options) {
        return Flows.fromArrays(this, x, List.of(), y, null, options);
    }

    /** {@return batches of the images under {@code directory}, one class per sub-folder, through the layers: see {@link Flows#fromDirectory}} */
    public FileFlow flowFromDirectory(Path directory, DirectoryFlowOptions options) {
        return Flows.fromDirectory(this, directory, options);
    }

    /** {@return batches of the files a table names, through the layers: see {@link Flows#fromDataframe}} */
    public FileFlow flowFromDataframe(DataFrame table, DataFrameFlowOptions options) {
        return Flows.fromDataframe(this, table, options);
    }

    // ---------------------------------------------------------------- Augmenter

    @Override
    public DataFormat dataFormat() {
        return format;
    }

    /** {@return null: the flow's {@code targetSize} sizes the images; a {@code Resizing} layer resizes after} */
    @Override
    public int[] resizeTarget() {
        return null;
    }

    /**
     * {@return the size of the last layer that sets one ({@code CenterCrop}, {@code Resizing}, and
     * {@code RandomCrop} when {@code augmented}: not augmented, it leaves the size), else {@code size}: every
     * sample of a flow comes out at this size}
     */
    @Override
    public int[] outputSize(int[] size, boolean augmented) {
        int[] out = size.clone();
        for (KerasLayer layer : layers) {
            if (layer instanceof SizedLayer sized && (augmented || !layer.step().augments())) {
                out = new int[] {sized.outputHeight(), sized.outputWidth()};
            }
        }
        return out;
    }

    /** {@return 0: a flow's own {@code validationSplit} option splits its samples} */
    @Override
    public double validationSplit() {
        return 0;
    }

    /**
     * {@return false: the validation subset goes through the layers as Keras's inference does
     * ({@code training=False}), the augmentations left out and the other layers (rescaling,
     * normalization) applied}
     */
    @Override
    public boolean augmentValidation() {
        return false;
    }

    /** {@return false: the layers draw from keyed streams, never from Keras's (TensorFlow's) generator} */
    @Override
    public boolean replaysKerasStreams() {
        return false;
    }

    /**
     * {@return the class names of the color-linear layers that apply to every sample (not augmentations,
     * such as {@code Rescaling} and {@code Normalization}): they make values fractional}
     */
    @Override
    public List<String> fractionalSteps() {
        List<String> names = new ArrayList<>();
        for (KerasLayer layer : layers) {
            if (layer.step() instanceof ColorLinearStep<?> c && !c.augments()) {
                names.add(layer.className());
            }
        }
        return names;
    }

    @Override
    public void augment(SampleBatch batch) {
        chain.augment(batch);
    }

    @Override
    public Batch augmentBatch(Batch batch, RandomGenerator rng) {
        return batchLayers == null ? batch : batchLayers.augmentBatch(batch, rng);
    }

    @Override
    public String toString() {
        List<String> names = new ArrayList<>();
        for (KerasLayer layer : layers) {
            names.add(layer.className());
        }
        return "KerasPipeline" + names + " (" + mode + ")";
    }

    /** Collects a {@link KerasPipeline}. */
    public static final class Builder {
        private List<KerasLayer> layers = new ArrayList<>();
        private Mode mode = Mode.FUSED;
        private Backend backend;
        private DataFormat format = DataFormat.CHANNELS_LAST;
        private KerasConfig document;

        private Builder() {
        }

        /**
         * Sets the layers, in the order they run (replacing any set before).
         *
         * @return this builder
         */
        public Builder layers(KerasLayer... values) {
            return layers(Arrays.asList(values));
        }

        /**
         * Sets the layers, in the order they run (replacing any set before).
         *
         * @return this builder
         */
        public Builder layers(List<? extends KerasLayer> values) {
            for (KerasLayer layer : values) {
                Objects.requireNonNull(layer, "layers holds a null layer");
            }
            this.layers = new ArrayList<>(values);
            return this;
        }

        /**
         * Sets the layers and the data format from a Keras JSON config: a {@code keras.Sequential}'s
         * {@code model.to_json()} (its {@code InputLayer} skipped), a {@code keras.layers.Pipeline}'s
         * {@code keras.saving.serialize_keras_object(pipeline)}, or a JSON list of serialized layers
         * ({@code [{"class_name": ..., "config": {...}}, ...]}); {@link KerasPipeline#toJson()} writes the
         * same shape back.
         *
         * @return this builder
         * @throws IllegalArgumentException for text that is none of these shapes, naming a layer class this
         *     library does not run (with the ones it runs) or a layer's invalid config, or when the layers'
         *     {@code data_format}s differ
         */
        public Builder json(String json) {
            return json(json, KerasLayers::fromConfig);
        }

        /** {@link #json(String)} with each layer made by {@code factory} (a test seam). */
        Builder json(String json, BiFunction<String, Map<String, Object>, KerasLayer> factory) {
            KerasConfig doc = KerasConfig.parse(json);
            this.layers = doc.layers(factory);
            this.format = doc.dataFormat();
            this.document = doc;
            return this;
        }

        /**
         * Sets how the layers resample ({@link Mode#FUSED} by default).
         *
         * @return this builder
         */
        public Builder mode(Mode value) {
            this.mode = Objects.requireNonNull(value, "mode");
            return this;
        }

        /**
         * Sets the layout of images and batches (channels_last by default; {@link #json} sets the layers'
         * {@code data_format}).
         *
         * @return this builder
         */
        public Builder dataFormat(DataFormat value) {
            this.format = Objects.requireNonNull(value, "dataFormat");
            return this;
        }

        /**
         * Sets the kernels the warps run on ({@link Backends#current()} by default).
         *
         * @return this builder
         */
        public Builder backend(Backend value) {
            this.backend = Objects.requireNonNull(value, "backend");
            return this;
        }

        /**
         * {@return the pipeline}
         *
         * @throws IllegalArgumentException for a layer listed twice (the same object), a geometric layer
         *     without a resampling, or a batch layer followed by a per-sample layer
         */
        public KerasPipeline build() {
            return new KerasPipeline(this);
        }
    }
}
