package io.jdatagen.boxes;

import java.util.Arrays;
import java.util.Objects;

/**
 * One sample's bounding boxes and their integer class labels, in one {@link BoxFormat}: the ragged,
 * per-sample form of Keras's {@code {"boxes": (N, 4), "labels": (N,)}}. Box {@code i} keeps its place
 * through every transform; a box whose area vanishes (it left the image) keeps its clipped coordinates
 * and gets the label {@code -1}, as Keras marks it; {@link #dropVanished()} removes those. Immutable.
 */
public final class BoundingBoxes {
    private final BoxFormat format;
    private final double[][] boxes;
    private final int[] labels;

    private BoundingBoxes(BoxFormat format, double[][] boxes, int[] labels) {
        this.format = format;
        this.boxes = boxes;
        this.labels = labels;
    }

    /**
     * {@return the boxes {@code boxes} (each 4 numbers in {@code format}) with their {@code labels}, copied}
     *
     * @throws IllegalArgumentException when a box is not 4 finite numbers or the two lengths differ
     */
    public static BoundingBoxes of(BoxFormat format, double[][] boxes, int[] labels) {
        Objects.requireNonNull(format, "format");
        if (boxes.length != labels.length) {
            throw new IllegalArgumentException("boxes and labels must have the same length; got " + boxes.length
                    + " boxes and " + labels.length + " labels");
        }
        double[][] copy = new double[boxes.length][];
        for (int i = 0; i < boxes.length; i++) {
            copy[i] = checked(boxes[i], i);
        }
        return new BoundingBoxes(format, copy, labels.clone());
    }

    /** {@return no boxes, in {@code format}} */
    public static BoundingBoxes empty(BoxFormat format) {
        return new BoundingBoxes(Objects.requireNonNull(format, "format"), new double[0][], new int[0]);
    }

