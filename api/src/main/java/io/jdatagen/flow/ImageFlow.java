package io.jdatagen.flow;

import io.jdatagen.core.BufferTensor;
import io.jdatagen.core.DataFormat;
import io.jdatagen.core.DenseTensor;
import io.jdatagen.core.ElementType;
import io.jdatagen.core.Tensor;
import io.jdatagen.data.Batch;
import io.jdatagen.data.EpochSequence;
import io.jdatagen.data.Fingerprint;
import io.jdatagen.data.NumpyRandomState;
import io.jdatagen.data.Position;
import io.jdatagen.data.RandomKeys;
import io.jdatagen.data.Shard;
import io.jdatagen.data.ShardPolicy;
import io.jdatagen.io.ImageWriter;
import io.jdatagen.memory.BufferPool;
import io.jdatagen.spi.SourceImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;

/**
 * The batching shared by every image source (Keras's {@code Iterator}): {@code ceil(n / batchSize)}
 * batches per epoch, the epoch's sample order, each sample augmented and standardized by the
 * {@link Augmenter} into its batch slot (one batch warp per batch), optional saving of the augmented
 * images, and the source-specific targets added by {@link #assemble}.
 *
 * <p>Randomness is a pure function of (seed, epoch, batch): by default each sample draws from its
 * own stream keyed by (seed, epoch, sample index) and the shuffle is keyed by (seed, epoch), so
 * the same seed gives the same batches for any batch order and thread count. When the augmenter
 * {@linkplain Augmenter#replaysKerasStreams() replays Keras's streams} the flow replays Keras's {@code next()}: batch {@code k}
 * of epoch {@code e} reseeds numpy's MT19937 with {@code seed + e·size() + k} (mod 2^32), epoch
 * {@code e}'s permutation comes from {@code seed + e·size()}, and the batch's samples draw from
 * that one stream in order (mltk's contrast and noise steps draw after the whole batch's Keras
 * draws), so augmented batches equal Keras's.
 *
 * <p>Images are augmented unless {@link FlowOptions.Builder#augment(boolean)} says otherwise or
 * the flow reads the validation subset of a generator built with
 * {@code augmentValidation(false)}; then they are only resized and standardized.
 */
public abstract class ImageFlow extends EpochSequence<Batch> {
    /** Mixed into the seed of the streams of steps that run on whole batches, apart from the samples' streams. */
    private static final long BATCH_STREAMS = 0x5DEECE66DL;

    private final Augmenter augmenter;
    private final int samples;
    private final int batchSize;
    private final boolean shuffle;
    private final long seed;
    private final boolean numpyStreams;
    private final int[] imageShape;
    private final int[] resampledSize;
    private final Path saveToDir;
    private final String savePrefix;
    private final String saveFormat;
    private final int saveHashBound;
    private final boolean augment;
    private final ElementType output;
    private final BufferPool buffers = new BufferPool(8);
    private final int[] fixedOrder;
    private final UnaryOperator<Batch> batchFunction;
    private volatile EpochOrder lastOrder;
    private volatile Long fingerprint;

    private record EpochOrder(int epoch, int[] order) {
    }

