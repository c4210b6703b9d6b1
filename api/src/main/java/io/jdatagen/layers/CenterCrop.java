package io.jdatagen.layers;

import io.jdatagen.augment.GeometricStep;
import io.jdatagen.augment.Geometry;
import io.jdatagen.augment.ImageShape;
import io.jdatagen.augment.Resampling;
import io.jdatagen.boxes.BoundingBoxes;
import io.jdatagen.boxes.BoxFormat;
import io.jdatagen.core.FillMode;
import io.jdatagen.core.Interpolation;
import io.jdatagen.spi.WrapConvention;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Keras 3's {@code CenterCrop}: the {@code height × width} window starting at row {@code (H − height) / 2}
 * and column {@code (W − width) / 2} (rounded down) of an {@code H × W} image. An exact copy of pixels.
 *
 * <p>An image smaller than the window on either axis goes through Keras's {@code smart_resize}: its largest
 * centred window of the target's aspect ratio, resized bilinearly (as {@link Resizing} with
 * {@code crop_to_aspect_ratio}). Supported when that window cuts no axis on which it is smaller than the
 * target (in practice: an image of about the target's aspect ratio); otherwise refused when it draws, because
 * TensorFlow clamps at the window's edge and one warp clamps at the image's.
 *
 * @see <a href="https://keras.io/api/layers/preprocessing_layers/image_preprocessing/center_crop/">Keras
 *     CenterCrop</a>
 */
public final class CenterCrop extends KerasLayerBase implements SizedLayer, GeometricStep<Boolean>,
        BoxTransform<Boolean> {
    private static final List<String> KEYS = List.of("height", "width");
    /** Bilinear, clamping: a crop reads pixel centres (weights 1 and 0, an exact copy); smart_resize blends. */
    private static final Resampling BILINEAR_CLAMPED = new Resampling(Interpolation.BILINEAR, FillMode.NEAREST, 0.0,
            WrapConvention.PERIODIC);
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
    public int outputHeight() {
        return height;
    }

    @Override
    public int outputWidth() {
        return width;
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> m = new LinkedHashMap<>(base);
        m.put("height", height);
        m.put("width", width);
        return m;
    }

    /**
     * {@return false: every sample goes through it, augmented or not (Keras crops at inference too, and the batch's samples must
     * share one size)}
     */
    @Override
    public boolean augments() {
        return false;
    }

    /** {@return bilinear sampling clamped at the edges: exact on crops, Keras's smart_resize on smaller images} */
    @Override
    public Resampling resampling() {
        return BILINEAR_CLAMPED;
    }

    /**
     * {@return true: every sample is cropped the same way (Keras draws nothing)}
     *
     * @throws IllegalArgumentException for a smaller image whose smart_resize is not supported (above)
     */
    @Override
    public Boolean draw(ImageShape image, RandomGenerator rng) {
        geometry(Boolean.TRUE, image);
        return Boolean.TRUE;
    }

    @Override
    public Geometry geometry(Boolean params, ImageShape image) {
        if (image.height() < height || image.width() < width) {
            return Resizing.resize(Resizing.aspectWindow(image, height, width, "CenterCrop(" + height + ", " + width
                    + ") of a smaller image (Keras's smart_resize)"), height, width);
        }
        int top = (image.height() - height) / 2;
        int left = (image.width() - width) / 2;
        return Geometry.inverse(new double[] {1, 0, top, 0, 1, left}, height, width);
    }

    /**
     * {@return Keras's {@code CenterCrop.transform_bounding_boxes}: the boxes in {@code xyxy} clipped to the crop
     * window and moved by its start; for an image smaller than the window, clipped to the smart_resize window
     * and scaled from it to the output; then clipped to the output and marked, in the boxes' format}
     */
    @Override
    public BoundingBoxes transformBoundingBoxes(BoundingBoxes boxes, Boolean params, ImageShape image) {
        int h = image.height();
        int w = image.width();
        BoundingBoxes xyxy = boxes.convert(BoxFormat.XYXY, h, w);
        BoundingBoxes out;
        if (h - height >= 0 && w - width >= 0) {
            int top = (h - height) / 2;
            int left = (w - width) / 2;
            out = KerasBoxes.window(xyxy, top, top + height, left, left + width);
        } else {
            int cropHeight = Math.max(Math.min(h, (int) ((double) w * height / width)), 1);
            int cropWidth = Math.max(Math.min(w, (int) ((double) h * width / height)), 1);
            int top = (int) ((double) (h - cropHeight) / 2);
            int left = (int) ((double) (w - cropWidth) / 2);
            out = KerasBoxes.window(xyxy, top, top + cropHeight, left, left + cropWidth)
                    .convert(BoxFormat.REL_XYXY, cropHeight, cropWidth).convert(BoxFormat.XYXY, height, width);
        }
        return out.clipToImageSize(height, width).convert(boxes.format(), height, width);
    }
}
