package io.jdatagen.layers;

import io.jdatagen.boxes.BoundingBoxes;
import io.jdatagen.boxes.Keypoints;
import io.jdatagen.core.Tensor;
import java.util.List;
import java.util.Objects;

/**
 * A batch of images with each image's bounding boxes and keypoints, as
 * {@link KerasPipeline#apply(Tensor, List, List, long, int)} returns them.
 *
 * @param images the images, rank 4 (or rank 3 for one image)
 * @param boxes sample {@code i}'s boxes at index {@code i}, as {@link ImagesAndBoxes#boxes()} has them
 * @param keypoints sample {@code i}'s keypoints at index {@code i}, sized for the output images; a point that
 *     left the image keeps its place with the visibility {@link Keypoints#OUTSIDE}
 */
public record ImagesAndKeypoints(Tensor images, List<BoundingBoxes> boxes, List<Keypoints> keypoints) {
    /** Copies the lists (they must not hold null). */
    public ImagesAndKeypoints {
        Objects.requireNonNull(images, "images");
        boxes = List.copyOf(boxes);
        keypoints = List.copyOf(keypoints);
    }
}