    /**
     * Sets up the batching of {@code samples} images of {@code imageShape}; refuses, naming
     * {@code batchSize}, batches that would not fit one array (or one direct buffer with {@code output}).
     */
    ImageFlow(Augmenter augmenter, int samples, int[] imageShape, FlowOptions o, int saveHashBound) {
        this.augmenter = augmenter;
        this.samples = samples;
        this.batchSize = o.batchSize;
        this.shuffle = o.shuffle;
        this.numpyStreams = augmenter.replaysKerasStreams();
        long s = o.seed != null ? o.seed : new SplittableRandom().nextLong();
        if (numpyStreams && o.seed != null && (s < 0 || s > 0xFFFFFFFFL)) {
            throw new IllegalArgumentException("seed must be in [0, 2^32) with keras_reference compatibility"
                    + " (numpy's rule); got: " + s);
        }
        this.seed = numpyStreams ? s & 0xFFFFFFFFL : s;
        this.augment = o.augment != null ? o.augment : o.subset != Subset.VALIDATION || augmenter.augmentValidation();
        int[] hwc = augmenter.dataFormat().imageHwc(imageShape);
        this.resampledSize = new int[] {hwc[0], hwc[1]};
        this.imageShape = outputShape(imageShape);
        BatchLimit.check("images", o.batchSize, samples, this.imageShape, o.output);
        this.saveToDir = o.saveToDir;
        this.savePrefix = o.savePrefix;
        this.saveFormat = o.saveFormat;
        this.saveHashBound = saveHashBound;
        this.output = o.output;
        this.fixedOrder = o.order == null ? null : FixedOrder.checked(o.order, samples);
        this.batchFunction = o.batchFunction;
        List<String> fractional = augmenter.fractionalSteps();
        if (output == ElementType.UINT8 && !fractional.isEmpty()) {
            String steps = fractional.size() == 1 ? fractional.get(0) + " makes"
                    : String.join(", ", fractional.subList(0, fractional.size() - 1)) + " and "
                            + fractional.get(fractional.size() - 1) + " make";
            throw new IllegalArgumentException("output uint8 holds whole values 0-255, but the generator's " + steps
                    + " the values fractional; choose output float16 or float32, or normalise after the hand-off");
        }
    }

    /**
     * {@return {@code shape} (one image or mask of the flow's image size, in the augmenter's format) at the size
     * the augmenter makes of it ({@link Augmenter#outputSize}), its channels kept}
     *
     * @throws IllegalArgumentException when the augmenter gives no size of at least 1x1
     */
    final int[] outputShape(int[] shape) {
        DataFormat format = augmenter.dataFormat();
        int[] hwc = format.imageHwc(shape);
        int[] size = augmenter.outputSize(new int[] {hwc[0], hwc[1]}, augment);
        if (size == null || size.length != 2 || size[0] < 1 || size[1] < 1) {
            throw new IllegalArgumentException("the augmenter's outputSize for " + hwc[0] + "x" + hwc[1]
                    + " images must be {height, width} of at least 1x1; got " + Arrays.toString(size));
        }
        return format.imageShape(size[0], size[1], hwc[2]);
    }

    /**
     * {@return the element type of the buffers the images are written into, or empty when batches hold
     * heap float32 tensors (the default)}
     */
    public Optional<ElementType> output() {
        return Optional.ofNullable(output);
    }

    /** {@return whether the images are augmented (otherwise only resized and standardized)} */
    public boolean augments() {
        return augment;
    }

    /** Batches per epoch: {@code ceil(samples / batchSize)}. */
    @Override
    public int size() {
        return (int) ((samples + (long) batchSize - 1) / batchSize);
    }

    /** {@return the number of samples (Keras's {@code n} / {@code samples})} */
    public int samples() {
        return samples;
    }

    /** {@return samples per batch} */
    public int batchSize() {
        return batchSize;
    }

    /** {@return the seed in use (drawn at random when none was given)} */
    public long seed() {
        return seed;
    }

    /**
     * {@return batch {@code batch} of epoch {@code epoch} as a {@link Position}, with this flow's seed,
     * batch size and the fingerprint of its kind, samples, order, streams, image shape, format and output
     * (and, for file flows, file names and labels)}
     *
     * @param epoch the epoch the batch belongs to, from 0
     * @param batch the batch's index in that epoch
     */
    @Override
    public Position position(int epoch, int batch) {
        return new Position(seed, epoch, batch, size(), batchSize, 0, 1, fingerprint());
    }

    /** The digest of what fixes the batches beyond the seed and batch size; computed once. */
    final long fingerprint() {
        Long f = fingerprint;
        if (f == null) {
            Fingerprint d = new Fingerprint().add(getClass().getName()).add(samples).add(shuffle ? 1 : 0)
                    .add(fixedOrder).add(numpyStreams ? 1 : 0).add(augment ? 1 : 0).add(imageShape)
                    .add(augmenter.dataFormat().name()).add(augmenter.resizeTarget())
                    .add(output == null ? null : output.name());
            describeSamples(d);
            f = d.value();
            fingerprint = f;
        }
        return f;
    }

