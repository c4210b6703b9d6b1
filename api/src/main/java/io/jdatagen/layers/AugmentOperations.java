package io.jdatagen.layers;

import io.jdatagen.augment.GeometricStep;
import io.jdatagen.augment.ImageShape;
import io.jdatagen.augment.PixelStep;
import io.jdatagen.augment.Step;
import io.jdatagen.augment.StepPipeline;
import io.jdatagen.boxes.BoundingBoxes;
import io.jdatagen.core.Tensor;
import io.jdatagen.flow.SampleContext;
import io.jdatagen.spi.Backend;
import io.jdatagen.spi.Backends;
import io.jdatagen.spi.OutputSlot;
import io.jdatagen.spi.PixelKernel;
import io.jdatagen.spi.PresizedWarp;
import io.jdatagen.spi.SourceImage;
import io.jdatagen.spi.WarpPlan;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The eleven operations {@link RandAugment} and {@link AugMix} pick from, built as Keras's constructors of
 * both build them from one {@code factor} (already {@code [low, high]}), {@code value_range},
 * {@code interpolation} and {@code seed}: {@code random_shear} ({@code x_factor = y_factor = factor}),
 * {@code random_translation} ({@code height_factor = width_factor = factor}), {@code random_rotation},
 * {@code random_brightness}, {@code random_color_degeneration}, {@code random_contrast},
 * {@code random_sharpness}, {@code random_posterization} ({@code factor = max(1, int(8·high))}),
 * {@code solarization} ({@code addition_factor = threshold_factor = factor}), {@code auto_contrast} and
 * {@code equalization}; the geometric ones keep their own defaults ({@code fill_mode="reflect"},
 * {@code fill_value=0}). Each runs as Keras's {@code transform_images} does, alone: a geometric operation
 * is a warp of its own on the backend given (by default {@link Backends#current()} at each warp).
 */
final class AugmentOperations {
    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

    private final Map<String, KerasLayer> layers;
    private final Backend backend;

    AugmentOperations(List<Number> factor, Object valueRange, String interpolation, Object seed, Backend backend) {
        this.backend = backend;
        Object f = List.copyOf(factor);
        Map<String, KerasLayer> m = new LinkedHashMap<>();
        m.put("random_shear", RandomShear.fromConfig(geometric(Map.of("x_factor", f, "y_factor", f), interpolation,
                seed)));
        m.put("random_translation", RandomTranslation.fromConfig(geometric(Map.of("height_factor", f,
                "width_factor", f), interpolation, seed)));
        m.put("random_rotation", RandomRotation.fromConfig(geometric(Map.of("factor", f), interpolation, seed)));
        m.put("random_brightness", RandomBrightness.fromConfig(color(Map.of("factor", f), valueRange, seed)));
        m.put("random_color_degeneration", RandomColorDegeneration.fromConfig(color(Map.of("factor", f),
                valueRange, seed)));
        m.put("random_contrast", RandomContrast.fromConfig(color(Map.of("factor", f), valueRange, seed)));
        m.put("random_sharpness", RandomSharpness.fromConfig(color(Map.of("factor", f), valueRange, seed)));
        m.put("random_posterization", RandomPosterization.fromConfig(color(Map.of("factor",
                Math.max(1, (int) (8 * factor.get(1).doubleValue()))), valueRange, seed)));
        m.put("solarization", Solarization.fromConfig(color(Map.of("addition_factor", f, "threshold_factor", f),
                valueRange, seed)));
        m.put("auto_contrast", AutoContrast.fromConfig(Map.of("value_range", valueRange)));
        m.put("equalization", Equalization.fromConfig(Map.of("value_range", valueRange)));
        this.layers = m;
    }

    private static Map<String, Object> geometric(Map<String, Object> factors, String interpolation, Object seed) {
        Map<String, Object> m = new HashMap<>(factors);
        m.put("interpolation", interpolation);
        m.put("seed", seed);
        return m;
    }

    private static Map<String, Object> color(Map<String, Object> factors, Object valueRange, Object seed) {
        Map<String, Object> m = new HashMap<>(factors);
        m.put("value_range", valueRange);
        m.put("seed", seed);
        return m;
    }

    /** {@return the layer Keras names {@code name} (its attribute name, e.g. {@code "random_shear"})} */
    KerasLayer layer(String name) {
        KerasLayer layer = layers.get(name);
        if (layer == null) {
            throw new IllegalArgumentException("unknown operation '" + name + "'; known: " + layers.keySet());
        }
        return layer;
    }

    /** {@return operation {@code name}'s own draw for one image, as its step takes it} */
    Object draw(String name, ImageShape image, RandomGenerator rng) {
        Step step = layer(name).step();
        if (step instanceof GeometricStep<?> g) {
            return g.draw(image, rng);
        }
        return ((PixelStep<?>) step).draw(image, rng);
    }

    /**
     * {@return {@code boxes} through operation {@code name}'s Keras {@code transform_bounding_boxes} with
     * {@code params}: the geometric operations move them ({@link BoxTransform}), the color ones return them as
     * they are, as Keras's color layers do}
     */
    @SuppressWarnings("unchecked")
    BoundingBoxes transformBoundingBoxes(String name, Object params, BoundingBoxes boxes, ImageShape shape) {
        KerasLayer layer = layer(name);
        if (layer instanceof BoxTransform<?> t) {
            return ((BoxTransform<Object>) t).transformBoundingBoxes(boxes, params, shape);
        }
        return boxes;
    }

    /**
     * {@return {@code image} through operation {@code name} with {@code params}; {@code image} may change} A
     * geometric operation warps as {@link StepPipeline#transformImage} does (the one plan its geometry makes:
     * never the identity, since the shear, translation and rotation always give a matrix, so the warp always
     * runs) and writes the result back into {@code image}.
     */
    Tensor apply(String name, Object params, Tensor image, ImageShape shape, SampleContext context) {
        applyInPlace(name, params, image.data(), 0, shape, context, PlainKernel.INSTANCE);
        return image;
    }

    /** {@return whether operation {@code name} is geometric: a warp of its own} */
    boolean geometric(String name) {
        return layer(name).step() instanceof GeometricStep<?>;
    }

    /**
     * Runs operation {@code name} with {@code params} on the image at {@code offset} of {@code data}, in place.
     * A color operation works there ({@link PixelStep#applyInPlace} with {@code kernel}'s passes; all eight do);
     * a geometric one warps from there into this thread's warp target and copies the result back.
     */
    @SuppressWarnings("unchecked")
    <P> void applyInPlace(String name, P params, float[] data, int offset, ImageShape shape, SampleContext context,
            PixelKernel kernel) {
        Step step = layer(name).step();
        if (step instanceof PixelStep<?> pixel) {
            PixelStep<P> p = (PixelStep<P>) pixel;
            if (!p.applyInPlace(params, data, offset, shape, context, kernel)) {
                throw new IllegalStateException("operation " + name + " did not run in place");
            }
            return;
        }
        int size = shape.size();
        float[] target = BUFFERS.get().target(size);
        warp(name, params, image(data, offset, shape), OutputSlot.image(tensor(target, shape), shape.format()), shape);
        System.arraycopy(target, 0, data, offset, size);
    }

    /**
     * Warps {@code source} through geometric operation {@code name} with {@code params} into {@code slot}, as
     * {@link StepPipeline#transformImage} warps (the one plan its geometry makes: never the identity, since
     * the shear, translation and rotation always give a matrix, so the warp always runs).
     */
    void warp(String name, Object params, SourceImage source, OutputSlot slot, ImageShape shape) {
        KerasLayer layer = layer(name);
        Step step = layer.step();
        StepPipeline warp = new StepPipeline(List.of(step), layer.resampling(), backend(), shape.format(), null, null);
        warp.warp(source, warp.given(Map.of(step, params)), slot);
    }

    /**
     * {@return this thread's stage image (another array than the warp target of {@link #applyInPlace}) holding
     * {@code source} as the slot of an image of {@code shape} would hold it after the pipeline's copy}
     */
    float[] copied(SourceImage source, ImageShape shape) {
        float[] stage = stage(shape);
        PresizedWarp.warp(backend(), source, WarpPlan.builder().build(),
                OutputSlot.image(tensor(stage, shape), shape.format()));
        return stage;
    }

    /**
     * {@return this thread's stage image for an image of {@code shape}, its values left as they were} Another
     * array than the warp target of {@link #applyInPlace}, so that a geometric operation can run there in place.
     */
    float[] stage(ImageShape shape) {
        return BUFFERS.get().stage(shape.size());
    }

    /** {@return the image of {@code shape} at {@code offset} of {@code data}, as a warp's source} */
    static SourceImage image(float[] data, int offset, ImageShape shape) {
        return SourceImage.of(data, offset, shape.height(), shape.width(), shape.channels(), shape.format());
    }

    /** {@return {@code data} as one image of {@code shape}} */
    static Tensor tensor(float[] data, ImageShape shape) {
        int[] image = shape.tensorShape();
        return Tensor.of(data, image[0], image[1], image[2]);
    }

    private Backend backend() {
        return backend != null ? backend : Backends.current();
    }

    /**
     * One thread's images for the operations, reused from call to call and replaced when the image size
     * changes: the warp target of a geometric operation in place, whose result is copied back into the image,
     * and the stage where {@link RandAugment} runs the operations before its last geometric one. A new image per
     * call would allocate and zero a whole image each time, for the collector to reclaim (224×224×3 floats
     * are a humongous object to G1). A warp or a copy writes every value of its target, so what an earlier call
     * left there is never read; nothing handed out of this class aliases them once a call returns.
     */
    private static final class Buffers {
        private float[] target = new float[0];
        private float[] stage = new float[0];

        float[] target(int size) {
            if (target.length != size) {
                target = new float[size];
            }
            return target;
        }

        float[] stage(int size) {
            if (stage.length != size) {
                stage = new float[size];
            }
            return stage;
        }
    }
}
