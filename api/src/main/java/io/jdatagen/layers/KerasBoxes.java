package io.jdatagen.layers;

import io.jdatagen.boxes.BoundingBoxes;
import io.jdatagen.boxes.BoxFormat;
import java.util.function.UnaryOperator;

/** Steps that Keras's {@code transform_bounding_boxes} methods share. */
final class KerasBoxes {
    private KerasBoxes() {
    }

    /** {@return {@code boxes}' coordinates, each box replaced by {@code f} of it, labelled as {@code format}} */
    static BoundingBoxes map(BoundingBoxes boxes, BoxFormat format, UnaryOperator<double[]> f) {
        double[][] b = boxes.boxes();
        for (int i = 0; i < b.length; i++) {
            b[i] = f.apply(b[i]);
        }
        return BoundingBoxes.of(format, b, boxes.labels());
    }

    /**
     * {@return Keras's {@code clip_to_image_size(..., bounding_box_format="xyxy")} on {@code boxes}' coordinates
     * whatever their format (the format kept): RandomFlip calls it so on relative coordinates}
     */
    static BoundingBoxes clipAsXyxy(BoundingBoxes boxes, double height, double width) {
        BoundingBoxes clipped = BoundingBoxes.of(BoxFormat.XYXY, boxes.boxes(), boxes.labels())
                .clipToImageSize(height, width);
        return BoundingBoxes.of(boxes.format(), clipped.boxes(), clipped.labels());
    }

    /**
     * {@return Keras's zoom and crop window step ({@code get_clipped_bbox}): each {@code xyxy} coordinate clipped to
     * the window {@code [wStart, wEnd] × [hStart, hEnd]} and moved by its start}
     */
    static BoundingBoxes window(BoundingBoxes xyxy, double hStart, double hEnd, double wStart, double wEnd) {
        return map(xyxy, BoxFormat.XYXY, b -> new double[] {clip(b[0], wStart, wEnd) - wStart,
                clip(b[1], hStart, hEnd) - hStart, clip(b[2], wStart, wEnd) - wStart,
                clip(b[3], hStart, hEnd) - hStart});
    }

    private static double clip(double v, double lo, double hi) {
        return Math.min(Math.max(v, lo), hi);
    }
}
