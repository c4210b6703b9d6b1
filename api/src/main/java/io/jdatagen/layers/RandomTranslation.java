package io.jdatagen.layers;

import io.jdatagen.augment.Geometry;
import io.jdatagen.augment.ImageShape;
import io.jdatagen.boxes.BoundingBoxes;
import io.jdatagen.boxes.BoxFormat;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Keras 3's {@code RandomTranslation}: each sample shifts by a fraction of its height drawn uniformly from
 * {@code height_factor}'s range, then by a fraction of its width from {@code width_factor}'s (drawn in that
 * order); a positive shift moves the content down or right. The drawn parameter is Keras's
 * {@code translations} for one sample: {@code {width shift, height shift}} in pixels.
 *
 * @see <a href="https://keras.io/api/layers/preprocessing_layers/image_augmentation/random_translation/">Keras
 *     RandomTranslation</a>
 */
public final class RandomTranslation extends AffineLayer<double[]> implements BoxTransform<double[]> {
    private static final List<String> KEYS = List.of("height_factor", "width_factor", "fill_mode", "interpolation",
            "seed", "fill_value");
    private static final String FACTOR_ERROR = "The `factor` argument should be a number (or a list of two numbers)"
            + " in the range [-1.0, 1.0]. ";
    private final Object heightFactor;
    private final Object widthFactor;
    private final double[] height;
    private final double[] width;

    /**
     * A translation with Keras's defaults: reflect fill, bilinear interpolation, fill value 0.
     *
     * @param heightFactor {@code f}: shifts in {@code [-|f|, |f|]} of the height, {@code f} in {@code [-1, 1]}
     * @param widthFactor the same for the width
     * @throws IllegalArgumentException for a factor outside {@code [-1, 1]}
     */
    public RandomTranslation(double heightFactor, double widthFactor) {
        this(GeometricArgs.base("random_translation", "channels_last"), heightFactor, widthFactor, "reflect",
                "bilinear", null, 0.0);
    }

    /**
     * @param heightFactor {@code {f}} (meaning {@code [-|f|, |f|]}) or {@code {lower, upper}}, fractions of the
     *     height in {@code [-1, 1]}
     * @param widthFactor the same for the width
     * @param fillMode reflect, wrap, constant or nearest
     * @param interpolation nearest or bilinear
     * @param seed kept for the config (draws come from the sample's stream)
     * @param fillValue what constant fill reads outside the image
     * @param dataFormat channels_last or channels_first, or null for channels_last
     * @throws IllegalArgumentException for a factor, mode or format Keras refuses, with Keras's message
     */
    public RandomTranslation(double[] heightFactor, double[] widthFactor, String fillMode, String interpolation,
            Number seed, double fillValue, String dataFormat) {
        this(GeometricArgs.base("random_translation", GeometricArgs.dataFormat(dataFormat)),
                GeometricArgs.factorValue(heightFactor), GeometricArgs.factorValue(widthFactor), fillMode,
                interpolation, seed, fillValue);
    }

    private RandomTranslation(Map<String, Object> base, Object heightFactor, Object widthFactor, String fillMode,
            String interpolation, Number seed, double fillValue) {
        super(base, fillMode, interpolation, fillValue, seed);
        this.height = GeometricArgs.factor(heightFactor, "height_factor", -1, false, 1, FACTOR_ERROR);
        this.width = GeometricArgs.factor(widthFactor, "width_factor", -1, false, 1, FACTOR_ERROR);
        this.heightFactor = heightFactor;
        this.widthFactor = widthFactor;
    }

    /**
     * {@return the layer Keras's {@code RandomTranslation.get_config()} describes}
     *
     * @throws IllegalArgumentException for a missing factor, an unknown key or a value Keras refuses
     */
    public static RandomTranslation fromConfig(Map<String, Object> config) {
        GeometricArgs.checkKeys("RandomTranslation", config, KEYS);
        return new RandomTranslation(GeometricArgs.base(config, "random_translation"),
                GeometricArgs.required("RandomTranslation", config, "height_factor"),
                GeometricArgs.required("RandomTranslation", config, "width_factor"),
                GeometricArgs.string(config, "fill_mode", "reflect"),
                GeometricArgs.string(config, "interpolation", "bilinear"), GeometricArgs.seed(config),
                GeometricArgs.number(config, "fill_value", 0.0));
    }

    /** {@return the parameter of Keras's transformation {@code {"translations": [[dx, dy]]}}, in pixels} */
    static double[] given(double widthShift, double heightShift) {
        return new double[] {widthShift, heightShift};
    }

    @Override
    public Map<String, Object> getConfig() {
        return factorsConfig("height_factor", heightFactor, "width_factor", widthFactor);
    }

    /** {@return {@code {width shift, height shift}} in pixels: the height's fraction is drawn first} */
    @Override
    public double[] draw(ImageShape image, RandomGenerator rng) {
        double dy = (height[0] + (height[1] - height[0]) * rng.nextDouble()) * image.height();
        double dx = (width[0] + (width[1] - width[0]) * rng.nextDouble()) * image.width();
        return new double[] {dx, dy};
    }

    @Override
    public Geometry geometry(double[] shift, ImageShape image) {
        return Geometry.inverse(inverse(1, 0, -shift[0], 0, 1, -shift[1]), image.height(), image.width());
    }

    /**
     * {@return Keras's {@code RandomTranslation.transform_bounding_boxes}: the boxes in {@code xyxy} moved by the
     * shift, clipped to the image and marked, in the boxes' format}
     */
    @Override
    public BoundingBoxes transformBoundingBoxes(BoundingBoxes boxes, double[] shift, ImageShape image) {
        double h = image.height();
        double w = image.width();
        BoundingBoxes moved = KerasBoxes.map(boxes.convert(BoxFormat.XYXY, h, w), BoxFormat.XYXY,
                b -> new double[] {b[0] + shift[0], b[1] + shift[1], b[2] + shift[0], b[3] + shift[1]});
        return moved.clipToImageSize(h, w).convert(boxes.format(), h, w);
    }
}
