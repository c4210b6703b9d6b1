package io.jdatagen.layers;

import io.jdatagen.augment.Step;

/**
 * What every layer of this package shares: its Keras class name is its Java class's simple name, it runs
 * as its own step (each subclass implements the step kind it is: {@link io.jdatagen.augment.GeometricStep},
 * {@link io.jdatagen.augment.ColorLinearStep}, {@link io.jdatagen.augment.PixelStep} or
 * {@link io.jdatagen.augment.BatchStep}), and its step is named by the {@code name} in its config.
 */
abstract class KerasLayerBase implements KerasLayer {
    @Override
    public final String className() {
        return getClass().getSimpleName();
    }

    @Override
    public final Step step() {
        return (Step) this;
    }

    /** {@return the layer's Keras name, as its config gives it (in the messages of the steps' errors)} */
    public String name() {
        return String.valueOf(getConfig().get("name"));
    }
}
