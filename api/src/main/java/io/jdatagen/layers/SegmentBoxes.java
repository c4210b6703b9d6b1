package io.jdatagen.layers;

import io.jdatagen.augment.Drawn;
import io.jdatagen.augment.GeometricStep;
import io.jdatagen.augment.Geometry;
import io.jdatagen.augment.ImageShape;
import io.jdatagen.augment.Step;
import io.jdatagen.augment.StepPipeline;
import io.jdatagen.boxes.BoundingBoxes;
import java.util.ArrayList;
import java.util.List;

/**
 * Moves each sample's boxes through the segments of a {@link KerasPipeline} the way its pixels went. In
 * {@link KerasPipeline.Mode#FUSED} mode each segment's geometric steps are one matrix per sample (the one the
 * warp inverts), so the boxes' corners go through that matrix's forward map, the enclosing box is clipped to
 * the segment's output and boxes whose area vanishes are marked {@code -1}: clipping happens where the pixels
 * are resampled, not between the layers a warp fuses. In {@link KerasPipeline.Mode#KERAS_REFERENCE} mode each
 * geometric layer runs its Keras {@code transform_bounding_boxes} ({@link BoxTransform}), layer after layer. In
 * both modes a layer that moves no pixel but changes the boxes ({@link MaxNumBoundingBoxes}) runs in its place.
 */
final class SegmentBoxes {
    private SegmentBoxes() {
    }

    /**
     * {@return {@code boxes} (every sample's on an image of {@code input}'s shape) through the segments, with
     * what sample {@code j} drew in segment {@code k} at {@code drawn.get(k)[j]}}
     *
     * @throws IllegalArgumentException in reference mode, for a geometric layer that cannot move boxes
     */
    static List<BoundingBoxes> map(List<StepPipeline> segments, List<Drawn[]> drawn, ImageShape input,
            List<BoundingBoxes> boxes, KerasPipeline.Mode mode) {
        List<BoundingBoxes> out = new ArrayList<>(boxes.size());
        for (int j = 0; j < boxes.size(); j++) {
            BoundingBoxes b = boxes.get(j);
            ImageShape shape = input;
            for (int k = 0; k < drawn.size(); k++) {
                StepPipeline segment = segments.get(k);
                Drawn d = drawn.get(k)[j];
                if (mode == KerasPipeline.Mode.FUSED && anyGeometric(segment, d)) {
                    Geometry g = segment.geometry(d, shape);
                    b = b.transform(g.forward(), shape.height(), shape.width(), g.height(), g.width());
                    shape = shape.withSize(g.height(), g.width());
                }
                for (Step s : segment.steps()) {
                    Object p = d.get(s);
                    if (s instanceof GeometricStep<?> g) {
                        if (mode == KerasPipeline.Mode.KERAS_REFERENCE) {
                            b = reference(s, p, b, shape);
                            if (p != null) {
                                Geometry geometry = geometry(g, p, shape);
                                shape = shape.withSize(geometry.height(), geometry.width());
                            }
                        }
                    } else if (s instanceof BoxTransform<?> t) {
                        b = apply(t, p, b, shape);
                    }
                }
            }
            out.add(b);
        }
        return out;
    }

    /** {@return whether a geometric step of {@code segment} drew a transformation for the sample} */
    static boolean anyGeometric(StepPipeline segment, Drawn d) {
        for (Step s : segment.steps()) {
            if (s instanceof GeometricStep<?> && d.get(s) != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * One layer's Keras box transform; a RandomFlip that drew nothing still runs it (Keras clips then too), other
     * layers that drew nothing leave the boxes.
     */
    @SuppressWarnings("unchecked")
    private static <P> BoundingBoxes reference(Step step, Object params, BoundingBoxes boxes, ImageShape shape) {
        if (!(step instanceof BoxTransform<?> t)) {
            throw new IllegalArgumentException("the geometric layer " + step.name() + " cannot move bounding boxes;"
                    + " the layers that can: RandomFlip, RandomRotation, RandomTranslation, RandomZoom, RandomShear,"
                    + " CenterCrop, RandomCrop, Resizing");
        }
        if (params == null && !(step instanceof RandomFlip)) {
            return boxes;
        }
        return ((BoxTransform<P>) t).transformBoundingBoxes(boxes, (P) params, shape);
    }

    /** A layer that moves no pixel but changes the boxes (MaxNumBoundingBoxes), with what it drew (or null). */
    @SuppressWarnings("unchecked")
    private static <P> BoundingBoxes apply(BoxTransform<P> t, Object params, BoundingBoxes boxes, ImageShape shape) {
        return t.transformBoundingBoxes(boxes, (P) params, shape);
    }

    /** {@return {@code step}'s geometry for what it drew} */
    @SuppressWarnings("unchecked")
    static <P> Geometry geometry(GeometricStep<P> step, Object params, ImageShape shape) {
        return step.geometry((P) params, shape);
    }
}
