package io.jdatagen.flow;

import io.jdatagen.core.DataFormat;
import io.jdatagen.data.Batch;
import io.jdatagen.spi.OutputSlot;
import io.jdatagen.spi.SourceImage;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * What a flow needs from whatever augments its samples (an
 * {@code io.jdatagen.image.ImageDataGenerator} provides it): one call per batch that resizes, warps and
 * finishes every sample into the output batch, one per assembled batch for the steps that run on whole
 * batches, and the settings that shape batches. Every call into the backend is a batch call: the
 * images of a batch are warped in one {@link io.jdatagen.spi.WarpKernel#warpBatch} call, the masks in
 * another (and a resize, when the sources are not at the batch's size, in one more per kind).
 */
public interface Augmenter {
    /** {@return the data format of images and batches} */
    DataFormat dataFormat();

    /** {@return the size every image is resampled to before augmentation, {@code {height, width}}, or null} */
    int[] resizeTarget();

    /** {@return the fraction of data reserved for validation (0 when none)} */
    double validationSplit();

    /** {@return whether the validation subset is augmented (otherwise only resized and standardized)} */
    boolean augmentValidation();

    /**
     * {@return whether flows replay Keras's random streams (numpy's MT19937 reseeded per batch) instead of
     * drawing from a stream keyed by (seed, epoch, sample)}
     */
    boolean replaysKerasStreams();

    /**
     * {@return the options that make values fractional (rescale, centering, normalisation, whitening), by
     * the generator builder's names; empty when images keep whole values in 0–255 up to interpolation and augmentation}
     */
    List<String> fractionalSteps();

    /**
     * {@return the {@code {height, width}} of the images this augmenter writes for images of {@code size}
     * ({@code {height, width}}, the flow's image size: its target size or the resize target): the same for
     * every sample of a flow, so that flows size their image and mask batches by it; {@code size} (a copy)
     * for augmenters that keep the size, which is the default}
     *
     * @param augmented whether the flow augments its samples (a layer that changes the size only as an
     *     augmentation leaves samples that are not augmented at their size)
     */
    default int[] outputSize(int[] size, boolean augmented) {
        return size.clone();
    }

    /**
     * Augments a batch: resizes the sources to the resize target when one is set (or, with
     * {@link SampleBatch#resampledInWarp()}, folds that resize into the warp), draws each augmented sample's
     * steps from its stream (every sample's pre-warp draws in slot order, then the late ones slot by slot),
     * warps all images in one batch call and the masks in another, then runs the steps the warp cannot carry,
     * writing the results into the batch's outputs.
     *
     * @param batch the samples and where they go
     * @throws IllegalArgumentException when a source, once resized, does not fit the output's slots
     */
    void augment(SampleBatch batch);

    /**
     * {@return {@code batch} after the steps that run on whole batches (images and targets), in order;
     * {@code batch} itself when there are none}
     *
     * @param batch an assembled batch whose images {@link #augment} wrote
     * @param rng the batch's stream
     */
    Batch augmentBatch(Batch batch, RandomGenerator rng);

    /**
     * Checks that {@code source} has the size and channels of {@code slot}.
     *
     * @throws IllegalArgumentException naming both sizes
     */
    static void checkFits(SourceImage source, OutputSlot slot) {
        checkFits(source, slot.height(), slot.width(), slot.channels());
    }

    /**
     * Checks that {@code source} has the size and channels of a batch image of shape {@code imageShape}.
     *
     * @param imageShape the rank-3 shape of one image of the batch
     * @param format the layout of {@code imageShape}
     * @throws IllegalArgumentException if they differ
     */
    static void checkFits(SourceImage source, int[] imageShape, DataFormat format) {
        int[] hwc = format.imageHwc(imageShape);
        checkFits(source, hwc[0], hwc[1], hwc[2]);
    }

    private static void checkFits(SourceImage source, int height, int width, int channels) {
        if (height != source.height() || width != source.width() || channels != source.channels()) {
            throw new IllegalArgumentException("batch slots hold " + height + "x" + width + "x" + channels
                    + " images but the source is " + source.height() + "x" + source.width() + "x"
                    + source.channels());
        }
    }
}
