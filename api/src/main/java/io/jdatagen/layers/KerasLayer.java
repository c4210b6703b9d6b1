package io.jdatagen.layers;

import io.jdatagen.augment.Resampling;
import io.jdatagen.augment.Step;
import java.util.Map;

/**
 * One Keras 3 image layer: Keras's class name and configuration, and the {@link Step} it runs as. The
 * step draws what Keras's {@code get_random_transformation} draws (from the sample's keyed stream, not
 * TensorFlow's generator) and applies it as Keras's {@code transform_images} does.
 */
public interface KerasLayer {
    /** {@return Keras's class name, as a config's {@code "class_name"} gives it, e.g. {@code "RandomFlip"}} */
    String className();

    /**
     * {@return the layer's arguments as Keras's {@code get_config()} writes them: Keras's argument names,
     * values as JSON holds them (numbers, strings, booleans, lists, null), in Keras's key order}
     */
    Map<String, Object> getConfig();

    /** {@return the step that runs this layer (often the layer itself)} */
    Step step();

    /**
     * {@return how a geometric layer's warp samples (interpolation, fill mode and value), or null for a
     * layer that moves no pixel} Consecutive geometric layers fuse into one warp only when they sample
     * alike.
     */
    default Resampling resampling() {
        return null;
    }
}
