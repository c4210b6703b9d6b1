package io.jdatagen.augment;

import io.jdatagen.core.DataFormat;
import io.jdatagen.core.Tensor;
import io.jdatagen.flow.SampleContext;
import java.util.random.RandomGenerator;

/**
 * A step that maps each value linearly per channel, {@code y = scale[c]·x + offset[c]}. While no pixel
 * step runs before it on a sample, the pipeline folds it into the warp plan's color step (consecutive
 * ones into one map); otherwise {@link #apply} runs on the warped image, in list order.
 *
 * @param <P> the drawn parameters of one sample
 */
public non-sealed interface ColorLinearStep<P> extends Step {
    /**
     * Draws this step's parameters for one sample.
     *
     * @param image the shape of the image after the geometric steps
     * @param rng the sample's stream; null for a sample that is not augmented (only steps whose
     *     {@link #augments()} is false are drawn then)
     * @return the parameters, or null when the step leaves this sample unchanged
     */
    P draw(ImageShape image, RandomGenerator rng);

    /**
     * {@return the map of {@code params} for an image of {@code image}'s shape}
     *
     * @param params parameters {@link #draw} returned (never null)
     * @param image the shape of the image after the geometric steps
     */
    ColorLinear color(P params, ImageShape image);

    /**
     * Applies {@code params} to a warped image when the map cannot be folded into the warp. The default
     * applies {@link #color}'s map in float32; a step whose exact arithmetic differs (Keras's
     * standardize, in double) overrides it.
     *
     * @param params parameters {@link #draw} returned (never null)
     * @param image the image, rank 3 in {@code shape}'s format; may be changed in place
     * @param shape the image's shape
     * @param context where the sample sits in its flow ({@link SampleContext#NONE} outside one)
     * @return the result: {@code image} itself or a new tensor of its shape
     */
    default Tensor apply(P params, Tensor image, ImageShape shape, SampleContext context) {
        ColorLinear map = color(params, shape);
        float[] scale = map.scale();
        float[] offset = map.offset();
        float[] x = image.data();
        int plane = shape.height() * shape.width();
        boolean first = shape.format() == DataFormat.CHANNELS_FIRST;
        for (int k = 0; k < x.length; k++) {
            int c = first ? k / plane : k % shape.channels();
            x[k] = scale[c] * x[k] + offset[c];
        }
        return image;
    }
}
