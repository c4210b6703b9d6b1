package io.jdatagen.image;

import io.jdatagen.boxes.BoundingBoxes;
import io.jdatagen.boxes.Keypoints;
import java.util.Arrays;
import java.util.Objects;

/**
 * One sample's bounding boxes and keypoints after {@link ImageDataGenerator#transformTargets}: moved by the
 * same forward map as the pixels of {@link ImageDataGenerator#applyTransform}, on the image that transform
 * produces. Boxes keep their place and format; a box that left the image keeps its clipped coordinates and
 * gets the label {@code -1} (as Keras 3's layers mark it); a keypoint that left it gets the visibility
 * {@link Keypoints#OUTSIDE}.
 *
 * @param boxes the mapped boxes, clipped to the output image
 * @param keypoints the mapped keypoints
 */
public record TransformedTargets(BoundingBoxes boxes, Keypoints keypoints) {
    /** @throws NullPointerException for a missing part (pass an empty one instead) */
    public TransformedTargets {
        Objects.requireNonNull(boxes, "boxes");
        Objects.requireNonNull(keypoints, "keypoints");
    }

    /**
     * {@code boxes} and {@code keypoints} on a {@code inHeight × inWidth} image moved by {@code map}, the
     * {@code {a00, a01, t0, a10, a11, t1, outHeight, outWidth}} of {@link SamplePipeline#forwardMap}.
     */
    static TransformedTargets map(double[] map, int inHeight, int inWidth, BoundingBoxes boxes,
            Keypoints keypoints) {
        double[] forward = Arrays.copyOf(map, 6);
        double outHeight = map[6];
        double outWidth = map[7];
        return new TransformedTargets(boxes.transform(forward, inHeight, inWidth, outHeight, outWidth),
                keypoints.transform(forward, outHeight, outWidth));
    }
}