    /**
     * Adds what identifies this flow's samples to its position's fingerprint (file flows: their file
     * names and labels); array flows add nothing.
     *
     * @param fingerprint the digest to add to
     */
    void describeSamples(Fingerprint fingerprint) {
        // Arrays are not digested: hashing every pixel would cost as much as an epoch.
    }

    /** {@return the shape of one image in the batches, in the augmenter's data format} */
    public int[] imageShape() {
        return imageShape.clone();
    }

    /** The augmenter that plans and finishes the samples. */
    final Augmenter augmenter() {
        return augmenter;
    }

    /**
     * {@return rank {@code shardIndex}'s part of this flow for data-parallel training over
     * {@code numShards} ranks, every shard padded to the same size ({@link ShardPolicy#PAD})}
     *
     * @param numShards the number of ranks, at least 1
     * @param shardIndex this rank, in {@code [0, numShards)}
     * @see ShardedFlow
     */
    public ShardedFlow shard(int numShards, int shardIndex) {
        return shard(numShards, shardIndex, ShardPolicy.PAD);
    }

    /**
     * {@return rank {@code shardIndex}'s part of this flow, shards made equal by {@code policy}}
     *
     * @param numShards the number of ranks, at least 1
     * @param shardIndex this rank, in {@code [0, numShards)}
     * @param policy how the shards are made equal in size
     * @throws IllegalArgumentException for a bad count or index, or with Keras's replayed streams
     *     (one stream per batch cannot be split between ranks)
     */
    public ShardedFlow shard(int numShards, int shardIndex, ShardPolicy policy) {
        if (numpyStreams) {
            throw new IllegalArgumentException("shard needs keyed random streams; a flow that replays Keras's streams"
                    + " (keras_reference compatibility) draws one stream per batch and cannot be sharded");
        }
        return new ShardedFlow(this, new Shard(numShards, shardIndex, policy));
    }

    /**
     * Writes the sample order of epoch {@code epoch} to {@code file}, one index per line, for
     * {@link FlowOptions.Builder#order(Path)} to read back (mltk's saved shuffle index).
     *
     * @param file the file (replaced)
     * @throws java.io.UncheckedIOException if it cannot be written
     */
    public void saveOrder(int epoch, Path file) {
        FixedOrder.write(orderOf(epoch), file);
    }

    /**
     * {@return the sample order of epoch {@code epoch} (a copy)}
     */
    public int[] order(int epoch) {
        return orderOf(epoch).clone();
    }

    /** The sample order of epoch {@code epoch} (the cached array: never hand it out). */
    final int[] orderOf(int epoch) {
        EpochOrder cached = lastOrder;
        if (cached != null && cached.epoch() == epoch) {
            return cached.order();
        }
        int[] order;
        if (fixedOrder != null) {
            return fixedOrder;
        }
        if (numpyStreams && shuffle) {
            order = new NumpyRandomState(numpySeed(epoch, 0)).permutation(samples);
        } else {
            order = epochOrder(epoch);
        }
        lastOrder = new EpochOrder(epoch, order);
        return order;
    }

    /**
     * The keyed order of epoch {@code epoch} (without Keras's streams or a fixed order): {@code 0..n-1},
     * shuffled by (seed, epoch) when the flow shuffles; stream flows replace it with their shard and
     * shuffle-buffer order.
     */
    int[] epochOrder(int epoch) {
        return RandomKeys.order(samples, shuffle, seed, epoch);
    }

    /** {@return whether the flow shuffles its samples} */
    final boolean shuffles() {
        return shuffle;
    }

    /** The samples rank {@code shard} reads per epoch (the same on every rank). */
    int shardSamples(Shard shard) {
        return shard.samples(samples);
    }

