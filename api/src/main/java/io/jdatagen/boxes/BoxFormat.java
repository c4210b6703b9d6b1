package io.jdatagen.boxes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Keras 3's bounding-box formats, each four numbers per box, with Keras's names ({@link #kerasName()}).
 * {@link #convert} is {@code keras.utils.bounding_boxes.convert_format}: through {@code xyxy}, in
 * Keras's order of operations (in double where Keras computes in float32).
 *
 * <p>Keras 3.15.1 has no {@code rel_center_yxhw}: its {@code convert_format} refuses the name, so it is not
 * here either.
 *
 * @see <a href="https://keras.io/api/layers/preprocessing_layers/image_augmentation/">Keras image
 *     augmentation layers</a>
 */
public enum BoxFormat {
    /** {@code [left, top, right, bottom]} in pixels. */
    XYXY("xyxy"),
    /** {@code [top, left, bottom, right]} in pixels. */
    YXYX("yxyx"),
    /** {@code [left, top, width, height]} in pixels. */
    XYWH("xywh"),
    /** {@code [center_x, center_y, width, height]} in pixels. */
    CENTER_XYWH("center_xywh"),
    /** {@code [center_y, center_x, height, width]} in pixels. */
    CENTER_YXHW("center_yxhw"),
    /** {@link #XYXY} divided by the image's width (x) and height (y). */
    REL_XYXY("rel_xyxy"),
    /** {@link #YXYX} divided by the image's height (y) and width (x). */
    REL_YXYX("rel_yxyx"),
    /** {@link #XYWH} divided by the image's width (x, width) and height (y, height). */
    REL_XYWH("rel_xywh"),
    /** {@link #CENTER_XYWH} divided by the image's width (x, width) and height (y, height). */
    REL_CENTER_XYWH("rel_center_xywh");

    private final String kerasName;

    BoxFormat(String kerasName) {
        this.kerasName = kerasName;
    }

    /** {@return the name Keras gives this format, e.g. {@code "center_xywh"}} */
    public String kerasName() {
        return kerasName;
    }

    /** {@return whether the coordinates are fractions of the image's size (the {@code rel_} formats)} */
    public boolean isRelative() {
        return kerasName.startsWith("rel_");
    }

    /**
     * {@return the format Keras names {@code name}, compared ignoring case as Keras does}
     *
     * @throws IllegalArgumentException for another name, listing Keras's
     */
    public static BoxFormat fromKerasName(String name) {
        if (name != null) {
            String lower = name.toLowerCase(Locale.ROOT);
            for (BoxFormat f : values()) {
                if (f.kerasName.equals(lower)) {
                    return f;
                }
            }
        }
        List<String> names = new ArrayList<>();
        for (BoxFormat f : values()) {
            names.add(f.kerasName);
        }
        throw new IllegalArgumentException("bounding_box_format must be one of " + names + "; got: " + name);
    }

    /** The format with {@code rel_} removed (itself for an absolute format). */
    private BoxFormat absolute() {
        return switch (this) {
            case REL_XYXY -> XYXY;
            case REL_YXYX -> YXYX;
            case REL_XYWH -> XYWH;
            case REL_CENTER_XYWH -> CENTER_XYWH;
            default -> this;
        };
    }

    /**
     * {@return {@code boxes} (each of 4 numbers, in this format) in {@code target}, as a new array: Keras's
     * {@code convert_format(boxes, source=this, target=target, height=height, width=width)}} Between two
     * relative formats Keras converts as between their absolute forms (the size does not enter), and so
     * does this.
     *
     * @param height the image's height, used by the relative formats
     * @param width the image's width, used by the relative formats
     * @throws IllegalArgumentException for a box that is not 4 numbers, or a size that is not finite
     */
    public double[][] convert(double[][] boxes, BoxFormat target, double height, double width) {
        if (!Double.isFinite(height) || !Double.isFinite(width)) {
            throw new IllegalArgumentException("height and width must be finite to convert between " + kerasName
                    + " and " + target.kerasName + "; got height=" + height + ", width=" + width);
        }
        return convertBoxes(boxes, target, height, width);
    }

    /**
     * {@return {@code boxes} (each of 4 numbers, in this format) in {@code target}, both absolute formats}
     *
     * @throws IllegalArgumentException for a relative format (it needs the image's size: use
     *     {@link #convert(double[][], BoxFormat, double, double)}) or a box that is not 4 numbers
     */
    public double[][] convert(double[][] boxes, BoxFormat target) {
        if (isRelative() || target.isRelative()) {
            throw new IllegalArgumentException("converting between " + kerasName + " and " + target.kerasName
                    + " needs the image's height and width (Keras: convert_format() must receive `height` and"
                    + " `width` transforming between relative and absolute formats)");
        }
        return convertBoxes(boxes, target, Double.NaN, Double.NaN);
    }

    private double[][] convertBoxes(double[][] boxes, BoxFormat target, double height, double width) {
        double[][] out = new double[boxes.length][];
        BoxFormat source = this;
        BoxFormat to = target;
        if (source.isRelative() && to.isRelative()) {
            source = source.absolute();
            to = to.absolute();
        }
        for (int i = 0; i < boxes.length; i++) {
            if (boxes[i] == null || boxes[i].length != 4) {
                throw new IllegalArgumentException("boxes[" + i + "] must hold 4 numbers; got "
                        + (boxes[i] == null ? "null" : boxes[i].length));
            }
            out[i] = this == target ? boxes[i].clone()
                    : to.fromXyxy(source.toXyxy(boxes[i], height, width), height, width);
        }
        return out;
    }

    /** One box in this format as {@code xyxy}, Keras's {@code _<format>_to_xyxy}. */
    double[] toXyxy(double[] b, double height, double width) {
        return switch (this) {
            case XYXY -> b.clone();
            case YXYX -> new double[] {b[1], b[0], b[3], b[2]};
            case XYWH -> new double[] {b[0], b[1], b[0] + b[2], b[1] + b[3]};
            case CENTER_XYWH -> centre(b[0], b[1], b[2], b[3]);
            case CENTER_YXHW -> centre(b[1], b[0], b[3], b[2]);
            case REL_XYXY -> new double[] {b[0] * width, b[1] * height, b[2] * width, b[3] * height};
            case REL_YXYX -> new double[] {b[1] * width, b[0] * height, b[3] * width, b[2] * height};
            case REL_XYWH -> new double[] {b[0] * width, b[1] * height, (b[0] + b[2]) * width,
                    (b[1] + b[3]) * height};
            case REL_CENTER_XYWH -> new double[] {(b[0] - b[2] / 2.0) * width, (b[1] - b[3] / 2.0) * height,
                    (b[0] + b[2] / 2.0) * width, (b[1] + b[3] / 2.0) * height};
        };
    }

    private static double[] centre(double cx, double cy, double w, double h) {
        double halfW = w / 2.0;
        double halfH = h / 2.0;
        return new double[] {cx - halfW, cy - halfH, cx + halfW, cy + halfH};
    }

    /** One {@code xyxy} box in this format, Keras's {@code _xyxy_to_<format>}. */
    double[] fromXyxy(double[] b, double height, double width) {
        double x1 = b[0];
        double y1 = b[1];
        double x2 = b[2];
        double y2 = b[3];
        return switch (this) {
            case XYXY -> new double[] {x1, y1, x2, y2};
            case YXYX -> new double[] {y1, x1, y2, x2};
            case XYWH -> new double[] {x1, y1, x2 - x1, y2 - y1};
            case CENTER_XYWH -> new double[] {x1 + (x2 - x1) / 2.0, y1 + (y2 - y1) / 2.0, x2 - x1, y2 - y1};
            case CENTER_YXHW -> new double[] {y1 + (y2 - y1) / 2.0, x1 + (x2 - x1) / 2.0, y2 - y1, x2 - x1};
            case REL_XYXY -> new double[] {x1 / width, y1 / height, x2 / width, y2 / height};
            case REL_YXYX -> new double[] {y1 / height, x1 / width, y2 / height, x2 / width};
            case REL_XYWH -> new double[] {x1 / width, y1 / height, (x2 - x1) / width, (y2 - y1) / height};
            case REL_CENTER_XYWH -> new double[] {(x1 + (x2 - x1) / 2.0) / width, (y1 + (y2 - y1) / 2.0) / height,
                    (x2 - x1) / width, (y2 - y1) / height};
        };
    }
}
