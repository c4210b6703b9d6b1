package io.jdatagen.layers;

import io.jdatagen.augment.Drawn;
import io.jdatagen.augment.GeometricStep;
import io.jdatagen.augment.Geometry;
import io.jdatagen.augment.ImageShape;
import io.jdatagen.augment.Step;
import io.jdatagen.augment.StepPipeline;
import io.jdatagen.boxes.Keypoints;
import java.util.ArrayList;
import java.util.List;

/**
 * Moves each sample's keypoints through the segments of a {@link KerasPipeline} the way its pixels went, by
 * the forward maps ({@link Keypoints#transform}, {@link Keypoints#transformProjective}): Keras 3.15.1 has no
 * keypoint transform for its image layers, so both modes follow the pixels exactly. In
 * {@link KerasPipeline.Mode#FUSED} mode each segment's geometric steps are one matrix per sample (the one its
 * warp inverts), and a point is marked outside only where that warp resamples; in
 * {@link KerasPipeline.Mode#KERAS_REFERENCE} mode each geometric layer's own matrix moves the points, layer
 * after layer, and a point that any layer moves off its image stays marked (its pixel was filled there), as
 * the pixels are resampled layer by layer. RandomPerspective, which is not affine and resamples on its own,
 * moves them through its homography's inverse where it stands, in both modes.
 */
final class SegmentKeypoints {
    private SegmentKeypoints() {
    }

    /**
     * {@return {@code points} (every sample's on an image of {@code input}'s shape) through the segments, with
     * what sample {@code j} drew in segment {@code k} at {@code drawn.get(k)[j]}}
     */
    static List<Keypoints> map(List<StepPipeline> segments, List<Drawn[]> drawn, ImageShape input,
            List<Keypoints> points, KerasPipeline.Mode mode) {
        List<Keypoints> out = new ArrayList<>(points.size());
        for (int j = 0; j < points.size(); j++) {
            Keypoints p = points.get(j);
            ImageShape shape = input;
            for (int k = 0; k < drawn.size(); k++) {
                StepPipeline segment = segments.get(k);
                Drawn d = drawn.get(k)[j];
                if (mode == KerasPipeline.Mode.FUSED && SegmentBoxes.anyGeometric(segment, d)) {
                    Geometry g = segment.geometry(d, shape);
                    p = p.transform(g.forward(), g.height(), g.width());
                    shape = shape.withSize(g.height(), g.width());
                }
                for (Step s : segment.steps()) {
                    Object params = d.get(s);
                    if (s instanceof GeometricStep<?> g && params != null
                            && mode == KerasPipeline.Mode.KERAS_REFERENCE) {
                        Geometry geometry = SegmentBoxes.geometry(g, params, shape);
                        p = p.transform(geometry.forward(), geometry.height(), geometry.width());
                        shape = shape.withSize(geometry.height(), geometry.width());
                    } else if (s instanceof RandomPerspective perspective) {
                        p = perspective.transformKeypoints(p, (RandomPerspective.Perspective) params, shape);
                    }
                }
            }
            out.add(p);
        }
        return out;
    }
}
