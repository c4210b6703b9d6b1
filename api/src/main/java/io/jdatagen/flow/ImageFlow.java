package io.jdatagen.flow;

import io.jdatagen.data.Batch;
import io.jdatagen.data.EpochSequence;
import io.jdatagen.data.RandomKeys;
import io.jdatagen.image.Compatibility;
import io.jdatagen.image.ImageDataGenerator;
import io.jdatagen.image.NumpyRandomState;
import io.jdatagen.image.TransformParameters;
import io.jdatagen.io.ImageWriter;
import io.jdatagen.spi.SourceImage;
import io.jdatagen.spi.Tensor;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * The batching shared by every image source (Keras's {@code Iterator}): {@code ceil(n / batchSize)}
 * batches per epoch, the epoch's sample order, each sample augmented and standardized by the
 * generator into its batch slot, optional saving of the augmented images, and the source-specific
 * targets added by {@link #assemble}.
 *
 * <p>Randomness is a pure function of (seed, epoch, batch): by default each sample draws from its
 * own stream keyed by (seed, epoch, sample index) and the shuffle is keyed by (seed, epoch), so
 * the same seed gives the same batches for any batch order and thread count. With
 * {@link Compatibility#KERAS_REFERENCE} the flow replays Keras's {@code next()}: batch {@code k}
 * of epoch {@code e} reseeds numpy's MT19937 with {@code seed + e·size() + k} (mod 2^32), epoch
 * {@code e}'s permutation comes from {@code seed + e·size()}, and the batch's samples draw from
 * that one stream in order, so augmented batches equal Keras's.
 *
 * <p>Images are augmented unless {@link FlowOptions.Builder#augment(boolean)} says otherwise or
 * the flow reads the validation subset of a generator built with
 * {@code augmentValidation(false)}; then they are only resized and standardized.
 */
public abstract class ImageFlow extends EpochSequence<Batch> {
    private final ImageDataGenerator generator;
    private final int samples;
    private final int batchSize;
    private final boolean shuffle;
    private final long seed;
    private final boolean numpyStreams;
    private final int[] imageShape;
    private final Path saveToDir;
    private final String savePrefix;
    private final String saveFormat;
    private final int saveHashBound;
    private final boolean augment;
    private volatile EpochOrder lastOrder;

    private record EpochOrder(int epoch, int[] order) {
    }

    ImageFlow(ImageDataGenerator generator, int samples, int[] imageShape, FlowOptions o, int saveHashBound) {
        this.generator = generator;
        this.samples = samples;
        this.batchSize = o.batchSize;
        this.shuffle = o.shuffle;
        this.numpyStreams = generator.compatibility() == Compatibility.KERAS_REFERENCE;
        long s = o.seed != null ? o.seed : new SplittableRandom().nextLong();
        if (numpyStreams && o.seed != null && (s < 0 || s > 0xFFFFFFFFL)) {
            throw new IllegalArgumentException("seed must be in [0, 2^32) with keras_reference compatibility"
                    + " (numpy's rule); got: " + s);
        }
        this.seed = numpyStreams ? s & 0xFFFFFFFFL : s;
        this.imageShape = imageShape.clone();
        this.saveToDir = o.saveToDir;
        this.savePrefix = o.savePrefix;
        this.saveFormat = o.saveFormat;
        this.saveHashBound = saveHashBound;
        this.augment = o.augment != null ? o.augment : o.subset != Subset.VALIDATION || generator.augmentValidation();
    }

    /** Whether the images are augmented (otherwise only resized and standardized). */
    public boolean augments() {
        return augment;
    }

    /** Batches per epoch: {@code ceil(samples / batchSize)}. */
    @Override
    public int size() {
        return (samples + batchSize - 1) / batchSize;
    }

    /** The number of samples (Keras's {@code n} / {@code samples}). */
    public int samples() {
        return samples;
    }

    /** Samples per batch. */
    public int batchSize() {
        return batchSize;
    }

    /** The seed in use (drawn at random when none was given). */
    public long seed() {
        return seed;
    }

    /** The shape of one image in the batches, in the generator's data format. */
    public int[] imageShape() {
        return imageShape.clone();
    }

    /** The generator that augments and standardizes the samples. */
    public ImageDataGenerator generator() {
        return generator;
    }

    /** The sample order of epoch {@code epoch}. */
    public int[] order(int epoch) {
        EpochOrder cached = lastOrder;
        if (cached != null && cached.epoch() == epoch) {
            return cached.order();
        }
        int[] order;
        if (numpyStreams && shuffle) {
            order = new NumpyRandomState(numpySeed(epoch, 0)).permutation(samples);
        } else {
            order = RandomKeys.order(samples, shuffle, seed, epoch);
        }
        lastOrder = new EpochOrder(epoch, order);
        return order;
    }

    private long numpySeed(int epoch, int batch) {
        return (seed + (long) epoch * size() + batch) & 0xFFFFFFFFL;
    }

    @Override
    protected final Batch batch(int epoch, int index) {
        int[] order = order(epoch);
        int from = index * batchSize;
        int[] indices = Arrays.copyOfRange(order, from, Math.min(samples, from + batchSize));
        int[] shape = new int[4];
        shape[0] = indices.length;
        System.arraycopy(imageShape, 0, shape, 1, 3);
        Tensor x = Tensor.zeros(shape);
        Tensor paired = pairedBatch(indices.length);
        RandomGenerator batchStream = null;
        if (numpyStreams) {
            NumpyRandomState state = new NumpyRandomState(numpySeed(epoch, index));
            if (index == 0 && shuffle) {
                state.permutation(samples);
            }
            batchStream = state;
        }
        RandomGenerator[] streams = new RandomGenerator[indices.length];
        for (int j = 0; j < indices.length; j++) {
            streams[j] = numpyStreams ? batchStream : RandomKeys.forSample(seed, epoch, indices[j]);
            writeSample(indices[j], streams[j], x, paired, j);
        }
        if (saveToDir != null) {
            for (int j = 0; j < indices.length; j++) {
                int hash = streams[j].nextInt(saveHashBound);
                Path file = saveToDir.resolve(savePrefix + "_" + indices[j] + "_" + hash + "." + saveFormat);
                ImageWriter.write(ImageWriter.toBytes(x.item(j), generator.dataFormat(), true), file, saveFormat);
            }
        }
        return assemble(indices, x, paired);
    }

    /**
     * Augments (or, without augmentation, only standardizes) {@code image} into slot {@code slot}
     * of {@code batch}, drawing from {@code rng}.
     *
     * @return the parameters applied (the identity without augmentation)
     */
    final TransformParameters imageInto(SourceImage image, RandomGenerator rng, Tensor batch, int slot) {
        if (augment) {
            return generator.augmentInto(image, rng, batch, slot);
        }
        generator.standardizeInto(image, batch, slot);
        return TransformParameters.identity();
    }

    /** A batch for what a source writes next to each image (segmentation masks), or null. */
    Tensor pairedBatch(int samples) {
        return null;
    }

    /**
     * Writes sample {@code sample} into slot {@code slot} of {@code batch} (and of {@code paired}
     * when not null), drawing from {@code rng}.
     */
    abstract void writeSample(int sample, RandomGenerator rng, Tensor batch, Tensor paired, int slot);

    /** The batch of the images {@code x} (and the {@code paired} batch) of samples {@code indices}, with targets. */
    abstract Batch assemble(int[] indices, Tensor x, Tensor paired);

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
