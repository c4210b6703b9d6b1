package io.jdatagen.layers;

import io.jdatagen.augment.ImageShape;
import io.jdatagen.augment.PixelStep;
import io.jdatagen.boxes.BoundingBoxes;
import io.jdatagen.boxes.BoxFormat;
import io.jdatagen.boxes.Keypoints;
import io.jdatagen.core.DataFormat;
import io.jdatagen.core.Tensor;
import io.jdatagen.flow.SampleContext;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Keras 3's {@code RandomPerspective}: with a probability drawn from {@code U(factor)} per image, the image's
 * corners move and the image is warped by the homography that sends the moved corners back to the corners.
 * The corners are {@code (0, 0)}, {@code (w - 1, 0)}, {@code (0, h - 1)} and {@code (w - 1, h - 1)} (pixel
 * indices, {@code x} then {@code y}); each coordinate moves by itself times a factor drawn from
 * {@code U(-scale / 2, scale / 2)}, so, as in Keras, the top-left corner and the zero coordinates never
 * move. The warp is TensorFlow's ({@code ImageProjectiveTransformV3}, fill mode constant with
 * {@code fill_value}, each interpolation tap outside the image reading the fill value).
 *
 * <p>This layer is a {@link PixelStep} that resamples the image itself: a perspective is not affine, so it
 * cannot join the fused affine warp of its neighbours. In the fused mode it therefore ends a run of geometric
 * layers and the image is resampled once more for it (as Keras resamples once per layer anyway).
 *
 * @see <a href="https://keras.io/api/layers/preprocessing_layers/image_augmentation/random_perspective/">
 *     Keras RandomPerspective</a>
 */
