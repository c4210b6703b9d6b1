/**
 * Bounding boxes as Keras 3 writes them: the formats ({@link io.jdatagen.boxes.BoxFormat}, with
 * Keras's names and {@code keras.utils.bounding_boxes.convert_format}'s arithmetic), one sample's boxes
 * and class labels ({@link io.jdatagen.boxes.BoundingBoxes}, a ragged list) and a batch's dense form
 * ({@link io.jdatagen.boxes.DenseBoundingBoxes}, Keras's {@code {"boxes": (B, N, 4), "labels": (B, N)}}
 * padded with {@code -1}), and one sample's keypoints ({@link io.jdatagen.boxes.Keypoints}: {@code (x, y,
 * visibility)}, ragged, moved exactly by the pixels' forward map, marked rather than dropped off the image).
 *
 * <p>Coordinates are in the image's pixel edges: an absolute {@code x} of 0 is the left edge of the image
 * and {@code width} its right edge, so pixel column {@code c} spans {@code [c, c + 1]}; the relative
 * ({@code rel_}) formats divide by the image's width and height. A label of {@code -1} is Keras's mark for
 * "no box": a padding slot, or a box whose area vanished when it was clipped to the image.
 *
 * <p>This is vocabulary: it depends on the JDK and {@code io.jdatagen.core} only, so that the layers, the
 * steps and the flows can all use it.
 *
 * @see <a href="https://keras.io/api/layers/preprocessing_layers/image_augmentation/">Keras image
 *     augmentation layers (their {@code bounding_box_format} argument)</a>
 */
package io.jdatagen.boxes;
