package io.jdatagen.layers;

import io.jdatagen.augment.ImageShape;
import io.jdatagen.augment.PixelStep;
import io.jdatagen.core.Tensor;
import io.jdatagen.flow.SampleContext;

/**
 * A pixel layer whose arithmetic reads only the image's own values, so that it always works where the image
 * lies: {@link #apply} runs {@link #applyInPlace} on the tensor's array from index 0 and returns the tensor.
 *
 * @param <P> the parameters the layer draws per image
 */
interface InPlacePixelStep<P> extends PixelStep<P> {
    /** {@inheritDoc} The image itself, changed by {@link #applyInPlace}. */
    @Override
    default Tensor apply(P params, Tensor image, ImageShape shape, SampleContext context) {
        applyInPlace(params, image.data(), 0, shape, context);
        return image;
    }

    /** {@inheritDoc} Always true. */
    @Override
    boolean applyInPlace(P params, float[] data, int offset, ImageShape shape, SampleContext context);
}