public final class RandomPerspective extends KerasLayerBase implements PixelStep<RandomPerspective.Perspective>,
        BoxTransform<RandomPerspective.Perspective> {
    private static final List<String> ARGUMENTS = List.of(GeometricArgs.BOX_FORMAT, "factor", "scale",
            "interpolation", "fill_value", "seed");

    private final LayerConfig base;
    private final String boxFormat;
    private final FactorRange factor;
    private final Number scale;
    private final String interpolation;
    private final Number fillValue;
    private final Number seed;

    /**
     * Keras's transformation for one image.
     *
     * @param applied whether the image is warped ({@code apply_perspective})
     * @param start the four corners {@code (x, y)} ({@code start_points}): top-left, top-right, bottom-left,
     *     bottom-right
     * @param end where they move ({@code end_points}), in the same order
     */
    public record Perspective(boolean applied, float[][] start, float[][] end) {
    }

    /** A RandomPerspective with Keras's defaults: factor 1 (probability from [0, 1]), scale 1, bilinear, fill 0. */
    public RandomPerspective() {
        this(LayerConfig.defaults("random_perspective", DataFormat.CHANNELS_LAST), null, 1.0, 1.0, "bilinear", 0.0,
                null);
    }

    private RandomPerspective(LayerConfig base, String boxFormat, Object factor, Number scale, String interpolation,
            Number fillValue, Number seed) {
        this.base = base;
        this.boxFormat = boxFormat;
        this.factor = FactorRange.of(factor, "factor", 0, 1);
        if (scale.doubleValue() < 0 || scale.doubleValue() > 1) {
            throw new IllegalArgumentException("The `scale` argument should be a number in the range [0,1]. "
                    + "Received: scale=" + scale);
        }
        this.scale = scale;
        if (!GeometricArgs.INTERPOLATIONS.contains(interpolation)) {
            throw new IllegalArgumentException("Unknown `interpolation` " + interpolation + ". Expected of one "
                    + "('nearest', 'bilinear').");
        }
        this.interpolation = interpolation;
        this.fillValue = fillValue;
        this.seed = seed;
    }

    /**
     * {@return the RandomPerspective that Keras's {@code get_config()} describes}
     *
     * @param config Keras's keys: {@code name}, {@code trainable}, {@code dtype}, {@code data_format},
     *     {@code bounding_box_format} (kept for the round trip and checked against the boxes given), {@code factor},
     *     {@code scale}, {@code interpolation}, {@code fill_value}, {@code seed}; absent ones take Keras's defaults
     * @throws IllegalArgumentException for an unknown key, an unknown bounding_box_format or an invalid value,
     *     with Keras's messages
     */
    public static RandomPerspective fromConfig(Map<String, Object> config) {
        LayerConfig base = LayerConfig.read(config, "random_perspective", ARGUMENTS);
        Object format = config.get(GeometricArgs.BOX_FORMAT);
        if (format != null) {
            BoxFormat.fromKerasName(String.valueOf(format));
        }
        return new RandomPerspective(base, format == null ? null : String.valueOf(format),
                config.getOrDefault("factor", 1.0), LayerConfig.number(config, "scale", 1.0),
                GeometricArgs.string(config, "interpolation", "bilinear"), LayerConfig.number(config, "fill_value", 0.0),
                LayerConfig.seed(config));
    }

    /** {@return a builder with Keras's argument names; unset arguments take Keras's defaults} */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects Keras's arguments as a config and builds the layer with {@link #fromConfig}'s checks. */
    public static final class Builder extends LayerBuilder<Builder, RandomPerspective> {
        private Builder() {
            super(RandomPerspective::fromConfig);
        }

        /** Keras's {@code factor} as one number {@code f}: the probability is drawn from {@code [0, f]}. */
        public Builder factor(double factor) {
            return put("factor", factor);
        }

        /** Keras's {@code factor} as two numbers: the probability is drawn from {@code [lower, upper]}. */
        public Builder factor(double lower, double upper) {
            return put("factor", List.of(lower, upper));
        }

        /** Keras's {@code scale} in [0, 1]: each corner coordinate moves by up to half of it, relatively. */
        public Builder scale(double scale) {
            return put("scale", scale);
        }

        /** Keras's {@code interpolation}: {@code "bilinear"} or {@code "nearest"}. */
        public Builder interpolation(String interpolation) {
            return put("interpolation", interpolation);
        }

        /** Keras's {@code fill_value}: what the warp reads outside the image. */
        public Builder fillValue(double fillValue) {
            return put("fill_value", fillValue);
        }

        /** Keras's {@code seed}, kept in the config; the draws come from the keyed streams whatever it is. */
        public Builder seed(long seed) {
            return put("seed", seed);
        }
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = base.start();
        if (boxFormat != null) {
            c.put(GeometricArgs.BOX_FORMAT, boxFormat);
        }
        c.put("factor", factor.toList());
        c.put("scale", scale);
        c.put("interpolation", interpolation);
        c.put("fill_value", fillValue);
        c.put("seed", seed);
        return c;
    }

    /**
     * {@return Keras's transformation given as numbers, for applying a transformation Keras drew}
     *
     * @param start {@code start_points} of one image, four {@code (x, y)} pairs
     * @param end {@code end_points} of one image
     */
    static Perspective given(boolean applied, float[][] start, float[][] end) {
        return new Perspective(applied, start, end);
    }

    /**
     * Draws as Keras's {@code get_random_transformation}: the probability, its threshold, then eight factors
     * (corner after corner, {@code x} then {@code y}) and the end points {@code start + start * factor}.
     */
    @Override
    public Perspective draw(ImageShape image, RandomGenerator rng) {
        float probability = KerasDraws.uniform(rng, factor.low(), factor.high());
        float threshold = KerasDraws.uniform(rng, 0f, 1f);
        float low = (float) (-0.5 * scale.doubleValue());
        float high = (float) (0.5 * scale.doubleValue());
        float[][] start = corners(image);
        float[][] end = new float[4][2];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 2; j++) {
                end[i][j] = start[i][j] + start[i][j] * KerasDraws.uniform(rng, low, high);
            }
        }
        return new Perspective(threshold < probability, start, end);
    }

    /** {@return Keras's start points: the corners' pixel indices {@code (x, y)}} */
    static float[][] corners(ImageShape image) {
        float w = image.width() - 1;
        float h = image.height() - 1;
        return new float[][] {{0, 0}, {w, 0}, {0, h}, {w, h}};
    }

    /** Warps the image as Keras's {@code transform_images} does (a new tensor), or leaves it when not applied. */
    @Override
    public Tensor apply(Perspective params, Tensor image, ImageShape shape, SampleContext context) {
        if (!params.applied()) {
            return image;
        }
        float[] t = TfPerspective.homography(params.start(), params.end());
        return Tensor.of(TfPerspective.warp(image.data(), shape, t, interpolation.equals("bilinear"),
                fillValue.floatValue()), image.shape());
    }

    /**
     * {@return the boxes as Keras 3.15.1's {@code transform_bounding_boxes} moves them, back in the boxes' format}
     * When the image is warped, each box's four corners go through the inverse of the homography Keras solves
     * ({@code compute_homography_matrix}, which maps output to input pixel indices), with the perspective divide,
     * and the box becomes the corners' enclosing box; either way the boxes are then clipped to the image
     * ({@code clip_to_image_size}: a box whose area vanishes is labelled {@code -1}). Keras returns these boxes
     * in {@code xyxy} whatever its {@code bounding_box_format} says (it never converts them back); this method
     * returns them in {@code boxes}' format, the same boxes. A null transformation (none drawn) leaves the boxes,
     * as Keras does without one.
     */
    @Override
    public BoundingBoxes transformBoundingBoxes(BoundingBoxes boxes, Perspective transformation, ImageShape image) {
        if (transformation == null) {
            return boxes;
        }
        double h = image.height();
        double w = image.width();
        BoundingBoxes xyxy = boxes.convert(BoxFormat.XYXY, h, w);
        if (transformation.applied()) {
            double[][] forward = forward(TfPerspective.homography(transformation.start(), transformation.end()));
            xyxy = KerasBoxes.map(xyxy, BoxFormat.XYXY, b -> enclosing(forward, b));
        }
        return xyxy.clipToImageSize(h, w).convert(boxes.format(), h, w);
    }

    /**
     * {@return the keypoints moved exactly as this layer moves the pixels under them} Keras 3.15.1 has no keypoint
     * transform: each point goes through the inverse of the homography the warp samples through, in pixel indices
     * ({@link Keypoints#transformProjective}); a point that leaves the image is marked {@link Keypoints#OUTSIDE}.
     * A null or not applied transformation leaves them.
     */
    Keypoints transformKeypoints(Keypoints points, Perspective transformation, ImageShape image) {
        if (transformation == null || !transformation.applied()) {
            return points;
        }
        double[][] forward = forward(TfPerspective.homography(transformation.start(), transformation.end()));
        return points.transformProjective(forward, image.height(), image.width());
    }

    /** {@return the inverse of the 3 x 3 homography {@code [[a0 a1 a2] [b0 b1 b2] [c0 c1 1]]}: input to output} */
    private static double[][] forward(float[] t) {
        double a = t[0];
        double b = t[1];
        double c = t[2];
        double d = t[3];
        double e = t[4];
        double f = t[5];
        double g = t[6];
        double k = t[7];
        double det = a * (e - f * k) - b * (d - f * g) + c * (d * k - e * g);
        return new double[][] {
            {(e - f * k) / det, (c * k - b) / det, (b * f - c * e) / det},
            {(f * g - d) / det, (a - c * g) / det, (c * d - a * f) / det},
            {(d * k - e * g) / det, (b * g - a * k) / det, (a * e - b * d) / det}};
    }

    /** {@return the enclosing {@code xyxy} box of box {@code b}'s four corners through {@code m}} */
    private static double[] enclosing(double[][] m, double[] b) {
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (double[] p : new double[][] {{b[0], b[1]}, {b[2], b[3]}, {b[0], b[3]}, {b[2], b[1]}}) {
            double z = m[2][0] * p[0] + m[2][1] * p[1] + m[2][2];
            double x = (m[0][0] * p[0] + m[0][1] * p[1] + m[0][2]) / z;
            double y = (m[1][0] * p[0] + m[1][1] * p[1] + m[1][2]) / z;
            minX = Math.min(minX, x);
            maxX = Math.max(maxX, x);
            minY = Math.min(minY, y);
            maxY = Math.max(maxY, y);
        }
        return new double[] {minX, minY, maxX, maxY};
    }

    @Override
    public String toString() {
        return "RandomPerspective(factor=" + factor.toList() + ", scale=" + scale + ", interpolation=" + interpolation
                + ")";
    }
}
