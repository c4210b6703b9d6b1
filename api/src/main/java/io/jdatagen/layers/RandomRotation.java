package io.jdatagen.layers;

import io.jdatagen.augment.Geometry;
import io.jdatagen.augment.ImageShape;
import io.jdatagen.boxes.BoundingBoxes;
import io.jdatagen.boxes.BoxFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Keras 3's {@code RandomRotation}: each sample turns by an angle drawn uniformly from
 * {@code [factor[0]·360°, factor[1]·360°)} about the image centre {@code ((w−1)/2, (h−1)/2)}; a positive
 * angle turns counter-clockwise. The drawn parameter is Keras's {@code angle} in degrees.
 *
 * @see <a href="https://keras.io/api/layers/preprocessing_layers/image_augmentation/random_rotation/">Keras
 *     RandomRotation</a>
 */
public final class RandomRotation extends AffineLayer<Double> implements BoxTransform<Double> {
    private static final List<String> KEYS = List.of("factor", "fill_mode", "fill_value", "interpolation", "seed");
    private static final String FACTOR_ERROR = "The `factor` argument should be a number (or a list of two numbers)"
            + " in the range [-1, 1]. ";
    private final double lower;
    private final double upper;

    /**
     * A rotation with Keras's defaults: reflect fill, bilinear interpolation, fill value 0.
     *
     * @param factor the fraction of a full turn: {@code f} means {@code [-|f|, |f|]}
     * @throws IllegalArgumentException for a factor outside {@code [-1, 1]}
     */
    public RandomRotation(double factor) {
        this(new double[] {factor}, "reflect", "bilinear", null, 0.0, "channels_last");
    }

    /**
     * @param factor {@code {f}} (meaning {@code [-|f|, |f|]}) or {@code {lower, upper}}, fractions of a full
     *     turn in {@code [-1, 1]}
     * @param fillMode reflect, wrap, constant or nearest
     * @param interpolation nearest or bilinear
     * @param seed kept for the config (draws come from the sample's stream)
     * @param fillValue what constant fill reads outside the image
     * @param dataFormat channels_last or channels_first, or null for channels_last
     * @throws IllegalArgumentException for a factor, mode or format Keras refuses, with Keras's message
     */
    public RandomRotation(double[] factor, String fillMode, String interpolation, Number seed, double fillValue,
            String dataFormat) {
        this(GeometricArgs.base("random_rotation", GeometricArgs.dataFormat(dataFormat)),
                GeometricArgs.factorValue(factor),
                fillMode, interpolation, seed, fillValue);
    }

    private RandomRotation(Map<String, Object> base, Object factor, String fillMode, String interpolation, Number seed,
            double fillValue) {
        super(base, fillMode, interpolation, fillValue, seed);
        double[] f = baseFactor(factor);
        this.lower = f[0];
        this.upper = f[1];
    }

    /** Keras's base-layer factor: a number f gives {@code [max(-|f|, -1), |f|]}; a pair is sorted. */
    private static double[] baseFactor(Object factor) {
        if (factor instanceof List<?> l && l.size() == 2 && l.get(0) instanceof Number a
                && l.get(1) instanceof Number b) {
            if (a.doubleValue() > 1 || b.doubleValue() < -1) {
                throw new IllegalArgumentException(FACTOR_ERROR + "Received: factor=" + factor);
            }
            return new double[] {Math.min(a.doubleValue(), b.doubleValue()), Math.max(a.doubleValue(),
                    b.doubleValue())};
        }
        if (factor instanceof Number n && n.doubleValue() >= -1 && n.doubleValue() <= 1) {
            double f = Math.abs(n.doubleValue());
            return new double[] {-f, f};
        }
        throw new IllegalArgumentException(FACTOR_ERROR + "Received: factor=" + factor);
    }

    /**
     * {@return the layer Keras's {@code RandomRotation.get_config()} describes}
     *
     * @throws IllegalArgumentException for a missing factor, an unknown key or a value Keras refuses
     */
    public static RandomRotation fromConfig(Map<String, Object> config) {
        GeometricArgs.checkKeys("RandomRotation", config, KEYS);
        if (!config.containsKey("factor")) {
            throw new IllegalArgumentException("RandomRotation needs `factor`; the config has none");
        }
        return new RandomRotation(GeometricArgs.base(config, "random_rotation"), config.get("factor"),
                GeometricArgs.string(config, "fill_mode", "reflect"),
                GeometricArgs.string(config, "interpolation", "bilinear"), GeometricArgs.seed(config),
                GeometricArgs.number(config, "fill_value", 0.0));
    }

    /** {@return the parameter of Keras's transformation {@code {"angle": degrees}}} */
    static Double given(double angleDegrees) {
        return angleDegrees;
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> m = new LinkedHashMap<>(base);
        m.put("factor", List.of(lower, upper));
        m.put("fill_mode", fillMode);
        m.put("fill_value", fillValue);
        m.put("interpolation", interpolation);
        m.put("seed", seed);
        return m;
    }

    /** {@return the angle in degrees, {@code lower·360 + (upper − lower)·360·u}, one uniform draw} */
    @Override
    public Double draw(ImageShape image, RandomGenerator rng) {
        double lo = lower * 360.0;
        double hi = upper * 360.0;
        return lo + (hi - lo) * rng.nextDouble();
    }

    @Override
    public Geometry geometry(Double angle, ImageShape image) {
        double t = Math.toRadians(angle);
        double cos = Math.cos(t);
        double sin = Math.sin(t);
        double cx = 0.5 * (image.width() - 1);
        double cy = 0.5 * (image.height() - 1);
        double a2 = cx - cx * cos + cy * sin;
        double b2 = cy - cx * sin - cy * cos;
        return Geometry.inverse(inverse(cos, -sin, a2, sin, cos, b2), image.height(), image.width());
    }

    /**
     * {@return Keras's {@code RandomRotation.transform_bounding_boxes}: each box's four corners through Keras's
     * rotation about {@code ((w − 1)/2, (h − 1)/2)}, the box enclosing them, clipped to the image and marked, in
     * the boxes' format} As in Keras 3.15.1 the coordinates are read as {@code xyxy} whatever the format (Keras
     * converts only the result): boxes in another format must be given in {@code xyxy} for a meaningful result.
     */
    @Override
    public BoundingBoxes transformBoundingBoxes(BoundingBoxes boxes, Double angle, ImageShape image) {
        double h = image.height();
        double w = image.width();
        double rot = -angle * (1.0 / 180.0 * Math.PI);
        double cx = 0.5 * (w - 1);
        double cy = 0.5 * (h - 1);
        double a0 = Math.cos(rot);
        double a1 = -Math.sin(rot);
        double b0 = Math.sin(rot);
        double b1 = Math.cos(rot);
        double a2 = cx - a0 * cx - a1 * cy;
        double b2 = cy - b0 * cx - b1 * cy;
        BoundingBoxes turned = KerasBoxes.map(boxes, BoxFormat.XYXY, b -> {
            double[] xs = {b[0], b[2], b[2], b[0]};
            double[] ys = {b[1], b[1], b[3], b[3]};
            double[] out = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                Double.NEGATIVE_INFINITY};
            for (int k = 0; k < 4; k++) {
                double x = a0 * xs[k] + a1 * ys[k] + a2;
                double y = b0 * xs[k] + b1 * ys[k] + b2;
                out[0] = Math.min(out[0], x);
                out[1] = Math.min(out[1], y);
                out[2] = Math.max(out[2], x);
                out[3] = Math.max(out[3], y);
            }
            return out;
        });
        return turned.clipToImageSize(h, w).convert(boxes.format(), h, w);
    }
}
