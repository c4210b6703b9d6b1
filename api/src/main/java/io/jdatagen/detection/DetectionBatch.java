package io.jdatagen.detection;

import io.jdatagen.boxes.DenseBoundingBoxes;
import io.jdatagen.boxes.Keypoints;
import io.jdatagen.core.Tensor;
import java.util.List;
import java.util.Objects;

/**
 * One batch of a {@link DetectionFlow}: the images and their targets in Keras's dense form, ragged keypoints
 * beside them. Box {@code i} of sample {@code b} is box {@code i} of {@code sources().get(b)} (its crowd flag
 * there), moved with the pixels; a box that left the image keeps its slot with the label {@code -1}, as Keras
 * marks it, and the slots after a sample's {@link DenseBoundingBoxes#counts()} are padding ({@code -1}).
 *
 * @param images {@code (B, height, width, channels)}, float pixel values 0 to 255 before any rescaling layer
 * @param boxes the boxes, {@code (B, N, 4)} in the flow's format with labels {@code (B, N)} and counts
 * @param keypoints sample {@code b}'s keypoints at {@code b} ({@code K} per box, in box order, or none)
 * @param sources the annotated images the samples come from, in batch order
 */
public record DetectionBatch(Tensor images, DenseBoundingBoxes boxes, List<Keypoints> keypoints,
        List<AnnotatedImage> sources) {
    /** Copies the lists. */
    public DetectionBatch {
        Objects.requireNonNull(images, "images");
        Objects.requireNonNull(boxes, "boxes");
        keypoints = List.copyOf(keypoints);
        sources = List.copyOf(sources);
    }

    /** {@return the number of samples} */
    public int size() {
        return sources.size();
    }
}
