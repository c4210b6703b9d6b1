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
 * Keras 3's {@code Resizing} as TensorFlow's {@code tf.image.resize} computes it without antialiasing: output
 * pixel {@code i} reads source position {@code (i + 0.5)·in/out − 0.5} (pixel centres aligned), clamped to the
 * image; bilinear blends the two neighbours, nearest takes {@code floor((i + 0.5)·in/out)}. With
 * {@code crop_to_aspect_ratio} the source is first cut to its largest centred window of the output's aspect
 * ratio (Keras's {@code crop_height = min(H, int(W·height/width))}, likewise the width, starts
 * {@code int((H − crop_height) / 2)}), and the window is resized.
 *
 * <p>Supported: {@code interpolation} bilinear and nearest; {@code crop_to_aspect_ratio} when each axis the
 * window cuts shrinks or keeps its size (an axis that grows reads past the window's edge, where TensorFlow
 * clamps to the window and one warp clamps to the image: refused when it draws); {@code pad_to_aspect_ratio}
 * and {@code antialias} false. The other settings are refused by name: Keras's pad resizes within the padded
 * image, clamping at its edges, and its other interpolations and antialiasing are filters this warp does not
 * run.
 *
 * @see <a href="https://keras.io/api/layers/preprocessing_layers/image_preprocessing/resizing/">Keras
 *     Resizing</a>
 */
