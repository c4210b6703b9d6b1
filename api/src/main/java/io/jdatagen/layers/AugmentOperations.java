package io.jdatagen.layers;

import io.jdatagen.augment.Drawn;
import io.jdatagen.augment.GeometricStep;
import io.jdatagen.augment.ImageShape;
import io.jdatagen.augment.PixelStep;
import io.jdatagen.augment.Step;
import io.jdatagen.augment.StepPipeline;
import io.jdatagen.boxes.BoundingBoxes;
import io.jdatagen.core.Tensor;
import io.jdatagen.flow.SampleBatch;
import io.jdatagen.flow.SampleContext;
import io.jdatagen.spi.Backend;
import io.jdatagen.spi.Backends;
import io.jdatagen.spi.PixelKernel;
import io.jdatagen.spi.SourceImage;
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

    /**
     * Runs operation {@code name} with {@code params} on the image at {@code offset} of {@code data}, in place.
     * A color operation works there ({@link PixelStep#applyInPlace} with {@code kernel}'s passes; all eight do);
     * a geometric one warps from there into this thread's warp target and copies the result back.
     */
    @SuppressWarnings("unchecked")
    <P> void applyInPlace(String name, P params, float[] data, int offset, ImageShape shape, SampleContext context,
            PixelKernel kernel) {
        KerasLayer layer = layer(name);
        Step step = layer.step();
        int size = shape.size();
        if (step instanceof PixelStep<?> pixel) {
            PixelStep<P> p = (PixelStep<P>) pixel;
            if (!p.applyInPlace(params, data, offset, shape, context, kernel)) {
                throw new IllegalStateException("operation " + name + " did not run in place");
            }
            return;
        }
        StepPipeline warp = new StepPipeline(List.of(step), layer.resampling(),
                backend != null ? backend : Backends.current(), shape.format(), null, null);
        float[] spare = BUFFERS.get().sized(size).floats;
        int[] image = shape.tensorShape();
        Tensor into = Tensor.of(spare, 1, image[0], image[1], image[2]);
        SourceImage source = SourceImage.of(data, offset, shape.height(), shape.width(), shape.channels(),
                shape.format());
        warp.transform(SampleBatch.into(List.of(source), into, shape.format()).build(),
                new Drawn[] {warp.given(Map.of(step, params))});
        System.arraycopy(spare, 0, data, offset, size);
    }

    /**
     * One thread's warp target for the geometric operations, reused from call to call and replaced when the
     * image size changes: the result is copied back into the image, where a new image per warp would allocate
     * and zero a whole image each time, for the collector to reclaim (224×224×3 floats are a humongous object
     * to G1). The warp writes every value of its target, so what an earlier call left there is never read;
     * the result is copied out before the call returns, so nothing handed out aliases the buffer.
     */
    private static final class Buffers {
        float[] floats = new float[0];

        Buffers sized(int size) {
            if (floats.length != size) {
                floats = new float[size];
            }
            return this;
        }
    }
}
