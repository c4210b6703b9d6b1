package io.jdatagen.augment;

import io.jdatagen.core.Tensor;
import io.jdatagen.flow.SampleContext;
import io.jdatagen.spi.OutputSlot;
import io.jdatagen.spi.PixelKernel;
import io.jdatagen.spi.SourceImage;
import java.util.random.RandomGenerator;

/**
 * A step that runs on the warped image, any function of its values of the same shape. Pixel steps run
 * after the batch's warp, per sample in list order. A color-linear step after an active pixel step can no
 * longer ride in the warp.
 *
 * @param <P> the drawn parameters of one sample
 */
public non-sealed interface PixelStep<P> extends Step {
    /**
     * Draws this step's parameters for one sample: with the other steps before the warp, or right
     * before {@link #apply} when {@link #drawsAfterWarp()}.
     *
     * @param image the shape of the image after the geometric steps
     * @param rng the sample's stream; null for a sample that is not augmented (only steps whose
     *     {@link #augments()} is false are drawn then)
     * @return the parameters, or null when the step leaves this sample unchanged
     */
    P draw(ImageShape image, RandomGenerator rng);

    /**
     * Applies {@code params} to one warped image.
     *
     * @param params parameters {@link #draw} returned (never null)
     * @param image the image, rank 3 in {@code shape}'s format; may be changed in place
     * @param shape the image's shape
     * @param context where the sample sits in its flow ({@link SampleContext#NONE} outside one)
     * @return the result: {@code image} itself or a new tensor of its shape
     */
    Tensor apply(P params, Tensor image, ImageShape shape, SampleContext context);

    /**
     * Applies {@code params} to one warped image that lies in a larger array (one slot of a batch), in
     * place, when this step can: the image is the {@code height · width · channels} values of {@code data}
     * from {@code offset}, laid out in {@code shape}'s format as {@link #apply} has them. A step that can
     * returns true having left there, bit for bit, what {@link #apply} would return; the pipeline then runs
     * the image's next step on the slot too, without copying the image out and back. The default returns
     * false without touching {@code data}, and the pipeline runs {@link #apply} on a copy of the image.
     *
     * @param params parameters {@link #draw} returned (never null)
     * @param context where the sample sits in its flow ({@link SampleContext#NONE} outside one)
     * @return whether the step ran; false leaves {@code data} unchanged
     */
    default boolean applyInPlace(P params, float[] data, int offset, ImageShape shape, SampleContext context) {
        return false;
    }

    /**
     * {@link #applyInPlace(Object, float[], int, ImageShape, SampleContext)} with the element-wise passes of the
     * pipeline's backend at hand, for a step whose arithmetic one of them is (the same bits on every backend,
     * faster on some). The default ignores {@code kernel}.
     *
     * @param params parameters {@link #draw} returned (never null)
     * @param context where the sample sits in its flow ({@link SampleContext#NONE} outside one)
     * @param kernel the pipeline's backend
     * @return whether the step ran; false leaves {@code data} unchanged
     */
    default boolean applyInPlace(P params, float[] data, int offset, ImageShape shape, SampleContext context,
            PixelKernel kernel) {
        return applyInPlace(params, data, offset, shape, context);
    }

    /**
     * Applies {@code params} to the image {@code source} and writes the result into {@code slot}, when this
     * step can read the image where it lies rather than from a copy in the slot. The pipeline calls this
     * instead of copying the source into the slot and calling {@link #applyInPlace(Object, float[], int,
     * ImageShape, SampleContext, PixelKernel) applyInPlace} there, for a sample whose warp would only copy
     * (no geometry, flip, color or resize) and whose first step after the warp is this one, on a backend
     * that warps sample by sample. A step that returns true has left in the slot, bit for bit, what that
     * copy and {@code applyInPlace} would have left: a step that resamples the image writes its warp
     * straight into the slot, and the copy is saved. The default returns false without touching the slot.
     *
     * @param params parameters {@link #draw} returned (never null)
     * @param source the sample's image, of {@code shape}'s size and channels (its layout and element type
     *     may differ from the slot's)
     * @param slot the sample's slot of a heap batch, in {@code shape}'s format
     * @param context where the sample sits in its flow ({@link SampleContext#NONE} outside one)
     * @param kernel the pipeline's backend
     * @return whether the step ran; false leaves the slot unchanged
     */
    default boolean applyFrom(P params, SourceImage source, OutputSlot slot, ImageShape shape,
            SampleContext context, PixelKernel kernel) {
        return false;
    }

    /**
     * {@return whether this step draws after the warp, right before it applies, rather than with the
     * steps before the warp} When a flow replays one stream for a whole batch (Keras's streams), steps
     * that draw before the warp draw sample after sample first, then these draw sample after sample: a
     * step that draws one number per pixel (noise) draws late so that it leaves the other steps' values
     * where Keras has them. False by default.
     */
    default boolean drawsAfterWarp() {
        return false;
    }
}
