package io.jdatagen.augment;

/**
 * One augmentation (or normalisation) of a {@link StepPipeline}. Drawing is separate from applying,
 * as in Keras ({@code get_random_transform} / {@code apply_transform} in Keras 2,
 * {@code get_random_transformation} / {@code transform_images} in Keras 3): a step draws its
 * parameters for one sample from that sample's random stream, and the pipeline applies the drawn
 * parameters, fused with its neighbours where the kind allows. The kind is one of four:
 * <ul>
 *   <li>{@link GeometricStep}: an affine map and the output size; all of a sample's geometric steps
 *       become one resampling;</li>
 *   <li>{@link ColorLinearStep}: a per-channel scale and offset, carried by the warp while no pixel step
 *       runs before it;</li>
 *   <li>{@link PixelStep}: any function of the warped image;</li>
 *   <li>{@link BatchStep}: a function of a whole batch, images and targets, run after every sample is done.</li>
 * </ul>
 * Steps are immutable and thread-safe: one step serves every sample of every batch.
 */
public sealed interface Step permits GeometricStep, ColorLinearStep, PixelStep, BatchStep {
    /**
     * {@return the step's name in messages (the class's simple name, or its full name for an anonymous
     * class, unless overridden)}
     */
    default String name() {
        String simple = getClass().getSimpleName();
        return simple.isEmpty() ? getClass().getName() : simple;
    }

    /**
     * {@return whether the step is an augmentation, skipped for samples that are not augmented (validation
     * data of a generator with {@code augmentValidation(false)}, a flow with {@code augment(false)}); false
     * for steps every sample gets, such as standardization}
     */
    default boolean augments() {
        return true;
    }
}
