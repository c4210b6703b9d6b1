package io.jdatagen.layers;

import io.jdatagen.augment.Geometry;
import io.jdatagen.augment.ImageShape;
import io.jdatagen.boxes.BoundingBoxes;
import io.jdatagen.boxes.BoxFormat;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Keras 3's {@code RandomZoom}: each sample draws a vertical zoom {@code 1 + u}, {@code u} uniform in
 * {@code height_factor}'s range, and a horizontal one from {@code width_factor}'s (drawn second), or the
 * vertical one again when {@code width_factor} is null, keeping the aspect ratio. A zoom above 1 reads a
 * larger area (the content shrinks, Keras's "zoom out"); the centre {@code ((w−1)/2, (h−1)/2)} stays. The
 * drawn parameter is Keras's {@code {height_zoom, width_zoom}}.
 *
 * @see <a href="https://keras.io/api/layers/preprocessing_layers/image_augmentation/random_zoom/">Keras
 *     RandomZoom</a>
 */
public final class RandomZoom extends AffineLayer<double[]> implements BoxTransform<double[]> {
    private static final List<String> KEYS = List.of("height_factor", "width_factor", "fill_mode", "interpolation",
            "seed", "fill_value");
    private static final String FACTOR_ERROR = "The `height_factor` and `width_factor` arguments should be a number"
            + " (or a list of two numbers) in the range (-1.0, 1.0]. ";
    private final Object heightFactor;
    private final Object widthFactor;
    private final double[] height;
    private final double[] width;

    /**
     * A zoom keeping the aspect ratio, with Keras's defaults: reflect fill, bilinear interpolation, fill value 0.
     *
     * @param heightFactor {@code f}: zooms {@code 1 + u}, {@code u} in {@code [-|f|, |f|]}, {@code f} in
     *     {@code (-1, 1]}
     * @throws IllegalArgumentException for a factor outside {@code (-1, 1]}
     */
    public RandomZoom(double heightFactor) {
        this(GeometricArgs.base("random_zoom", "channels_last"), heightFactor, null, "reflect", "bilinear", null,
                0.0);
    }

    /**
     * @param heightFactor {@code {f}} (meaning {@code [-|f|, |f|]}) or {@code {lower, upper}} in {@code (-1, 1]}
     * @param widthFactor the same for the width, or null to use the vertical zoom for both axes
     * @param fillMode reflect, wrap, constant or nearest
     * @param interpolation nearest or bilinear
     * @param seed kept for the config (draws come from the sample's stream)
     * @param fillValue what constant fill reads outside the image
     * @param dataFormat channels_last or channels_first, or null for channels_last
     * @throws IllegalArgumentException for a factor, mode or format Keras refuses, with Keras's message
     */
    public RandomZoom(double[] heightFactor, double[] widthFactor, String fillMode, String interpolation,
            Number seed, double fillValue, String dataFormat) {
        this(GeometricArgs.base("random_zoom", GeometricArgs.dataFormat(dataFormat)),
                GeometricArgs.factorValue(heightFactor),
                widthFactor == null ? null : GeometricArgs.factorValue(widthFactor), fillMode, interpolation, seed,
                fillValue);
    }

    private RandomZoom(Map<String, Object> base, Object heightFactor, Object widthFactor, String fillMode,
            String interpolation, Number seed, double fillValue) {
        super(base, fillMode, interpolation, fillValue, seed);
        this.height = GeometricArgs.factor(heightFactor, "height_factor", -1, true, 1, FACTOR_ERROR);
        this.width = widthFactor == null ? null
                : GeometricArgs.factor(widthFactor, "width_factor", -1, true, 1, FACTOR_ERROR);
        this.heightFactor = heightFactor;
        this.widthFactor = widthFactor;
    }

    /**
     * {@return the layer Keras's {@code RandomZoom.get_config()} describes}
     *
     * @throws IllegalArgumentException for a missing height_factor, an unknown key or a value Keras refuses
     */
    public static RandomZoom fromConfig(Map<String, Object> config) {
        GeometricArgs.checkKeys("RandomZoom", config, KEYS);
        return new RandomZoom(GeometricArgs.base(config, "random_zoom"),
                GeometricArgs.required("RandomZoom", config, "height_factor"), config.get("width_factor"),
                GeometricArgs.string(config, "fill_mode", "reflect"),
                GeometricArgs.string(config, "interpolation", "bilinear"), GeometricArgs.seed(config),
                GeometricArgs.number(config, "fill_value", 0.0));
    }

    /** {@return the parameter of Keras's transformation {@code {"height_zoom": .., "width_zoom": ..}}} */
    static double[] given(double heightZoom, double widthZoom) {
        return new double[] {heightZoom, widthZoom};
    }

    @Override
    public Map<String, Object> getConfig() {
        return factorsConfig("height_factor", heightFactor, "width_factor", widthFactor);
    }

    /** {@return {@code {height zoom, width zoom}}: one draw, or two when a width factor is set} */
    @Override
    public double[] draw(ImageShape image, RandomGenerator rng) {
        double zy = 1 + height[0] + (height[1] - height[0]) * rng.nextDouble();
        double zx = width == null ? zy : 1 + width[0] + (width[1] - width[0]) * rng.nextDouble();
        return new double[] {zy, zx};
    }

    @Override
    public Geometry geometry(double[] zoom, ImageShape image) {
        double zy = zoom[0];
        double zx = zoom[1];
        return Geometry.inverse(inverse(zx, 0, (image.width() - 1) / 2.0 * (1 - zx), 0, zy,
                (image.height() - 1) / 2.0 * (1 - zy)), image.height(), image.width());
    }

    /**
     * {@return Keras's {@code RandomZoom.transform_bounding_boxes}: the boxes in {@code xyxy} clipped to the source
     * window the zoom shows ({@code [x_offset, x_offset + width_zoom·w]}, {@code x_offset = (w − 1)/2·(1 −
     * width_zoom)}, likewise in y), made relative to the window, clipped to {@code [0, 1]} and marked, and back in
     * the boxes' format on the image's size}
     */
    @Override
    public BoundingBoxes transformBoundingBoxes(BoundingBoxes boxes, double[] zoom, ImageShape image) {
        double h = image.height();
        double w = image.width();
        double zy = zoom[0];
        double zx = zoom[1];
        double wStart = (w - 1.0) / 2.0 * (1.0 - zx);
        double hStart = (h - 1.0) / 2.0 * (1.0 - zy);
        double wEnd = zx * w + wStart;
        double hEnd = zy * h + hStart;
        BoundingBoxes inWindow = KerasBoxes.window(boxes.convert(BoxFormat.XYXY, h, w), hStart, hEnd, wStart, wEnd);
        double windowHeight = hEnd - hStart;
        double windowWidth = wEnd - wStart;
        return inWindow.convert(BoxFormat.REL_XYXY, windowHeight, windowWidth).clipToImageSize(windowHeight,
                windowWidth).convert(boxes.format(), h, w);
    }
}
