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
 * Keras 3's {@code RandomCrop}: a {@code height × width} window of an {@code H × W} image. When the image is
 * larger on both axes the window's top row is drawn first, {@code floor(u·(H − height + 1))}, then its left
 * column, {@code floor(u·(W − width + 1))}; otherwise Keras places it deterministically (the start of its
 * largest crop of the window's aspect ratio, centred). The drawn parameter is Keras's transformation
 * {@code (h_start, w_start)}. An exact copy of pixels.
 *
 * <p>Images smaller than the window on either axis are refused: Keras then resizes the crop bilinearly,
 * clamping at the crop's edges, which the one warp of a pipeline does not reproduce. Keras draws one window
 * per batch; here each sample draws its own from its stream, which has the same distribution per sample.
 *
 * <p>An augmentation only: a sample that is not augmented keeps its size, as Keras returns its input unchanged
 * at inference ({@code training=False}).
 *
 * @see <a href="https://keras.io/api/layers/preprocessing_layers/image_augmentation/random_crop/">Keras
 *     RandomCrop</a>
 */
public final class RandomCrop extends KerasLayerBase implements SizedLayer, GeometricStep<int[]>, BoxTransform<int[]> {
    private static final List<String> KEYS = List.of("height", "width", "seed");
    private static final Resampling EXACT = GeometricArgs.resampling("constant", "nearest", 0.0);
    private final Map<String, Object> base;
    private final int height;
    private final int width;
    private final Number seed;

    /**
     * @param height rows of the window, at least 1
     * @param width columns of the window, at least 1
     * @param seed kept for the config (draws come from the sample's stream)
     * @throws IllegalArgumentException for a size below 1
     */
    public RandomCrop(int height, int width, Number seed) {
        this(GeometricArgs.base("random_crop", "channels_last"), height, width, seed);
    }

    private RandomCrop(Map<String, Object> base, int height, int width, Number seed) {
        if (height < 1 || width < 1) {
            throw new IllegalArgumentException("RandomCrop needs height and width of at least 1; got height="
                    + height + ", width=" + width);
        }
        this.base = base;
        this.height = height;
        this.width = width;
        this.seed = GeometricArgs.seed(seed);
    }

    /**
     * {@return the layer Keras's {@code RandomCrop.get_config()} describes}
     *
     * @throws IllegalArgumentException for a missing or non-integer size or an unknown key
     */
    public static RandomCrop fromConfig(Map<String, Object> config) {
        GeometricArgs.checkKeys("RandomCrop", config, KEYS);
        return new RandomCrop(GeometricArgs.base(config, "random_crop"), GeometricArgs.integer(config, "height"),
                GeometricArgs.integer(config, "width"), GeometricArgs.seed(config));
    }

    /** {@return the parameter of Keras's transformation {@code (h_start, w_start)}} */
    static int[] given(int hStart, int wStart) {
        return new int[] {hStart, wStart};
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
        m.put("seed", seed);
        return m;
    }

    /** {@return nearest sampling: the crop reads pixel centres, so the values are copied exactly} */
    @Override
    public Resampling resampling() {
        return EXACT;
    }

    /**
     * {@return {@code {h_start, w_start}}: drawn when the image is larger on both axes, else Keras's fixed
     * placement}
     *
     * @throws IllegalArgumentException for an image smaller than the window, naming both sizes
     */
    @Override
    public int[] draw(ImageShape image, RandomGenerator rng) {
        check(image);
        int h = image.height();
        int w = image.width();
        if (h > height && w > width) {
            int top = (int) (rng.nextDouble() * (h - height + 1));
            int left = (int) (rng.nextDouble() * (w - width + 1));
            return new int[] {top, left};
        }
        int cropHeight = Math.max(Math.min(h, (int) ((double) w * height / width)), 1);
        int cropWidth = Math.max(Math.min(w, (int) ((double) h * width / height)), 1);
        return new int[] {(h - cropHeight) / 2, (w - cropWidth) / 2};
    }

    private void check(ImageShape image) {
        if (image.height() < height || image.width() < width) {
            throw new IllegalArgumentException("RandomCrop(" + height + ", " + width + ") crops images of at least"
                    + " that size; got " + image.height() + "x" + image.width() + " (Keras's resize of smaller images"
                    + " is not supported: add a Resizing layer before it)");
        }
    }

    /** @throws IllegalArgumentException for a window that does not fit the image at the given start */
    @Override
    public Geometry geometry(int[] start, ImageShape image) {
        check(image);
        if (start[0] < 0 || start[1] < 0 || start[0] + height > image.height() || start[1] + width > image.width()) {
            throw new IllegalArgumentException("RandomCrop's window " + height + "x" + width + " at ("
                    + start[0] + ", " + start[1] + ") does not fit a " + image.height() + "x" + image.width()
                    + " image");
        }
        return Geometry.inverse(new double[] {1, 0, start[0], 0, 1, start[1]}, height, width);
    }

    /**
     * {@return Keras's {@code RandomCrop.transform_bounding_boxes}, quirks included: the boxes converted to
     * {@code xyxy} on the window's size (not the image's), {@code h_start} subtracted from the x coordinates and
     * {@code w_start} from the y coordinates (Keras 3.15.1 swaps them), each floored at 0 and not clipped above,
     * the labels unchanged, and back in the boxes' format on the window's size} It follows the pixels only when
     * the two starts are equal.
     */
    @Override
    public BoundingBoxes transformBoundingBoxes(BoundingBoxes boxes, int[] start, ImageShape image) {
        double hStart = start[0];
        double wStart = start[1];
        BoundingBoxes moved = KerasBoxes.map(boxes.convert(BoxFormat.XYXY, height, width), BoxFormat.XYXY,
                b -> new double[] {Math.max(b[0] - hStart, 0), Math.max(b[1] - wStart, 0), Math.max(b[2] - hStart, 0),
                    Math.max(b[3] - wStart, 0)});
        return moved.convert(boxes.format(), height, width);
    }
}