    private static double[] checked(double[] box, int i) {
        if (box == null || box.length != 4) {
            throw new IllegalArgumentException("boxes[" + i + "] must hold 4 numbers; got "
                    + (box == null ? "null" : box.length));
        }
        for (double v : box) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("boxes[" + i + "] must be finite; got " + Arrays.toString(box));
            }
        }
        return box.clone();
    }

    /** {@return the format of the coordinates} */
    public BoxFormat format() {
        return format;
    }

    /** {@return the number of boxes, those labelled {@code -1} included} */
    public int size() {
        return boxes.length;
    }

    /** {@return the 4 coordinates of box {@code i}, in {@link #format()} (a copy)} */
    public double[] box(int i) {
        return boxes[i].clone();
    }

    /** {@return the label of box {@code i}; {@code -1} for a box that vanished or a padding slot} */
    public int label(int i) {
        return labels[i];
    }

    /** {@return every box's coordinates, {@code (N, 4)} (a copy)} */
    public double[][] boxes() {
        double[][] copy = new double[boxes.length][];
        for (int i = 0; i < boxes.length; i++) {
            copy[i] = boxes[i].clone();
        }
        return copy;
    }

    /** {@return every box's label (a copy)} */
    public int[] labels() {
        return labels.clone();
    }

    /**
     * {@return these boxes in {@code target}, the labels kept: Keras's {@code convert_format}}
     *
     * @param height the image's height, used by the relative formats
     * @param width the image's width, used by the relative formats
     * @throws IllegalArgumentException as {@link BoxFormat#convert(double[][], BoxFormat, double, double)}
     */
    public BoundingBoxes convert(BoxFormat target, double height, double width) {
        return new BoundingBoxes(target, format.convert(boxes, target, height, width), labels);
    }

    /**
     * {@return Keras's {@code clip_to_image_size}: each coordinate clipped to {@code [0, width]} (x) or
     * {@code [0, height]} (y) for {@link BoxFormat#XYXY}, to {@code [0, 1]} for {@link BoxFormat#REL_XYXY}
     * (the size unused), and the label {@code -1} for each box whose area {@code (x2 − x1)·(y2 − y1)} is then not
     * positive}
     *
     * @throws IllegalArgumentException for another format (Keras implements only these two)
     */
    public BoundingBoxes clipToImageSize(double height, double width) {
        if (format != BoxFormat.XYXY && format != BoxFormat.REL_XYXY) {
            throw new IllegalArgumentException("clipToImageSize needs boxes in xyxy or rel_xyxy; got "
                    + format.kerasName());
        }
        boolean rel = format == BoxFormat.REL_XYXY;
        return clipped(rel ? 1.0 : height, rel ? 1.0 : width);
    }

    /** The coordinates, read as xyxy, clipped to {@code [0, width] × [0, height]}, vanished boxes marked. */
    private BoundingBoxes clipped(double height, double width) {
        double[][] out = new double[boxes.length][];
        int[] marked = labels.clone();
        for (int i = 0; i < boxes.length; i++) {
            double[] b = boxes[i];
            out[i] = new double[] {clip(b[0], width), clip(b[1], height), clip(b[2], width), clip(b[3], height)};
            if (!((out[i][2] - out[i][0]) * (out[i][3] - out[i][1]) > 0)) {
                marked[i] = -1;
            }
        }
        return new BoundingBoxes(format, out, marked);
    }

    private static double clip(double v, double max) {
        return Math.min(Math.max(v, 0), max);
    }

    /**
     * {@return the boxes mapped by an affine map over pixel indices: each box's four corners through
     * {@code forward}, the box enclosing them, clipped to the {@code outHeight × outWidth} image, the label
     * {@code -1} where its area vanishes; in this format (of the output image's size)} The map is
     * {@code (row, column) → (a00·row + a01·column + t0, a10·row + a11·column + t1)} with
     * {@code forward = {a00, a01, t0, a10, a11, t1}}, over indices whose pixel centres are the integers, so
     * a box edge at {@code x} is the index {@code x − 0.5}: a map that moves pixels moves the boxes over them
     * exactly (a flip sends {@code x} to {@code width − x}).
     *
     * @param inHeight the height of the image the boxes are on
     * @param inWidth its width
     * @throws IllegalArgumentException for a map that is not 6 finite numbers
     */
    public BoundingBoxes transform(double[] forward, double inHeight, double inWidth, double outHeight,
            double outWidth) {
        if (forward.length != 6 || !Arrays.stream(forward).allMatch(Double::isFinite)) {
            throw new IllegalArgumentException("forward must be 6 finite numbers {a00, a01, t0, a10, a11, t1}; got "
                    + Arrays.toString(forward));
        }
        double[][] xyxy = format.convert(boxes, BoxFormat.XYXY, inHeight, inWidth);
        double[][] out = new double[xyxy.length][];
        for (int i = 0; i < xyxy.length; i++) {
            double[] b = xyxy[i];
            double[] xs = {b[0], b[2], b[2], b[0]};
            double[] ys = {b[1], b[1], b[3], b[3]};
            double minX = Double.POSITIVE_INFINITY;
            double minY = Double.POSITIVE_INFINITY;
            double maxX = Double.NEGATIVE_INFINITY;
            double maxY = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < 4; k++) {
                double r = ys[k] - 0.5;
                double c = xs[k] - 0.5;
                double y = forward[0] * r + forward[1] * c + forward[2] + 0.5;
                double x = forward[3] * r + forward[4] * c + forward[5] + 0.5;
                minX = Math.min(minX, x);
                maxX = Math.max(maxX, x);
                minY = Math.min(minY, y);
                maxY = Math.max(maxY, y);
            }
            out[i] = new double[] {minX, minY, maxX, maxY};
        }
        return new BoundingBoxes(BoxFormat.XYXY, out, labels).clipToImageSize(outHeight, outWidth)
                .convert(format, outHeight, outWidth);
    }

    /** {@return these boxes without those labelled {@code -1} (vanished boxes and padding slots)} */
    public BoundingBoxes dropVanished() {
        int n = 0;
        for (int l : labels) {
            if (l != -1) {
                n++;
            }
        }
        double[][] kept = new double[n][];
        int[] keptLabels = new int[n];
        int k = 0;
        for (int i = 0; i < boxes.length; i++) {
            if (labels[i] != -1) {
                kept[k] = boxes[i].clone();
                keptLabels[k++] = labels[i];
            }
        }
        return new BoundingBoxes(format, kept, keptLabels);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BoundingBoxes b && format == b.format && Arrays.deepEquals(boxes, b.boxes)
                && Arrays.equals(labels, b.labels);
    }

    @Override
    public int hashCode() {
        return Objects.hash(format, Arrays.deepHashCode(boxes), Arrays.hashCode(labels));
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("BoundingBoxes[").append(format.kerasName());
        for (int i = 0; i < boxes.length; i++) {
            s.append(i == 0 ? ": " : ", ").append(Arrays.toString(boxes[i])).append(" label ").append(labels[i]);
        }
        return s.append(']').toString();
    }
}