    /** Rank {@code shard}'s samples {@code [from, to)} of epoch {@code epoch}, as sample indices. */
    int[] shardOrder(Shard shard, int epoch, int from, int to) {
        return shard.pick(orderOf(epoch), from, to);
    }

    private long numpySeed(int epoch, int batch) {
        return (seed + (long) epoch * size() + batch) & 0xFFFFFFFFL;
    }

    /**
     * Batch {@code index} of epoch {@code epoch}: the samples loaded in order and handed to the
     * augmenter as one {@link SampleBatch} (one {@link io.jdatagen.spi.WarpKernel#warpBatch} call for the
     * images, one for the masks), then assembled with their targets, through the augmenter's batch steps
     * and the batch function.
     */
    @Override
    protected final Batch batch(int epoch, int index) {
        int[] order = orderOf(epoch);
        int from = Math.multiplyExact(index, batchSize);
        return batchOf(epoch, index, Arrays.copyOfRange(order, from, (int) Math.min(samples, (long) from + batchSize)));
    }

    /** The batch of samples {@code indices} of epoch {@code epoch} (batch {@code index} for Keras's streams). */
    final Batch batchOf(int epoch, int index, int[] indices) {
        return batchOf(null, epoch, index, indices);
    }

    /**
     * The batch of samples {@code indices}, batch {@code index} of epoch {@code epoch} of rank {@code shard}
     * (null unsharded).
     */
    final Batch batchOf(Shard shard, int epoch, int index, int[] indices) {
        int n = indices.length;
        DataFormat format = augmenter.dataFormat();
        int[] shape = {n, imageShape[0], imageShape[1], imageShape[2]};
        Tensor masks = pairedBatch(n);
        RandomGenerator[] streams = streams(epoch, index, indices);
        List<SourceImage> sources = new ArrayList<>(n);
        List<SourceImage> maskSources = new ArrayList<>(masks == null ? 0 : n);
        List<Sample> loaded = samples(shard, epoch, index, indices);
        for (int j = 0; j < n; j++) {
            Sample sample = loaded.get(j);
            sources.add(sample.image());
            if (masks != null) {
                maskSources.add(sample.mask());
            }
        }
        boolean direct = output != null && saveToDir == null;
        BufferTensor buffer = direct ? buffers.take(output, shape) : null;
        Tensor x = direct ? null : output == null ? buffers.takeHeap(shape) : Tensor.zeros(shape);
        SampleBatch.Builder request = SampleBatch.into(sources, direct ? buffer : x, format);
        request.streams(augment ? streams : new RandomGenerator[n]).contexts(contexts(epoch, index, indices))
                .resampledInWarp(resampledInWarp()).resampledSize(resampledSize[0], resampledSize[1]);
        if (masks != null) {
            request.masks(maskSources, maskFillValue(), masks);
        }
        augmenter.augment(request.build());
        DenseTensor images;
        if (direct) {
            images = buffer;
        } else {
            save(indices, streams, x, format);
            images = output == null ? x : converted(x);
        }
        Batch batch = assemble(indices, images, masks);
        if (augment) {
            Batch mixed = augmenter.augmentBatch(batch, RandomKeys.forSample(seed ^ BATCH_STREAMS, epoch, index));
            if (batch.x() instanceof Tensor before && mixed.x() instanceof Tensor after
                    && before.data() != after.data()) {
                batch.release(); // mixed into a new array: this one can take the next batch
            }
            batch = mixed;
        }
        if (batchFunction == null) {
            return batch;
        }
        Batch changed = batchFunction.apply(batch);
        if (changed == null) {
            throw new IllegalStateException("batchFunction returned null for batch " + index);
        }
        return changed;
    }

    private void save(int[] indices, RandomGenerator[] streams, Tensor x, DataFormat format) {
        if (saveToDir == null) {
            return;
        }
        for (int j = 0; j < indices.length; j++) {
            int hash = streams[j].nextInt(saveHashBound);
            Path file = saveToDir.resolve(savePrefix + "_" + indices[j] + "_" + hash + "." + saveFormat);
            ImageWriter.write(ImageWriter.toBytes(x.item(j), format, true), file, saveFormat);
        }
    }

