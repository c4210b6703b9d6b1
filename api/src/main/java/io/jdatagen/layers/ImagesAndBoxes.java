package io.jdatagen.layers;

import io.jdatagen.boxes.BoundingBoxes;
import io.jdatagen.core.Tensor;
import java.util.List;
import java.util.Objects;

/**
 * A batch of images with each image's bounding boxes, as {@link KerasPipeline#apply(Tensor, List, long, int)}
 * returns them: Keras's {@code {"images": ..., "bounding_boxes": ...}}, the boxes per sample
 * ({@link io.jdatagen.boxes.DenseBoundingBoxes#of(List)} makes Keras's dense form of them).
 *
 * @param images the images, rank 4 (or rank 3 for one image)
 * @param boxes sample {@code i}'s boxes at index {@code i}, in the format they were given in, sized for the
 *     output images; a box that left the image keeps its place with the label {@code -1}
 */
public record ImagesAndBoxes(Tensor images, List<BoundingBoxes> boxes) {
    /** Copies the list (it must not hold null). */
    public ImagesAndBoxes {
        Objects.requireNonNull(images, "images");
        boxes = List.copyOf(boxes);
    }
}
