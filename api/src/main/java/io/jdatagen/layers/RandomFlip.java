package io.jdatagen.layers;

import io.jdatagen.augment.GeometricStep;
import io.jdatagen.augment.Geometry;
import io.jdatagen.augment.ImageShape;
import io.jdatagen.augment.Resampling;
import io.jdatagen.boxes.BoundingBoxes;
import io.jdatagen.boxes.BoxFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Keras 3's {@code RandomFlip}: each sample draws one uniform number and is flipped when it is at most
 * 0.5; in {@code "horizontal_and_vertical"} mode that one coin flips both axes together (Keras does not
 * draw per axis). The drawn parameter is Keras's {@code flips}: true to flip. A flip moves pixel centres
 * onto pixel centres, so it is exact with any resampling.
 *
 * @see <a href="https://keras.io/api/layers/preprocessing_layers/image_augmentation/random_flip/">Keras
 *     RandomFlip</a>
 */
public final class RandomFlip extends KerasLayerBase implements GeometricStep<Boolean>, BoxTransform<Boolean> {
    /** The modes Keras names: which axes a drawn flip mirrors. */
    private static final List<String> MODES = List.of("horizontal", "vertical", "horizontal_and_vertical");
    private static final List<String> KEYS = List.of("seed", "mode");
    private static final Resampling NEAREST = GeometricArgs.resampling("constant", "nearest", 0.0);
    private final Map<String, Object> base;
    private final Number seed;
    private final String mode;

    /** A flip of both axes, Keras's default mode. */
    public RandomFlip() {
        this("horizontal_and_vertical", null, null);
    }

    /**
     * @param mode horizontal (columns mirrored), vertical (rows mirrored) or horizontal_and_vertical
     * @param seed kept for the config (draws come from the sample's stream)
     * @param dataFormat channels_last or channels_first, or null for channels_last
     * @throws IllegalArgumentException for another mode or data format
     */
    public RandomFlip(String mode, Number seed, String dataFormat) {
        this(GeometricArgs.base("random_flip", GeometricArgs.dataFormat(dataFormat)), mode, seed);
    }

    private RandomFlip(Map<String, Object> base, String mode, Number seed) {
        if (!MODES.contains(mode)) {
            throw new IllegalArgumentException("RandomFlip layer mode must be one of " + MODES + "; got: " + mode);
        }
        this.base = base;
        this.mode = mode;
        this.seed = GeometricArgs.seed(seed);
    }

    /**
     * {@return the layer Keras's {@code RandomFlip.get_config()} describes}
     *
     * @throws IllegalArgumentException for an unknown key, mode or data format
     */
    public static RandomFlip fromConfig(Map<String, Object> config) {
        GeometricArgs.checkKeys("RandomFlip", config, KEYS);
        return new RandomFlip(GeometricArgs.base(config, "random_flip"),
                GeometricArgs.string(config, "mode", "horizontal_and_vertical"), GeometricArgs.seed(config));
    }

    /** {@return the parameter of Keras's transformation {@code {"flips": flips}}} */
    static Boolean given(boolean flips) {
        return flips;
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> m = new LinkedHashMap<>(base);
        m.put("seed", seed);
        m.put("mode", mode);
        return m;
    }

    /**
     * {@return nearest sampling: a flip reads pixel centres, so any sampling gives the same values} In a
     * fused pipeline a flip joins the warp of the geometric layers around it whatever their sampling.
     */
    @Override
    public Resampling resampling() {
        return NEAREST;
    }

    /** {@return true when the sample flips (one uniform draw at most 0.5), or null when it does not} */
    @Override
    public Boolean draw(ImageShape image, RandomGenerator rng) {
        return rng.nextDouble() <= 0.5 ? Boolean.TRUE : null;
    }

    @Override
    public Geometry geometry(Boolean flips, ImageShape image) {
        if (!flips) {
            return Geometry.inverse(null, image.height(), image.width());
        }
        boolean rows = !mode.equals("horizontal");
        boolean cols = !mode.equals("vertical");
        return Geometry.flip(rows, cols, image.height(), image.width());
    }

    /**
     * {@return Keras's {@code RandomFlip.transform_bounding_boxes}: the boxes in {@code rel_xyxy}, mirrored
     * ({@code x → 1 − x} horizontally, {@code y → 1 − y} vertically) when the sample flips, clipped and marked as
     * Keras's {@code clip_to_image_size} in {@code "xyxy"} with the image's size (so relative coordinates are
     * clipped below at 0 but not above at 1, as in Keras), and back in the boxes' format} A null transformation
     * is Keras's {@code flips=False}: the clip still runs.
     */
    @Override
    public BoundingBoxes transformBoundingBoxes(BoundingBoxes boxes, Boolean flips, ImageShape image) {
        double h = image.height();
        double w = image.width();
        boolean flip = Boolean.TRUE.equals(flips);
        boolean horizontal = flip && !mode.equals("vertical");
        boolean vertical = flip && !mode.equals("horizontal");
        BoundingBoxes rel = KerasBoxes.map(boxes.convert(BoxFormat.REL_XYXY, h, w), BoxFormat.REL_XYXY, b -> {
            double[] x = horizontal ? new double[] {1 - b[2], b[1], 1 - b[0], b[3]} : b;
            return vertical ? new double[] {x[0], 1 - x[3], x[2], 1 - x[1]} : x;
        });
        return KerasBoxes.clipAsXyxy(rel, h, w).convert(boxes.format(), h, w);
    }
}
