package io.jdatagen.layers;

import io.jdatagen.augment.GeometricStep;
import io.jdatagen.augment.Geometry;
import io.jdatagen.augment.ImageShape;
import io.jdatagen.augment.Resampling;
import io.jdatagen.augment.Step;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Keras 3's {@code CenterCrop}: the {@code height × width} window starting at row {@code (H − height) / 2}
 * and column {@code (W − width) / 2} (rounded down) of an {@code H × W} image. An exact copy of pixels.
 *
 * <p>Images smaller than the window on either axis are refused: Keras then crops to the window's aspect
 * ratio and resizes bilinearly, clamping at the crop's edges, which the one warp of a pipeline (clamping at
 * the image's edges) does not reproduce.
 *
 * @see <a href="https://keras.io/api/layers/preprocessing_layers/image_preprocessing/center_crop/">Keras
 *     CenterCrop</a>
 */
public final class CenterCrop implements KerasLayer, GeometricStep<Boolean> {
    private static final List<String> KEYS = List.of("height", "width");
    private static final Resampling EXACT = GeometricArgs.resampling("constant", "nearest", 0.0);
    private final Map<String, Object> base;
    private final int height;
    private final int width;

    /**
     * @param height rows of the window, at least 1
     * @param width columns of the window, at least 1
     * @throws IllegalArgumentException for a size below 1
     */
    public CenterCrop(int height, int width) {
        this(GeometricArgs.base("center_crop", "channels_last"), height, width);
    }

    private CenterCrop(Map<String, Object> base, int height, int width) {
        if (height < 1 || width < 1) {
            throw new IllegalArgumentException("CenterCrop needs height and width of at least 1; got height="
                    + height + ", width=" + width);
        }
        this.base = base;
        this.height = height;
        this.width = width;
    }

    /**
     * {@return the layer Keras's {@code CenterCrop.get_config()} describes}
     *
     * @throws IllegalArgumentException for a missing or non-integer size or an unknown key
     */
    public static CenterCrop fromConfig(Map<String, Object> config) {
        GeometricArgs.checkKeys("CenterCrop", config, KEYS);
        return new CenterCrop(GeometricArgs.base(config, "center_crop"), GeometricArgs.integer(config, "height"),
                GeometricArgs.integer(config, "width"));
    }

    @Override
    public String className() {
        return "CenterCrop";
    }

    @Override
    public String name() {
        return className();
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> m = new LinkedHashMap<>(base);
        m.put("height", height);
        m.put("width", width);
        return m;
    }

    @Override
    public Step step() {
        return this;
    }

    /** {@return nearest sampling: the crop reads pixel centres, so the values are copied exactly} */
    @Override
    public Resampling resampling() {
        return EXACT;
    }

    /**
     * {@return true: every sample is cropped the same way (Keras draws nothing)}
     *
     * @throws IllegalArgumentException for an image smaller than the window, naming both sizes
     */
    @Override
    public Boolean draw(ImageShape image, RandomGenerator rng) {
        check(image);
        return Boolean.TRUE;
    }

    private void check(ImageShape image) {
        if (image.height() < height || image.width() < width) {
            throw new IllegalArgumentException("CenterCrop(" + height + ", " + width + ") crops images of at least"
                    + " that size; got " + image.height() + "x" + image.width() + " (Keras's resize of smaller images"
                    + " is not supported: add a Resizing layer before it)");
        }
    }

    @Override
    public Geometry geometry(Boolean params, ImageShape image) {
        check(image);
        int top = (image.height() - height) / 2;
        int left = (image.width() - width) / 2;
        return Geometry.inverse(new double[] {1, 0, top, 0, 1, left}, height, width);
    }
}
