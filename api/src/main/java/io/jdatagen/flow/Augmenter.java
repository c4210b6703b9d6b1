package io.jdatagen.flow;

import io.jdatagen.spi.Backend;
import io.jdatagen.spi.DataFormat;
import io.jdatagen.spi.OutputSlot;
import io.jdatagen.spi.SourceImage;
import io.jdatagen.spi.Tensor;
import io.jdatagen.spi.WarpPlan;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * What a flow needs from whatever augments its samples (an
 * {@code io.jdatagen.image.ImageDataGenerator} provides it): a warp plan per sample, the steps that
 * follow the warp, and the settings that shape batches. A flow plans every sample of a batch,
 * runs all the plans in one {@link Backend#warpBatch} call, then {@linkplain #finish finishes}
 * each sample in order.
 */
public interface Augmenter {
    /** One sample ready for the batch warp: the (resized) source and the plan that warps it into its slot. */
    interface PlannedSample {
        /** {@return the source to warp, already resized to the batch's image size} */
        SourceImage source();

        /** {@return the fused plan: geometry, fill, interpolation and, where possible, the color step} */
        WarpPlan plan();

        /** {@return whether the warp alone gives the final values ({@link #finish} does nothing for it)} */
        boolean finishedByWarp();
    }

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

    /** {@return the backend that runs the batch warps} */
    Backend backend();

    /**
     * Plans one sample: resizes {@code source} when a resize is configured, runs the pre-augmentation
     * hook, draws its random transform from {@code rng} (null: no augmentation, only standardization)
     * and builds its warp plan.
     *
     * @param source the source
     * @param rng the random source
     * @param context where the sample sits, for the hooks
     * @return the planned sample
     */
    PlannedSample plan(SourceImage source, RandomGenerator rng, SampleContext context);

    /**
     * Plans one sample whose resize is folded into its warp: the random transform is drawn for an image of
     * {@code size} (as {@link #plan} draws it for a source resized to that size), and the plan samples
     * {@code source}, whatever its size, directly, with the generator's interpolation: one resampling
     * instead of a resize and a warp, without the resize's antialiasing. With a pre-augmentation hook,
     * which must see the image at {@code size}, the source is first resampled to it by the warp.
     *
     * @param source the source at its own size
     * @param size the image's size in the batch, {@code {height, width}}
     * @param rng the random source (null: no augmentation, only standardization)
     * @param context where the sample sits, for the hooks
     * @return the planned sample, whose source keeps its own size
     */
    PlannedSample planResampled(SourceImage source, int[] size, RandomGenerator rng, SampleContext context);

    /**
     * Plans the segmentation mask of {@code image}: the same geometry, nearest interpolation, constant fill
     * with {@code fillValue}, no color step. A mask of another size than the resize target is first resized
     * by nearest neighbour.
     *
     * @param mask the mask
     * @param image the image
     * @param fillValue the fill value
     * @return the planned mask
     */
    PlannedSample planMask(SourceImage mask, PlannedSample image, double fillValue);

    /**
     * Runs the steps that are not part of the fused plan (channel shift, brightness, contrast, noise,
     * standardization when it could not be folded) on slot {@code slot} of {@code batch}, which the warp of
     * {@code sample} has written.
     *
     * @param sample the sample
     * @param batch the batch
     * @param slot the slot
     */
    void finish(PlannedSample sample, Tensor batch, int slot);

    /**
     * Checks that {@code source} has the size and channels of {@code slot}.
     *
     * @param source the source
     * @param slot the slot
     * @throws IllegalArgumentException naming both sizes
     */
    static void checkFits(SourceImage source, OutputSlot slot) {
        checkFits(source, slot.height(), slot.width(), slot.channels());
    }

    /**
     * Checks that {@code source} has the size and channels of a batch image of shape {@code imageShape}.
     *
     * @param source the source
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
