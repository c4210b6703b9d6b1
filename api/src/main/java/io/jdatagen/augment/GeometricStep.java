package io.jdatagen.augment;

import java.util.random.RandomGenerator;

/**
 * A step that moves pixels: it contributes an affine map (and may change the image size). Every
 * geometric step of a pipeline joins one warp per sample, in list order, before any other kind of
 * step, so a chain of them resamples the image once; with nearest interpolation on maps that send
 * pixel centres to pixel centres (flips, quarter turns, integer shifts) the result is an exact
 * permutation of the source pixels.
 *
 * @param <P> the drawn parameters of one sample
 */
public non-sealed interface GeometricStep<P> extends Step {
    /**
     * Draws this step's parameters for one sample.
     *
     * @param image the shape of the image this step receives (after the geometric steps before it)
     * @param rng the sample's stream: draw in a fixed order so that a seed gives the same sample
     * @return the parameters, or null when the step leaves this sample unchanged
     */
    P draw(ImageShape image, RandomGenerator rng);

    /**
     * {@return the geometry of {@code params} on an image of {@code image}'s shape}
     *
     * @param params parameters {@link #draw} returned (never null)
     * @param image the shape of the image this step receives
     */
    Geometry geometry(P params, ImageShape image);
}
