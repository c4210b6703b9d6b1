package io.jdatagen.layers;

import io.jdatagen.augment.ImageShape;
import io.jdatagen.augment.PixelStep;
import io.jdatagen.boxes.BoundingBoxes;
import io.jdatagen.flow.SampleContext;
import io.jdatagen.spi.Backend;
import io.jdatagen.spi.Backends;
import io.jdatagen.spi.OutputSlot;
import io.jdatagen.spi.PixelKernel;
import io.jdatagen.spi.SourceImage;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Keras 3's {@code RandAugment(value_range=(0, 255), num_ops=2, factor=0.5, interpolation="bilinear",
 * seed=None)}: each image runs {@code num_ops} operations, each picked uniformly (with repetition) from
 * Keras's eleven: {@link RandomShear} ({@code x_factor = y_factor = factor}), {@link RandomTranslation}
 * ({@code height_factor = width_factor = factor}), {@link RandomRotation}, {@link RandomBrightness},
 * {@link RandomColorDegeneration}, {@link RandomContrast}, {@link RandomSharpness},
 * {@link RandomPosterization} ({@code factor = max(1, int(8·factor[1]))}), {@link Solarization}
 * ({@code addition_factor = threshold_factor = factor}), {@link AutoContrast} and {@link Equalization}.
 * A number {@code f} as {@code factor} is {@code [0, f]}. The geometric operations keep Keras's defaults
 * ({@code fill_mode="reflect"}, {@code fill_value=0}) with this layer's interpolation.
 *
 * <p>As in Keras, an operation picked twice applies the same drawn magnitude twice, and the operations run
 * one after another on the image, each geometric one resampling it (Keras's {@code transform_images}); so
 * this layer is one {@link PixelStep} in both pipeline modes, never fused into a neighbouring warp. Its
 * geometric operations warp on the backend of the {@link KerasPipeline} that runs it, or on
 * {@link Backends#current()} outside one.
 * Keras picks the operations once per batch and draws their magnitudes per image; this layer picks them per
 * image, as every layer of this library draws (a batch of one is the same).
 *
 * @see <a href="https://keras.io/api/layers/preprocessing_layers/image_augmentation/rand_augment/">Keras RandAugment</a>
 */
public final class RandAugment extends KerasLayerBase implements InPlacePixelStep<RandAugment.Transformation>,
        BoxTransform<RandAugment.Transformation> {
    private static final Set<String> KEYS = Set.of("data_format", GeometricArgs.BOX_FORMAT, "value_range", "num_ops",
            "factor", "interpolation", "seed");
    /** Keras's {@code _AUGMENT_LAYERS}, in its order: the index Keras's {@code layer_idxes} hold. */
    static final List<String> OPERATIONS = List.of("random_shear", "random_translation", "random_rotation",
            "random_brightness", "random_color_degeneration", "random_contrast", "random_sharpness",
            "random_posterization", "solarization", "auto_contrast", "equalization");

    private final ColorConfigs.Base base;
    private final Object dataFormat;
    /** Keras's {@code bounding_box_format}, or null when the config has none (kept for the round trip). */
    private final Object boxFormat;
    private final Object valueRange;
    private final int numOps;
    private final List<Number> factor;
    private final String interpolation;
    private final Object seed;
    private final Backend backend;
    private final AugmentOperations operations;

    /**
     * One image's draws: Keras's {@code layer_idxes} and, for each picked operation, the transformation its
     * own layer draws (null for the operations not picked).
     *
     * @param layerIdxes the operations in the order they run, indices into Keras's list of eleven
     * @param transforms eleven entries in Keras's order: each picked operation's parameters as its own
     *     step takes them ({@link AutoContrast} and {@link Equalization}: {@code Boolean.TRUE})
     */
    record Transformation(int[] layerIdxes, Object[] transforms) {
    }

    /**
     * @param valueRange the images' {@code {min, max}}, Keras's default {@code {0, 255}}
     * @param numOps how many operations each image runs (Keras's default 2)
     * @param factor one number {@code f} in [0, 1] (the range {@code [0, f]}) or two; null for Keras's 0.5
     * @param interpolation the geometric operations' {@code "bilinear"} (Keras's default) or
     *     {@code "nearest"}
     * @param seed Keras's seed, kept for the config (draws come from the sample's stream), or null
     * @throws IllegalArgumentException with Keras's message for a factor outside [0, 1], or naming a
     *     negative {@code num_ops} or an unknown interpolation
     */
    public RandAugment(double[] valueRange, int numOps, double[] factor, String interpolation, Integer seed) {
        this(ColorConfigs.Base.named("rand_augment"), "channels_last", null,
                valueRange == null ? List.of(0, 255) : ColorConfigs.argument(valueRange), numOps,
                factor == null ? 0.5 : ColorConfigs.argument(factor),
                interpolation == null ? "bilinear" : interpolation, seed, null);
    }

    private RandAugment(ColorConfigs.Base base, Object dataFormat, Object boxFormat, Object valueRange, int numOps,
            Object factor, String interpolation, Object seed, Backend backend) {
        if (numOps < 0) {
            throw new IllegalArgumentException("num_ops must be at least 0; got " + numOps);
        }
        this.base = base;
        this.dataFormat = dataFormat;
        this.boxFormat = boxFormat;
        this.valueRange = valueRange;
        this.numOps = numOps;
        this.factor = ColorConfigs.factor(factor, 0, 1);
        this.interpolation = interpolation;
        this.seed = seed;
        this.backend = backend;
        this.operations = new AugmentOperations(this.factor, valueRange, interpolation, seed, backend);
    }

    /**
     * {@return the layer Keras's {@code get_config()} describes: {@code value_range}, {@code num_ops},
     * {@code factor}, {@code interpolation}, {@code seed}, {@code data_format}}
     *
     * @throws IllegalArgumentException with Keras's message for a bad factor, or for an unknown key
     */
    public static RandAugment fromConfig(Map<String, Object> config) {
        ColorConfigs.checkKeys("RandAugment", config, KEYS);
        Object numOps = config.getOrDefault("num_ops", 2);
        if (!(numOps instanceof Number n) || n.doubleValue() != n.intValue()) {
            throw new IllegalArgumentException("num_ops must be an integer; got " + numOps);
        }
        Object interpolation = config.getOrDefault("interpolation", "bilinear");
        return new RandAugment(ColorConfigs.Base.of(config, "rand_augment"),
                config.getOrDefault("data_format", "channels_last"), boxFormat(config),
                config.getOrDefault("value_range", List.of(0, 255)), n.intValue(),
                config.getOrDefault("factor", 0.5), String.valueOf(interpolation), config.get("seed"), null);
    }

    /** {@return this layer with its geometric operations warping on {@code kernels}} */
    RandAugment on(Backend kernels) {
        return new RandAugment(base, dataFormat, boxFormat, valueRange, numOps, factor, interpolation, seed, kernels);
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> m = base.start();
        m.put("data_format", dataFormat);
        if (boxFormat != null) {
            m.put(GeometricArgs.BOX_FORMAT, boxFormat);
        }
        m.put("value_range", valueRange);
        m.put("num_ops", numOps);
        m.put("factor", ColorConfigs.list(factor));
        m.put("interpolation", interpolation);
        m.put("seed", seed);
        return m;
    }

    /**
     * {@inheritDoc} Keras's order: the {@code num_ops} indices first (each uniform over the eleven), then the
     * picked operations' own draws in Keras's list order, each once however often it was picked.
     */
    @Override
    public Transformation draw(ImageShape image, RandomGenerator rng) {
        int[] idx = new int[numOps];
        for (int i = 0; i < numOps; i++) {
            idx[i] = rng.nextInt(OPERATIONS.size());
        }
        Object[] transforms = new Object[OPERATIONS.size()];
        for (int k = 0; k < transforms.length; k++) {
            for (int i : idx) {
                if (i == k) {
                    transforms[k] = operations.draw(OPERATIONS.get(k), image, rng);
                    break;
                }
            }
        }
        return new Transformation(idx, transforms);
    }

    /**
     * {@inheritDoc} The picked operations one after another, each where the image lies (a geometric one a warp
     * of its own into a scratch image, whose result is copied back).
     */
    @Override
    public boolean applyInPlace(Transformation t, float[] data, int offset, ImageShape shape, SampleContext context) {
        run(t, data, offset, shape, context, PlainKernel.INSTANCE);
        return true;
    }

    /** {@inheritDoc} Always, the contrast operation on {@code kernel}'s pass (the same bits on every backend). */
    @Override
    public boolean applyInPlace(Transformation t, float[] data, int offset, ImageShape shape, SampleContext context,
            PixelKernel kernel) {
        run(t, data, offset, shape, context, kernel);
        return true;
    }

    /**
     * {@inheritDoc} When an operation is geometric, the last geometric one warps into the slot, and the
     * operations before it run from the source on a stage image (each geometric one among them warping from
     * the source, or from the stage, as the first or a later operation), so that no warp's result is copied
     * back and the source is copied only when a color operation comes first. Without a geometric operation
     * this declines, and the pipeline copies the source into the slot for {@link #applyInPlace}.
     */
    @Override
    public boolean applyFrom(Transformation t, SourceImage source, OutputSlot slot, ImageShape shape,
            SampleContext context, PixelKernel kernel) {
        check(t);
        int[] picks = t.layerIdxes();
        int last = -1;
        for (int i = 0; i < picks.length; i++) {
            if (operations.geometric(OPERATIONS.get(picks[i]))) {
                last = i;
            }
        }
        if (last < 0) {
            return false;
        }
        float[] stage = null;
        for (int i = 0; i < last; i++) {
            String name = OPERATIONS.get(picks[i]);
            Object params = t.transforms()[picks[i]];
            if (stage == null && operations.geometric(name)) {
                stage = operations.stage(shape);
                operations.warp(name, params, source, OutputSlot.image(AugmentOperations.tensor(stage, shape),
                        shape.format()), shape);
            } else {
                stage = stage != null ? stage : operations.copied(source, shape);
                operations.applyInPlace(name, params, stage, 0, shape, context, kernel);
            }
        }
        operations.warp(OPERATIONS.get(picks[last]), t.transforms()[picks[last]],
                stage == null ? source : AugmentOperations.image(stage, 0, shape), slot, shape);
        for (int i = last + 1; i < picks.length; i++) {
            operations.applyInPlace(OPERATIONS.get(picks[i]), t.transforms()[picks[i]], slot.array(),
                    slot.baseOffset(), shape, context, kernel);
        }
        return true;
    }

    private void run(Transformation t, float[] data, int offset, ImageShape shape, SampleContext context,
            PixelKernel kernel) {
        check(t);
        for (int i : t.layerIdxes()) {
            operations.applyInPlace(OPERATIONS.get(i), t.transforms()[i], data, offset, shape, context, kernel);
        }
    }

    private static void check(Transformation t) {
        for (int i : t.layerIdxes()) {
            if (t.transforms()[i] == null) {
                throw new IllegalArgumentException("RandAugment's transformation picks operation " + i + " ("
                        + OPERATIONS.get(i) + ") but holds no parameters for it");
            }
        }
    }

    /**
     * {@return the boxes as Keras 3.15.1's {@code RandAugment.transform_bounding_boxes} moves them} Keras walks
     * its eleven operations in its list order and, for each one picked (once however often it was picked), runs
     * that operation's {@code transform_bounding_boxes} on the boxes so far: the shear, the translation and the
     * rotation move them (each clipping them to the image, {@link BoxTransform}), the color operations leave
     * them. So the boxes follow the pixels when at most one geometric operation is picked, once; the pixels run
     * the picks in their order and twice when picked twice, the boxes do not (Keras's arithmetic, kept in both
     * pipeline modes). Keras picks the operations once per batch; here each image's own picks move its boxes.
     * A null transformation (none drawn) leaves the boxes.
     */
    @Override
    public BoundingBoxes transformBoundingBoxes(BoundingBoxes boxes, Transformation transformation, ImageShape image) {
        if (transformation == null) {
            return boxes;
        }
        BoundingBoxes out = boxes;
        for (int k = 0; k < OPERATIONS.size(); k++) {
            if (picked(transformation.layerIdxes(), k)) {
                out = operations.transformBoundingBoxes(OPERATIONS.get(k), transformation.transforms()[k], out, image);
            }
        }
        return out;
    }

    private static boolean picked(int[] layerIdxes, int k) {
        for (int i : layerIdxes) {
            if (i == k) {
                return true;
            }
        }
        return false;
    }

    /** {@return the config's {@code bounding_box_format}, checked to be one of Keras's formats, or null} */
    private static Object boxFormat(Map<String, Object> config) {
        return GeometricArgs.base(config, "rand_augment").get(GeometricArgs.BOX_FORMAT);
    }
}