    /** {@code x} written into a buffer of the output type: for saved batches, which need the float32 image first. */
    private BufferTensor converted(Tensor x) {
        BufferTensor out = buffers.take(output, x.shape());
        out.setElements(0, x.data(), 0, x.size());
        return out;
    }

    /** Each sample's context for the hooks: its class and file, and the batch's. */
    private SampleContext[] contexts(int epoch, int batchIndex, int[] indices) {
        int[] classes = new int[indices.length];
        List<String> files = new ArrayList<>(indices.length);
        for (int j = 0; j < indices.length; j++) {
            classes[j] = classOf(indices[j]);
            files.add(fileOf(indices[j]));
        }
        SampleContext[] contexts = new SampleContext[indices.length];
        for (int j = 0; j < indices.length; j++) {
            contexts[j] = new SampleContext(indices[j], classes[j], files.get(j), seed, epoch, batchIndex, classes,
                    files);
        }
        return contexts;
    }

    /** The class index of sample {@code index} for the hooks' context, or -1 when the source has none. */
    int classOf(int index) {
        return -1;
    }

    /** The file of sample {@code index} for the hooks' context, or null. */
    String fileOf(int index) {
        return null;
    }

    /**
     * Each sample's random stream: keyed by (seed, epoch, sample), or with Keras's streams one
     * numpy MT19937 for the whole batch, reseeded as Keras's {@code next()} does.
     */
    private RandomGenerator[] streams(int epoch, int index, int[] indices) {
        RandomGenerator[] streams = new RandomGenerator[indices.length];
        if (numpyStreams) {
            NumpyRandomState state = new NumpyRandomState(numpySeed(epoch, index));
            if (index == 0 && shuffle) {
                state.permutation(samples);
            }
            Arrays.fill(streams, state);
        } else {
            for (int j = 0; j < indices.length; j++) {
                streams[j] = RandomKeys.forSample(seed, epoch, indices[j]);
            }
        }
        return streams;
    }

    /** A sample as loaded: its image and, for segmentation pairs, its mask (else null). */
    record Sample(SourceImage image, SourceImage mask) {
    }

    /**
     * Sample {@code index} as loaded.
     *
     * @throws io.jdatagen.io.ImageReadException naming the file(s) when a file cannot be read
     */
    abstract Sample sample(int index);

    /**
     * The samples {@code indices} of batch {@code batch} of epoch {@code epoch} of rank {@code shard} (null
     * unsharded), as loaded: by default each one's {@link #sample(int)}; stream flows read the batch's
     * samples from their shards.
     */
    List<Sample> samples(Shard shard, int epoch, int batch, int[] indices) {
        List<Sample> out = new ArrayList<>(indices.length);
        for (int i : indices) {
            out.add(sample(i));
        }
        return out;
    }

    /**
     * Whether this flow's samples keep their own size and the warp resamples them to the batch's size;
     * flows that load images at the batch's size say no.
     */
    boolean resampledInWarp() {
        return false;
    }

    /** The mask value where the transform leaves the mask. */
    double maskFillValue() {
        return 0;
    }

    /** A batch for the masks written next to each image (segmentation), or null. */
    Tensor pairedBatch(int samples) {
        return null;
    }

    /** The batch of the images {@code x} (and the {@code paired} masks) of samples {@code indices}, with targets. */
    abstract Batch assemble(int[] indices, DenseTensor x, Tensor paired);

    /** Rows {@code indices} of {@code t} along axis 0, as a new tensor. */
    static Tensor rows(Tensor t, int[] indices) {
        int[] shape = t.shape();
        shape[0] = indices.length;
        Tensor out = Tensor.zeros(shape);
        int item = t.itemSize();
        for (int j = 0; j < indices.length; j++) {
            System.arraycopy(t.data(), indices[j] * item, out.data(), j * item, item);
        }
        return out;
    }
}
