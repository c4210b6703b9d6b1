package io.jdatagen.layers;

import io.jdatagen.augment.Geometry;
import io.jdatagen.augment.ImageShape;
import io.jdatagen.boxes.BoundingBoxes;
import io.jdatagen.boxes.BoxFormat;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Keras 3's {@code RandomShear}: each sample draws a sign (negative when a uniform number exceeds 0.5),
 * then a vertical shear from {@code y_factor}'s range and a horizontal one from {@code x_factor}'s, both
 * multiplied by the sign. Output pixel {@code (x, y)} reads input {@code (x + shear_x·y, y + shear_y·x)}
 * (no centring: the top-left corner stays). The drawn parameter is Keras's {@code shear_factor}:
 * {@code {shear_x, shear_y}} with the sign applied.
 *
 * @see <a href="https://keras.io/api/layers/preprocessing_layers/image_augmentation/random_shear/">Keras
 *     RandomShear</a>
 */
public final class RandomShear extends AffineLayer<double[]> implements BoxTransform<double[]> {
    private static final List<String> KEYS = List.of("x_factor", "y_factor", "fill_mode", "interpolation", "seed",
            "fill_value");
    private static final String FACTOR_ERROR = "The `factor` argument should be a number (or a list of two numbers)"
            + " in the range [0, 1.0]. ";
    private final double[] x;
    private final double[] y;

    /**
     * A shear with Keras's defaults: reflect fill, bilinear interpolation, fill value 0.
     *
     * @param xFactor {@code f} in {@code [0, 1]}: horizontal shears in {@code [-f, f]}
     * @param yFactor the same for vertical shears
     * @throws IllegalArgumentException for a factor outside {@code [0, 1]}
     */
    public RandomShear(double xFactor, double yFactor) {
        this(GeometricArgs.base("random_shear", "channels_last"), xFactor, yFactor, "reflect", "bilinear", null,
                0.0, 0);
    }

    /**
     * @param xFactor {@code {f}} (meaning {@code [-f, f]}) or {@code {lower, upper}}, each in {@code [0, 1]}
     * @param yFactor the same for vertical shears
     * @param interpolation nearest or bilinear
     * @param fillMode reflect, wrap, constant or nearest
     * @param fillValue what constant fill reads outside the image
     * @param dataFormat channels_last or channels_first, or null for channels_last
     * @param seed kept for the config (draws come from the sample's stream)
     * @throws IllegalArgumentException for a factor, mode or format Keras refuses, with Keras's message
     */
    public RandomShear(double[] xFactor, double[] yFactor, String interpolation, String fillMode, double fillValue,
            String dataFormat, Number seed) {
        this(GeometricArgs.base("random_shear", GeometricArgs.dataFormat(dataFormat)),
                GeometricArgs.factorValue(xFactor), GeometricArgs.factorValue(yFactor), fillMode, interpolation, seed,
                fillValue, 0);
    }

    private RandomShear(Map<String, Object> base, Object xFactor, Object yFactor, String fillMode,
            String interpolation, Number seed, double fillValue, double min) {
        super(base, fillMode, interpolation, fillValue, seed);
        this.x = GeometricArgs.factor(xFactor, "x_factor", min, false, 1, FACTOR_ERROR);
        this.y = GeometricArgs.factor(yFactor, "y_factor", min, false, 1, FACTOR_ERROR);
    }

    /**
     * {@return the layer Keras's {@code RandomShear.get_config()} describes (factors default to 0)} Keras writes
     * each factor as the range {@code [-f, f]} it drew from, which its own constructor (and so its
     * {@code from_config}) refuses for its negative bound; here a config's factors may lie in {@code [-1, 1]},
     * so that what Keras writes loads.
     *
     * @throws IllegalArgumentException for an unknown key or a value Keras refuses
     */
    public static RandomShear fromConfig(Map<String, Object> config) {
        GeometricArgs.checkKeys("RandomShear", config, KEYS);
        return new RandomShear(GeometricArgs.base(config, "random_shear"), orZero(config.get("x_factor")),
                orZero(config.get("y_factor")), GeometricArgs.string(config, "fill_mode", "reflect"),
                GeometricArgs.string(config, "interpolation", "bilinear"), GeometricArgs.seed(config),
                GeometricArgs.number(config, "fill_value", 0.0), -1);
    }

    private static Object orZero(Object factor) {
        return factor == null ? (Object) 0.0 : factor;
    }

    /** {@return the parameter of Keras's transformation {@code {"shear_factor": [[shear_x, shear_y]]}}} */
    static double[] given(double shearX, double shearY) {
        return new double[] {shearX, shearY};
    }

    /** {@return the config, with the factors as the {@code [lower, upper]} ranges Keras writes} */
    @Override
    public Map<String, Object> getConfig() {
        return factorsConfig("x_factor", List.of(x[0], x[1]), "y_factor", List.of(y[0], y[1]));
    }

    /** {@return {@code {shear_x, shear_y}}: the sign is drawn first, then shear_y, then shear_x} */
    @Override
    public double[] draw(ImageShape image, RandomGenerator rng) {
        double sign = rng.nextDouble() > 0.5 ? -1 : 1;
        double sy = y[0] + (y[1] - y[0]) * rng.nextDouble();
        double sx = x[0] + (x[1] - x[0]) * rng.nextDouble();
        return new double[] {sx * sign, sy * sign};
    }

    @Override
    public Geometry geometry(double[] shear, ImageShape image) {
        return Geometry.inverse(inverse(1, shear[0], 0, shear[1], 1, 0), image.height(), image.width());
    }

    /**
     * {@return Keras's {@code RandomShear.transform_bounding_boxes}: in {@code rel_xyxy}, the x bounds moved by
     * {@code −shear_x·y} (at the top or bottom edge, by the sign), then the y bounds by {@code −shear_y·x} using the
     * moved x bounds, clipped to {@code [0, 1]} and marked, back in the boxes' format} As in Keras 3.15.1 this works
     * on relative coordinates, so it follows the pixels only on square images.
     */
    @Override
    public BoundingBoxes transformBoundingBoxes(BoundingBoxes boxes, double[] shear, ImageShape image) {
        double h = image.height();
        double w = image.width();
        double sx = shear[0];
        double sy = shear[1];
        BoundingBoxes sheared = KerasBoxes.map(boxes.convert(BoxFormat.REL_XYXY, h, w), BoxFormat.REL_XYXY, b -> {
            double x1 = sx < 0 ? b[0] - sx * b[1] : b[0] - sx * b[3];
            double x2 = sx < 0 ? b[2] - sx * b[3] : b[2] - sx * b[1];
            double y1 = sy > 0 ? b[1] - sy * x2 : b[1] - sy * x1;
            double y2 = sy > 0 ? b[3] - sy * x1 : b[3] - sy * x2;
            return new double[] {x1, y1, x2, y2};
        });
        return sheared.clipToImageSize(h, w).convert(boxes.format(), h, w);
    }
}