public final class Resizing extends KerasLayerBase implements SizedLayer, GeometricStep<Boolean>,
        BoxTransform<Boolean> {
    private static final List<String> KEYS = List.of("height", "width", "interpolation", "crop_to_aspect_ratio",
            "pad_to_aspect_ratio", "fill_mode", "fill_value", "antialias");
    private static final List<String> KERAS_INTERPOLATIONS = List.of("bilinear", "nearest", "lanczos3", "lanczos5",
            "bicubic", "area");
    private final Map<String, Object> base;
    private final int height;
    private final int width;
    private final String interpolation;
    private final boolean cropToAspectRatio;
    private final String fillMode;
    private final double fillValue;
    private final Resampling resampling;

    /**
     * A bilinear resize, Keras's default.
     *
     * @param height rows of the output, at least 1
     * @param width columns of the output, at least 1
     * @throws IllegalArgumentException for a size below 1
     */
    public Resizing(int height, int width) {
        this(height, width, "bilinear");
    }

    /**
     * @param height rows of the output, at least 1
     * @param width columns of the output, at least 1
     * @param interpolation bilinear or nearest
     * @throws IllegalArgumentException for a size below 1 or another interpolation (Keras's other ones named as
     *     not supported)
     */
    public Resizing(int height, int width, String interpolation) {
        this(GeometricArgs.base("resizing", "channels_last"), height, width, interpolation, false, false, "constant",
                0.0, false);
    }

    private Resizing(Map<String, Object> base, int height, int width, String interpolation, boolean crop,
            boolean pad, String fillMode, double fillValue, boolean antialias) {
        if (height < 1 || width < 1) {
            throw new IllegalArgumentException("Resizing needs height and width of at least 1; got height=" + height
                    + ", width=" + width);
        }
        if (!KERAS_INTERPOLATIONS.contains(interpolation)) {
            throw new IllegalArgumentException("Invalid value for argument `interpolation`. Expected of one "
                    + KERAS_INTERPOLATIONS + ". Received: interpolation=" + interpolation);
        }
        if (!interpolation.equals("bilinear") && !interpolation.equals("nearest")) {
            throw new IllegalArgumentException("Resizing supports interpolation bilinear and nearest; got: "
                    + interpolation);
        }
        if (crop && pad) {
            throw new IllegalArgumentException("Only one of `pad_to_aspect_ratio` & `crop_to_aspect_ratio` can be"
                    + " True.");
        }
        if (pad || antialias) {
            throw new IllegalArgumentException("Resizing supports pad_to_aspect_ratio=False and antialias=False;"
                    + " got pad_to_aspect_ratio=" + pad + ", antialias=" + antialias);
        }
        this.base = base;
        this.height = height;
        this.width = width;
        this.interpolation = interpolation;
        this.cropToAspectRatio = crop;
        this.fillMode = fillMode;
        this.fillValue = fillValue;
        this.resampling = new Resampling(interpolation.equals("nearest") ? Interpolation.NEAREST
                : Interpolation.BILINEAR, FillMode.NEAREST, 0.0, WrapConvention.PERIODIC);
    }

    /**
     * {@return the layer Keras's {@code Resizing.get_config()} describes}
     *
     * @throws IllegalArgumentException for a missing size, an unknown key or a setting not supported (above)
     */
    public static Resizing fromConfig(Map<String, Object> config) {
        GeometricArgs.checkKeys("Resizing", config, KEYS);
        return new Resizing(GeometricArgs.base(config, "resizing"), GeometricArgs.integer(config, "height"),
                GeometricArgs.integer(config, "width"), GeometricArgs.string(config, "interpolation", "bilinear"),
                flag(config, "crop_to_aspect_ratio"), flag(config, "pad_to_aspect_ratio"),
                GeometricArgs.string(config, "fill_mode", "constant"), GeometricArgs.number(config, "fill_value", 0.0),
                flag(config, "antialias"));
    }

    private static boolean flag(Map<String, Object> config, String key) {
        Object v = config.get(key);
        if (v != null && !(v instanceof Boolean)) {
            throw new IllegalArgumentException("`" + key + "` must be true or false; got: " + v);
        }
        return Boolean.TRUE.equals(v);
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
        m.put("interpolation", interpolation);
        m.put("crop_to_aspect_ratio", cropToAspectRatio);
        m.put("pad_to_aspect_ratio", false);
        m.put("fill_mode", fillMode);
        m.put("fill_value", fillValue);
        m.put("antialias", false);
        return m;
    }

    /**
     * {@return false: every sample goes through it, augmented or not (Keras resizes at inference too, and the batch's samples must
     * share one size)}
     */
    @Override
    public boolean augments() {
        return false;
    }

    /** {@return the interpolation, clamping at the image's edges} */
    @Override
    public Resampling resampling() {
        return resampling;
    }

    /**
     * {@return true: every sample is resized the same way (Keras draws nothing)}
     *
     * @throws IllegalArgumentException with crop_to_aspect_ratio, when the window would grow along an axis it
     *     cuts, naming the sizes
     */
    @Override
    public Boolean draw(ImageShape image, RandomGenerator rng) {
        window(image);
        return Boolean.TRUE;
    }

    /** The source window {@code {top, left, rows, columns}} that is resized: the whole image without the crop. */
    private int[] window(ImageShape image) {
        if (!cropToAspectRatio) {
            return new int[] {0, 0, image.height(), image.width()};
        }
        return aspectWindow(image, height, width, "Resizing(" + height + ", " + width + ", crop_to_aspect_ratio=True)");
    }

    /**
     * {@return Keras's largest centred window {@code {top, left, rows, columns}} of {@code image} with the aspect
     * ratio of {@code height × width} (its {@code crop_to_aspect_ratio} and {@code smart_resize})}
     *
     * @param layer the layer and its arguments, for the message
     * @throws IllegalArgumentException when the window is cut along an axis and smaller than the target there
     *     (resizing it would read past its edge, where TensorFlow clamps to the window and one warp to the image)
     */
    static int[] aspectWindow(ImageShape image, int height, int width, String layer) {
        int h = image.height();
        int w = image.width();
        int cropHeight = Math.max(Math.min(h, (int) ((double) w * height / width)), 1);
        int cropWidth = Math.max(Math.min(w, (int) ((double) h * width / height)), 1);
        if ((cropHeight < h && cropHeight < height) || (cropWidth < w && cropWidth < width)) {
            throw new IllegalArgumentException(layer + " would enlarge its " + cropHeight + "x" + cropWidth
                    + " window of a " + h + "x" + w + " image along an axis it cuts, which is not supported"
                    + " (TensorFlow clamps at the window's edge)");
        }
        return new int[] {(h - cropHeight) / 2, (w - cropWidth) / 2, cropHeight, cropWidth};
    }

    /** {@return the geometry that resizes {@code window} ({@code {top, left, rows, columns}}) to the target} */
    static Geometry resize(int[] window, int height, int width) {
        double ry = (double) window[2] / height;
        double rx = (double) window[3] / width;
        return Geometry.inverse(new double[] {ry, 0, window[0] + 0.5 * ry - 0.5, 0, rx, window[1] + 0.5 * rx - 0.5},
                height, width);
    }

    @Override
    public Geometry geometry(Boolean params, ImageShape image) {
        return resize(window(image), height, width);
    }

    /**
     * {@return Keras's {@code Resizing.transform_bounding_boxes}: the boxes in {@code xyxy} scaled by
     * {@code width / w} and {@code height / h}, or with {@code crop_to_aspect_ratio} scaled to cover the output
     * and moved by {@code floor((scaled size − output size) / 2)}; clipped to the output and marked; a box whose
     * four input coordinates are all {@code -1} or all 0 (Keras's padding) comes out as zeros; in the boxes'
     * format}
     */
    @Override
    public BoundingBoxes transformBoundingBoxes(BoundingBoxes boxes, Boolean params, ImageShape image) {
        double h = image.height();
        double w = image.width();
        double[][] in = boxes.boxes();
        double scaleX = width / w;
        double scaleY = height / h;
        double left = 0;
        double top = 0;
        if (cropToAspectRatio) {
            double source = w / h;
            boolean wider = source > (double) width / height;
            double newWidth = wider ? height * source : width;
            double newHeight = wider ? height : width / source;
            scaleX = newWidth / w;
            scaleY = newHeight / h;
            left = Math.floor((newWidth - width) / 2);
            top = Math.floor((newHeight - height) / 2);
        }
        double sx = scaleX;
        double sy = scaleY;
        double dx = left;
        double dy = top;
        BoundingBoxes scaled = KerasBoxes.map(boxes.convert(BoxFormat.XYXY, h, w), BoxFormat.XYXY,
                b -> new double[] {b[0] * sx - dx, b[1] * sy - dy, b[2] * sx - dx, b[3] * sy - dy});
        BoundingBoxes clipped = scaled.clipToImageSize(height, width);
        double[][] out = clipped.boxes();
        for (int i = 0; i < out.length; i++) {
            if (padding(in[i])) {
                out[i] = new double[4];
            }
        }
        return BoundingBoxes.of(BoxFormat.XYXY, out, clipped.labels()).convert(boxes.format(), height, width);
    }

    private static boolean padding(double[] box) {
        boolean minusOnes = true;
        boolean zeros = true;
        for (double v : box) {
            minusOnes &= v == -1;
            zeros &= v == 0;
        }
        return minusOnes || zeros;
    }
}
